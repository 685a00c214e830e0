// Intake as the source of 7.4's open cases, over gRPC: the council's intake data version, and
// its involvements and allocations (ExportSnapshot filtered to those two types) reduced to the
// children open at the census date.
#pragma once

#include <grpcpp/channel.h>

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "domain/open_cases.h"
#include "pif/dates/date.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"

namespace pif::workforce {

// The open cases at a census date and the intake data version they were read at.
struct IntakeOpenCases {
  int64_t data_version = 0;
  OpenCases cases;
};

// Where 7.4's case data comes from (an interface so the computation can be tested without
// intake).
class OpenCasesSource {
 public:
  virtual ~OpenCasesSource() = default;
  // The council's current intake data version.
  virtual absl::StatusOr<int64_t> CurrentVersion(const std::string& council) = 0;
  // The council's children with an involvement open at `census`, read in one consistent snapshot.
  virtual absl::StatusOr<IntakeOpenCases> Load(const std::string& council, dates::Date census) = 0;
};

// Reads open cases from intake at `address`; every call has `deadline` to finish (a whole
// snapshot stream included). When intake cannot be reached (or does not answer in time) the
// status is UNAVAILABLE: "7.4 needs the intake service at ADDRESS, which is unavailable: ...".
class IntakeOpenCasesSource final : public OpenCasesSource {
 public:
  IntakeOpenCasesSource(std::string address, std::shared_ptr<grpc::Channel> channel,
                        absl::Duration deadline);

  absl::StatusOr<int64_t> CurrentVersion(const std::string& council) override;
  absl::StatusOr<IntakeOpenCases> Load(const std::string& council, dates::Date census) override;

 private:
  // A failed call to intake as a status naming intake.
  absl::Status IntakeError(const grpc::Status& status, const char* call) const;

  const std::string address_;
  const std::unique_ptr<intake::v1::IntakeService::Stub> stub_;
  const absl::Duration deadline_;
};

}  // namespace pif::workforce
