#include "pif/core/council.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "pif/core/domain_status.h"

namespace pif {

bool IsGssCode(absl::string_view council) {
  if (council.size() != 9 || !absl::ascii_isupper(static_cast<unsigned char>(council[0]))) {
    return false;
  }
  return std::all_of(council.begin() + 1, council.end(),
                     [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); });
}

absl::Status CheckCouncil(const std::string& council, const std::string& field) {
  if (council.empty()) {
    const std::string message =
        field + " is required: the council's 9-character GSS code, such as S12000033";
    return InvalidArgumentWithFields(message, {{field, "REQUIRED_FIELD_MISSING", message}});
  }
  if (IsGssCode(council)) return absl::OkStatus();
  // A malformed code is not child data, but it is arbitrary client text: quote only its length.
  const std::string message = absl::StrCat(
      field, " must be a 9-character GSS code (an upper-case letter then ",
      "8 digits, such as S12000033); the ", council.size(), "-character value given is not");
  return InvalidArgumentWithFields(message, {{field, "MALFORMED_COUNCIL", message}});
}

}  // namespace pif
