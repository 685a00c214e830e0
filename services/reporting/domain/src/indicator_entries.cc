#include "pif/reporting/domain/indicator_entries.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "pif/proto_util/dates.h"
#include "pif/reporting/domain/trend.h"

namespace pif::reporting {
namespace {

std::string PeriodText(const figures::Period& period) {
  return absl::StrCat(period.first.ToString(), " to ", period.last.ToString());
}

// Adds a note when a trend point was computed with another definition version than the current
// result (the latest such point is named).
void AddDefinitionChange(const std::string& code, v1::IndicatorEntry* entry) {
  const std::string& current = entry->result().definition_version();
  const v1::TrendPoint* changed = nullptr;
  for (const v1::TrendPoint& point : entry->trend_points()) {
    if (point.definition_version() != current) changed = &point;
  }
  if (changed == nullptr) return;
  const std::optional<dates::Date> first = DateFromProto(changed->period().first_day());
  const std::optional<dates::Date> last = DateFromProto(changed->period().last_day());
  const std::string period =
      first.has_value() && last.has_value() ? PeriodText({*first, *last}) : "an earlier period";
  common::v1::DataQualityNote note;
  note.set_code("DEFINITION_CHANGED");
  note.set_indicator_code(code);
  note.set_message(absl::StrCat("The definition of ", code, " changed within the trend (version ",
                                changed->definition_version(), " in ", period, ", version ",
                                current,
                                " now): values either side of the change are not "
                                "comparable."));
  *entry->add_notes() = std::move(note);
}

}  // namespace

PeriodFigures IndexFigures(
    const figures::Period& period, const common::v1::Provenance& provenance,
    const google::protobuf::RepeatedPtrField<common::v1::IndicatorResult>& results,
    const google::protobuf::RepeatedPtrField<common::v1::DataQualityNote>& notes) {
  PeriodFigures figures;
  figures.period = period;
  figures.provenance = provenance;
  for (const common::v1::IndicatorResult& result : results)
    figures.by_code[result.code()] = &result;
  figures.notes.assign(notes.begin(), notes.end());
  return figures;
}

v1::TrendPoint TrendPointOf(const figures::Period& period,
                            const common::v1::IndicatorResult& result,
                            const std::string& result_id) {
  v1::TrendPoint point;
  *point.mutable_period() = PeriodToProto(period);
  if (result.has_value()) *point.mutable_value() = result.value();
  if (result.has_measure()) *point.mutable_measure() = result.measure();
  if (result.has_numerator()) *point.mutable_numerator() = result.numerator();
  if (result.has_denominator()) *point.mutable_denominator() = result.denominator();
  point.set_definition_version(result.definition_version());
  point.set_result_id(result_id);
  return point;
}

v1::IndicatorEntry MakeEntry(const std::string& code, const std::vector<PeriodFigures>& periods,
                             int trend_period_count) {
  v1::IndicatorEntry entry;
  if (periods.empty()) return entry;
  const PeriodFigures& current = periods.back();
  auto found = current.by_code.find(code);
  if (found == current.by_code.end()) return entry;
  const common::v1::IndicatorResult& result = *found->second;
  *entry.mutable_result() = result;
  entry.set_result_id(current.provenance.result_id());

  const size_t first_trend =
      periods.size() -
      std::min(periods.size(), static_cast<size_t>(std::max(1, trend_period_count)));
  for (size_t i = first_trend; i < periods.size(); ++i) {
    auto in_period = periods[i].by_code.find(code);
    if (in_period == periods[i].by_code.end()) continue;
    *entry.add_trend_points() =
        TrendPointOf(periods[i].period, *in_period->second, periods[i].provenance.result_id());
  }
  const v1::TrendPoint now = TrendPointOf(current.period, result, current.provenance.result_id());
  if (periods.size() >= 2) {
    const PeriodFigures& before = periods[periods.size() - 2];
    auto previous = before.by_code.find(code);
    if (previous != before.by_code.end()) {
      *entry.mutable_previous() =
          TrendPointOf(before.period, *previous->second, before.provenance.result_id());
    }
  }
  entry.set_change(
      ChangeBetween(entry.has_previous() ? &entry.previous() : nullptr, now, result.polarity()));
  for (const common::v1::DataQualityNote& note : current.notes) {
    if (note.indicator_code() == code) *entry.add_notes() = note;
  }
  AddDefinitionChange(code, &entry);
  return entry;
}

}  // namespace pif::reporting
