// The workforce service over gRPC, as the report's WorkforceSource.
#pragma once

#include <memory>

#include "pif/grpc/service_client.h"
#include "pif/reporting/domain/report_sources.h"
#include "pif/workforce/v1/workforce_service.grpc.pb.h"

namespace pif::reporting {

// Each call has the endpoint's deadline; a failure is ServiceError's status, naming the service.
class WorkforceClient final : public WorkforceSource {
 public:
  explicit WorkforceClient(ServiceEndpoint endpoint);
  absl::StatusOr<workforce::v1::ComputeWorkforceResponse> Compute(
      const workforce::v1::ComputeWorkforceRequest& request) override;

 private:
  const ServiceEndpoint endpoint_;
  const std::unique_ptr<workforce::v1::WorkforceService::Stub> stub_;
};

}  // namespace pif::reporting
