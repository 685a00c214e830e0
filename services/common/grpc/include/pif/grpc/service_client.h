// Calls from one pif service to another: where the other service is, the deadline every call
// gets, and the one rule for turning the other service's error into this service's status.
#pragma once

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace pif {

// Another pif service as this one reaches it.
struct ServiceEndpoint {
  // The service's short name as errors name it ("intake").
  std::string service;
  // host:port, as configured.
  std::string address;
  std::shared_ptr<grpc::Channel> channel;
  // The time each call may take.
  absl::Duration deadline = absl::Seconds(120);
  // What this service needs it for, when an error should say so ("7.4 needs"); may be empty.
  std::string purpose;
};

// An endpoint of `service` at `address` over a channel with the process's client options.
ServiceEndpoint ConnectTo(std::string service, std::string address, absl::Duration deadline,
                          std::string purpose = "");

// Prepares `context` for one call to `endpoint`: its deadline, and, within a handler's CallScope,
// the caller's token and a deadline no later than the caller's own.
void PrepareCall(const ServiceEndpoint& endpoint, grpc::ClientContext& context);

// A failed `call` as this service's status: UNAVAILABLE naming the service and its address when
// it was out of reach or out of time (retryable for our caller); INTERNAL when it refused a
// request this service had checked (INVALID_ARGUMENT, NOT_FOUND: a fault between services);
// otherwise the same code with the service and call named.
absl::Status ServiceError(const ServiceEndpoint& endpoint, const grpc::Status& status,
                          absl::string_view call);

// Calls the unary `method` of `stub` once, with the endpoint's deadline; the response, or the
// error as ServiceError gives it.
template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> CallService(const ServiceEndpoint& endpoint, Stub& stub,
                                     grpc::Status (Stub::*method)(grpc::ClientContext*,
                                                                  const Request&, Response*),
                                     const Request& request, absl::string_view call) {
  grpc::ClientContext context;
  PrepareCall(endpoint, context);
  Response response;
  const grpc::Status status = (stub.*method)(&context, request, &response);
  if (!status.ok()) return ServiceError(endpoint, status, call);
  return response;
}

}  // namespace pif
