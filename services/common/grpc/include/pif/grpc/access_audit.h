// The access audit of every call a service answers: who called, which method, for which council,
// how many records it read or wrote, which children it read, with what outcome; kept in the
// service's audit table (through an audit::AuditSink) before the answer is sent, and logged. No
// request content other than the council's (public) code is written.
#pragma once

#include <grpcpp/server_context.h>
#include <grpcpp/support/server_interceptor.h>

#include <memory>
#include <string>

#include "google/protobuf/message.h"
#include "pif/audit/audit_log.h"

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

// The status a call gets instead of its own when its audit record could not be kept.
inline constexpr char kNotAuditedMessage[] =
    "the call could not be recorded in the access audit, so it was not answered; try again";

// Creates one interceptor per call (health checks and reflection are not audited) that, once the
// handler has decided the status and before it is sent, appends one audit::AuditRecord to `sink`
// (blocking: the record is kept before the caller learns the answer), with what the handler's
// CallScope noted (the verified caller, records read and written, children read). When the
// append fails the call is answered UNAVAILABLE (kNotAuditedMessage) and the response message
// going with the status is emptied. A call that ends without sending a status (cancelled before
// it) is appended when gRPC lets go of it, as CANCELLED. When the call ends, the JSON log line
// {"event":"access","caller":...,"address":<peer>,"method":...,"council":...,"code":...,
// "duration_ms":...} is written whatever the sink did. Without a sink only the line is written.
class AccessAuditInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // `service` names the answering service in the records ("intake").
  explicit AccessAuditInterceptorFactory(std::shared_ptr<audit::AuditSink> sink = nullptr,
                                         std::string service = "");
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  std::shared_ptr<audit::AuditSink> sink_;
  std::string service_;
};

}  // namespace pif
