#include "pif/grpc/service_host.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/impl/server_builder_option.h>
#include <grpcpp/impl/server_builder_plugin.h>
#include <grpcpp/server_builder.h>

#include "absl/strings/str_cat.h"
#include "pif/core/log.h"
#include "pif/grpc/access_audit.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/rpc_metrics_interceptor.h"

namespace pif {
namespace {

// The methods the server answers: the hosted services' and those of health checking and
// reflection, which the host adds.
absl::flat_hash_set<std::string> KnownMethods(const std::vector<HostedService>& services) {
  absl::flat_hash_set<std::string> known = {
      "/grpc.health.v1.Health/Check",
      "/grpc.health.v1.Health/Watch",
      "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
      "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
  };
  for (const HostedService& hosted : services) {
    for (std::string& method : MethodsOfService(hosted.name)) known.insert(std::move(method));
  }
  return known;
}

// Removes every server plugin (reflection registers itself for all servers of the process), so
// the health port answers grpc.health.v1 and nothing else.
class WithoutPlugins final : public grpc::ServerBuilderOption {
 public:
  void UpdateArguments(grpc::ChannelArguments*) override {}
  void UpdatePlugins(std::vector<std::unique_ptr<grpc::ServerBuilderPlugin>>* plugins) override {
    plugins->clear();
  }
};

// Lets clients keep idle connections alive with pings (OpenChannel pings every 30 s), instead of
// answering them with GOAWAY "too_many_pings"; ages connections out so clients re-resolve.
void SetConnectionLifetimes(grpc::ServerBuilder& builder) {
  builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 20000);
  // Connections are closed (gracefully: running calls finish) after 5 minutes, so clients
  // resolve the target again and reach pods added since.
  builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_MS, 5 * 60 * 1000);
}

// Starts the plaintext health-only server on `listen`; null with *port 0 when it cannot listen.
// `unimplemented` answers every other method UNIMPLEMENTED (and gives the server the callback
// queue its default health service runs on).
std::unique_ptr<grpc::Server> StartHealthServer(const std::string& listen,
                                                grpc::CallbackGenericService* unimplemented,
                                                int* port) {
  grpc::ServerBuilder builder;
  builder.RegisterCallbackGenericService(unimplemented);
  builder.AddListeningPort(listen, grpc::InsecureServerCredentials(), port);
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.SetOption(std::make_unique<WithoutPlugins>());
  // The default health checking service (enabled for the process) is its only service.
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || *port == 0) return nullptr;
  return server;
}

}  // namespace

absl::StatusOr<std::unique_ptr<ServiceHost>> ServiceHost::Start(
    const ServerOptions& options, std::vector<HostedService> services,
    std::shared_ptr<Metrics> metrics, std::shared_ptr<const CallAuthOptions> auth,
    std::shared_ptr<audit::AuditSink> audit) {
  std::unique_ptr<ServiceHost> host(new ServiceHost());
  host->metrics_ =
      metrics != nullptr ? std::move(metrics) : std::make_shared<Metrics>(options.service_name);
  host->services_ = std::move(services);
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
      ServerCredentialsFor(options);
  if (!credentials.ok()) return credentials.status();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(options.listen, *credentials, &host->port_);
  for (HostedService& hosted : host->services_) builder.RegisterService(hosted.service.get());
  builder.SetMaxReceiveMessageSize(static_cast<int>(options.max_message_bytes));
  builder.SetMaxSendMessageSize(static_cast<int>(options.max_message_bytes));
  // Without this, a second process could bind the same port and silently share its traffic.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  SetConnectionLifetimes(builder);
  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> interceptors;
  // First: the handler's CallScope learns which rpc it answers from it.
  interceptors.push_back(std::make_unique<CallRegistryInterceptorFactory>(std::move(auth)));
  // Before the metrics: hooks before sending run in this order, so the metrics count the status
  // the audit lets go out (UNAVAILABLE when the record could not be kept).
  interceptors.push_back(
      std::make_unique<AccessAuditInterceptorFactory>(std::move(audit), options.service_name));
  interceptors.push_back(std::make_unique<RpcMetricsInterceptorFactory>(
      *host->metrics_, KnownMethods(host->services_)));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));

  host->server_ = builder.BuildAndStart();
  if (host->server_ == nullptr || host->port_ == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen for gRPC on ", options.listen));
  }
  if (!options.health_listen.empty()) {
    host->health_unimplemented_ = std::make_unique<grpc::CallbackGenericService>();
    host->health_server_ = StartHealthServer(
        options.health_listen, host->health_unimplemented_.get(), &host->health_port_);
    if (host->health_server_ == nullptr) {
      host->Drain(absl::ZeroDuration());
      return absl::UnavailableError(
          absl::StrCat("cannot listen for health checks on ", options.health_listen));
    }
    log::Event(log::Level::kInfo, "health_serving")
        .Str(log::Key::kAddress, options.health_listen)
        .Int(log::Key::kPort, host->health_port_);
  }
  for (grpc::Server* server : {host->server_.get(), host->health_server_.get()}) {
    if (server != nullptr) server->GetHealthCheckService()->SetServingStatus(true);
  }
  host->SetReady(true);
  for (HostedService& hosted : host->services_) {
    host->gauges_.push_back(host->metrics_->AddGauges(std::move(hosted.gauges)));
  }

  if (!options.metrics_listen.empty()) {
    if (absl::Status served = host->metrics_->Serve(options.metrics_listen); !served.ok()) {
      host->Drain(absl::ZeroDuration());
      return served;
    }
    log::Event(log::Level::kInfo, "metrics_serving")
        .Str(log::Key::kAddress, options.metrics_listen)
        .Int(log::Key::kPort, host->metrics_->port());
  }
  return host;
}

void ServiceHost::SetReady(bool ready) {
  absl::MutexLock lock(&health_mutex_);
  if (drained_) return;
  for (grpc::Server* server : {server_.get(), health_server_.get()}) {
    if (server == nullptr) continue;
    for (const HostedService& hosted : services_) {
      server->GetHealthCheckService()->SetServingStatus(hosted.name, ready);
    }
  }
}

void ServiceHost::Drain(absl::Duration deadline) {
  {
    absl::MutexLock lock(&health_mutex_);
    if (drained_) return;
    drained_ = true;
    // Health goes NOT_SERVING first so load balancers stop sending new calls.
    server_->GetHealthCheckService()->Shutdown();
    if (health_server_ != nullptr) health_server_->GetHealthCheckService()->Shutdown();
  }
  server_->Shutdown(absl::ToChronoTime(absl::Now() + deadline));
  server_->Wait();
  // The probes' port goes last: until the service port has stopped it answers NOT_SERVING.
  if (health_server_ != nullptr) {
    health_server_->Shutdown(absl::ToChronoTime(absl::Now()));
    health_server_->Wait();
  }
}

ServiceHost::~ServiceHost() {
  if (server_ != nullptr) Drain(absl::ZeroDuration());
  gauges_.clear();  // before the services they read are destroyed
}

}  // namespace pif
