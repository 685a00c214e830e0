// Escaping of text for HTML (element content and quoted attribute values alike).
#pragma once

#include <string>

#include "absl/strings/string_view.h"

namespace pif::report_render {

// `text` safe inside an element or a double- or single-quoted attribute: & < > " ' as
// character references; bytes that are not valid UTF-8, control characters other than tab,
// line feed and carriage return, and U+007F to U+009F each become U+FFFD, so free text from a
// council can neither add markup nor break the page.
std::string EscapeHtml(absl::string_view text);

}  // namespace pif::report_render
