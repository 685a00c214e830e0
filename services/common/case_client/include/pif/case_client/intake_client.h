// Intake as the services reading its case records call it (indicators, workforce): the council's
// data version, its snapshot streamed record by record with the header and counts checked, and
// its rejections still open. Every call goes through one ServiceEndpoint: the endpoint's deadline
// (a whole snapshot stream included) and ServiceError for intake's errors.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pif/grpc/service_client.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"

namespace pif::case_client {

// Records per streamed message asked of intake.
inline constexpr int kRecordsPerChunk = 5000;

// What a snapshot read gives besides its records.
struct SnapshotRead {
  // The data version intake read the records at.
  int64_t data_version = 0;
  // Records received (as many as the header announced).
  int64_t record_count = 0;
};

// Calls intake at one endpoint; thread-safe.
class IntakeClient {
 public:
  // `endpoint.service` names intake in errors ("intake").
  explicit IntakeClient(ServiceEndpoint endpoint);

  // The council's current data version (GetDataVersion).
  absl::StatusOr<int64_t> CurrentVersion(const std::string& council);

  // Streams the council's snapshot (only records of `types`, every type when empty), handing
  // each record to `on_record` in the order sent. The first non-OK status of `on_record` stops
  // the handing (the stream is still read to its end) and is returned once the call succeeded.
  // INTERNAL when the snapshot had no header or sent other than the records it announced (a
  // short snapshot must never reach figures); a failed call as ServiceError gives it.
  absl::StatusOr<SnapshotRead> ReadSnapshot(
      const std::string& council, const std::vector<intake::v1::RecordType>& types,
      const std::function<absl::Status(const intake::v1::Record&)>& on_record);

  // The council's rejections still open (ListRejections).
  absl::StatusOr<int64_t> OpenRejections(const std::string& council);

  // Where intake is, as errors name it.
  const ServiceEndpoint& endpoint() const { return endpoint_; }

 private:
  const ServiceEndpoint endpoint_;
  const std::unique_ptr<intake::v1::IntakeService::Stub> stub_;
};

}  // namespace pif::case_client
