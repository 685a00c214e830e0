// Client channels to pif services: the one place where client credentials and limits are set.
#pragma once

#include <grpcpp/channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/security/server_credentials.h>

#include <cstdint>
#include <memory>
#include <string>

#include "pif/common/server_options.h"

namespace pif {

// How a client reaches a pif service.
struct ClientOptions {
  // Largest message sent or received, in bytes.
  int64_t max_message_bytes = 64 * 1024 * 1024;
};

// The credentials a server listens with (plaintext today; mutual TLS slots in here).
std::shared_ptr<grpc::ServerCredentials> ServerCredentialsFor(const ServerOptions& options);

// Opens a channel to `address` (host:port) with the client credentials and limits.
std::shared_ptr<grpc::Channel> OpenChannel(const std::string& address,
                                           const ClientOptions& options = {});

}  // namespace pif
