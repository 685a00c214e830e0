#include "pif/reporting/domain/rendered_file.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "pif/core/domain_status.h"

namespace pif::reporting {
namespace {

std::string DateText(const common::v1::Date& date) {
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

const char* ExtensionOf(v1::RenderFormat format) {
  switch (format) {
    case v1::RENDER_FORMAT_HTML:
      return "html";
    case v1::RENDER_FORMAT_CSV:
      return "csv";
    default:
      return "json";
  }
}

}  // namespace

absl::Status CheckRenderFormat(v1::RenderFormat format) {
  if (format == v1::RENDER_FORMAT_HTML || format == v1::RENDER_FORMAT_CSV ||
      format == v1::RENDER_FORMAT_JSON) {
    return absl::OkStatus();
  }
  const std::string message = "format must be RENDER_FORMAT_HTML, _CSV or _JSON";
  return InvalidArgumentWithFields(message, {{"format", "UNKNOWN_CODE", message}});
}

std::string ContentTypeOf(v1::RenderFormat format) {
  switch (format) {
    case v1::RENDER_FORMAT_HTML:
      return "text/html; charset=utf-8";
    case v1::RENDER_FORMAT_CSV:
      return "text/csv; charset=utf-8";
    default:
      return "application/json; charset=utf-8";
  }
}

std::string FileNameOf(const v1::Report& report, int64_t version, v1::RenderFormat format) {
  std::string name =
      absl::StrCat("pif-", report.council(), "-", DateText(report.period().first_day()), "-",
                   DateText(report.period().last_day()));
  if (version > 0) absl::StrAppend(&name, "-v", version);
  return absl::StrCat(name, ".", ExtensionOf(format));
}

}  // namespace pif::reporting
