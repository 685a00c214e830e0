#include "progress.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace pif::ctl {

std::string FormatCount(int64_t value) {
  const std::string digits = absl::StrCat(value < 0 ? -value : value);
  const size_t first_group = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
  std::string out = value < 0 ? "-" : "";
  out.append(digits, 0, first_group);
  for (size_t i = first_group; i < digits.size(); i += 3) {
    out.push_back(',');
    out.append(digits, i, 3);
  }
  return out;
}

std::optional<ProgressMode> ParseProgressMode(const std::string& text) {
  if (text == "auto") return ProgressMode::kAuto;
  if (text == "always") return ProgressMode::kAlways;
  if (text == "never") return ProgressMode::kNever;
  return std::nullopt;
}

bool ShouldShowProgress(ProgressMode mode, bool output_is_terminal) {
  switch (mode) {
    case ProgressMode::kAlways:
      return true;
    case ProgressMode::kNever:
      return false;
    case ProgressMode::kAuto:
      return output_is_terminal;
  }
  return false;
}

std::string FormatShortDuration(absl::Duration duration) {
  const int64_t seconds = std::max<int64_t>(0, absl::ToInt64Seconds(duration));
  if (seconds < 60) return absl::StrCat(seconds, "s");
  if (seconds < 3600) return absl::StrFormat("%dm %02ds", seconds / 60, seconds % 60);
  return absl::StrFormat("%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
}

std::string FormatProgressLine(const ProgressSnapshot& snapshot) {
  std::string line = absl::StrCat(FormatCount(snapshot.records), " records");
  const double seconds = absl::ToDoubleSeconds(snapshot.elapsed);
  if (seconds >= 0.1) {
    absl::StrAppend(&line, "  ", FormatCount(std::llround(snapshot.records / seconds)), "/s");
  }
  const double fraction =
      snapshot.bytes_total <= 0
          ? 1.0
          : std::min(1.0, static_cast<double>(snapshot.bytes_done) / snapshot.bytes_total);
  absl::StrAppend(&line, "  ", static_cast<int>(fraction * 100), "%");
  if (fraction >= 0.01 && fraction < 1.0 && seconds >= 0.1) {
    const absl::Duration left = absl::Seconds(seconds * (1.0 - fraction) / fraction);
    absl::StrAppend(&line, "  ", FormatShortDuration(left), " left");
  }
  return line;
}

ProgressLine::ProgressLine(std::ostream* out, bool enabled, absl::Duration interval)
    : out_(out), enabled_(enabled), interval_(interval) {}

void ProgressLine::Update(const ProgressSnapshot& snapshot) {
  if (!enabled_) return;
  const absl::Time now = absl::Now();
  if (now - last_drawn_ < interval_) return;
  last_drawn_ = now;
  Draw(FormatProgressLine(snapshot));
}

void ProgressLine::Finish(const ProgressSnapshot& snapshot) {
  if (!enabled_) return;
  Draw(FormatProgressLine(snapshot));
  *out_ << "\n" << std::flush;
  drawn_ = false;
}

void ProgressLine::Clear() {
  if (!enabled_ || !drawn_) return;
  *out_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

void ProgressLine::Draw(const std::string& line) {
  // Carriage return, the line, then erase whatever a longer previous line left behind.
  *out_ << "\r" << line << "\033[K" << std::flush;
  drawn_ = true;
}

}  // namespace pif::ctl
