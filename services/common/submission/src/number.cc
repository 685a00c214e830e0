#include "number.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace pif::submission::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A decimal from digit strings as read (leading and trailing zeros allowed).
Decimal Normalise(bool negative, absl::string_view whole, absl::string_view fraction) {
  while (whole.size() > 1 && whole.front() == '0') whole.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  Decimal d;
  d.whole = whole.empty() ? "0" : std::string(whole);
  d.fraction = std::string(fraction);
  d.negative = negative && !(d.whole == "0" && d.fraction.empty());
  return d;
}

// -1, 0 or 1 comparing the magnitudes of a and b.
int CompareMagnitude(const Decimal& a, const Decimal& b) {
  if (a.whole.size() != b.whole.size()) return a.whole.size() < b.whole.size() ? -1 : 1;
  if (const int c = a.whole.compare(b.whole); c != 0) return c < 0 ? -1 : 1;
  // Without trailing zeros, fractions compare as strings: a prefix is the smaller.
  if (const int c = a.fraction.compare(b.fraction); c != 0) return c < 0 ? -1 : 1;
  return 0;
}

}  // namespace

std::string Decimal::ToString() const {
  std::string out = negative ? "-" : "";
  out += whole;
  if (!fraction.empty()) {
    out += '.';
    out += fraction;
  }
  return out;
}

std::optional<Decimal> ParseDecimal(absl::string_view text, bool allow_point) {
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  std::size_t i = 0;
  while (i < text.size() && IsDigit(text[i])) ++i;
  const absl::string_view whole = text.substr(0, i);
  if (whole.empty()) return std::nullopt;
  absl::string_view fraction;
  if (i < text.size()) {
    if (!allow_point || text[i] != '.') return std::nullopt;
    fraction = text.substr(i + 1);
    if (fraction.empty()) return std::nullopt;
    for (char c : fraction) {
      if (!IsDigit(c)) return std::nullopt;
    }
  }
  return Normalise(negative, whole, fraction);
}

Decimal DecimalOf(double value) {
  if (value == 0) return Decimal{false, "0", ""};
  if (std::floor(value) == value && std::fabs(value) < 9007199254740992.0) {  // 2^53: exact
    char whole[32];
    std::snprintf(whole, sizeof whole, "%.0f", std::fabs(value));
    return Decimal{value < 0, whole, ""};
  }
  // The fewest significant digits that read back as `value`, as d.ddde[+-]x.
  char buffer[64];
  for (int precision = 0; precision <= 16; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*e", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  absl::string_view text(buffer);
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  const std::size_t e = text.find('e');
  std::string digits;
  for (char c : text.substr(0, e)) {
    if (IsDigit(c)) digits += c;
  }
  const long exponent = std::strtol(std::string(text.substr(e + 1)).c_str(), nullptr, 10);
  // The point goes after the first digit, moved by the exponent.
  const long point = 1 + exponent;
  const long size = static_cast<long>(digits.size());
  if (point <= 0) {
    return Normalise(negative, "0", std::string(static_cast<std::size_t>(-point), '0') + digits);
  }
  if (point >= size) {
    return Normalise(negative, digits + std::string(static_cast<std::size_t>(point - size), '0'),
                     "");
  }
  return Normalise(negative, absl::string_view(digits).substr(0, static_cast<std::size_t>(point)),
                   absl::string_view(digits).substr(static_cast<std::size_t>(point)));
}

int Compare(const Decimal& a, const Decimal& b) {
  if (a.negative != b.negative) return a.negative ? -1 : 1;
  const int magnitude = CompareMagnitude(a, b);
  return a.negative ? -magnitude : magnitude;
}

std::string BoundText(double value) { return DecimalOf(value).ToString(); }

}  // namespace pif::submission::internal
