#include "pif/submission_grpc/caller_identity.h"

#include "absl/strings/str_cat.h"
#include "pif/common/access_audit.h"

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

}  // namespace

std::string CallerIdentity(const grpc::ServerContext& context) {
  std::string identity = absl::StrCat(CallerName(context), " peer=", context.peer());
  const auto& metadata = context.client_metadata();
  auto client = metadata.find(kClientNameMetadata);
  if (client != metadata.end()) {
    std::string name = CleanClientName(client->second);
    if (!name.empty()) absl::StrAppend(&identity, " client=", name);
  }
  return identity;
}

}  // namespace pif::submission_grpc
