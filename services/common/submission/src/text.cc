#include "text.h"

#include <cstdint>
#include <cstdio>

namespace pif::submission::internal {
namespace {

// Length of the well-formed UTF-8 sequence at text[i], or 0 when the bytes there are not one
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t SequenceLength(absl::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
  const auto continuation = [&](std::size_t k) {
    return k < text.size() && (byte(k) & 0xC0) == 0x80;
  };
  const std::uint8_t b0 = byte(i);
  if (b0 < 0x80) return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) return continuation(i + 1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!continuation(i + 1) || !continuation(i + 2)) return 0;
    const std::uint8_t b1 = byte(i + 1);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
    if (b0 == 0xED && b1 > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!continuation(i + 1) || !continuation(i + 2) || !continuation(i + 3)) return 0;
    const std::uint8_t b1 = byte(i + 1);
    if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && b1 > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

void AppendHexByte(std::string& out, char c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02X",
                static_cast<unsigned>(static_cast<std::uint8_t>(c)));
  out += buffer;
}

// `text` escaped for a message, cut after `max_chars` characters.
std::string Escape(absl::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (chars == max_chars) {
      out += "...";
      break;
    }
    const std::size_t n = SequenceLength(text, i);
    const char c = text[i];
    if (n == 0) {
      AppendHexByte(out, c);
      i += 1;
    } else if (n == 1) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (static_cast<std::uint8_t>(c) < 0x20 || c == 0x7F) {
        AppendHexByte(out, c);
      } else {
        out += c;
      }
      i += 1;
    } else {
      out.append(text.data() + i, n);
      i += n;
    }
    ++chars;
  }
  return out;
}

}  // namespace

TextProblem CheckText(absl::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\0') return TextProblem::kNul;
    const std::size_t n = SequenceLength(text, i);
    if (n == 0) return TextProblem::kInvalidUtf8;
    i += n;
  }
  return TextProblem::kNone;
}

std::size_t CountCharacters(absl::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<std::uint8_t>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string Quote(absl::string_view text, std::size_t max_chars) {
  return "\"" + Escape(text, max_chars) + "\"";
}

std::string SafeFieldName(absl::string_view text) { return Escape(text, 100); }

std::string MakeUtf8(std::string text) {
  if (CheckText(text) == TextProblem::kNone) return text;
  return Escape(text, text.size());
}

}  // namespace pif::submission::internal
