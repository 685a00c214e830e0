#include "pif/grpc/channel.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/support/channel_arguments.h>

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

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ServerCredentialsFor(
    const ServerOptions& options) {
  absl::StatusOr<std::optional<TlsMaterial>> tls = LoadTls(options.tls);
  if (!tls.ok()) return tls.status();
  if (!tls->has_value()) return grpc::InsecureServerCredentials();
  grpc::SslServerCredentialsOptions ssl(GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  ssl.pem_root_certs = (*tls)->ca_pem;
  ssl.pem_key_cert_pairs.push_back({(*tls)->key_pem, (*tls)->cert_pem});
  return grpc::SslServerCredentials(ssl);
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
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  if (options.tls.has_value()) {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = options.tls->ca_pem;
    ssl.pem_cert_chain = options.tls->cert_pem;
    ssl.pem_private_key = options.tls->key_pem;
    credentials = grpc::SslCredentials(ssl);
  } else {
    credentials = grpc::InsecureChannelCredentials();
  }
  return grpc::CreateCustomChannel(address, credentials, arguments);
}

}  // namespace pif
