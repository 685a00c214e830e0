// Text as PostgreSQL's `text` can hold it, for values kept close to verbatim (received cells,
// audit rows).
#pragma once

#include <string>

namespace pif {

// `text` with invalid UTF-8 bytes and NUL replaced by U+FFFD; valid text is unchanged.
std::string SafeText(const std::string& text);

}  // namespace pif
