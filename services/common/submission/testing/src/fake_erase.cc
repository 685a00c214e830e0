// FakeSubmissionStore::ErasePerson: the erasure of store.h, over the in-memory council.
#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "pif/core/domain_status.h"
#include "pif/submission/redaction.h"
#include "pif/submission/testing/fake_store.h"

namespace pif::submission::testing {
namespace {

// The values of `column` among `records`.
std::set<std::string> ValuesOf(const std::vector<const FlatRecord*>& records,
                               const std::string& column) {
  std::set<std::string> values;
  for (const FlatRecord* record : records) {
    if (const auto& value = record->Get(column); value.has_value()) values.insert(*value);
  }
  return values;
}

// The text of the cell `name`, or "".
std::string CellOf(const StoredRejection& rejection, const std::string& name) {
  for (const auto& [cell, text] : rejection.cells) {
    if (cell == name) return text;
  }
  return "";
}

}  // namespace

absl::StatusOr<ErasureResult> FakeSubmissionStore::ErasePerson(const ErasureRequest& request) {
  if (absl::Status failure = Failure(); !failure.ok()) return failure;
  absl::MutexLock lock(&mutex_);
  Council& data = CouncilOf(request.council);
  if (auto earlier = data.erasures.find(request.request_id); earlier != data.erasures.end()) {
    if (earlier->second.first != request.person_id) {
      return InvalidField("request_id", "REQUEST_ID_REUSED",
                          "request_id was already used for the erasure of another person");
    }
    ErasureResult replay = earlier->second.second;
    replay.replayed = true;
    return replay;
  }

  // The records to erase, type by type (parents first).
  std::vector<std::vector<const FlatRecord*>> erased(schema_.types.size());
  std::vector<std::set<std::string>> erased_ids(schema_.types.size());
  for (size_t i = 0; i < schema_.types.size(); ++i) {
    const RecordSchema& type = schema_.types[i];
    for (const auto& [key, record] : data.records[i]) {
      bool theirs = type.ColumnIndex(kPersonColumn) >= 0 &&
                    record.Get(kPersonColumn).value_or("") == request.person_id;
      for (const ParentRule& rule : type.parents) {
        const RecordSchema* parent = schema_.Find(rule.parent_type);
        if (parent == nullptr) continue;
        const size_t j = static_cast<size_t>(parent - schema_.types.data());
        if (j >= i) continue;
        const auto& value = record.Get(rule.column);
        theirs = theirs ||
                 (value.has_value() && ValuesOf(erased[j], rule.parent_column).count(*value) > 0);
      }
      if (!theirs) continue;
      erased[i].push_back(&record);
      erased_ids[i].insert(RecordId(record));
    }
  }
  // The rejections naming them.
  std::set<std::string> erased_rejections;
  std::set<std::string> clearing_deletions;
  for (const StoredRejection& rejection : data.rejections) {
    bool theirs = CellOf(rejection, kPersonColumn) == request.person_id;
    if (const RecordSchema* type = schema_.Find(rejection.rejection.record_type)) {
      const size_t i = static_cast<size_t>(type - schema_.types.data());
      theirs = theirs || erased_ids[i].count(rejection.rejection.record_id) > 0;
      for (const ParentRule& rule : type->parents) {
        const RecordSchema* parent = schema_.Find(rule.parent_type);
        if (parent == nullptr) continue;
        const size_t j = static_cast<size_t>(parent - schema_.types.data());
        theirs = theirs ||
                 ValuesOf(erased[j], rule.parent_column).count(CellOf(rejection, rule.column)) > 0;
      }
    }
    if (!theirs) continue;
    erased_rejections.insert(rejection.rejection.rejection_id);
    if (!rejection.cleared_by_deletion.empty()) {
      clearing_deletions.insert(rejection.cleared_by_deletion);
    }
  }
  // The deletions of their records.
  std::vector<RecordedDeletion*> deletions;
  for (RecordedDeletion& deletion : data.deletions) {
    if (deletion.record_id == kRedacted) continue;
    bool theirs = clearing_deletions.count(deletion.deletion_id) > 0;
    if (const RecordSchema* type = schema_.Find(deletion.record_type)) {
      const size_t i = static_cast<size_t>(type - schema_.types.data());
      theirs = theirs || erased_ids[i].count(deletion.record_id) > 0;
      const auto key = KeyValuesOf(*type, deletion.record_id);
      for (size_t k = 0; key.has_value() && k < type->key.size(); ++k) {
        theirs = theirs || (type->key[k] == kPersonColumn && (*key)[k] == request.person_id);
      }
    }
    if (theirs) deletions.push_back(&deletion);
  }

  ErasureResult result;
  int64_t records = 0;
  for (size_t i = 0; i < erased.size(); ++i) {
    if (!erased[i].empty()) {
      result.erased.emplace_back(schema_.types[i].type, static_cast<int64_t>(erased[i].size()));
    }
    records += static_cast<int64_t>(erased[i].size());
  }
  result.rejection_count = static_cast<int64_t>(erased_rejections.size());
  result.deletion_count = static_cast<int64_t>(deletions.size());
  if (records + result.rejection_count + result.deletion_count == 0) {
    return absl::NotFoundError(absl::StrCat(
        "council ", request.council, " has no record, rejection or deletion of that person"));
  }
  for (size_t i = 0; i < erased.size(); ++i) {
    for (const std::string& id : erased_ids[i]) {
      data.records[i].erase(*KeyValuesOf(schema_.types[i], id));
    }
  }
  data.rejections.erase(
      std::remove_if(data.rejections.begin(), data.rejections.end(),
                     [&](const StoredRejection& rejection) {
                       return erased_rejections.count(rejection.rejection.rejection_id) > 0;
                     }),
      data.rejections.end());
  for (auto& [batch_id, batch] : data.batches) {
    bool redacted = false;
    for (RejectionInfo& listed : batch.summary.rejections) {
      if (erased_rejections.count(listed.rejection_id) == 0) continue;
      listed.record_id = kRedacted;
      listed.errors = RedactedErrors(listed.errors);
      redacted = true;
    }
    result.batch_summary_count += redacted ? 1 : 0;
  }
  for (RecordedDeletion* deletion : deletions) deletion->record_id = kRedacted;
  result.erased_at = absl::Now();
  result.data_version = ++data.data_version;
  data.changed_at = result.erased_at;
  data.erasures[request.request_id] = {request.person_id, result};
  return result;
}

}  // namespace pif::submission::testing
