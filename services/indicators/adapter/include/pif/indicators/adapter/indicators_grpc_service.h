// The gRPC adapter of the indicators service: converts protos to domain calls and statuses back.
#pragma once

#include "pif/indicators/domain/disclosure_policies.h"
#include "pif/indicators/domain/explainer.h"
#include "pif/indicators/domain/result_computer.h"
#include "pif/indicators/v1/indicators_service.grpc.pb.h"

namespace pif::indicators {

// Implements pif.indicators.v1.IndicatorsService over the domain objects it is given (which must
// outlive it). Every rpc authorizes its caller first (a CallScope; then the domain's access rules
// for INTERNAL figures and explanations). Every error goes through ToGrpcStatus.
class IndicatorsGrpcService : public v1::IndicatorsService::Service {
 public:
  IndicatorsGrpcService(ResultComputer* computer, Explainer* explainer,
                        DisclosurePolicies* policies)
      : computer_(computer), explainer_(explainer), policies_(policies) {}

  grpc::Status ListIndicators(grpc::ServerContext* context,
                              const v1::ListIndicatorsRequest* request,
                              v1::ListIndicatorsResponse* response) override;
  grpc::Status ComputeIndicators(grpc::ServerContext* context,
                                 const v1::ComputeIndicatorsRequest* request,
                                 v1::ComputeIndicatorsResponse* response) override;
  grpc::Status ComputeIndicatorSeries(grpc::ServerContext* context,
                                      const v1::ComputeIndicatorSeriesRequest* request,
                                      v1::ComputeIndicatorSeriesResponse* response) override;
  grpc::Status ExplainIndicator(grpc::ServerContext* context,
                                const v1::ExplainIndicatorRequest* request,
                                v1::ExplainIndicatorResponse* response) override;
  grpc::Status GetDisclosurePolicy(grpc::ServerContext* context,
                                   const v1::GetDisclosurePolicyRequest* request,
                                   v1::GetDisclosurePolicyResponse* response) override;
  grpc::Status SetDisclosurePolicy(grpc::ServerContext* context,
                                   const v1::SetDisclosurePolicyRequest* request,
                                   v1::SetDisclosurePolicyResponse* response) override;

 private:
  ResultComputer* const computer_;
  Explainer* const explainer_;
  DisclosurePolicies* const policies_;
};

}  // namespace pif::indicators
