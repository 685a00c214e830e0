// Indicator 10.1 (indicators.md section 6): for each area the latest graded evaluation on or
// before the census date, areas not evaluated shown as such, the count of areas at each grade and
// the median grade. Grades are ordinal: a median may be shown, a mean never.
#pragma once

#include <optional>
#include <vector>

#include "pif/dates/date.h"
#include "pif/reporting/v1/report.pb.h"
#include "pif/reporting/v1/self_evaluation.pb.h"

namespace pif::reporting {

// The latest evaluation per area, index 0 for area 1 ... 9 for area 10; nullopt = not evaluated.
using LatestEvaluations = std::vector<std::optional<v1::SelfEvaluation>>;

// Of `evaluations` (the versions in force), the latest of each area dated on or before `census`:
// greatest eval_date, then greatest eval_id (string order). Evaluations of an area outside 1-10
// or with an eval_date that is not a calendar date are ignored.
LatestEvaluations LatestPerArea(const std::vector<v1::SelfEvaluation>& evaluations,
                                const dates::Date& census);

// An area with its latest evaluation (unset, and an empty label, when not evaluated).
v1::AreaEvaluation AreaEvaluationOf(int area, const std::optional<v1::SelfEvaluation>& latest);

// The median of grades: the middle one, or halfway between the two middle ones; nullopt when
// there are none.
std::optional<double> MedianGrade(std::vector<int> grades);

// 10.1: all ten areas in order, the count at each grade from 6 down to 1 (zeros included), the
// number of areas evaluated and their median grade.
v1::SelfEvaluationSummary SummarizeSelfEvaluation(const LatestEvaluations& latest);

}  // namespace pif::reporting
