#include "pif/report_render/render.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "csv_render.h"
#include "disclosure_guard.h"
#include "html_page.h"
#include "json_render.h"

namespace pif::report_render {
namespace {

absl::Status CheckRenderable(const reporting::v1::Report& report) {
  if (report.council().empty()) {
    return absl::InvalidArgumentError("report has no council");
  }
  if (!report.has_period() || !report.period().has_first_day() || !report.period().has_last_day()) {
    return absl::InvalidArgumentError("report has no complete period");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::string> RenderReport(const reporting::v1::Report& report,
                                         reporting::v1::RenderFormat format) {
  switch (format) {
    case reporting::v1::RENDER_FORMAT_HTML:
    case reporting::v1::RENDER_FORMAT_CSV:
    case reporting::v1::RENDER_FORMAT_JSON:
      break;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("render format not given or unknown: ", static_cast<int>(format)));
  }
  if (absl::Status status = CheckRenderable(report); !status.ok()) return status;
  reporting::v1::Report guarded = report;
  WithholdValuesOfSuppressedCounts(&guarded);
  switch (format) {
    case reporting::v1::RENDER_FORMAT_HTML:
      return RenderHtml(guarded);
    case reporting::v1::RENDER_FORMAT_CSV:
      return RenderCsv(guarded);
    default:
      return RenderJson(guarded);
  }
}

}  // namespace pif::report_render
