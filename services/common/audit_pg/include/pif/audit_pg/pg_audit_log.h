// The access audit on PostgreSQL: the access_audit table of the service's own database (its
// migration set: pif/audit_pg/migrations.h).
#pragma once

#include "pif/audit/audit_log.h"
#include "pif/pg/pool.h"

namespace pif::audit {

// An AuditLog over one service's database.
class PgAuditLog final : public AuditLog {
 public:
  // `pool` must outlive the log; its database has AuditMigrations() applied.
  explicit PgAuditLog(pg::Pool& pool);

  // Inserts the row in its own transaction, committed before returning OK; UNAVAILABLE when the
  // database cannot be reached (the pool's wait included), INTERNAL for other failures. Text is
  // stored as PostgreSQL can hold it (invalid UTF-8 and NUL replaced by U+FFFD); a council that
  // is not a GSS code is stored as "".
  absl::Status Append(const AuditRecord& record) override;
  absl::StatusOr<AuditPage> List(const AuditQuery& query) override;

 private:
  pg::Pool& pool_;
};

}  // namespace pif::audit
