// The caveats a set of figures carries for its reader, by the rules indicators and workforce
// share: records still rejected, units left out as not recorded, breakdowns not published. Each
// service weighs unknown values and words its notes its own way (NoteRules).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pif/figures/disclosure.h"

namespace pif::figures {

// A caveat about the data behind some figures.
struct DataQualityNote {
  // Stable upper snake case code ("REJECTIONS_OUTSTANDING").
  std::string code;
  std::string message;
  // The figure concerned; empty when the note concerns them all.
  std::string indicator_code;
  int64_t count = 0;

  friend bool operator==(const DataQualityNote& a, const DataQualityNote& b) {
    return a.code == b.code && a.message == b.message && a.indicator_code == b.indicator_code &&
           a.count == b.count;
  }
};

// What the notes read of one figure as it is handed out.
struct NotedFigure {
  std::string code;
  // Each carries a value only when it is shown.
  PublishedCount denominator;
  PublishedCount unknown;
  // True when the figure is never broken down below council level and breakdowns were asked for.
  bool breakdowns_withheld = false;
  // Breakdown dimensions left out because suppressing cells could not protect them.
  std::vector<std::string> withheld_dimensions;
};

// How one service weighs and words its notes.
struct NoteRules {
  // Share of the units considered (D + unknown), in percent, from which a shown unknown count
  // earns an UNKNOWN_VALUES note; 0: any unknown count above 0 does, whether D is shown or not.
  int64_t unknown_note_percent = 0;
  // REJECTIONS_OUTSTANDING's message for `open` (> 0) records still rejected.
  std::function<std::string(int64_t open)> rejections_message;
  // REJECTIONS_NOT_CHECKED's message, for when nobody could say how many are still rejected.
  std::string rejections_not_checked_message;
  // UNKNOWN_VALUES's message for `unknown` units left out of figure `code`, of `considered`
  // units (nullopt when D is not shown).
  std::function<std::string(const std::string& code, int64_t unknown,
                            std::optional<int64_t> considered)>
      unknown_message;
};

// The notes for `figures`: first REJECTIONS_OUTSTANDING when `open_rejections` is above 0
// (REJECTIONS_NOT_CHECKED when nullopt), then for each figure in order UNKNOWN_VALUES (by
// rules.unknown_note_percent), BREAKDOWN_WITHHELD when it is never broken down, and
// BREAKDOWN_WITHHELD per dimension left out. Only counts that are shown are quoted, so a note
// never gives back a suppressed number.
std::vector<DataQualityNote> DataQualityNotes(const std::optional<int64_t>& open_rejections,
                                              const std::vector<NotedFigure>& figures,
                                              const NoteRules& rules);

}  // namespace pif::figures
