#include "pif/dates/local_datetime.h"

#include <cstdio>
#include <ostream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "check.h"
#include "text.h"

namespace pif::dates {

std::optional<LocalDateTime> LocalDateTime::Of(Date date, int hour, int minute, int second) {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return std::nullopt;
  }
  return LocalDateTime(date, hour, minute, second);
}

LocalDateTime LocalDateTime::StartOf(Date date) { return LocalDateTime(date, 0, 0, 0); }

std::string LocalDateTime::ToString() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02d", hour_, minute_, second_);
  return date_.ToString() + buffer;
}

std::ostream& operator<<(std::ostream& os, const LocalDateTime& t) { return os << t.ToString(); }

absl::StatusOr<LocalDateTime> ParseLocalDateTime(std::string_view text) {
  // Positions: YYYY-MM-DDTHH:MM[:SS]
  //            0123456789012345678
  const bool with_seconds = text.size() == 19;
  const bool shaped = (text.size() == 16 || with_seconds) && text[4] == '-' && text[7] == '-' &&
                      text[10] == 'T' && text[13] == ':' && (!with_seconds || text[16] == ':');
  auto field = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
    return shaped ? internal::ParseDigits(text.substr(pos, len)) : std::nullopt;
  };
  const std::optional<int> year = field(0, 4);
  const std::optional<int> month = field(5, 2);
  const std::optional<int> day = field(8, 2);
  const std::optional<int> hour = field(11, 2);
  const std::optional<int> minute = field(14, 2);
  const std::optional<int> second = with_seconds ? field(17, 2) : std::optional<int>(0);
  if (!year || !month || !day || !hour || !minute || !second) {
    return absl::InvalidArgumentError(absl::StrCat(
        internal::Quote(text), " is not a date-time in the form YYYY-MM-DDTHH:MM[:SS]"));
  }
  const std::string shown(text);
  if (*year < kMinInputYear || *year > kMaxInputYear) {
    return absl::InvalidArgumentError(
        absl::StrCat(shown, " is outside the years ", kMinInputYear, "-", kMaxInputYear));
  }
  const std::optional<Date> date = Date::FromYmd(*year, *month, *day);
  if (!date) {
    return absl::InvalidArgumentError(absl::StrCat(shown, " is not on a calendar date"));
  }
  const std::optional<LocalDateTime> t = LocalDateTime::Of(*date, *hour, *minute, *second);
  if (!t) {
    return absl::InvalidArgumentError(
        absl::StrCat(shown, " is not a time of day (hour 00-23, minute 00-59, second 00-59)"));
  }
  return *t;
}

const absl::TimeZone& LondonTimeZone() {
  static const absl::TimeZone* const zone = [] {
    auto* tz = new absl::TimeZone();
    if (!absl::LoadTimeZone("Europe/London", tz)) {
      internal::Die(
          "cannot load time zone Europe/London: the system tzdata is missing "
          "(install the tzdata package)");
    }
    return tz;
  }();
  return *zone;
}

absl::Time ToInstant(const LocalDateTime& t) {
  const Date d = t.date();
  const absl::CivilSecond civil(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second());
  // `pre` uses the offset in force before a transition: for a repeated time (clocks going back)
  // that is BST, the first occurrence; for a skipped time (clocks going forward) it is GMT.
  return LondonTimeZone().At(civil).pre;
}

absl::Duration ElapsedBetween(const LocalDateTime& a, const LocalDateTime& b) {
  return ToInstant(b) - ToInstant(a);
}

}  // namespace pif::dates
