// pif-indicators: computes the framework's indicators from intake's snapshots, with provenance.
#include "indicators_grpc_service.h"
#include "pif/common/service_main.h"

namespace pif::pg {
const std::vector<Migration>& IndicatorsMigrations();
}

int main(int argc, char** argv) {
  std::string intake_address = "127.0.0.1:50051";
  pif::ServiceSpec spec;
  spec.name = "indicators";
  spec.default_listen = "127.0.0.1:50052";
  spec.migrations = &pif::pg::IndicatorsMigrations();
  spec.add_flags = [&](pif::FlagSet& flags) {
    flags.AddString("intake_address", "PIF_INTAKE_ADDRESS",
                    "host:port of the intake service (snapshots)", &intake_address);
  };
  spec.make_services = [](const pif::ServerOptions&,
                          pif::pg::Pool&) -> absl::StatusOr<std::vector<pif::HostedService>> {
    std::vector<pif::HostedService> services;
    services.push_back({pif::indicators::v1::IndicatorsService::service_full_name(),
                        std::make_unique<pif::indicators::IndicatorsGrpcService>()});
    return services;
  };
  return pif::RunService(spec, argc, argv);
}
