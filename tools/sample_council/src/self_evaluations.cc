#include "workforce.h"

namespace pif::sample::internal {
namespace {

// Quality indicator and evidence of each framework area (indicators.md section 6).
struct Area {
  const char* qi_ref;
  const char* evidence;
};

constexpr Area kAreas[] = {
    {"QI 1.1", "Trend analysis of PIF key outcome indicators over five years; quarterly scorecard"},
    {"QI 2.1", "Annual survey of children and parents; feedback from the \"Champions Board\""},
    {"QI 3.1", "Staff survey, supervision audit and exit questionnaires"},
    {"QI 4.1", "Community planning partnership consultation and complaints analysis"},
    {"QI 5.1", "Case file audit of assessments, plans and reviews (sample of 60 files)"},
    {"QI 6.1", "Children's services plan progress report and policy review schedule"},
    {"QI 7.1", "Workforce plan, vacancy and absence reports, CPD and SSSC registration records"},
    {"QI 8.1", "Budget monitoring, commissioning plan and placement sufficiency statement"},
    {"QI 9.1", "Chief Social Work Officer annual report and leadership team self-assessment"},
    {"QI 10.1", "Improvement plan actions completed; findings of the last joint inspection"},
};

}  // namespace

std::vector<SelfEvaluationRow> DrawSelfEvaluations(const Context& context, Random& r) {
  std::vector<SelfEvaluationRow> rows;
  int area = 1;
  for (const Area& a : kAreas) {
    SelfEvaluationRow row;
    row.eval_id = FormatId("SE", area, 3);
    row.area = area;
    row.qi_ref = a.qi_ref;
    row.eval_date = context.as_of.AddDays(-r.Between(20, 330));
    // Grades as councils usually give themselves: mostly good or adequate.
    row.grade = PickWeighted<int>(r, {2, 3, 4, 5, 6}, {5, 25, 40, 25, 5});
    row.evidence = a.evidence;
    row.approved_by = "Chief Social Work Officer";
    rows.push_back(std::move(row));
    ++area;
  }
  return rows;
}

}  // namespace pif::sample::internal
