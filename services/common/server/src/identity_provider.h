// The caller authentication a service runs with: the council's identity provider's keys (its
// JWKS file, read again every --tls_refresh_seconds so rotated keys apply without a restart),
// the issuer and audience its tokens must name, and the trusted service identities.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "pif/auth/token_verifier.h"
#include "pif/core/server_options.h"
#include "pif/grpc/call_scope.h"

namespace pif {

// Reads the JWKS file once at start (an unusable file stops start-up) and again periodically.
class IdentityProvider {
 public:
  // INVALID_ARGUMENT naming the flag or file when the options or the JWKS file are not usable.
  static absl::StatusOr<std::unique_ptr<IdentityProvider>> Start(const ServerOptions& options);
  ~IdentityProvider();
  IdentityProvider(const IdentityProvider&) = delete;
  IdentityProvider& operator=(const IdentityProvider&) = delete;

  // What ServiceHost authenticates callers with.
  std::shared_ptr<const CallAuthOptions> call_auth() const { return call_auth_; }

 private:
  IdentityProvider() = default;
  void WatchFile(std::string path, int64_t refresh_seconds);

  std::shared_ptr<auth::TokenVerifier> verifier_;
  std::shared_ptr<const CallAuthOptions> call_auth_;
  std::mutex mutex_;
  std::condition_variable stop_requested_;
  bool stopping_ = false;
  std::thread watcher_;
};

}  // namespace pif
