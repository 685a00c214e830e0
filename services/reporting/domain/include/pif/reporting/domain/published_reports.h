// The store of published report versions, as the domain sees it: immutable versions numbered
// 1, 2, 3 ... per council, each the serialized Report exactly as published.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/figures/period.h"
#include "pif/reporting/v1/reporting_service.pb.h"

namespace pif::reporting {

// One stored version: its summary (number, council, period, time, publisher, note), the
// client's idempotency key, and the Report bytes exactly as stored.
struct PublishedVersion {
  v1::PublishedReportSummary summary;
  std::string request_id;
  std::string report_bytes;
};

// A version to store.
struct NewPublication {
  std::string council;
  figures::Period period;
  std::string published_by;
  std::string note;
  std::string request_id;  // empty: none
  std::string report_bytes;
};

// What Add stored, or found already stored under the same request id.
struct AddedPublication {
  PublishedVersion version;
  // True when another publication with the same request id was stored first and is returned.
  bool replayed = false;
};

// Which versions to list.
struct PublishedFilter {
  std::string council;
  std::optional<figures::Period> period;  // only versions of exactly this period
  int limit = 50;
  int64_t offset = 0;
};

// Published versions of every council.
class PublishedReports {
 public:
  virtual ~PublishedReports() = default;
  // The version published with `request_id` (not empty), or nullopt.
  virtual absl::StatusOr<std::optional<PublishedVersion>> FindByRequest(
      const std::string& council, const std::string& request_id) = 0;
  // Stores a new version numbered one more than the council's last, published now. When a
  // version with the same non-empty request id exists, stores nothing and returns it (replayed).
  virtual absl::StatusOr<AddedPublication> Add(const NewPublication& publication) = 0;
  // One version; NOT_FOUND when the council has no such version.
  virtual absl::StatusOr<PublishedVersion> Get(const std::string& council, int64_t version) = 0;
  // Summaries of the matching versions, newest first.
  virtual absl::StatusOr<std::vector<v1::PublishedReportSummary>> List(
      const PublishedFilter& filter) = 0;
};

}  // namespace pif::reporting
