#include "pif/reporting/domain/self_evaluations.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "pif/core/council.h"
#include "pif/reporting/framework/framework.h"
#include "pif/submission/validate.h"

namespace pif::reporting {
namespace {

constexpr int kDefaultEvaluationPage = 100;
constexpr int kMaxEvaluationPage = 500;

// The evaluation of a recording as a valid flat record, its values canonical; INVALID_ARGUMENT with
// every violation (fields named `self_evaluation.<column>`) otherwise.
absl::StatusOr<submission::FlatRecord> ValidEvaluationOf(const EvaluationRecording& recording) {
  if (!recording.evaluation.has_value()) {
    return InvalidField("self_evaluation", "REQUIRED_FIELD_MISSING", "self_evaluation is required");
  }
  // Validation also puts the values in their canonical form, so it works on a copy.
  submission::FlatRecord evaluation = *recording.evaluation;
  std::vector<FieldViolation> violations = recording.conversion_violations;
  for (FieldViolation& violation : submission::ValidateRecord(evaluation)) {
    violations.push_back(std::move(violation));
  }
  if (violations.empty()) return evaluation;
  for (FieldViolation& violation : violations) {
    violation.field = violation.field.empty() ? "self_evaluation"
                                              : absl::StrCat("self_evaluation.", violation.field);
  }
  return InvalidArgumentWithFields(
      absl::StrCat("the self-evaluation is not valid: ", violations.front().message), violations);
}

// The day of `on_or_before`; INVALID_ARGUMENT when it is not a calendar date.
absl::StatusOr<dates::Date> OnOrBeforeOf(const figures::DayFields& day) {
  std::optional<dates::Date> date;
  if (day.year >= dates::kMinYear && day.year <= dates::kMaxYear) {
    date = dates::Date::FromYmd(day.year, day.month, day.day);
  }
  if (!date.has_value()) {
    return InvalidField("on_or_before", "MALFORMED_DATE", "on_or_before must be a calendar date");
  }
  return *date;
}

// The query as a store filter, its paging left to the caller.
absl::StatusOr<SelfEvaluationFilter> FilterOf(const SelfEvaluationQuery& query) {
  SelfEvaluationFilter filter;
  filter.council = query.council;
  for (size_t i = 0; i < query.areas.size(); ++i) {
    const int area = query.areas[i];
    if (area < 1 || area > kAreaCount) {
      return InvalidField(absl::StrCat("areas[", i, "]"), "OUT_OF_RANGE",
                          absl::StrCat("areas[", i, "] must be 1 to ", kAreaCount));
    }
    filter.areas.push_back(area);
  }
  if (query.on_or_before.has_value()) {
    absl::StatusOr<dates::Date> day = OnOrBeforeOf(*query.on_or_before);
    if (!day.ok()) return day.status();
    filter.on_or_before = *day;
  }
  filter.latest_only = query.latest_only;
  return filter;
}

}  // namespace

absl::StatusOr<RecordedOne> SelfEvaluations::Record(const EvaluationRecording& recording) {
  if (absl::Status checked = CheckCouncil(recording.council); !checked.ok()) return checked;
  absl::StatusOr<submission::FlatRecord> evaluation = ValidEvaluationOf(recording);
  if (!evaluation.ok()) return evaluation.status();
  return store_.Record(recording.council, *evaluation, recording.caller);
}

absl::StatusOr<Page<v1::RecordedSelfEvaluation>> SelfEvaluations::List(
    const SelfEvaluationQuery& query) {
  if (absl::Status checked = CheckCouncil(query.council); !checked.ok()) return checked;
  absl::StatusOr<SelfEvaluationFilter> filter = FilterOf(query);
  if (!filter.ok()) return filter.status();
  absl::StatusOr<PageWindow> window =
      WindowOf(query.page, kDefaultEvaluationPage, kMaxEvaluationPage);
  if (!window.ok()) return window.status();
  filter->limit = window->limit();
  filter->offset = window->offset;
  absl::StatusOr<std::vector<v1::RecordedSelfEvaluation>> listed = store_.List(*filter);
  if (!listed.ok()) return listed.status();
  return PageOf(*std::move(listed), *window);
}

}  // namespace pif::reporting
