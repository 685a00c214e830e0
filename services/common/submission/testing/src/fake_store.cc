// FakeSubmissionStore: everything but the commit (fake_commit.cc).
#include "pif/submission/testing/fake_store.h"

#include <algorithm>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "fake_batch_writer.h"

namespace pif::submission::testing {
namespace {

constexpr char kPageTokenPrefix[] = "fake-rejections-from:";
constexpr int kDefaultRejectionPage = 100;
constexpr int kMaxRejectionPage = 1000;

// The index of the first rejection a page token names; 0 for no token.
absl::StatusOr<size_t> FirstOfPage(const std::string& token) {
  if (token.empty()) return 0;
  absl::string_view rest = token;
  size_t first = 0;
  if (absl::ConsumePrefix(&rest, kPageTokenPrefix) && absl::SimpleAtoi(rest, &first)) {
    return first;
  }
  return absl::InvalidArgumentError("page_token is not a token this service gave out");
}

bool Matches(const StoredRejection& rejection, const RejectionFilter& filter) {
  return (filter.batch_id.empty() || rejection.batch_id == filter.batch_id) &&
         (filter.record_type.empty() || rejection.rejection.record_type == filter.record_type);
}

}  // namespace

FakeSubmissionStore::FakeSubmissionStore(const SubmissionSchema& schema) : schema_(schema) {}

void FakeSubmissionStore::FailEveryCall(absl::Status failure) {
  absl::MutexLock lock(&mutex_);
  failure_ = std::move(failure);
}

absl::Status FakeSubmissionStore::Failure() const {
  absl::ReaderMutexLock lock(&mutex_);
  return failure_;
}

std::vector<RecordedDeletion> FakeSubmissionStore::Deletions(const std::string& council) const {
  absl::ReaderMutexLock lock(&mutex_);
  const Council* found = FindCouncil(council);
  return found == nullptr ? std::vector<RecordedDeletion>() : found->deletions;
}

int FakeSubmissionStore::TypeOf(const FlatRecord& record) const {
  if (record.schema == nullptr) return -1;
  for (size_t i = 0; i < schema_.types.size(); ++i) {
    if (&schema_.types[i] == record.schema || schema_.types[i].type == record.schema->type) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

FakeSubmissionStore::Council& FakeSubmissionStore::CouncilOf(const std::string& council) {
  Council& found = councils_[council];
  found.records.resize(schema_.types.size());
  return found;
}

const FakeSubmissionStore::Council* FakeSubmissionStore::FindCouncil(
    const std::string& council) const {
  auto it = councils_.find(council);
  return it == councils_.end() ? nullptr : &it->second;
}

std::optional<BatchSummary> FakeSubmissionStore::Committed(const std::string& council,
                                                           const std::string& batch_id) const {
  const Council* found = FindCouncil(council);
  if (found == nullptr) return std::nullopt;
  auto batch = found->batches.find(batch_id);
  if (batch == found->batches.end()) return std::nullopt;
  BatchSummary summary = batch->second.summary;
  summary.replayed = true;
  return summary;
}

absl::StatusOr<std::unique_ptr<BatchWriter>> FakeSubmissionStore::Begin(
    const BatchInfo& info, std::optional<BatchSummary>* replay) {
  if (replay == nullptr) return absl::InvalidArgumentError("Begin needs a place for a replay");
  replay->reset();
  if (absl::Status failure = Failure(); !failure.ok()) return failure;
  {
    absl::ReaderMutexLock lock(&mutex_);
    *replay = Committed(info.council, info.batch_id);
  }
  if (replay->has_value()) return std::unique_ptr<BatchWriter>();
  return std::unique_ptr<BatchWriter>(std::make_unique<FakeBatchWriter>(*this, info));
}

absl::StatusOr<BatchAudit> FakeSubmissionStore::GetBatch(const std::string& council,
                                                         const std::string& batch_id) {
  if (absl::Status failure = Failure(); !failure.ok()) return failure;
  absl::ReaderMutexLock lock(&mutex_);
  const Council* found = FindCouncil(council);
  if (found != nullptr) {
    auto batch = found->batches.find(batch_id);
    if (batch != found->batches.end()) return batch->second;
  }
  return absl::NotFoundError(
      absl::StrCat("council ", council, " has no committed batch ", batch_id));
}

absl::StatusOr<std::vector<BatchAudit>> FakeSubmissionStore::ListBatches(
    const std::string& council, std::optional<absl::Time> after, std::optional<absl::Time> before,
    int limit, int offset) {
  if (absl::Status failure = Failure(); !failure.ok()) return failure;
  absl::ReaderMutexLock lock(&mutex_);
  std::vector<BatchAudit> batches;
  const Council* found = FindCouncil(council);
  if (found == nullptr) return batches;
  for (const auto& [id, audit] : found->batches) {
    const absl::Time committed = audit.summary.committed_at;
    if ((after.has_value() && committed < *after) || (before.has_value() && committed >= *before)) {
      continue;
    }
    batches.push_back(audit);
    batches.back().summary.rejections.clear();
  }
  std::sort(batches.begin(), batches.end(), [](const BatchAudit& a, const BatchAudit& b) {
    return a.summary.data_version > b.summary.data_version;
  });
  const size_t first = std::min(static_cast<size_t>(std::max(offset, 0)), batches.size());
  batches.erase(batches.begin(), batches.begin() + static_cast<std::ptrdiff_t>(first));
  batches.resize(std::min(batches.size(), static_cast<size_t>(std::clamp(limit, 1, 1000))));
  return batches;
}

absl::StatusOr<RejectionPage> FakeSubmissionStore::ListRejections(const RejectionFilter& filter) {
  absl::StatusOr<size_t> first = FirstOfPage(filter.page_token);
  if (!first.ok()) return first.status();
  if (absl::Status failure = Failure(); !failure.ok()) return failure;
  const size_t page_size =
      static_cast<size_t>(filter.page_size <= 0 ? kDefaultRejectionPage
                                                : std::min(filter.page_size, kMaxRejectionPage));
  absl::ReaderMutexLock lock(&mutex_);
  RejectionPage page;
  const Council* found = FindCouncil(filter.council);
  if (found == nullptr) return page;
  for (size_t i = 0; i < found->rejections.size(); ++i) {
    const StoredRejection& rejection = found->rejections[i];
    if (!Matches(rejection, filter)) continue;
    const bool open = rejection.cleared_reason.empty();
    if (open) ++page.open_count;
    if (i < *first || (!open && !filter.include_cleared) || !page.next_page_token.empty()) continue;
    if (page.rejections.size() == page_size) {
      page.next_page_token = absl::StrCat(kPageTokenPrefix, i);
      continue;
    }
    page.rejections.push_back(rejection);
  }
  return page;
}

absl::StatusOr<StoredRejection> FakeSubmissionStore::GetRejection(const std::string& council,
                                                                  const std::string& rejection_id) {
  if (absl::Status failure = Failure(); !failure.ok()) return failure;
  absl::ReaderMutexLock lock(&mutex_);
  if (const Council* found = FindCouncil(council)) {
    for (const StoredRejection& rejection : found->rejections) {
      if (rejection.rejection.rejection_id == rejection_id) return rejection;
    }
  }
  return absl::NotFoundError(absl::StrCat("council ", council, " has no rejection ", rejection_id));
}

absl::StatusOr<DataVersion> FakeSubmissionStore::GetDataVersion(const std::string& council) {
  if (absl::Status failure = Failure(); !failure.ok()) return failure;
  absl::ReaderMutexLock lock(&mutex_);
  DataVersion version;
  if (const Council* found = FindCouncil(council)) {
    version.version = found->data_version;
    version.last_batch_id = found->last_batch_id;
    version.changed_at = found->changed_at;
  }
  return version;
}

absl::StatusOr<DeletionResult> FakeSubmissionStore::DeleteRecord(const std::string& council,
                                                                 const std::string& record_type,
                                                                 const std::string& record_id,
                                                                 const std::string& reason,
                                                                 const std::string& caller) {
  const RecordSchema* type = schema_.Find(record_type);
  if (type == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(schema_.service, " has no record type ", record_type));
  }
  const std::optional<std::vector<std::string>> key = KeyValuesOf(*type, record_id);
  if (!key.has_value()) {
    return absl::InvalidArgumentError(
        absl::StrCat("a ", type->type, " id is its key values joined by '|', none empty"));
  }
  if (absl::Status failure = Failure(); !failure.ok()) return failure;
  absl::MutexLock lock(&mutex_);
  Council& data = CouncilOf(council);
  auto& stored = data.records[static_cast<size_t>(type - schema_.types.data())];
  const bool existed = stored.erase(*key) > 0;
  std::vector<StoredRejection*> open;
  for (StoredRejection& rejection : data.rejections) {
    if (rejection.cleared_reason.empty() && rejection.rejection.record_type == record_type &&
        rejection.rejection.record_id == record_id) {
      open.push_back(&rejection);
    }
  }
  if (!existed && open.empty()) {
    return absl::NotFoundError(absl::StrCat("council ", council, " has no ", record_type,
                                            " with that id, stored or rejected"));
  }
  DeletionResult result;
  result.deleted_at = absl::Now();
  result.data_version = ++data.data_version;
  result.cleared_rejection_count = static_cast<int64_t>(open.size());
  result.deletion_id = absl::StrFormat("00000000-0000-4000-8000-%012d", ++deletions_);
  data.changed_at = result.deleted_at;
  for (StoredRejection* rejection : open) {
    rejection->cleared_reason = "DELETED";
    rejection->cleared_by_deletion = result.deletion_id;
    rejection->cleared_by = caller;
    rejection->cleared_at = result.deleted_at;
  }
  data.deletions.push_back({record_type, record_id, reason, caller, result.deletion_id});
  return result;
}

absl::Status FakeSubmissionStore::ReadSnapshot(
    const std::string& council, const std::vector<std::string>& types,
    const std::function<absl::Status(const SnapshotInfo&)>& on_header,
    const std::function<absl::Status(const FlatRecord&)>& on_record) {
  std::vector<size_t> selected;
  for (const std::string& name : types) {
    const RecordSchema* type = schema_.Find(name);
    if (type == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat(schema_.service, " has no record type ", name));
    }
    selected.push_back(static_cast<size_t>(type - schema_.types.data()));
  }
  if (types.empty()) {
    for (size_t i = 0; i < schema_.types.size(); ++i) selected.push_back(i);
  }
  std::sort(selected.begin(), selected.end());
  selected.erase(std::unique(selected.begin(), selected.end()), selected.end());
  if (absl::Status failure = Failure(); !failure.ok()) return failure;

  SnapshotInfo info;
  std::vector<FlatRecord> records;
  {
    absl::ReaderMutexLock lock(&mutex_);
    info.taken_at = absl::Now();
    const Council* found = FindCouncil(council);
    if (found != nullptr) info.data_version = found->data_version;
    for (size_t index : selected) {
      int64_t count = 0;
      if (found != nullptr) {
        for (const auto& [key, record] : found->records[index]) {
          records.push_back(record);
          ++count;
        }
      }
      info.counts.push_back({schema_.types[index].type, count});
    }
  }
  if (absl::Status status = on_header(info); !status.ok()) return status;
  for (const FlatRecord& record : records) {
    if (absl::Status status = on_record(record); !status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace pif::submission::testing
