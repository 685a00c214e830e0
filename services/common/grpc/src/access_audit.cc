#include "pif/grpc/access_audit.h"

#include <grpcpp/security/auth_context.h>
#include <grpcpp/support/byte_buffer.h>

#include <chrono>
#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "call_registry.h"
#include "pif/core/log.h"
#include "pif/grpc/status_mapping.h"

namespace pif {
namespace {

// The council field of `message` itself, or "".
std::string OwnCouncil(const google::protobuf::Message& message) {
  const google::protobuf::FieldDescriptor* field =
      message.GetDescriptor()->FindFieldByName("council");
  if (field == nullptr || field->is_repeated() ||
      field->type() != google::protobuf::FieldDescriptor::TYPE_STRING) {
    return "";
  }
  return message.GetReflection()->GetString(message, field);
}

// Keeps the call's audit record before its status is sent, and writes the access line when gRPC
// destroys it at the end of the call.
class AccessAuditInterceptor : public grpc::experimental::Interceptor {
 public:
  AccessAuditInterceptor(grpc::experimental::ServerRpcInfo* info,
                         std::shared_ptr<audit::AuditSink> sink, const std::string& service)
      : info_(info),
        sink_(std::move(sink)),
        service_(service),
        method_(PrintableName(info->method())),
        started_(std::chrono::steady_clock::now()) {
    // The registry's interceptor, created before this one, has recorded the call.
    if (std::optional<internal::CallEntry> entry =
            internal::CallRegistry::Get().Find(info->server_context())) {
      notes_ = entry->notes;
    }
  }

  ~AccessAuditInterceptor() override {
    // A call cancelled before its handler sent a status is kept too.
    if (!appended_) Append();
    log::Event(log::Level::kInfo, "access")
        .Str(log::Key::kCaller, caller_)
        .Str(log::Key::kAddress, peer_)
        .Str(log::Key::kMethod, method_)
        .Str(log::Key::kCouncil, council_)
        .Str(log::Key::kCode, GrpcCodeName(code_))
        .Int(log::Key::kDurationMs, ElapsedMs());
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    using grpc::experimental::InterceptionHookPoints;
    // The peer and its credentials are known once the call's metadata has arrived.
    if (peer_.empty() && info_->server_context() != nullptr &&
        methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      caller_ = CallerName(*info_->server_context());
      peer_ = info_->server_context()->peer();
    }
    if (council_.empty() &&
        methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE)) {
      if (const void* received = methods->GetRecvMessage(); received != nullptr) {
        council_ = CouncilOf(*static_cast<const google::protobuf::Message*>(received));
      }
    }
    // After the handler, before the status leaves: the record is kept first.
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      code_ = methods->GetSendStatus().error_code();
      if (!Append()) {
        methods->ModifySendStatus(grpc::Status(grpc::StatusCode::UNAVAILABLE, kNotAuditedMessage));
        code_ = grpc::StatusCode::UNAVAILABLE;
        // A unary answer travels with its status: it goes out empty.
        if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_MESSAGE)) {
          if (grpc::ByteBuffer* message = methods->GetSerializedSendMessage(); message != nullptr) {
            grpc::Slice nothing;
            *message = grpc::ByteBuffer(&nothing, 1);
          }
        }
      }
    }
    methods->Proceed();
  }

 private:
  int64_t ElapsedMs() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 started_)
        .count();
  }

  // Appends the call's record to the sink (when there is one); false when it was not kept.
  bool Append() {
    appended_ = true;
    if (sink_ == nullptr) return true;
    audit::AuditRecord record;
    record.at = absl::Now();
    record.service = service_;
    record.method = method_;
    record.peer = peer_;
    record.council = council_;
    record.code = GrpcCodeName(code_);
    record.duration_ms = ElapsedMs();
    if (notes_ != nullptr) {
      internal::CallNotes notes = notes_->Read();
      if (!notes.caller.empty()) caller_ = notes.caller;
      record.records_read = notes.records_read;
      record.records_written = notes.records_written;
      record.children = std::move(notes.children);
    }
    record.caller = caller_;
    const absl::Status kept = sink_->Append(record);
    if (kept.ok()) return true;
    log::Event(log::Level::kError, "audit_write_failed")
        .Str(log::Key::kMethod, method_)
        .Str(log::Key::kCode, std::string(absl::StatusCodeToString(kept.code())));
    return false;
  }

  grpc::experimental::ServerRpcInfo* info_;  // outlives the interceptor (gRPC owns both)
  std::shared_ptr<audit::AuditSink> sink_;
  std::string service_;
  std::shared_ptr<internal::CallNotesBox> notes_;
  std::string method_;
  std::string caller_ = "anonymous";
  std::string peer_;
  std::string council_;
  std::chrono::steady_clock::time_point started_;
  bool appended_ = false;
  // A call that ends without the server sending a status was cancelled by the client or drain.
  grpc::StatusCode code_ = grpc::StatusCode::CANCELLED;
};

}  // namespace

std::string PrintableName(const grpc::string_ref& value) {
  constexpr size_t kMaxNameLength = 100;
  std::string name;
  for (size_t i = 0; i < value.size() && name.size() < kMaxNameLength; ++i) {
    const char c = value.data()[i];
    if (c > 0x20 && c < 0x7f) name.push_back(c);
  }
  return name;
}

std::string CallerName(const grpc::ServerContextBase& context) {
  std::shared_ptr<const grpc::AuthContext> auth = context.auth_context();
  if (auth != nullptr && auth->IsPeerAuthenticated()) {
    for (const grpc::string_ref& name : auth->FindPropertyValues("x509_common_name")) {
      std::string printable = PrintableName(name);
      if (!printable.empty()) return absl::StrCat("certificate=", printable);
    }
  }
  return "anonymous";
}

std::string CouncilOf(const google::protobuf::Message& request) {
  std::string council = OwnCouncil(request);
  if (!council.empty()) return council;
  const google::protobuf::Descriptor* descriptor = request.GetDescriptor();
  const google::protobuf::Reflection* reflection = request.GetReflection();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const google::protobuf::FieldDescriptor* field = descriptor->field(i);
    if (field->is_repeated() ||
        field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE ||
        !reflection->HasField(request, field)) {
      continue;
    }
    council = OwnCouncil(reflection->GetMessage(request, field));
    if (!council.empty()) return council;
  }
  return "";
}

AccessAuditInterceptorFactory::AccessAuditInterceptorFactory(std::shared_ptr<audit::AuditSink> sink,
                                                             std::string service)
    : sink_(std::move(sink)), service_(std::move(service)) {}

grpc::experimental::Interceptor* AccessAuditInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  const std::string method = info->method();
  if (absl::StartsWith(method, "/grpc.health.") || absl::StartsWith(method, "/grpc.reflection.")) {
    return nullptr;
  }
  return new AccessAuditInterceptor(info, sink_, service_);
}

}  // namespace pif
