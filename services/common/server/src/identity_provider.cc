#include "identity_provider.h"

#include <chrono>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "pif/auth/jwks.h"
#include "pif/core/log.h"

namespace pif {
namespace {

std::string FileText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

absl::StatusOr<std::unique_ptr<IdentityProvider>> IdentityProvider::Start(
    const ServerOptions& options) {
  if (absl::Status complete = CheckIdentityProvider(options); !complete.ok()) return complete;
  absl::StatusOr<std::vector<auth::VerificationKey>> keys = auth::LoadJwksFile(options.jwks_file);
  if (!keys.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("--jwks_file: ", keys.status().message()));
  }
  std::unique_ptr<IdentityProvider> provider(new IdentityProvider());
  auth::TokenPolicy policy;
  policy.issuer = options.jwt_issuer;
  policy.audience = options.jwt_audience;
  policy.roles_claim = options.jwt_roles_claim;
  policy.councils_claim = options.jwt_councils_claim;
  provider->verifier_ = std::make_shared<auth::TokenVerifier>(*std::move(keys), policy);
  auto call_auth = std::make_shared<CallAuthOptions>();
  call_auth->verifier = provider->verifier_;
  for (absl::string_view name : absl::StrSplit(options.service_identities, ',')) {
    name = absl::StripAsciiWhitespace(name);
    if (!name.empty()) call_auth->service_identities.emplace(name);
  }
  provider->call_auth_ = std::move(call_auth);
  provider->watcher_ = std::thread(&IdentityProvider::WatchFile, provider.get(), options.jwks_file,
                                   options.tls_refresh_seconds);
  return provider;
}

IdentityProvider::~IdentityProvider() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  stop_requested_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

void IdentityProvider::WatchFile(std::string path, int64_t refresh_seconds) {
  std::string last = FileText(path);
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stop_requested_.wait_for(lock, std::chrono::seconds(refresh_seconds),
                                   [this] { return stopping_; })) {
    const std::string now = FileText(path);
    if (now == last) continue;
    absl::StatusOr<std::vector<auth::VerificationKey>> keys = auth::ParseJwks(now);
    if (!keys.ok()) {
      // A half-written or broken file keeps the keys in use.
      log::Event(log::Level::kWarning, "jwks_not_reloaded")
          .Str(log::Key::kError, keys.status().message());
      continue;
    }
    verifier_->SetKeys(*std::move(keys));
    last = now;
    log::Event(log::Level::kInfo, "jwks_reloaded");
  }
}

}  // namespace pif
