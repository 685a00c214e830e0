// Reports: building, publishing, listing and reading published versions, and rendering, each
// request checked first. The rules of BuildReport, PublishReport, ListPublishedReports,
// GetPublishedReport and RenderReport.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "pif/figures/period_check.h"
#include "pif/reporting/domain/page.h"
#include "pif/reporting/domain/published_reports.h"
#include "pif/reporting/domain/publisher.h"
#include "pif/reporting/domain/report_builder.h"
#include "pif/reporting/domain/report_request.h"
#include "pif/reporting/v1/report.pb.h"
#include "pif/reporting/v1/reporting_service.pb.h"

namespace pif::reporting {

// A published version as read back: its summary and the report parsed from the stored bytes.
struct PublishedDocument {
  v1::PublishedReportSummary summary;
  v1::Report report;
};

// What PublishReport did: the version, and whether it was stored before under the request id.
struct Publication {
  PublishedDocument document;
  bool replayed = false;
};

// Which published versions to list, as sent.
struct PublishedQuery {
  std::string council;
  // Only versions of exactly this period, when given.
  std::optional<figures::PeriodFields> period;
  PageAsk page;
};

// A report to render, as sent: a draft to build, or a published version (exactly one of the two;
// neither is refused).
struct RenderAsk {
  std::string council;
  v1::RenderFormat format = v1::RENDER_FORMAT_UNSPECIFIED;
  std::optional<ReportAsk> draft;
  std::optional<int64_t> published_version;
};

// A rendered report file.
struct RenderedReport {
  std::string content;
  // The MIME type with charset.
  std::string content_type;
  // The suggested file name (see FileNameOf).
  std::string file_name;
  // The published version rendered; 0 for a draft.
  int64_t published_version = 0;
};

// The report rpcs' rules; every part must outlive it.
class Reports {
 public:
  Reports(ReportBuilder& builder, Publisher& publisher, PublishedReports& published)
      : builder_(builder), publisher_(publisher), published_(published) {}

  // The report of a checked council and ask (CheckReportAsk); fails like ReportBuilder::Build.
  absl::StatusOr<v1::Report> Build(const ReportAsk& ask);

  // Publishes the report of a checked council (Publisher::Publish) as `caller`, and logs it.
  absl::StatusOr<Publication> Publish(const PublicationAsk& ask, const std::string& caller);

  // One page of a checked council's versions (50 by default, at most 500), newest first; only
  // those of exactly the period when one is given (checked like a report's period).
  absl::StatusOr<Page<v1::PublishedReportSummary>> ListPublished(const PublishedQuery& query);

  // One version of a checked council (`version` 1 or more); NOT_FOUND when it has no such
  // version, DATA_LOSS when the stored bytes cannot be read.
  absl::StatusOr<PublishedDocument> GetPublished(const std::string& council, int64_t version);

  // The draft built, or the published version read, rendered in the format asked for (HTML, CSV
  // or JSON, else INVALID_ARGUMENT naming `format`); INVALID_ARGUMENT naming `source` when the ask
  // has neither. A renderer refusing a report built or stored here is INTERNAL.
  absl::StatusOr<RenderedReport> Render(const RenderAsk& ask);

 private:
  ReportBuilder& builder_;
  Publisher& publisher_;
  PublishedReports& published_;
};

}  // namespace pif::reporting
