#include "pif/indicators/adapter/indicators_grpc_service.h"

#include "pif/engine/engine.h"
#include "pif/grpc/call_scope.h"
#include "pif/grpc/status_mapping.h"
#include "pif/indicators/domain/access_rules.h"
#include "pif/indicators/domain/catalogue_listing.h"
#include "pif/proto_util/dates.h"
#include "proto_conversion.h"

namespace pif::indicators {

grpc::Status IndicatorsGrpcService::ListIndicators(grpc::ServerContext* context,
                                                   const v1::ListIndicatorsRequest* request,
                                                   v1::ListIndicatorsResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(std::nullopt); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  absl::StatusOr<std::vector<const engine::Indicator*>> listed =
      ListCatalogue(std::vector<int>(request->areas().begin(), request->areas().end()));
  if (!listed.ok()) return ToGrpcStatus(listed.status());
  for (const engine::Indicator* indicator : *listed) {
    DefinitionToProto(indicator->definition, response->add_indicators());
  }
  response->set_definitions_version(engine::DefinitionsVersion());
  return grpc::Status::OK;
}

grpc::Status IndicatorsGrpcService::ComputeIndicators(grpc::ServerContext* context,
                                                      const v1::ComputeIndicatorsRequest* request,
                                                      v1::ComputeIndicatorsResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  const ComputeRequest asked = ComputeRequestOf(*request);
  if (absl::Status access = CheckFiguresAccess(call.caller(), asked.mode); !access.ok()) {
    return ToGrpcStatus(access);
  }
  absl::StatusOr<ComputedResultSet> computed = computer_->Compute(asked);
  if (!computed.ok()) return ToGrpcStatus(computed.status());
  ResultSetToProto(computed->set, response->mutable_provenance(), response->mutable_results(),
                   response->mutable_notes());
  response->set_reused(computed->reused);
  return grpc::Status::OK;
}

grpc::Status IndicatorsGrpcService::ComputeIndicatorSeries(
    grpc::ServerContext* context, const v1::ComputeIndicatorSeriesRequest* request,
    v1::ComputeIndicatorSeriesResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  const SeriesRequest asked = SeriesRequestOf(*request);
  if (absl::Status access = CheckFiguresAccess(call.caller(), asked.mode); !access.ok()) {
    return ToGrpcStatus(access);
  }
  absl::StatusOr<std::vector<ResultSet>> series = computer_->ComputeSeries(asked);
  if (!series.ok()) return ToGrpcStatus(series.status());
  for (const ResultSet& set : *series) {
    v1::PeriodResults* period = response->add_period_results();
    ResultSetToProto(set, period->mutable_provenance(), period->mutable_results(),
                     period->mutable_notes());
  }
  return grpc::Status::OK;
}

grpc::Status IndicatorsGrpcService::ExplainIndicator(grpc::ServerContext* context,
                                                     const v1::ExplainIndicatorRequest* request,
                                                     v1::ExplainIndicatorResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  if (absl::Status access = CheckExplanationAccess(call.caller()); !access.ok()) {
    return ToGrpcStatus(access);
  }
  absl::StatusOr<ExplainPage> page = explainer_->Explain(ExplainRequestOf(*request));
  if (!page.ok()) return ToGrpcStatus(page.status());
  ProvenanceToProto(page->provenance, response->mutable_provenance());
  FiguresToProto(page->result, response->mutable_result());
  for (const engine::UnitExplanation& unit : page->units) {
    UnitToProto(unit, page->definition->unit, response->add_units());
  }
  response->set_next_page_token(page->next_page_token);
  return grpc::Status::OK;
}

grpc::Status IndicatorsGrpcService::GetDisclosurePolicy(
    grpc::ServerContext* context, const v1::GetDisclosurePolicyRequest* request,
    v1::GetDisclosurePolicyResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  absl::StatusOr<PolicyInForce> policy = policies_->Get(request->council());
  if (!policy.ok()) return ToGrpcStatus(policy.status());
  PolicyToProto(*policy, response->mutable_policy());
  response->set_is_default(policy->is_default);
  if (policy->updated_at.has_value()) {
    *response->mutable_updated_at() = ToTimestamp(*policy->updated_at);
  }
  response->set_updated_by(policy->updated_by);
  return grpc::Status::OK;
}

grpc::Status IndicatorsGrpcService::SetDisclosurePolicy(
    grpc::ServerContext* context, const v1::SetDisclosurePolicyRequest* request,
    v1::SetDisclosurePolicyResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->policy().council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  absl::StatusOr<PolicyInForce> policy =
      policies_->Set(PolicyFieldsOf(request->policy()), call.RecordedCaller());
  if (!policy.ok()) return ToGrpcStatus(policy.status());
  PolicyToProto(*policy, response->mutable_policy());
  if (policy->updated_at.has_value()) {
    *response->mutable_updated_at() = ToTimestamp(*policy->updated_at);
  }
  response->set_updated_by(policy->updated_by);
  return grpc::Status::OK;
}

}  // namespace pif::indicators
