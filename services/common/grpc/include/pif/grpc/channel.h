// Client channels to pif services and the credentials servers listen with: the one place where
// transport security and limits are set.
#pragma once

#include <grpcpp/channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/security/server_credentials.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "pif/core/server_options.h"
#include "pif/core/tls.h"

namespace pif {

// How a client reaches a pif service.
struct ClientOptions {
  // Largest message sent or received, in bytes.
  int64_t max_message_bytes = 64 * 1024 * 1024;
  // Mutual TLS: the CA the server's certificate must chain to and the client's own certificate
  // and key, watched for rotation. Empty = plaintext.
  std::optional<TlsMaterial> tls;
  // How often the TLS files are read again for a rotated certificate.
  int64_t tls_refresh_seconds = 60;
  // A bearer token every call on the channel carries (pifctl's caller); empty for a service,
  // whose calls carry their own caller's token (PrepareCall).
  std::string bearer_token;
};

// The service config of every channel OpenChannel makes: round_robin over all the target's
// addresses (use a dns:/// target naming a headless Service to reach every pod).
inline constexpr char kClientServiceConfig[] = R"({"loadBalancingConfig":[{"round_robin":{}}]})";

// The credentials a server listens with: mutual TLS (a client certificate signed by the CA is
// required and verified; the files are watched, so a rotated certificate is served without a
// restart) when options.tls names files, plaintext when it names none; an error naming the flag
// and file when they cannot be used.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFor(
    const ServerOptions& options);

// Sets the options OpenChannel(address) uses in this process (a service sets its own identity
// at start-up, pifctl the caller's); thread-safe.
void SetDefaultClientOptions(ClientOptions options);

// The options OpenChannel(address) uses in this process (plaintext until set).
ClientOptions DefaultClientOptions();

// Opens a channel to `address` (host:port) with the process's default client options.
std::shared_ptr<grpc::Channel> OpenChannel(const std::string& address);

// Opens a channel to `address` (host:port, or any gRPC target such as dns:///name:port) with
// `options`: round_robin over the target's addresses, keepalive pings every 30 s.
std::shared_ptr<grpc::Channel> OpenChannel(const std::string& address,
                                           const ClientOptions& options);

}  // namespace pif
