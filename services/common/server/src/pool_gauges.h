// The gauges of what a service holds: its PostgreSQL connection pool, its TLS certificate.
#pragma once

#include <string>
#include <vector>

#include "pif/metrics/callback_gauges.h"
#include "pif/pg/pool.h"

namespace pif {

// pif_db_pool_size, pif_db_pool_connections{state="idle"|"in_use"} and pif_db_pool_waiting,
// read from `pool` at every scrape; `pool` must outlive their registration.
std::vector<CallbackGauge> PoolGauges(const pg::Pool& pool);

// pif_tls_certificate_days_to_expiry: days until the certificate in `cert_file` (read at every
// scrape, so a rotated file counts) stops being valid; -1 when it cannot be read.
std::vector<CallbackGauge> TlsGauges(const std::string& cert_file);

}  // namespace pif
