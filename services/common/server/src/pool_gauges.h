// The gauges of a service's PostgreSQL connection pool.
#pragma once

#include <vector>

#include "pif/metrics/callback_gauges.h"
#include "pif/pg/pool.h"

namespace pif {

// pif_db_pool_size, pif_db_pool_connections{state="idle"|"in_use"} and pif_db_pool_waiting,
// read from `pool` at every scrape; `pool` must outlive their registration.
std::vector<CallbackGauge> PoolGauges(const pg::Pool& pool);

}  // namespace pif
