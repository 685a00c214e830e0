#include "pif/reporting/domain/self_evaluation_summary.h"

#include <algorithm>
#include <tuple>

#include "pif/proto_util/dates.h"
#include "pif/reporting/framework/framework.h"

namespace pif::reporting {

LatestEvaluations LatestPerArea(const std::vector<v1::SelfEvaluation>& evaluations,
                                const dates::Date& census) {
  LatestEvaluations latest(kAreaCount);
  // The chosen evaluation's date per area, to compare without re-parsing.
  std::vector<dates::Date> chosen_dates(kAreaCount);
  for (const v1::SelfEvaluation& evaluation : evaluations) {
    if (evaluation.area() < 1 || evaluation.area() > kAreaCount) continue;
    const std::optional<dates::Date> date = DateFromProto(evaluation.eval_date());
    if (!date.has_value() || *date > census) continue;
    const size_t slot = static_cast<size_t>(evaluation.area() - 1);
    std::optional<v1::SelfEvaluation>& current = latest[slot];
    if (current.has_value() &&
        std::tie(chosen_dates[slot], current->eval_id()) >= std::tie(*date, evaluation.eval_id())) {
      continue;
    }
    current = evaluation;
    chosen_dates[slot] = *date;
  }
  return latest;
}

v1::AreaEvaluation AreaEvaluationOf(int area, const std::optional<v1::SelfEvaluation>& latest) {
  v1::AreaEvaluation result;
  result.set_area(area);
  result.set_area_title(AreaTitle(area));
  if (latest.has_value()) {
    *result.mutable_self_evaluation() = *latest;
    result.set_grade_label(GradeLabel(latest->grade()));
  }
  return result;
}

std::optional<double> MedianGrade(std::vector<int> grades) {
  if (grades.empty()) return std::nullopt;
  std::sort(grades.begin(), grades.end());
  const size_t middle = grades.size() / 2;
  if (grades.size() % 2 == 1) return grades[middle];
  return (grades[middle - 1] + grades[middle]) / 2.0;
}

v1::SelfEvaluationSummary SummarizeSelfEvaluation(const LatestEvaluations& latest) {
  v1::SelfEvaluationSummary summary;
  std::vector<int> grades;
  std::vector<int> counts(kHighestGrade + 1, 0);
  const std::optional<v1::SelfEvaluation> not_evaluated;
  for (int area = 1; area <= kAreaCount; ++area) {
    const size_t slot = static_cast<size_t>(area - 1);
    const std::optional<v1::SelfEvaluation>& evaluation =
        slot < latest.size() ? latest[slot] : not_evaluated;
    *summary.add_areas() = AreaEvaluationOf(area, evaluation);
    if (!evaluation.has_value()) continue;
    const int grade = evaluation->grade();
    if (grade < kLowestGrade || grade > kHighestGrade) continue;
    grades.push_back(grade);
    ++counts[static_cast<size_t>(grade)];
  }
  for (int grade = kHighestGrade; grade >= kLowestGrade; --grade) {
    v1::GradeCount* count = summary.add_grade_counts();
    count->set_grade(grade);
    count->set_label(GradeLabel(grade));
    count->set_count(counts[static_cast<size_t>(grade)]);
  }
  summary.set_evaluated_area_count(static_cast<int32_t>(grades.size()));
  if (std::optional<double> median = MedianGrade(grades); median.has_value()) {
    summary.set_median_grade(*median);
  }
  return summary;
}

}  // namespace pif::reporting
