#include "pif/grpc/service_host.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
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
  grpc::HealthCheckServiceInterface* health = host->server_->GetHealthCheckService();
  health->SetServingStatus(true);
  for (HostedService& hosted : host->services_) {
    health->SetServingStatus(hosted.name, true);
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

void ServiceHost::Drain(absl::Duration deadline) {
  if (drained_) return;
  drained_ = true;
  // Health goes NOT_SERVING first so load balancers stop sending new calls.
  server_->GetHealthCheckService()->Shutdown();
  server_->Shutdown(absl::ToChronoTime(absl::Now() + deadline));
  server_->Wait();
}

ServiceHost::~ServiceHost() {
  if (server_ != nullptr) Drain(absl::ZeroDuration());
  gauges_.clear();  // before the services they read are destroyed
}

}  // namespace pif
