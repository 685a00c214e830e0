#include "pif/submission_grpc/caller_identity.h"

#include <grpcpp/security/auth_context.h>

#include "absl/strings/str_cat.h"

namespace pif::submission_grpc {
namespace {

constexpr size_t kMaxClientNameLength = 100;

// Keeps printable ASCII only, so the name cannot break the audit record's text.
std::string CleanClientName(const grpc::string_ref& value) {
  std::string name;
  for (size_t i = 0; i < value.size() && name.size() < kMaxClientNameLength; ++i) {
    const char c = value.data()[i];
    if (c > 0x20 && c < 0x7f) name.push_back(c);
  }
  return name;
}

// The common name of the certificate the peer presented over mutual TLS, or "" without one.
std::string CertificateName(const grpc::ServerContext& context) {
  std::shared_ptr<const grpc::AuthContext> auth = context.auth_context();
  if (auth == nullptr || !auth->IsPeerAuthenticated()) return "";
  for (const grpc::string_ref& name : auth->FindPropertyValues("x509_common_name")) {
    std::string clean = CleanClientName(name);
    if (!clean.empty()) return clean;
  }
  return "";
}

}  // namespace

std::string CallerIdentity(const grpc::ServerContext& context) {
  const std::string certificate = CertificateName(context);
  std::string identity = certificate.empty()
                             ? absl::StrCat("anonymous peer=", context.peer())
                             : absl::StrCat("certificate=", certificate, " peer=", context.peer());
  const auto& metadata = context.client_metadata();
  auto client = metadata.find(kClientNameMetadata);
  if (client != metadata.end()) {
    std::string name = CleanClientName(client->second);
    if (!name.empty()) absl::StrAppend(&identity, " client=", name);
  }
  return identity;
}

}  // namespace pif::submission_grpc
