// Intake as the source of 7.4's open cases, over gRPC: the council's intake data version, and
// its involvements and allocations (ExportSnapshot filtered to those two types) reduced to the
// children open at the census date, read through the shared intake client.
#pragma once

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "pif/case_client/intake_client.h"
#include "pif/dates/date.h"
#include "pif/grpc/service_client.h"
#include "pif/workforce/domain/open_cases.h"

namespace pif::workforce {

// What 7.4 needs intake for, as its errors say it: "7.4 needs the intake service at ADDRESS,
// which is unavailable: ..." when intake cannot be reached (or does not answer in time).
inline constexpr char kIntakePurpose[] = "7.4 needs";

// Reads open cases from intake at `endpoint` (service "intake", purpose kIntakePurpose); every
// call has the endpoint's deadline to finish, a whole snapshot stream included.
class IntakeOpenCasesSource final : public OpenCasesSource {
 public:
  explicit IntakeOpenCasesSource(ServiceEndpoint endpoint);

  absl::StatusOr<int64_t> CurrentVersion(const std::string& council) override;
  // INTERNAL when intake's snapshot holds other record types than asked for, or an involvement
  // or allocation date that is missing or not a calendar date (intake exports validated records
  // only, so either is a fault between the services).
  absl::StatusOr<IntakeOpenCases> Load(const std::string& council, dates::Date census) override;

 private:
  case_client::IntakeClient intake_;
};

}  // namespace pif::workforce
