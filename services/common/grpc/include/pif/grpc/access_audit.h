// An audit line for every call a service answers: who called, which method, for which council,
// with what outcome. No request content other than the council's (public) code is written.
#pragma once

#include <grpcpp/server_context.h>
#include <grpcpp/support/server_interceptor.h>

#include <string>

#include "google/protobuf/message.h"

namespace pif {

// `value` with everything but printable ASCII (no space) dropped, cut at 100 characters, so a
// name taken from a certificate or metadata cannot break a log line or an audit record.
std::string PrintableName(const grpc::string_ref& value);

// The authenticated name of the caller: "certificate=<common name>" over mutual TLS, otherwise
// "anonymous" (printable ASCII, at most 100 characters of the name).
std::string CallerName(const grpc::ServerContextBase& context);

// The council a request is about: its top-level string field `council`, or that of a message
// field one level down (the `header` of a streamed submission); "" when it has none.
std::string CouncilOf(const google::protobuf::Message& request);

// Creates one interceptor per call that writes, when the call ends, the JSON log line
// {"event":"access","caller":...,"address":<peer>,"method":...,"council":...,"code":...,
// "duration_ms":...}; health checks and reflection are not audited.
class AccessAuditInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;
};

}  // namespace pif
