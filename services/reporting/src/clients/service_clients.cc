#include "service_clients.h"

#include <grpcpp/client_context.h>

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "pif/grpc/status_mapping.h"

namespace pif::reporting {
namespace {

void SetDeadline(grpc::ClientContext& context, absl::Duration deadline) {
  context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
}

// Calls `method` of `stub` with the endpoint's deadline; the response, or the error naming the
// service.
template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> Call(Stub& stub,
                              grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&,
                                                           Response*),
                              const Request& request, const ServiceEndpoint& endpoint,
                              const std::string& service, const char* call) {
  grpc::ClientContext context;
  SetDeadline(context, endpoint.deadline);
  Response response;
  const grpc::Status status = (stub.*method)(&context, request, &response);
  if (!status.ok()) return ServiceError(status, service, endpoint.address, call);
  return response;
}

}  // namespace

absl::Status ServiceError(const grpc::Status& status, const std::string& service,
                          const std::string& address, const char* call) {
  const grpc::StatusCode code = status.error_code();
  if (code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::DEADLINE_EXCEEDED) {
    // Retryable for our caller whichever way the service was out of reach.
    return absl::UnavailableError(absl::StrCat("the ", service, " service at ", address,
                                               " is unavailable: ", status.error_message()));
  }
  if (code == grpc::StatusCode::INVALID_ARGUMENT || code == grpc::StatusCode::NOT_FOUND) {
    // The request was checked here first: the service refusing it is a fault between services.
    return absl::InternalError(
        absl::StrCat("the ", service, " service refused ", call, ": ", status.error_message()));
  }
  const absl::Status passed = FromGrpcStatus(status);
  return absl::Status(passed.code(), absl::StrCat("the ", service, " service's ", call,
                                                  " failed: ", passed.message()));
}

IndicatorsClient::IndicatorsClient(ServiceEndpoint endpoint)
    : endpoint_(std::move(endpoint)),
      stub_(indicators::v1::IndicatorsService::NewStub(endpoint_.channel)) {}

absl::StatusOr<indicators::v1::ListIndicatorsResponse> IndicatorsClient::Catalogue() {
  return Call(*stub_, &indicators::v1::IndicatorsService::Stub::ListIndicators,
              indicators::v1::ListIndicatorsRequest(), endpoint_, "indicators", "ListIndicators");
}

absl::StatusOr<indicators::v1::ComputeIndicatorSeriesResponse> IndicatorsClient::Series(
    const indicators::v1::ComputeIndicatorSeriesRequest& request) {
  return Call(*stub_, &indicators::v1::IndicatorsService::Stub::ComputeIndicatorSeries, request,
              endpoint_, "indicators", "ComputeIndicatorSeries");
}

WorkforceClient::WorkforceClient(ServiceEndpoint endpoint)
    : endpoint_(std::move(endpoint)),
      stub_(workforce::v1::WorkforceService::NewStub(endpoint_.channel)) {}

absl::StatusOr<workforce::v1::ComputeWorkforceResponse> WorkforceClient::Compute(
    const workforce::v1::ComputeWorkforceRequest& request) {
  return Call(*stub_, &workforce::v1::WorkforceService::Stub::ComputeWorkforce, request, endpoint_,
              "workforce", "ComputeWorkforce");
}

IntakeClient::IntakeClient(ServiceEndpoint endpoint)
    : endpoint_(std::move(endpoint)),
      stub_(intake::v1::IntakeService::NewStub(endpoint_.channel)) {}

absl::StatusOr<int64_t> IntakeClient::OpenRejections(const std::string& council) {
  intake::v1::ListRejectionsRequest request;
  request.set_council(council);
  request.set_page_size(1);
  absl::StatusOr<intake::v1::ListRejectionsResponse> response =
      Call(*stub_, &intake::v1::IntakeService::Stub::ListRejections, request, endpoint_, "intake",
           "ListRejections");
  if (!response.ok()) return response.status();
  return response->open_count();
}

}  // namespace pif::reporting
