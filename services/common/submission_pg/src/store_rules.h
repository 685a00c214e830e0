// The cross-record rules over a staged batch, run in SQL inside the batch's transaction so a
// batch of any size is checked without loading it: the same key sent twice (the later row
// decides), then per type in schema order (parents first, so a rejected parent rejects its
// children) ParentRule, WithinParentRule, NoOverlapRule and AgreeRule, against the batch and the
// council's stored records. A failure appends an error (field, rule code, plain message naming
// the other record) to the staged row's pif_errors.
#pragma once

#include "pif/submission/schema.h"
#include "pif/submission_pg/pg_submission_store.h"
#include "pqxx/pqxx"
#include "store_writer.h"

namespace pif::submission::internal {

// Runs every rule over the staging tables; throws the database's exceptions.
void ApplyCrossRecordRules(pqxx::work& tx, const SubmissionSchema& schema,
                           const StagedBatch& batch);

}  // namespace pif::submission::internal
