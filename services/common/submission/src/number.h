// Exact decimal numbers as case data writes them: parsing the strict text form, the canonical
// text, and comparison with a schema's bounds without rounding.
#pragma once

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace pif::submission::internal {

// A decimal number held exactly as its digits.
struct Decimal {
  bool negative = false;  // never true for zero
  std::string whole;      // digits before the point, no leading zeros ("0" for none)
  std::string fraction;   // digits after the point, no trailing zeros (may be empty)

  // The canonical text: "-" when negative, the whole digits, "." and the fraction if any.
  std::string ToString() const;
};

// Reads an optional '-', one or more ASCII digits and, when `allow_point`, optionally a '.'
// followed by one or more digits; nothing else (no '+', exponent, spaces or separators).
std::optional<Decimal> ParseDecimal(absl::string_view text, bool allow_point);

// The decimal a schema author meant by a finite double bound: the shortest decimal that reads
// back as `value` (0.1 is 0.1, not 0.1000000000000000055511...; 2147483647 is itself).
Decimal DecimalOf(double value);

// -1, 0 or 1 as a is less than, equal to or greater than b.
int Compare(const Decimal& a, const Decimal& b);

// A bound for a message: DecimalOf as text ("0", "12", "0.5"; never an exponent).
std::string BoundText(double value);

}  // namespace pif::submission::internal
