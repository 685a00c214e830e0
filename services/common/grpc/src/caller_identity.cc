#include "pif/grpc/caller_identity.h"

#include "absl/strings/str_cat.h"
#include "pif/grpc/access_audit.h"

namespace pif {

std::string CallerIdentity(const grpc::ServerContext& context) {
  std::string identity = absl::StrCat(CallerName(context), " peer=", context.peer());
  const auto& metadata = context.client_metadata();
  auto client = metadata.find(kClientNameMetadata);
  if (client != metadata.end()) {
    std::string name = PrintableName(client->second);
    if (!name.empty()) absl::StrAppend(&identity, " client=", name);
  }
  return identity;
}

}  // namespace pif
