#include "pool_gauges.h"

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

}  // namespace pif
