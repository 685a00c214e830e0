#include "text.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace pif::dates::internal {

std::optional<int> ParseDigits(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string Quote(std::string_view text) {
  constexpr std::size_t kMaxEcho = 40;
  const bool cut = text.size() > kMaxEcho;
  const std::string_view shown = cut ? text.substr(0, kMaxEcho) : text;
  return absl::StrCat("\"", absl::CHexEscape(absl::string_view(shown.data(), shown.size())),
                      cut ? "...\"" : "\"");
}

}  // namespace pif::dates::internal
