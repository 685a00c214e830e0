#include "pif/workforce/domain/data_quality_notes.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace pif::workforce {

const figures::NoteRules& WorkforceNoteRules() {
  static const figures::NoteRules* rules = [] {
    auto* made = new figures::NoteRules();
    made->unknown_note_percent = 0;
    made->rejections_message = [](int64_t open) {
      return absl::StrCat(open, open == 1 ? " workforce record is" : " workforce records are",
                          " still rejected and not counted in these figures.");
    };
    made->unknown_message = [](const std::string& code, int64_t unknown, std::optional<int64_t>) {
      return absl::StrCat(unknown, unknown == 1 ? " staff member" : " staff",
                          " in post at the census date", unknown == 1 ? " was" : " were",
                          " left out of ", code, " because an item it needs was not recorded.");
    };
    return made;
  }();
  return *rules;
}

std::vector<figures::DataQualityNote> DataQualityNotes(int64_t open_rejections,
                                                       const std::vector<ShapedFigure>& results) {
  std::vector<figures::NotedFigure> noted;
  noted.reserve(results.size());
  for (const ShapedFigure& shaped : results) {
    const WorkforceFigure& figure = shaped.figure;
    // A figure without counts (7.3) has nothing to note.
    noted.push_back({figure.code, figure.denominator.value_or(figures::PublishedCount()),
                     figure.unknown.value_or(figures::PublishedCount()), false,
                     shaped.withheld_dimensions});
  }
  return figures::DataQualityNotes(open_rejections, noted, WorkforceNoteRules());
}

}  // namespace pif::workforce
