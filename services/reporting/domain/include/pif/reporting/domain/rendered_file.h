// What a rendered report file is called and what type it has.
#pragma once

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "pif/reporting/v1/report.pb.h"
#include "pif/reporting/v1/reporting_service.pb.h"

namespace pif::reporting {

// OK for HTML, CSV and JSON; INVALID_ARGUMENT naming `format` otherwise.
absl::Status CheckRenderFormat(v1::RenderFormat format);

// The MIME type with charset ("text/html; charset=utf-8").
std::string ContentTypeOf(v1::RenderFormat format);

// The suggested file name, "pif-<council>-<first day>-<last day>[-v<version>].<extension>"
// (no version for a draft, `version` 0).
std::string FileNameOf(const v1::Report& report, int64_t version, v1::RenderFormat format);

}  // namespace pif::reporting
