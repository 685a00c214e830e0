// The services a report is built from, over gRPC: indicators, workforce and intake. Every call
// has its own deadline; a service out of reach (or out of time) is UNAVAILABLE naming it and its
// address, so a report is never built with a silent gap.
#pragma once

#include <grpcpp/channel.h>

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "pif/indicators/v1/indicators_service.grpc.pb.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "pif/workforce/v1/workforce_service.grpc.pb.h"
#include "report_sources.h"

namespace pif::reporting {

// How to reach one service.
struct ServiceEndpoint {
  std::string address;
  std::shared_ptr<grpc::Channel> channel;
  absl::Duration deadline;
};

// A failed call to `service` at `address` as a status: UNAVAILABLE (naming the service) when it
// was out of reach or out of time, INTERNAL when it refused a request this service had checked,
// otherwise its code with the service named.
absl::Status ServiceError(const grpc::Status& status, const std::string& service,
                          const std::string& address, const char* call);

// The indicators service over gRPC.
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

// The workforce service over gRPC.
class WorkforceClient final : public WorkforceSource {
 public:
  explicit WorkforceClient(ServiceEndpoint endpoint);
  absl::StatusOr<workforce::v1::ComputeWorkforceResponse> Compute(
      const workforce::v1::ComputeWorkforceRequest& request) override;

 private:
  const ServiceEndpoint endpoint_;
  const std::unique_ptr<workforce::v1::WorkforceService::Stub> stub_;
};

// The intake service over gRPC.
class IntakeClient final : public IntakeSource {
 public:
  explicit IntakeClient(ServiceEndpoint endpoint);
  absl::StatusOr<int64_t> OpenRejections(const std::string& council) override;

 private:
  const ServiceEndpoint endpoint_;
  const std::unique_ptr<intake::v1::IntakeService::Stub> stub_;
};

}  // namespace pif::reporting
