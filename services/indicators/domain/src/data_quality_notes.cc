#include "pif/indicators/domain/data_quality_notes.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace pif::indicators {

const figures::NoteRules& IndicatorsNoteRules() {
  static const figures::NoteRules* rules = [] {
    auto* made = new figures::NoteRules();
    made->unknown_note_percent = kUnknownNotePercent;
    made->rejections_message = [](int64_t open) {
      return absl::StrCat(open, open == 1 ? " record is" : " records are",
                          " still rejected at intake and not counted in these figures.");
    };
    made->rejections_not_checked_message =
        "Intake could not say how many records are still rejected; records it rejected are not "
        "counted in these figures.";
    made->unknown_message = [](const std::string& code, int64_t unknown,
                               std::optional<int64_t> considered) {
      // Only asked with D shown: the share needs it (kUnknownNotePercent > 0).
      return absl::StrCat(unknown, " of ", considered.value_or(unknown), " units of ", code,
                          " were left out because an item it needs was not recorded.");
    };
    return made;
  }();
  return *rules;
}

std::vector<DataQualityNote> DataQualityNotes(const std::optional<int64_t>& open_rejections,
                                              const std::vector<IndicatorFigures>& results,
                                              bool breakdowns_requested) {
  std::vector<figures::NotedFigure> noted;
  noted.reserve(results.size());
  for (const IndicatorFigures& result : results) {
    noted.push_back({result.code, result.denominator, result.unknown,
                     result.breakdowns_withheld && breakdowns_requested,
                     result.withheld_dimensions});
  }
  return figures::DataQualityNotes(open_rejections, noted, IndicatorsNoteRules());
}

}  // namespace pif::indicators
