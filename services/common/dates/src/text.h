// Small helpers shared by the strict parsers: fixed-width digit fields and safe echo of input.
#ifndef PIF_DATES_SRC_TEXT_H_
#define PIF_DATES_SRC_TEXT_H_

#include <optional>
#include <string>
#include <string_view>

namespace pif::dates::internal {

// The value of `text` when it is non-empty and only ASCII digits '0'-'9' (at most 9 of them).
std::optional<int> ParseDigits(std::string_view text);

// `text` in double quotes, control and non-ASCII bytes escaped, cut to 40 bytes, for a message.
std::string Quote(std::string_view text);

}  // namespace pif::dates::internal

#endif  // PIF_DATES_SRC_TEXT_H_
