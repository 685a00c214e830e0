#include "pif/grpc/service_client.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "pif/grpc/call_scope.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/status_mapping.h"

namespace pif {

ServiceEndpoint ConnectTo(std::string service, std::string address, absl::Duration deadline,
                          std::string purpose) {
  ServiceEndpoint endpoint;
  endpoint.service = std::move(service);
  endpoint.address = std::move(address);
  endpoint.channel = OpenChannel(endpoint.address);
  endpoint.deadline = deadline;
  endpoint.purpose = std::move(purpose);
  return endpoint;
}

void PrepareCall(const ServiceEndpoint& endpoint, grpc::ClientContext& context) {
  absl::Time deadline = absl::Now() + endpoint.deadline;
  if (const CallScope* call = CallScope::Current()) {
    // On the caller's behalf: its token, and no more time than its own call has left.
    if (!call->caller().token.empty()) {
      context.AddMetadata("authorization", "Bearer " + call->caller().token);
    }
    const absl::Time caller_deadline = absl::FromChrono(call->context().deadline());
    if (caller_deadline < deadline) deadline = caller_deadline;
  }
  context.set_deadline(absl::ToChronoTime(deadline));
}

absl::Status ServiceError(const ServiceEndpoint& endpoint, const grpc::Status& status,
                          absl::string_view call) {
  const grpc::StatusCode code = status.error_code();
  const std::string needed =
      endpoint.purpose.empty() ? "" : absl::StrCat(" (", endpoint.purpose, " it)");
  if (code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::DEADLINE_EXCEEDED) {
    // Retryable for our caller whichever way the service was out of reach.
    if (!endpoint.purpose.empty()) {
      return absl::UnavailableError(
          absl::StrCat(endpoint.purpose, " the ", endpoint.service, " service at ",
                       endpoint.address, ", which is unavailable: ", status.error_message()));
    }
    return absl::UnavailableError(absl::StrCat("the ", endpoint.service, " service at ",
                                               endpoint.address,
                                               " is unavailable: ", status.error_message()));
  }
  if (code == grpc::StatusCode::INVALID_ARGUMENT || code == grpc::StatusCode::NOT_FOUND) {
    // The request was checked here first: the service refusing it is a fault between services.
    return absl::InternalError(absl::StrCat("the ", endpoint.service, " service refused ", call,
                                            needed, ": ", status.error_message()));
  }
  const absl::Status passed = FromGrpcStatus(status);
  return absl::Status(passed.code(), absl::StrCat("the ", endpoint.service, " service's ", call,
                                                  needed, " failed: ", passed.message()));
}

}  // namespace pif
