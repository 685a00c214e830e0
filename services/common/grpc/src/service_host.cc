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

absl::StatusOr<std::unique_ptr<ServiceHost>> ServiceHost::Start(
    const ServerOptions& options, std::vector<HostedService> services,
    std::shared_ptr<MetricsRegistry> metrics) {
  std::unique_ptr<ServiceHost> host(new ServiceHost());
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
  interceptors.push_back(
      std::make_unique<RpcMetricsInterceptorFactory>(options.service_name, metrics));
  interceptors.push_back(std::make_unique<AccessAuditInterceptorFactory>());
  builder.experimental().SetInterceptorCreators(std::move(interceptors));

  host->server_ = builder.BuildAndStart();
  if (host->server_ == nullptr || host->port_ == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen for gRPC on ", options.listen));
  }
  grpc::HealthCheckServiceInterface* health = host->server_->GetHealthCheckService();
  health->SetServingStatus(true);
  for (const HostedService& hosted : host->services_) health->SetServingStatus(hosted.name, true);

  if (!options.metrics_listen.empty()) {
    auto endpoint = MetricsEndpoint::Start(options.metrics_listen, metrics);
    if (!endpoint.ok()) {
      host->Drain(absl::ZeroDuration());
      return endpoint.status();
    }
    host->metrics_ = std::move(*endpoint);
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
}

}  // namespace pif
