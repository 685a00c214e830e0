// The intake service over gRPC, as the report's IntakeSource.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "pif/grpc/service_client.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "pif/reporting/domain/report_sources.h"

namespace pif::reporting {

// Each call has the endpoint's deadline; a failure is ServiceError's status, naming the service.
class IntakeClient final : public IntakeSource {
 public:
  explicit IntakeClient(ServiceEndpoint endpoint);
  absl::StatusOr<int64_t> OpenRejections(const std::string& council) override;

 private:
  const ServiceEndpoint endpoint_;
  const std::unique_ptr<intake::v1::IntakeService::Stub> stub_;
};

}  // namespace pif::reporting
