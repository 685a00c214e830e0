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
    flags.AddInt("disclosure_floor_min_shown_count", "PIF_DISCLOSURE_FLOOR_MIN_SHOWN_COUNT",
                 "published figures suppress every count from 1 to this minus 1, whatever a "
                 "council's disclosure policy says",
                 &options.disclosure_floor.min_shown_count, 1, 100);
    flags.AddInt("disclosure_floor_min_percent_denominator",
                 "PIF_DISCLOSURE_FLOOR_MIN_PERCENT_DENOMINATOR",
                 "published figures withhold every percentage whose denominator is under this, "
                 "whatever a council's disclosure policy says",
                 &options.disclosure_floor.min_percent_denominator, 1, 1000);
    flags.AddBool("disclosure_require_secondary_suppression",
                  "PIF_DISCLOSURE_REQUIRE_SECONDARY_SUPPRESSION",
                  "published figures always apply secondary suppression, whatever a council's "
                  "disclosure policy says",
                  &options.disclosure_floor.secondary_suppression);
  };
  spec.make_services = [&](const pif::ServerOptions&, pif::pg::Pool& pool) {
    return pif::indicators::MakeIndicatorsServices(options, pool);
  };
  return pif::RunService(spec, argc, argv);
}
