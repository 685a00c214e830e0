// The submission store's own schema: one migration set (services/common/submission_pg/
// migrations), compiled in, that every service keeping submissions applies before its own.
#pragma once

#include "pif/pg/migrations.h"

namespace pif::submission {

// The version table recording the submission store's migrations.
inline constexpr char kSubmissionVersionTable[] = "pif_submission_migrations";

// The submission store's tables (data versions, batches, deletions, rejections) as a migration
// set recorded in kSubmissionVersionTable; for ServiceSpec::shared_migrations.
pg::MigrationSet SubmissionStoreMigrations();

}  // namespace pif::submission
