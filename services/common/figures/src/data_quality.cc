#include "pif/figures/data_quality.h"

#include "absl/strings/str_cat.h"

namespace pif::figures {
namespace {

void AddRejectionNote(const std::optional<int64_t>& open_rejections, const NoteRules& rules,
                      std::vector<DataQualityNote>& notes) {
  if (!open_rejections.has_value()) {
    notes.push_back({"REJECTIONS_NOT_CHECKED", rules.rejections_not_checked_message, "", 0});
    return;
  }
  if (*open_rejections <= 0) return;
  notes.push_back(
      {"REJECTIONS_OUTSTANDING", rules.rejections_message(*open_rejections), "", *open_rejections});
}

void AddUnknownNote(const NotedFigure& figure, const NoteRules& rules,
                    std::vector<DataQualityNote>& notes) {
  if (!figure.unknown.value.has_value() || *figure.unknown.value <= 0) return;
  const int64_t unknown = *figure.unknown.value;
  std::optional<int64_t> considered;
  if (figure.denominator.value.has_value()) considered = unknown + *figure.denominator.value;
  if (rules.unknown_note_percent > 0) {
    // A share needs the units considered, which a suppressed D would give back.
    if (!considered.has_value() || unknown * 100 < *considered * rules.unknown_note_percent) {
      return;
    }
  }
  notes.push_back({"UNKNOWN_VALUES", rules.unknown_message(figure.code, unknown, considered),
                   figure.code, unknown});
}

void AddWithheldNotes(const NotedFigure& figure, std::vector<DataQualityNote>& notes) {
  if (figure.breakdowns_withheld) {
    notes.push_back(
        {"BREAKDOWN_WITHHELD",
         absl::StrCat(figure.code,
                      " is never broken down below council level in published figures."),
         figure.code, 0});
  }
  for (const std::string& dimension : figure.withheld_dimensions) {
    notes.push_back({"BREAKDOWN_WITHHELD",
                     absl::StrCat("The ", dimension, " breakdown of ", figure.code,
                                  " is not published: suppressing cells could not protect it."),
                     figure.code, 0});
  }
}

}  // namespace

std::vector<DataQualityNote> DataQualityNotes(const std::optional<int64_t>& open_rejections,
                                              const std::vector<NotedFigure>& figures,
                                              const NoteRules& rules) {
  std::vector<DataQualityNote> notes;
  AddRejectionNote(open_rejections, rules, notes);
  for (const NotedFigure& figure : figures) {
    AddUnknownNote(figure, rules, notes);
    AddWithheldNotes(figure, notes);
  }
  return notes;
}

}  // namespace pif::figures
