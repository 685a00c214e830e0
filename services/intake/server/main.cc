// pif-intake: receives a council's case records, validates and stores them, exports snapshots.
#include "pif/core/default_addresses.h"
#include "pif/server/service_main.h"
#include "pif/submission_grpc/stream_limits.h"
#include "wiring.h"

namespace pif::pg {
const std::vector<Migration>& IntakeMigrations();
}

int main(int argc, char** argv) {
  pif::ServiceSpec spec;
  spec.name = "intake";
  spec.default_listen = pif::kDefaultIntakeAddress;
  spec.shared_migrations = pif::intake::IntakeSharedMigrations();
  spec.migrations = &pif::pg::IntakeMigrations();
  spec.make_services = [](const pif::ServerOptions& server, pif::pg::Pool& pool) {
    pif::submission_grpc::SetStreamLimits(pif::submission_grpc::StreamLimitsOf(server));
    return pif::intake::MakeIntakeServices(pool);
  };
  return pif::RunService(spec, argc, argv);
}
