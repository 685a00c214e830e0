// pif-reporting: self-evaluation, report building, publishing and rendering.
#include "pif/common/service_main.h"
#include "reporting_grpc_service.h"

namespace pif::pg {
const std::vector<Migration>& ReportingMigrations();
}

int main(int argc, char** argv) {
  std::string indicators_address = "127.0.0.1:50052";
  std::string workforce_address = "127.0.0.1:50053";
  pif::ServiceSpec spec;
  spec.name = "reporting";
  spec.default_listen = "127.0.0.1:50054";
  spec.migrations = &pif::pg::ReportingMigrations();
  spec.add_flags = [&](pif::FlagSet& flags) {
    flags.AddString("indicators_address", "PIF_INDICATORS_ADDRESS",
                    "host:port of the indicators service", &indicators_address);
    flags.AddString("workforce_address", "PIF_WORKFORCE_ADDRESS",
                    "host:port of the workforce service", &workforce_address);
  };
  spec.make_services = [](const pif::ServerOptions&,
                          pif::pg::Pool&) -> absl::StatusOr<std::vector<pif::HostedService>> {
    std::vector<pif::HostedService> services;
    services.push_back({pif::reporting::v1::ReportingService::service_full_name(),
                        std::make_unique<pif::reporting::ReportingGrpcService>()});
    return services;
  };
  return pif::RunService(spec, argc, argv);
}
