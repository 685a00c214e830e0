// pif-intake: receives a council's case records, validates and stores them, exports snapshots.
#include "intake_grpc_service.h"
#include "pif/common/service_main.h"

namespace pif::pg {
const std::vector<Migration>& IntakeMigrations();
}

int main(int argc, char** argv) {
  pif::ServiceSpec spec;
  spec.name = "intake";
  spec.default_listen = "127.0.0.1:50051";
  spec.migrations = &pif::pg::IntakeMigrations();
  spec.make_services = [](const pif::ServerOptions&,
                          pif::pg::Pool&) -> absl::StatusOr<std::vector<pif::HostedService>> {
    std::vector<pif::HostedService> services;
    services.push_back({pif::intake::v1::IntakeService::service_full_name(),
                        std::make_unique<pif::intake::IntakeGrpcService>()});
    return services;
  };
  return pif::RunService(spec, argc, argv);
}
