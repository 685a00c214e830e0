#include "wiring.h"

#include <memory>
#include <utility>

#include "pif/grpc/channel.h"
#include "pif/indicators/adapter/indicators_grpc_service.h"
#include "pif/indicators/clients/intake_snapshot_source.h"
#include "pif/indicators/store/pg_indicators_store.h"

namespace pif::indicators {
namespace {

// Every part behind the rpcs, built in dependency order.
struct Parts {
  std::unique_ptr<PgIndicatorsStore> store;
  std::unique_ptr<IntakeSnapshotSource> intake;
  std::unique_ptr<SnapshotCache> snapshots;
  std::unique_ptr<DisclosurePolicies> policies;
  std::unique_ptr<ResultComputer> computer;
  std::unique_ptr<Explainer> explainer;
};

// The adapter together with the parts it points into, so the host keeps both alive.
class OwningIndicatorsService final : public IndicatorsGrpcService {
 public:
  explicit OwningIndicatorsService(std::unique_ptr<Parts> parts)
      : IndicatorsGrpcService(parts->computer.get(), parts->explainer.get(), parts->policies.get()),
        parts_(std::move(parts)) {}

 private:
  std::unique_ptr<Parts> parts_;
};

}  // namespace

absl::StatusOr<std::vector<HostedService>> MakeIndicatorsServices(const IndicatorsOptions& options,
                                                                  pg::Pool& pool) {
  auto parts = std::make_unique<Parts>();
  parts->store = std::make_unique<PgIndicatorsStore>(&pool);
  parts->intake = std::make_unique<IntakeSnapshotSource>(
      options.intake_address, OpenChannel(options.intake_address),
      absl::Seconds(options.intake_deadline_seconds));
  parts->snapshots = std::make_unique<SnapshotCache>(
      parts->intake.get(), static_cast<size_t>(options.snapshot_cache_councils));
  parts->policies = std::make_unique<DisclosurePolicies>(parts->store.get());
  parts->computer = std::make_unique<ResultComputer>(parts->snapshots.get(), parts->store.get(),
                                                     parts->policies.get());
  parts->explainer = std::make_unique<Explainer>(parts->snapshots.get());
  std::vector<HostedService> services;
  services.push_back({v1::IndicatorsService::service_full_name(),
                      std::make_unique<OwningIndicatorsService>(std::move(parts))});
  return services;
}

}  // namespace pif::indicators
