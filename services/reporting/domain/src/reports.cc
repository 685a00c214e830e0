#include "pif/reporting/domain/reports.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "pif/core/council.h"
#include "pif/core/domain_status.h"
#include "pif/core/log.h"
#include "pif/report_render/render.h"
#include "pif/reporting/domain/rendered_file.h"

namespace pif::reporting {
namespace {

constexpr int kDefaultPublishedPage = 50;
constexpr int kMaxPublishedPage = 500;

// The version a published report request names: 1 or more.
absl::Status CheckVersion(int64_t version, const std::string& field) {
  if (version >= 1) return absl::OkStatus();
  return InvalidField(field, "OUT_OF_RANGE", absl::StrCat(field, " must be 1 or more"));
}

// A stored version as the contract gives it: its summary and the Report parsed from its bytes.
absl::StatusOr<PublishedDocument> DocumentOf(const PublishedVersion& version) {
  PublishedDocument document;
  document.summary = version.summary;
  if (!document.report.ParseFromString(version.report_bytes)) {
    return absl::DataLossError(
        absl::StrCat("published report version ", version.summary.version(), " cannot be read"));
  }
  return document;
}

}  // namespace

absl::StatusOr<v1::Report> Reports::Build(const ReportAsk& ask) {
  if (absl::Status checked = CheckCouncil(ask.council); !checked.ok()) return checked;
  absl::StatusOr<ReportRequest> request = CheckReportAsk(ask);
  if (!request.ok()) return request.status();
  return builder_.Build(*request);
}

absl::StatusOr<Publication> Reports::Publish(const PublicationAsk& ask, const std::string& caller) {
  if (absl::Status checked = CheckCouncil(ask.council); !checked.ok()) return checked;
  absl::StatusOr<AddedPublication> added = publisher_.Publish(ask, caller);
  if (!added.ok()) return added.status();
  // count: the versions this call stored (0 when its request id replayed an earlier one).
  log::Event(log::Level::kInfo, "report_published")
      .Str(log::Key::kCouncil, ask.council)
      .Int(log::Key::kVersion, added->version.summary.version())
      .Int(log::Key::kCount, added->replayed ? 0 : 1);
  absl::StatusOr<PublishedDocument> document = DocumentOf(added->version);
  if (!document.ok()) return document.status();
  return Publication{*std::move(document), added->replayed};
}

absl::StatusOr<Page<v1::PublishedReportSummary>> Reports::ListPublished(
    const PublishedQuery& query) {
  if (absl::Status checked = CheckCouncil(query.council); !checked.ok()) return checked;
  PublishedFilter filter;
  filter.council = query.council;
  if (query.period.has_value()) {
    absl::StatusOr<figures::Period> period = figures::CheckPeriod(*query.period, "period");
    if (!period.ok()) return period.status();
    filter.period = *period;
  }
  absl::StatusOr<PageWindow> window =
      WindowOf(query.page, kDefaultPublishedPage, kMaxPublishedPage);
  if (!window.ok()) return window.status();
  filter.limit = window->limit();
  filter.offset = window->offset;
  absl::StatusOr<std::vector<v1::PublishedReportSummary>> listed = published_.List(filter);
  if (!listed.ok()) return listed.status();
  return PageOf(*std::move(listed), *window);
}

absl::StatusOr<PublishedDocument> Reports::GetPublished(const std::string& council,
                                                        int64_t version) {
  if (absl::Status checked = CheckCouncil(council); !checked.ok()) return checked;
  if (absl::Status checked = CheckVersion(version, "version"); !checked.ok()) return checked;
  absl::StatusOr<PublishedVersion> stored = published_.Get(council, version);
  if (!stored.ok()) return stored.status();
  return DocumentOf(*stored);
}

absl::StatusOr<RenderedReport> Reports::Render(const RenderAsk& ask) {
  if (absl::Status checked = CheckCouncil(ask.council); !checked.ok()) return checked;
  if (absl::Status checked = CheckRenderFormat(ask.format); !checked.ok()) return checked;
  v1::Report report;
  int64_t version = 0;
  if (ask.draft.has_value()) {
    ReportAsk draft = *ask.draft;
    draft.council = ask.council;
    absl::StatusOr<ReportRequest> request = CheckReportAsk(draft);
    if (!request.ok()) return request.status();
    absl::StatusOr<v1::Report> built = builder_.Build(*request);
    if (!built.ok()) return built.status();
    report = *std::move(built);
  } else if (ask.published_version.has_value()) {
    if (absl::Status checked = CheckVersion(*ask.published_version, "published_version");
        !checked.ok()) {
      return checked;
    }
    absl::StatusOr<PublishedVersion> stored = published_.Get(ask.council, *ask.published_version);
    if (!stored.ok()) return stored.status();
    absl::StatusOr<PublishedDocument> document = DocumentOf(*stored);
    if (!document.ok()) return document.status();
    report = std::move(document->report);
    version = *ask.published_version;
  } else {
    return InvalidField("source", "REQUIRED_FIELD_MISSING",
                        "source is required: a draft or a published_version");
  }
  absl::StatusOr<std::string> content = report_render::RenderReport(report, ask.format);
  if (!content.ok()) {
    // The report was built or stored here: a renderer refusing it is our fault, not the caller's.
    return absl::InternalError(
        absl::StrCat("the report could not be rendered: ", content.status().message()));
  }
  RenderedReport rendered;
  rendered.content = *std::move(content);
  rendered.content_type = ContentTypeOf(ask.format);
  rendered.file_name = FileNameOf(report, version, ask.format);
  rendered.published_version = version;
  return rendered;
}

}  // namespace pif::reporting
