// The self-evaluation schema against the contract (pif.reporting.v1.SelfEvaluation), and its
// validation of rows.
#include "pif/reporting/domain/self_evaluation_schema.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/reporting/v1/self_evaluation.pb.h"
#include "pif/submission/flat_record.h"
#include "pif/submission/validate.h"

namespace pif::reporting {
namespace {

using ::testing::ElementsAreArray;
using ::testing::IsEmpty;

const submission::RecordSchema& Type() { return *SelfEvaluationSchema().Find(kSelfEvaluationType); }

std::vector<std::string> RuleCodes(std::vector<std::pair<std::string, std::string>> cells) {
  submission::FlatRecord record = submission::FromNamedCells(Type(), cells, nullptr);
  std::vector<std::string> codes;
  for (const FieldViolation& violation : submission::ValidateRecord(record)) {
    codes.push_back(violation.field + ":" + violation.rule_code);
  }
  return codes;
}

TEST(SelfEvaluationSchemaTest, IsConsistentAndNamesTheContractsFileAndTable) {
  EXPECT_TRUE(submission::CheckSchema(SelfEvaluationSchema()).ok());
  ASSERT_EQ(SelfEvaluationSchema().types.size(), 1u);
  EXPECT_EQ(Type().file, "self_evaluations.csv");
  EXPECT_EQ(Type().table, "self_evaluations");
  EXPECT_EQ(SelfEvaluationSchema().FindByFile("self_evaluations.csv"), &Type());
}

TEST(SelfEvaluationSchemaTest, HasTheProtoMessagesFieldsInOrder) {
  const google::protobuf::Descriptor* message = v1::SelfEvaluation::descriptor();
  std::vector<std::string> fields;
  for (int i = 0; i < message->field_count(); ++i) fields.push_back(message->field(i)->name());
  std::vector<std::string> columns;
  for (const submission::Column& column : Type().columns) columns.push_back(column.name);
  EXPECT_THAT(columns, ElementsAreArray(fields));
}

TEST(SelfEvaluationSchemaTest, AcceptsAFullRowAndLongEvidence) {
  EXPECT_THAT(RuleCodes({{"eval_id", "E1"},
                         {"area", "3"},
                         {"qi_ref", "2.1"},
                         {"eval_date", "2024-05-01"},
                         {"grade", "5"},
                         {"evidence", std::string(15000, 'e')},
                         {"approved_by", "Chief Social Work Officer"}}),
              IsEmpty());
}

TEST(SelfEvaluationSchemaTest, RefusesAreasOutsideOneToTenAndGradesOutsideOneToSix) {
  EXPECT_THAT(
      RuleCodes({{"eval_id", "E1"}, {"area", "11"}, {"eval_date", "2024-05-01"}, {"grade", "0"}}),
      ElementsAreArray({"area:OUT_OF_RANGE", "grade:OUT_OF_RANGE"}));
}

TEST(SelfEvaluationSchemaTest, RequiresIdAreaDateAndGrade) {
  EXPECT_THAT(
      RuleCodes({{"qi_ref", "1.1"}}),
      ElementsAreArray({"eval_id:REQUIRED_FIELD_MISSING", "area:REQUIRED_FIELD_MISSING",
                        "eval_date:REQUIRED_FIELD_MISSING", "grade:REQUIRED_FIELD_MISSING"}));
}

TEST(SelfEvaluationSchemaTest, RefusesEvidenceBeyondItsLimitAndAMalformedDate) {
  EXPECT_THAT(RuleCodes({{"eval_id", "E1"},
                         {"area", "1"},
                         {"eval_date", "2024-02-30"},
                         {"grade", "4"},
                         {"evidence", std::string(kEvidenceMaxLength + 1, 'e')}}),
              ElementsAreArray({"eval_date:MALFORMED_DATE", "evidence:VALUE_TOO_LONG"}));
}

}  // namespace
}  // namespace pif::reporting
