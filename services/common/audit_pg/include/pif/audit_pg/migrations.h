// The access audit's own schema: one migration set (services/common/audit_pg/migrations),
// compiled in, that every service applies before its other sets.
#pragma once

#include "pif/pg/migrations.h"

namespace pif::audit {

// The version table recording the audit's migrations.
inline constexpr char kAuditVersionTable[] = "pif_audit_migrations";

// The access_audit table as a migration set recorded in kAuditVersionTable.
pg::MigrationSet AuditMigrations();

}  // namespace pif::audit
