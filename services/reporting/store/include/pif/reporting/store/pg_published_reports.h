// Published report versions in reporting's PostgreSQL database (table published_reports): the
// serialized Report with its metadata, numbered per council under a per-council lock.
#pragma once

#include "pif/pg/pool.h"
#include "pif/reporting/domain/published_reports.h"

namespace pif::reporting {

// The PublishedReports of the service; `pool` must outlive it.
class PgPublishedReports final : public PublishedReports {
 public:
  explicit PgPublishedReports(pg::Pool& pool) : pool_(pool) {}

  absl::StatusOr<std::optional<PublishedVersion>> FindByRequest(
      const std::string& council, const std::string& request_id) override;
  absl::StatusOr<AddedPublication> Add(const NewPublication& publication) override;
  absl::StatusOr<PublishedVersion> Get(const std::string& council, int64_t version) override;
  absl::StatusOr<std::vector<v1::PublishedReportSummary>> List(
      const PublishedFilter& filter) override;

 private:
  pg::Pool& pool_;
};

}  // namespace pif::reporting
