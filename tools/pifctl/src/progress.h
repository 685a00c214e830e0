// The progress line of a long import: records sent, records per second, share of the bytes read
// and the time left, redrawn in place on a terminal.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include "absl/time/time.h"

namespace pif::ctl {

// When to draw the progress line.
enum class ProgressMode { kAuto, kAlways, kNever };

// Parses `auto`, `always` or `never`; nullopt for anything else.
std::optional<ProgressMode> ParseProgressMode(const std::string& text);

// Whether to draw: always, never, or (auto) only when the output is a terminal.
bool ShouldShowProgress(ProgressMode mode, bool output_is_terminal);

// Where an import stands.
struct ProgressSnapshot {
  int64_t records = 0;      // records sent so far
  int64_t bytes_done = 0;   // bytes of the input files read so far
  int64_t bytes_total = 0;  // bytes of all the input files
  absl::Duration elapsed;   // since the import started
};

// A count with thousands separators: `1,234,567`.
std::string FormatCount(int64_t value);

// A duration as a person reads it: `45s`, `3m 05s`, `2h 07m`.
std::string FormatShortDuration(absl::Duration duration);

// One progress line, without line ending: `12,345 records  4,321/s  37%  1m 05s left`. The
// rate is left out until time has passed, the time left until 1% of the bytes is read.
std::string FormatProgressLine(const ProgressSnapshot& snapshot);

// Draws the progress line on `out` (redrawn in place with a carriage return), at most every
// `interval`; does nothing when disabled.
class ProgressLine {
 public:
  ProgressLine(std::ostream* out, bool enabled, absl::Duration interval = absl::Milliseconds(200));

  // Redraws if the interval has passed since the last drawing.
  void Update(const ProgressSnapshot& snapshot);
  // Draws the final state and ends the line (only if anything was drawn).
  void Finish(const ProgressSnapshot& snapshot);
  // Removes the line, so that a message can be printed in its place.
  void Clear();

  bool enabled() const { return enabled_; }

 private:
  void Draw(const std::string& line);

  std::ostream* out_;
  bool enabled_;
  absl::Duration interval_;
  absl::Time last_drawn_ = absl::InfinitePast();
  bool drawn_ = false;
};

}  // namespace pif::ctl
