#include "data_quality_notes.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace pif::workforce {
namespace {

common::v1::DataQualityNote Note(const std::string& code, const std::string& message,
                                 const std::string& indicator_code, int64_t count) {
  common::v1::DataQualityNote note;
  note.set_code(code);
  note.set_message(message);
  note.set_indicator_code(indicator_code);
  note.set_count(count);
  return note;
}

}  // namespace

std::vector<common::v1::DataQualityNote> DataQualityNotes(int64_t open_rejections,
                                                          const std::vector<FigureProto>& figures) {
  std::vector<common::v1::DataQualityNote> notes;
  if (open_rejections > 0) {
    notes.push_back(
        Note("REJECTIONS_OUTSTANDING",
             absl::StrCat(open_rejections,
                          open_rejections == 1 ? " workforce record is" : " workforce records are",
                          " still rejected and not counted in these figures."),
             "", open_rejections));
  }
  for (const FigureProto& figure : figures) {
    const common::v1::IndicatorResult& result = figure.result;
    // Only counts that are shown: a note must not give back a suppressed number.
    if (result.has_unknown() && result.unknown().count_case() == common::v1::Count::kValue &&
        result.unknown().value() > 0) {
      const int64_t unknown = result.unknown().value();
      notes.push_back(
          Note("UNKNOWN_VALUES",
               absl::StrCat(unknown, unknown == 1 ? " staff member" : " staff",
                            " in post at the census date", unknown == 1 ? " was" : " were",
                            " left out of ", result.code(),
                            " because an item it needs was not recorded."),
               result.code(), unknown));
    }
    for (const std::string& dimension : figure.withheld_dimensions) {
      notes.push_back(Note("BREAKDOWN_WITHHELD",
                           absl::StrCat("The ", dimension, " breakdown of ", result.code(),
                                        " is not published: suppressing cells could not "
                                        "protect it."),
                           result.code(), 0));
    }
  }
  return notes;
}

}  // namespace pif::workforce
