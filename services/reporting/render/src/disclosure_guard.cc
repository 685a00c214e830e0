#include "disclosure_guard.h"

namespace pif::report_render {
namespace {

using common::v1::Count;

bool Suppressed(bool present, const Count& count) {
  return present && count.count_case() == Count::kSuppressed;
}

// Replaces the value of `message` (an IndicatorResult, BreakdownCell or TrendPoint) when one of
// its counts is suppressed.
template <typename Message>
void Guard(Message* message) {
  const bool numerator = Suppressed(message->has_numerator(), message->numerator());
  const bool denominator = Suppressed(message->has_denominator(), message->denominator());
  if (!numerator && !denominator) return;
  const common::v1::WithholdReason reason =
      numerator ? common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED
                : common::v1::WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD;
  if (message->has_value() &&
      message->value().percentage_case() == common::v1::Percentage::kValue) {
    message->mutable_value()->set_withheld(reason);
  }
  if (message->has_measure() && message->measure().measure_case() == common::v1::Measure::kValue) {
    message->mutable_measure()->set_withheld(reason);
  }
}

void GuardEntry(reporting::v1::IndicatorEntry* entry) {
  common::v1::IndicatorResult* result = entry->mutable_result();
  Guard(result);
  for (common::v1::BreakdownCell& cell : *result->mutable_breakdowns()) Guard(&cell);
  if (entry->has_previous()) Guard(entry->mutable_previous());
  for (reporting::v1::TrendPoint& point : *entry->mutable_trend_points()) Guard(&point);
}

}  // namespace

void WithholdValuesOfSuppressedCounts(reporting::v1::Report* report) {
  for (reporting::v1::KeyQuestion& question : *report->mutable_key_questions()) {
    for (reporting::v1::Area& area : *question.mutable_areas()) {
      for (reporting::v1::ThemeGroup& group : *area.mutable_theme_groups()) {
        for (reporting::v1::IndicatorEntry& entry : *group.mutable_indicators()) {
          GuardEntry(&entry);
        }
      }
      for (reporting::v1::IndicatorEntry& entry : *area.mutable_indicators()) GuardEntry(&entry);
    }
  }
}

}  // namespace pif::report_render
