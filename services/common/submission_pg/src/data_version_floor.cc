#include "data_version_floor.h"

namespace pif::submission::internal {
namespace {

// Which database this is: cluster system identifier / current WAL timeline / database oid. The
// same text as in migrations/V003__data_version_floor.sql.
constexpr char kDatabaseIdentity[] =
    "(SELECT system_identifier FROM pg_control_system())::text || '/' ||"
    " substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8) || '/' ||"
    " (SELECT oid FROM pg_database WHERE datname = current_database())::text";

}  // namespace

int64_t DataVersionFloor(pqxx::work& tx) {
  // A database whose schema predates the floor (the released binaries' store, in the upgrade
  // tests) hands out versions as it always did.
  if (tx.exec1("SELECT to_regclass('data_version_floor') IS NULL")[0].as<bool>()) return 0;
  const pqxx::result recorded = tx.exec(std::string("SELECT identity = ") + kDatabaseIdentity +
                                        ", version_floor FROM data_version_floor");
  if (!recorded.empty() && recorded[0][0].as<bool>()) return recorded[0][1].as<int64_t>();
  // Another database than the one that recorded the floor (or none recorded): every version it
  // may have handed out is below now.
  return tx
      .exec1(std::string("INSERT INTO data_version_floor AS f (identity, version_floor) VALUES (") +
             kDatabaseIdentity +
             ", (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)"
             " ON CONFLICT (singleton) DO UPDATE SET identity = EXCLUDED.identity,"
             " version_floor = GREATEST(f.version_floor, EXCLUDED.version_floor),"
             " changed_at = now() RETURNING version_floor")[0]
      .as<int64_t>();
}

}  // namespace pif::submission::internal
