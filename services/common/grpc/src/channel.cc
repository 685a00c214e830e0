#include "pif/grpc/channel.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/security/tls_certificate_provider.h>
#include <grpcpp/security/tls_credentials_options.h>
#include <grpcpp/support/channel_arguments.h>
#include <grpcpp/support/client_interceptor.h>

#include <map>

#include "absl/synchronization/mutex.h"

namespace pif {
namespace {

struct DefaultOptions {
  absl::Mutex mutex;
  ClientOptions options ABSL_GUARDED_BY(mutex);
};

DefaultOptions& Defaults() {
  static DefaultOptions* defaults = new DefaultOptions();  // never destroyed: used until exit
  return *defaults;
}

// Adds `authorization: Bearer <token>` to every call on its channel that has none yet.
class BearerTokenInterceptor : public grpc::experimental::Interceptor {
 public:
  explicit BearerTokenInterceptor(const std::string& token) : token_(token) {}
  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      std::multimap<std::string, std::string>* metadata = methods->GetSendInitialMetadata();
      if (metadata->count("authorization") == 0) {
        metadata->emplace("authorization", "Bearer " + token_);
      }
    }
    methods->Proceed();
  }

 private:
  const std::string& token_;
};

class BearerTokenInterceptorFactory : public grpc::experimental::ClientInterceptorFactoryInterface {
 public:
  explicit BearerTokenInterceptorFactory(std::string token) : token_(std::move(token)) {}
  grpc::experimental::Interceptor* CreateClientInterceptor(
      grpc::experimental::ClientRpcInfo*) override {
    return new BearerTokenInterceptor(token_);
  }

 private:
  const std::string token_;
};

// Watches the three files, so a rotated certificate, key or CA is used without a restart.
std::shared_ptr<grpc::experimental::CertificateProviderInterface> WatchedFiles(
    const TlsFiles& files, int64_t refresh_seconds) {
  return std::make_shared<grpc::experimental::FileWatcherCertificateProvider>(
      files.key_file, files.cert_file, files.ca_file,
      static_cast<unsigned int>(refresh_seconds > 0 ? refresh_seconds : 1));
}

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFor(
    const ServerOptions& options) {
  absl::StatusOr<std::optional<TlsMaterial>> tls = LoadTls(options.tls);
  if (!tls.ok()) return tls.status();
  if (!tls->has_value()) return grpc::InsecureServerCredentials();
  grpc::experimental::TlsServerCredentialsOptions tls_options(
      WatchedFiles((*tls)->files, options.tls_refresh_seconds));
  tls_options.watch_root_certs();
  tls_options.watch_identity_key_cert_pairs();
  tls_options.set_cert_request_type(GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  return grpc::experimental::TlsServerCredentials(tls_options);
}

void SetDefaultClientOptions(ClientOptions options) {
  DefaultOptions& defaults = Defaults();
  absl::MutexLock lock(&defaults.mutex);
  defaults.options = std::move(options);
}

ClientOptions DefaultClientOptions() {
  DefaultOptions& defaults = Defaults();
  absl::MutexLock lock(&defaults.mutex);
  return defaults.options;
}

std::shared_ptr<grpc::Channel> OpenChannel(const std::string& address) {
  return OpenChannel(address, DefaultClientOptions());
}

std::shared_ptr<grpc::Channel> OpenChannel(const std::string& address,
                                           const ClientOptions& options) {
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(static_cast<int>(options.max_message_bytes));
  arguments.SetMaxSendMessageSize(static_cast<int>(options.max_message_bytes));
  // Calls spread over every address the target resolves to (a headless Service's pods), not
  // pinned to the first; a service config given by DNS is not looked up.
  arguments.SetServiceConfigJSON(kClientServiceConfig);
  arguments.SetInt(GRPC_ARG_SERVICE_CONFIG_DISABLE_RESOLUTION, 1);
  // Idle connections are pinged, so a pod that vanished is noticed and its address dropped.
  arguments.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 30000);
  arguments.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10000);
  arguments.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  arguments.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  if (options.tls.has_value()) {
    grpc::experimental::TlsChannelCredentialsOptions tls_options;
    tls_options.set_certificate_provider(
        WatchedFiles(options.tls->files, options.tls_refresh_seconds));
    tls_options.watch_root_certs();
    tls_options.watch_identity_key_cert_pairs();
    tls_options.set_verify_server_certs(true);
    credentials = grpc::experimental::TlsCredentials(tls_options);
  } else {
    credentials = grpc::InsecureChannelCredentials();
  }
  if (options.bearer_token.empty()) {
    return grpc::CreateCustomChannel(address, credentials, arguments);
  }
  std::vector<std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface>> interceptors;
  interceptors.push_back(std::make_unique<BearerTokenInterceptorFactory>(options.bearer_token));
  return grpc::experimental::CreateCustomChannelWithInterceptors(address, credentials, arguments,
                                                                 std::move(interceptors));
}

}  // namespace pif
