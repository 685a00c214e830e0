#include "wiring.h"

#include <memory>
#include <utility>

#include "pif/grpc/channel.h"
#include "pif/indicators/adapter/indicators_grpc_service.h"
#include "pif/indicators/clients/intake_snapshot_source.h"
#include "pif/indicators/domain/snapshot_cache.h"
#include "pif/indicators/store/pg_indicators_store.h"
#include "pif/metrics/callback_gauges.h"

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

// The snapshot cache's gauges: totals only, no council named. `cache` outlives them (the host
// drops its gauges before the service that owns the cache).
std::vector<CallbackGauge> SnapshotCacheGauges(const SnapshotCache* cache) {
  return {
      {"pif_snapshot_cache_councils",
       "Councils whose latest snapshot is cached.",
       {},
       [cache] { return static_cast<double>(cache->CurrentStats().councils); }},
      {"pif_snapshot_cache_capacity",
       "The most councils the snapshot cache keeps.",
       {},
       [cache] { return static_cast<double>(cache->CurrentStats().capacity); }},
      {"pif_snapshot_cache_records",
       "Records of every kind in the cached snapshots.",
       {},
       [cache] { return static_cast<double>(cache->CurrentStats().records); }},
      {"pif_snapshot_cache_pulls",
       "Snapshot pulls from intake running now.",
       {},
       [cache] { return static_cast<double>(cache->CurrentStats().pulls_in_progress); }},
  };
}

}  // namespace

absl::StatusOr<std::vector<HostedService>> MakeIndicatorsServices(const IndicatorsOptions& options,
                                                                  pg::Pool& pool) {
  if (absl::Status floor = CheckDisclosureFloor(options.disclosure_floor); !floor.ok()) {
    return floor;
  }
  auto parts = std::make_unique<Parts>();
  parts->store = std::make_unique<PgIndicatorsStore>(&pool);
  parts->intake = std::make_unique<IntakeSnapshotSource>(
      options.intake_address, OpenChannel(options.intake_address),
      absl::Seconds(options.intake_deadline_seconds));
  parts->snapshots = std::make_unique<SnapshotCache>(
      parts->intake.get(), static_cast<size_t>(options.snapshot_cache_councils));
  parts->policies =
      std::make_unique<DisclosurePolicies>(parts->store.get(), options.disclosure_floor);
  parts->computer = std::make_unique<ResultComputer>(parts->snapshots.get(), parts->store.get(),
                                                     parts->policies.get());
  parts->explainer = std::make_unique<Explainer>(parts->snapshots.get());
  std::vector<CallbackGauge> gauges = SnapshotCacheGauges(parts->snapshots.get());
  std::vector<HostedService> services;
  services.push_back({v1::IndicatorsService::service_full_name(),
                      std::make_unique<OwningIndicatorsService>(std::move(parts)),
                      std::move(gauges)});
  return services;
}

}  // namespace pif::indicators
