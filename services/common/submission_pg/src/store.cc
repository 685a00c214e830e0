// SubmissionStore: beginning a batch, the audit of batches and the council's data version.
// Rejections, deletions and snapshots are in store_rejections.cc, store_delete.cc and
// store_snapshot.cc; staging and commit in store_writer.cc, store_commit.cc and store_rules.cc.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "pif/submission_pg/pg_submission_store.h"
#include "store_commit.h"
#include "store_json.h"
#include "store_sql.h"
#include "store_writer.h"

namespace pif::submission {
namespace {

using internal::FromMicros;
using internal::TimestampToMicros;

absl::StatusOr<BatchAudit> AuditOf(const pqxx::row& row) {
  absl::StatusOr<BatchSummary> summary = internal::SummaryFromJson(row[0].as<std::string>());
  if (!summary.ok()) return summary.status();
  BatchAudit audit;
  audit.summary = *std::move(summary);
  audit.caller = row[1].as<std::string>();
  audit.source_system = row[2].as<std::string>();
  audit.started_at = FromMicros(row[3].as<int64_t>());
  return audit;
}

std::string AuditColumns() {
  return absl::StrCat("summary::text, caller, source_system, ", TimestampToMicros("received_at"));
}

}  // namespace

PgSubmissionStore::PgSubmissionStore(pg::Pool& pool, const SubmissionSchema& schema)
    : pool_(pool), schema_(schema) {}

absl::StatusOr<std::unique_ptr<BatchWriter>> PgSubmissionStore::Begin(
    const BatchInfo& info, std::optional<BatchSummary>* replay) {
  if (replay == nullptr) return absl::InvalidArgumentError("Begin needs a place for a replay");
  replay->reset();
  if (absl::Status usable = internal::CheckSchema(schema_); !usable.ok()) return usable;
  absl::StatusOr<pg::Pool::Lease> lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  BatchInfo batch = info;
  batch.caller = internal::SafeText(info.caller);
  batch.source_system = internal::SafeText(info.source_system);
  try {
    auto tx = std::make_unique<pqxx::work>(**lease);
    auto committed = internal::FindCommitted(*tx, batch.council, batch.batch_id);
    if (!committed.ok()) return committed.status();
    if (committed->has_value()) {
      *replay = std::move(*committed);
      return std::unique_ptr<BatchWriter>();
    }
    return internal::PgBatchWriter::Start(*std::move(lease), std::move(tx), schema_, batch);
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

absl::StatusOr<BatchAudit> PgSubmissionStore::GetBatch(const std::string& council,
                                                       const std::string& batch_id) {
  absl::StatusOr<pg::Pool::Lease> lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::read_transaction tx(**lease);
    const pqxx::result rows =
        tx.exec_params(absl::StrCat("SELECT ", AuditColumns(),
                                    " FROM import_batches WHERE council = $1 AND batch_id = $2"),
                       council, batch_id);
    if (rows.empty()) {
      return absl::NotFoundError(
          absl::StrCat("council ", council, " has no committed batch ", batch_id));
    }
    return AuditOf(rows[0]);
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

absl::StatusOr<std::vector<BatchAudit>> PgSubmissionStore::ListBatches(
    const std::string& council, std::optional<absl::Time> after, std::optional<absl::Time> before,
    int limit, int offset) {
  absl::StatusOr<pg::Pool::Lease> lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  std::optional<int64_t> after_micros;
  std::optional<int64_t> before_micros;
  if (after.has_value()) after_micros = internal::ToMicros(*after);
  if (before.has_value()) before_micros = internal::ToMicros(*before);
  try {
    pqxx::read_transaction tx(**lease);
    const pqxx::result rows = tx.exec_params(
        absl::StrCat(
            "SELECT (summary - 'rejections')::text, caller, source_system, ",
            TimestampToMicros("received_at"),
            " FROM import_batches WHERE council = $1 AND ($2::bigint IS NULL OR committed_at >= ",
            internal::MicrosToTimestamp("$2"), ") AND ($3::bigint IS NULL OR committed_at < ",
            internal::MicrosToTimestamp("$3"), ") ORDER BY data_version DESC LIMIT $4 OFFSET $5"),
        council, after_micros, before_micros, std::clamp(limit, 1, 1000), std::max(offset, 0));
    std::vector<BatchAudit> batches;
    for (const auto& row : rows) {
      absl::StatusOr<BatchAudit> audit = AuditOf(row);
      if (!audit.ok()) return audit.status();
      batches.push_back(*std::move(audit));
    }
    return batches;
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

absl::StatusOr<DataVersion> PgSubmissionStore::GetDataVersion(const std::string& council) {
  absl::StatusOr<pg::Pool::Lease> lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::read_transaction tx(**lease);
    const pqxx::result rows =
        tx.exec_params(absl::StrCat("SELECT data_version, coalesce(last_batch_id, ''), ",
                                    TimestampToMicros("updated_at"),
                                    " FROM council_data_versions WHERE council = $1"),
                       council);
    DataVersion version;
    if (rows.empty()) return version;
    version.version = rows[0][0].as<int64_t>();
    version.last_batch_id = rows[0][1].as<std::string>();
    version.changed_at = FromMicros(rows[0][2].as<int64_t>());
    return version;
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

}  // namespace pif::submission
