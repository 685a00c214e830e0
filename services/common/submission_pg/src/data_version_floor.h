// The floor under a database's data versions, raised when the database is a restored one, so a
// version handed out before a restore is never handed out again (migrations/V003).
#pragma once

#include <cstdint>

#include "pqxx/pqxx"

namespace pif::submission::internal {

// The lowest data version the database may hand out next: 0 until the database is found to be
// another than the one that recorded the floor (restored, copied, failed over); then, from that
// transaction on, the time of that discovery in microseconds since 1970. 0 in a database whose
// schema has no floor yet (before migration V003). Throws the database's exceptions.
int64_t DataVersionFloor(pqxx::work& tx);

}  // namespace pif::submission::internal
