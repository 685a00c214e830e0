// The indicators service over gRPC, as the report's IndicatorsSource.
#pragma once

#include <memory>

#include "pif/grpc/service_client.h"
#include "pif/indicators/v1/indicators_service.grpc.pb.h"
#include "pif/reporting/domain/report_sources.h"

namespace pif::reporting {

// Each call has the endpoint's deadline; a failure is ServiceError's status, naming the service.
class IndicatorsClient final : public IndicatorsSource {
 public:
  explicit IndicatorsClient(ServiceEndpoint endpoint);
  absl::StatusOr<indicators::v1::ListIndicatorsResponse> Catalogue() override;
  absl::StatusOr<indicators::v1::ComputeIndicatorSeriesResponse> Series(
      const indicators::v1::ComputeIndicatorSeriesRequest& request) override;

 private:
  const ServiceEndpoint endpoint_;
  const std::unique_ptr<indicators::v1::IndicatorsService::Stub> stub_;
};

}  // namespace pif::reporting
