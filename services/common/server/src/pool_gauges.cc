#include "pool_gauges.h"

#include "absl/time/clock.h"
#include "pif/core/tls.h"

namespace pif {

std::vector<CallbackGauge> PoolGauges(const pg::Pool& pool) {
  const pg::Pool* read = &pool;
  const char* connections_help = "Connections of the database pool by state.";
  return {
      {"pif_db_pool_size",
       "The most connections the database pool holds.",
       {},
       [read] { return read->CurrentStats().size; }},
      {"pif_db_pool_connections",
       connections_help,
       {{"state", "idle"}},
       [read] { return read->CurrentStats().idle; }},
      {"pif_db_pool_connections",
       connections_help,
       {{"state", "in_use"}},
       [read] { return read->CurrentStats().in_use; }},
      {"pif_db_pool_waiting",
       "Callers waiting for a connection of the database pool.",
       {},
       [read] { return read->CurrentStats().waiting; }},
  };
}

std::vector<CallbackGauge> TlsGauges(const std::string& cert_file) {
  return {{"pif_tls_certificate_days_to_expiry",
           "Days until the service's TLS certificate (as its file holds it now) expires.",
           {},
           [cert_file] {
             absl::StatusOr<absl::Time> not_after = CertificateNotAfter(cert_file);
             if (!not_after.ok()) return -1.0;
             return absl::ToDoubleHours(*not_after - absl::Now()) / 24.0;
           }}};
}

}  // namespace pif
