#include "pif/indicators/domain/data_quality_notes.h"

#include "absl/strings/str_cat.h"

namespace pif::indicators {
namespace {

void AddRejectionNote(const std::optional<int64_t>& open_rejections,
                      std::vector<DataQualityNote>& notes) {
  if (!open_rejections.has_value()) {
    notes.push_back({"REJECTIONS_NOT_CHECKED",
                     "Intake could not say how many records are still rejected; records it "
                     "rejected are not counted in these figures.",
                     "", 0});
    return;
  }
  if (*open_rejections == 0) return;
  notes.push_back(
      {"REJECTIONS_OUTSTANDING",
       absl::StrCat(*open_rejections, *open_rejections == 1 ? " record is" : " records are",
                    " still rejected at intake and not counted in these figures."),
       "", *open_rejections});
}

void AddUnknownNote(const IndicatorFigures& figures, std::vector<DataQualityNote>& notes) {
  // Only counts that are shown: a note must not give back a suppressed number.
  if (!figures.unknown.value.has_value() || !figures.denominator.value.has_value()) return;
  const int64_t unknown = *figures.unknown.value;
  const int64_t considered = unknown + *figures.denominator.value;
  if (unknown == 0 || unknown * 100 < considered * kUnknownNotePercent) return;
  notes.push_back({"UNKNOWN_VALUES",
                   absl::StrCat(unknown, " of ", considered, " units of ", figures.code,
                                " were left out because an item it needs was not recorded."),
                   figures.code, unknown});
}

void AddWithheldNotes(const IndicatorFigures& figures, bool breakdowns_requested,
                      std::vector<DataQualityNote>& notes) {
  if (figures.breakdowns_withheld && breakdowns_requested) {
    notes.push_back({"BREAKDOWN_WITHHELD",
                     absl::StrCat(figures.code,
                                  " is never broken down below council level in published "
                                  "figures."),
                     figures.code, 0});
  }
  for (const std::string& dimension : figures.withheld_dimensions) {
    notes.push_back({"BREAKDOWN_WITHHELD",
                     absl::StrCat("The ", dimension, " breakdown of ", figures.code,
                                  " is not published: suppressing cells could not protect it."),
                     figures.code, 0});
  }
}

}  // namespace

std::vector<DataQualityNote> DataQualityNotes(const std::optional<int64_t>& open_rejections,
                                              const std::vector<IndicatorFigures>& results,
                                              bool breakdowns_requested) {
  std::vector<DataQualityNote> notes;
  AddRejectionNote(open_rejections, notes);
  for (const IndicatorFigures& figures : results) {
    AddUnknownNote(figures, notes);
    AddWithheldNotes(figures, breakdowns_requested, notes);
  }
  return notes;
}

}  // namespace pif::indicators
