// Text helpers of the submission checks: UTF-8 well-formedness, length in characters, and a safe
// quotation of a received value for a message.
#pragma once

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace pif::submission::internal {

// What is wrong with a value as text, if anything.
enum class TextProblem {
  kNone,
  kNul,          // contains a NUL byte
  kInvalidUtf8,  // not well-formed UTF-8 (stray, truncated, overlong or surrogate sequences)
};

// Whether `text` is well-formed UTF-8 without NUL bytes.
TextProblem CheckText(absl::string_view text);

// Number of characters (code points) of well-formed UTF-8 `text`.
std::size_t CountCharacters(absl::string_view text);

// `text` in double quotes for a message, always valid UTF-8: '"' and '\' escaped, control
// characters and bytes that are not UTF-8 as \xNN, cut after `max_chars` characters with "...".
std::string Quote(absl::string_view text, std::size_t max_chars = 40);

// `text` as a field name for a violation: as Quote without the quotes, cut after 100 characters.
std::string SafeFieldName(absl::string_view text);

// `text` unchanged when it is UTF-8 without NUL; otherwise escaped as Quote does, without quotes
// and uncut (for messages written by schema checks, which may echo raw values).
std::string MakeUtf8(std::string text);

}  // namespace pif::submission::internal
