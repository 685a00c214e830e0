#include "pif/reporting/domain/self_evaluation_schema.h"

#include <string>
#include <utility>

#include "pif/reporting/framework/framework.h"

namespace pif::reporting {
namespace {

using submission::Column;
using submission::ColumnKind;

Column Text(std::string name, bool required = false,
            int max_length = submission::kDefaultMaxLength) {
  Column column{std::move(name), ColumnKind::kText, required, {}};
  column.max_length = max_length;
  return column;
}

Column Integer(std::string name, int min, int max) {
  Column column{std::move(name), ColumnKind::kInteger, true, {}};
  column.min = min;
  column.max = max;
  return column;
}

submission::SubmissionSchema Build() {
  submission::SubmissionSchema schema;
  schema.service = "reporting";
  submission::RecordSchema evaluation{
      kSelfEvaluationType, "self_evaluations.csv", "self_evaluations", {}, {"eval_id"}};
  evaluation.columns = {
      Text("eval_id", true),
      Integer("area", 1, kAreaCount),
      Text("qi_ref"),
      Column{"eval_date", ColumnKind::kDate, true, {}},
      Integer("grade", kLowestGrade, kHighestGrade),
      Text("evidence", false, kEvidenceMaxLength),
      Text("approved_by", false, submission::kFreeTextMaxLength),
  };
  schema.types.push_back(std::move(evaluation));
  return schema;
}

}  // namespace

const submission::SubmissionSchema& SelfEvaluationSchema() {
  static const auto* const schema = new submission::SubmissionSchema(Build());
  return *schema;
}

}  // namespace pif::reporting
