#include "pif/grpc/call_scope.h"

#include <grpcpp/security/auth_context.h>

#include <map>
#include <mutex>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "call_registry.h"
#include "pif/auth/authorize.h"
#include "pif/core/council.h"
#include "pif/grpc/access_audit.h"
#include "pif/grpc/caller_identity.h"

namespace pif {
namespace {

using internal::CallEntry;
using internal::CallRegistry;

// Registers its call for as long as gRPC keeps it (created before the handler runs, destroyed
// after the call ended).
class CallRegistryInterceptor : public grpc::experimental::Interceptor {
 public:
  CallRegistryInterceptor(const grpc::ServerContextBase* context, CallEntry entry)
      : context_(context) {
    if (context_ != nullptr) CallRegistry::Get().Add(context_, std::move(entry));
  }
  ~CallRegistryInterceptor() override {
    if (context_ != nullptr) CallRegistry::Get().Remove(context_);
  }
  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    methods->Proceed();
  }

 private:
  const grpc::ServerContextBase* context_;
};

thread_local const CallScope* current_call = nullptr;

}  // namespace

CallRegistryInterceptorFactory::CallRegistryInterceptorFactory(
    std::shared_ptr<const CallAuthOptions> options)
    : options_(std::move(options)) {}

grpc::experimental::Interceptor* CallRegistryInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new CallRegistryInterceptor(info->server_context(), {info->method(), options_});
}

std::string BearerTokenOf(const grpc::ServerContextBase& context) {
  const auto& metadata = context.client_metadata();
  auto found = metadata.find("authorization");
  if (found == metadata.end()) return "";
  const absl::string_view value(found->second.data(), found->second.size());
  constexpr absl::string_view kScheme = "bearer ";
  if (value.size() <= kScheme.size() ||
      !absl::EqualsIgnoreCase(value.substr(0, kScheme.size()), kScheme)) {
    return "";
  }
  return std::string(absl::StripAsciiWhitespace(value.substr(kScheme.size())));
}

std::vector<std::string> CertificateNamesOf(const grpc::ServerContextBase& context) {
  std::vector<std::string> names;
  std::shared_ptr<const grpc::AuthContext> auth = context.auth_context();
  if (auth == nullptr || !auth->IsPeerAuthenticated()) return names;
  for (const char* property : {"x509_common_name", "x509_subject_alternative_name"}) {
    for (const grpc::string_ref& value : auth->FindPropertyValues(property)) {
      std::string name = PrintableName(value);
      if (!name.empty()) names.push_back(std::move(name));
    }
  }
  return names;
}

CallScope::CallScope(const grpc::ServerContext& context)
    : context_(context), previous_(current_call) {
  if (std::optional<CallEntry> entry = CallRegistry::Get().Find(&context)) {
    method_ = entry->method;
    options_ = entry->options;
    notes_ = entry->notes;
  }
  current_call = this;
}

CallScope::~CallScope() { current_call = previous_; }

const CallScope* CallScope::Current() { return current_call; }

absl::Status CallScope::Authorize(const std::optional<std::string>& council) {
  caller_ = auth::Caller();
  const std::vector<std::string> certificate = CertificateNamesOf(context_);
  if (!certificate.empty()) caller_.certificate = certificate.front();
  if (options_ != nullptr) {
    for (const std::string& name : certificate) {
      if (options_->service_identities.count(name) > 0) {
        caller_.service = true;
        caller_.certificate = name;
      }
    }
  }
  NoteCaller();
  const std::string token = BearerTokenOf(context_);
  if (token.empty()) {
    return absl::UnauthenticatedError(
        "a bearer token is required: send `authorization: Bearer <token>` from the council's "
        "identity provider");
  }
  if (options_ == nullptr || options_->verifier == nullptr) {
    return absl::UnauthenticatedError("this service has no identity provider keys configured");
  }
  absl::StatusOr<auth::Claims> claims = options_->verifier->Verify(token, options_->clock());
  if (!claims.ok()) return claims.status();
  caller_.subject = claims->subject;
  caller_.roles = claims->roles;
  caller_.councils = claims->councils;
  caller_.token = token;
  NoteCaller();  // the audit names the verified subject, whatever the rpc and council decide

  const auth::RpcRule* rule = auth::FindRpcRule(method_);
  if (rule == nullptr) return absl::PermissionDeniedError("this rpc is not open to any caller");
  if (absl::Status allowed = auth::AuthorizeRpc(caller_, *rule); !allowed.ok()) return allowed;
  if (!council.has_value()) return absl::OkStatus();
  return AuthorizeCouncil(*council);
}

absl::Status CallScope::AuthorizeCouncil(const std::string& council) const {
  if (caller_.subject.empty()) {
    return absl::UnauthenticatedError("the caller is not authenticated");
  }
  if (absl::Status format = CheckCouncil(council); !format.ok()) return format;
  return auth::AuthorizeCouncil(caller_, council);
}

void CallScope::NoteCaller() const {
  if (notes_ == nullptr) return;
  notes_->Update([name = caller_.AuditName()](internal::CallNotes& notes) { notes.caller = name; });
}

std::string CallScope::RecordedCaller() const {
  std::string name = caller_.AuditName();
  const auto& metadata = context_.client_metadata();
  if (auto client = metadata.find(kClientNameMetadata); client != metadata.end()) {
    const std::string client_name = PrintableName(client->second);
    if (!client_name.empty()) absl::StrAppend(&name, " client=", client_name);
  }
  return name;
}

void CallScope::NoteRecords(int64_t read, int64_t written) const {
  if (notes_ == nullptr) return;
  notes_->Update([read, written](internal::CallNotes& notes) {
    notes.records_read += read;
    notes.records_written += written;
  });
}

void CallScope::NoteChildrenRead(const std::vector<std::string>& ids) const {
  if (notes_ == nullptr || ids.empty()) return;
  notes_->Update([&ids](internal::CallNotes& notes) {
    notes.children.insert(notes.children.end(), ids.begin(), ids.end());
  });
}

}  // namespace pif
