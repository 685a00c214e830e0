// The report as JSON: the proto3 JSON mapping of pif.reporting.v1.Report itself, so a reader
// can parse it back into the message (JsonStringToMessage) and every field keeps the meaning
// report.proto documents. Field names as in the .proto (`key_questions`, not `keyQuestions`),
// enums by name, fields with default values included, indented, ending with a newline. The
// Report has no maps, so fields come in field-number order and the bytes are stable.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "pif/reporting/v1/report.pb.h"

namespace pif::report_render {

// The report as JSON (above); INTERNAL if protobuf cannot print it.
absl::StatusOr<std::string> RenderJson(const reporting::v1::Report& report);

}  // namespace pif::report_render
