#include "json_render.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"

namespace pif::report_render {

absl::StatusOr<std::string> RenderJson(const reporting::v1::Report& report) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  std::string json;
  const auto status = google::protobuf::util::MessageToJsonString(report, &json, options);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat("report JSON: ", status.ToString()));
  }
  if (json.empty() || json.back() != '\n') json.push_back('\n');
  return json;
}

}  // namespace pif::report_render
