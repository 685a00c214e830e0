// FakeSubmissionStore: staging a batch and committing it whole.
#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "fake_batch_writer.h"
#include "pif/submission/redaction.h"

namespace pif::submission::testing {
namespace {

// A record of one schema type by its id.
using TypedId = std::pair<int, std::string>;

std::string ReplacedMessage(const std::string& type, const std::string& id, int64_t later) {
  return absl::StrCat(type, " ", id, " was sent again later in this batch (position ", later,
                      ") and that record was rejected, so this one is not kept either");
}

// The key values of a valid record.
std::vector<std::string> KeyOf(const FlatRecord& record) {
  std::vector<std::string> key;
  for (const std::string& column : record.schema->key)
    key.push_back(record.Get(column).value_or(""));
  return key;
}

// Gives every valid record sent again later its fate: the latest valid record of a key is
// rejected when a record of that key rejected on its own follows it, and earlier copies follow
// the latest. Returns the position of the latest valid record of each key.
std::map<TypedId, int64_t> DecideRepeatedKeys(const SubmissionSchema& schema,
                                              std::vector<StagedRecord>& staged) {
  std::map<TypedId, int64_t> latest_valid;
  std::map<std::pair<std::string, std::string>, int64_t> latest_rejected;
  for (const StagedRecord& record : staged) {
    if (record.type >= 0) {
      latest_valid[{record.type, record.record_id}] = record.position;
    } else {
      latest_rejected[{record.record_type, record.record_id}] = record.position;
    }
  }
  for (StagedRecord& record : staged) {
    if (record.type < 0) continue;
    const int64_t last = latest_valid[{record.type, record.record_id}];
    auto later = latest_rejected.find({record.record_type, record.record_id});
    if (later == latest_rejected.end() || later->second < last) continue;
    record.errors = {{"", kReplacedByRejectedRecord,
                      ReplacedMessage(schema.types[record.type].type, record.record_id,
                                      record.position == last ? later->second : last)}};
  }
  return latest_valid;
}

// Accepted and rejected counts per type: schema types in schema order, then types the schema
// does not know by name.
void CountPerType(const SubmissionSchema& schema, const std::vector<StagedRecord>& staged,
                  BatchSummary& summary) {
  std::vector<std::pair<int64_t, int64_t>> counts(schema.types.size());
  std::map<std::string, int64_t> unknown;
  for (const StagedRecord& record : staged) {
    int type = record.type;
    if (type < 0) {
      const RecordSchema* known = schema.Find(record.record_type);
      type = known == nullptr ? -1 : static_cast<int>(known - schema.types.data());
    }
    if (type < 0) {
      ++unknown[record.record_type];
    } else if (record.errors.empty()) {
      ++counts[type].first;
    } else {
      ++counts[type].second;
    }
  }
  for (size_t i = 0; i < counts.size(); ++i) {
    if (counts[i].first + counts[i].second == 0) continue;
    summary.per_type.push_back({schema.types[i].type, counts[i]});
    summary.accepted_count += counts[i].first;
    summary.rejected_count += counts[i].second;
  }
  for (const auto& [name, rejected] : unknown) {
    summary.per_type.push_back({name, {0, rejected}});
    summary.rejected_count += rejected;
  }
}

}  // namespace

FakeBatchWriter::FakeBatchWriter(FakeSubmissionStore& store, BatchInfo info)
    : store_(store), info_(std::move(info)) {}

absl::Status FakeBatchWriter::AddValid(int64_t position, const SourceRef& source,
                                       const FlatRecord& record) {
  if (!open_) return absl::FailedPreconditionError("the batch is no longer open");
  const int type = store_.TypeOf(record);
  if (type < 0 || record.values.size() != store_.schema_.types[type].columns.size()) {
    return absl::InvalidArgumentError("the record does not belong to this service's schema");
  }
  StagedRecord staged;
  staged.position = position;
  staged.source = source;
  staged.type = type;
  staged.record = record;
  staged.record.schema = &store_.schema_.types[type];
  staged.record_type = staged.record.schema->type;
  staged.record_id = RecordId(staged.record);
  staged_.push_back(std::move(staged));
  return absl::OkStatus();
}

absl::Status FakeBatchWriter::AddRejected(
    int64_t position, const SourceRef& source, const std::string& record_type,
    const std::string& record_id,
    const std::vector<std::pair<std::string, std::string>>& received_cells, bool received_typed,
    const std::vector<FieldViolation>& errors) {
  if (!open_) return absl::FailedPreconditionError("the batch is no longer open");
  StagedRecord staged;
  staged.position = position;
  staged.source = source;
  staged.record_type = record_type;
  staged.record_id = record_id;
  staged.cells = received_cells;
  staged.received_typed = received_typed;
  staged.errors = errors;
  staged_.push_back(std::move(staged));
  return absl::OkStatus();
}

absl::StatusOr<BatchSummary> FakeBatchWriter::Commit(int64_t expected_count) {
  if (!open_) return absl::FailedPreconditionError("the batch is no longer open");
  open_ = false;
  const int64_t received = static_cast<int64_t>(staged_.size());
  if (expected_count != received) {
    return absl::FailedPreconditionError(absl::StrCat("the batch end counts ", expected_count,
                                                      " records but ", received,
                                                      " were received; nothing was committed"));
  }
  return store_.CommitStaged(info_, staged_);
}

absl::StatusOr<BatchSummary> FakeSubmissionStore::CommitStaged(
    const BatchInfo& info, const std::vector<StagedRecord>& received) {
  if (absl::Status failure = Failure(); !failure.ok()) return failure;
  absl::MutexLock lock(&mutex_);
  // Another writer with the same batch id may have committed since Begin.
  if (std::optional<BatchSummary> committed = Committed(info.council, info.batch_id)) {
    return *committed;
  }
  std::vector<StagedRecord> staged = received;
  std::stable_sort(staged.begin(), staged.end(), [](const StagedRecord& a, const StagedRecord& b) {
    return a.position < b.position;
  });
  Council& council = CouncilOf(info.council);
  const absl::Time at = absl::Now();
  BatchSummary summary;
  summary.council = info.council;
  summary.batch_id = info.batch_id;
  summary.committed_at = at;
  summary.data_version = ++council.data_version;
  council.last_batch_id = info.batch_id;
  council.changed_at = at;

  const std::map<TypedId, int64_t> latest = DecideRepeatedKeys(schema_, staged);
  CountPerType(schema_, staged, summary);
  for (const StagedRecord& record : staged) {
    if (record.errors.empty()) continue;
    StoredRejection kept;
    kept.rejection.position = record.position;
    kept.rejection.source = record.source;
    kept.rejection.record_type = record.record_type;
    kept.rejection.record_id = record.record_id;
    kept.rejection.errors = record.errors;
    kept.rejection.rejection_id = absl::StrCat(info.batch_id, "#", record.position);
    kept.council = info.council;
    kept.batch_id = info.batch_id;
    kept.received_at = at;
    kept.cells = record.type >= 0 ? ToNamedCells(record.record) : record.cells;
    kept.received_typed = record.type >= 0 || record.received_typed;
    if (summary.rejections.size() < static_cast<size_t>(kMaxListedRejections)) {
      summary.rejections.push_back(kept.rejection);
    }
    council.rejections.push_back(std::move(kept));
  }
  summary.rejections_truncated = summary.rejected_count > kMaxListedRejections;

  for (const StagedRecord& record : staged) {
    if (record.type < 0 || !record.errors.empty() ||
        latest.at({record.type, record.record_id}) != record.position) {
      continue;
    }
    council.records[record.type][KeyOf(record.record)] = record.record;
    for (StoredRejection& open : council.rejections) {
      if (!open.cleared_reason.empty() || open.rejection.record_type != record.record_type ||
          open.rejection.record_id != record.record_id ||
          (open.batch_id == info.batch_id && open.rejection.position >= record.position)) {
        continue;
      }
      open.cleared_reason = "CORRECTED";
      open.cleared_by_batch = info.batch_id;
      open.cleared_by = info.caller;
      open.cleared_at = at;
      open.cells = RedactedCells(open.cells);
      open.rejection.errors = RedactedErrors(open.rejection.errors);
      // The copy a summary lists loses its messages too.
      BatchSummary& listing =
          open.batch_id == info.batch_id ? summary : council.batches[open.batch_id].summary;
      for (RejectionInfo& listed : listing.rejections) {
        if (listed.rejection_id == open.rejection.rejection_id)
          listed.errors = open.rejection.errors;
      }
      ++summary.cleared_rejection_count;
    }
  }
  council.batches[info.batch_id] = {summary, info.caller, info.source_system, info.started_at};
  return summary;
}

}  // namespace pif::submission::testing
