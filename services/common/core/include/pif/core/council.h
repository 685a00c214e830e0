// A council as every request names it: its GSS code, checked the same way by every service and
// by pifctl.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace pif {

// True when `council` is a GSS code: 9 characters, an upper-case letter then 8 digits
// ("S12000033").
bool IsGssCode(absl::string_view council);

// OK when `council` is a GSS code; otherwise INVALID_ARGUMENT with a violation on `field`
// (REQUIRED_FIELD_MISSING when empty, MALFORMED_COUNCIL otherwise, quoting only the length of
// the arbitrary text given).
absl::Status CheckCouncil(const std::string& council, const std::string& field = "council");

}  // namespace pif
