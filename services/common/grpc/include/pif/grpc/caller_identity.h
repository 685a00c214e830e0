// Who is calling: the one place the audit identity of a caller is worked out.
#pragma once

#include <grpcpp/server_context.h>

#include <string>

namespace pif {

// The metadata key a client may use to name itself (for example `pifctl/0.1`).
inline constexpr char kClientNameMetadata[] = "x-pif-client";

// The caller's identity for audit records: over mutual TLS the common name of the certificate
// it presented ("certificate=pif-pifctl peer=ipv4:10.0.0.7:40312"), otherwise "anonymous" and
// the peer address; then the `x-pif-client` name when given (printable ASCII, at most 100
// characters), for example "anonymous peer=ipv4:127.0.0.1:40312 client=pifctl/0.1".
std::string CallerIdentity(const grpc::ServerContext& context);

}  // namespace pif
