// pif-indicators: computes the framework's indicators from intake's snapshots, with provenance.
#include "pif/core/default_addresses.h"
#include "pif/server/service_main.h"
#include "wiring.h"

namespace pif::pg {
const std::vector<Migration>& IndicatorsMigrations();
}

int main(int argc, char** argv) {
  pif::indicators::IndicatorsOptions options;
  pif::ServiceSpec spec;
  spec.name = "indicators";
  spec.default_listen = pif::kDefaultIndicatorsAddress;
  spec.migrations = &pif::pg::IndicatorsMigrations();
  spec.add_flags = [&](pif::FlagSet& flags) {
    flags.AddString("intake_address", "PIF_INTAKE_ADDRESS",
                    "host:port of the intake service (snapshots)", &options.intake_address);
    flags.AddInt("intake_deadline_seconds", "PIF_INTAKE_DEADLINE_SECONDS",
                 "seconds each call to intake may take, a whole snapshot export included",
                 &options.intake_deadline_seconds, 1, 3600);
    flags.AddInt("snapshot_cache_councils", "PIF_SNAPSHOT_CACHE_COUNCILS",
                 "councils whose latest snapshot is kept in memory",
                 &options.snapshot_cache_councils, 1, 1000);
  };
  spec.make_services = [&](const pif::ServerOptions&, pif::pg::Pool& pool) {
    return pif::indicators::MakeIndicatorsServices(options, pool);
  };
  return pif::RunService(spec, argc, argv);
}
