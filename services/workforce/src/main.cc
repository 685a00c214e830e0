// pif-workforce: receives staff and absence records and computes the workforce figures.
#include "pif/common/service_main.h"
#include "workforce_grpc_service.h"

namespace pif::pg {
const std::vector<Migration>& WorkforceMigrations();
}

int main(int argc, char** argv) {
  std::string intake_address = "127.0.0.1:50051";
  pif::ServiceSpec spec;
  spec.name = "workforce";
  spec.default_listen = "127.0.0.1:50053";
  spec.migrations = &pif::pg::WorkforceMigrations();
  spec.add_flags = [&](pif::FlagSet& flags) {
    flags.AddString("intake_address", "PIF_INTAKE_ADDRESS",
                    "host:port of the intake service (open cases for 7.4)", &intake_address);
  };
  spec.make_services = [](const pif::ServerOptions&,
                          pif::pg::Pool&) -> absl::StatusOr<std::vector<pif::HostedService>> {
    std::vector<pif::HostedService> services;
    services.push_back({pif::workforce::v1::WorkforceService::service_full_name(),
                        std::make_unique<pif::workforce::WorkforceGrpcService>()});
    return services;
  };
  return pif::RunService(spec, argc, argv);
}
