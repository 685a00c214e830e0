// Publishing: a report built with disclosure control applied, stored as a new immutable,
// numbered version of the council; idempotent per client request id.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "pif/reporting/domain/published_reports.h"
#include "pif/reporting/domain/report_builder.h"
#include "pif/reporting/domain/report_request.h"

namespace pif::reporting {

// The message's bytes in protobuf's deterministic serialization (map entries ordered), so equal
// messages give equal bytes.
std::string SerializeDeterministically(const google::protobuf::Message& message);

// Publishes reports; `builder` and `store` must outlive it.
class Publisher {
 public:
  Publisher(ReportBuilder& builder, PublishedReports& store) : builder_(builder), store_(store) {}

  // Checks the ask (CheckPublicationAsk), builds the report of its council (checked by the
  // caller) and period in PUBLISHED mode with every standard breakdown, and stores it as the
  // council's next version, published by `caller`. A request id already used returns the version
  // it made (replayed), or INVALID_ARGUMENT when that version is of another period. Fails like
  // ReportBuilder::Build.
  absl::StatusOr<AddedPublication> Publish(const PublicationAsk& ask, const std::string& caller);

 private:
  ReportBuilder& builder_;
  PublishedReports& store_;
};

}  // namespace pif::reporting
