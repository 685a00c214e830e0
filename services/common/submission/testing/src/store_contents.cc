#include "pif/submission/testing/store_contents.h"

#include "absl/strings/str_cat.h"

namespace pif::submission::testing {

std::vector<std::string> RuleCodes(const BatchSummary& summary) {
  std::vector<std::string> codes;
  for (const RejectionInfo& rejection : summary.rejections) {
    for (const FieldViolation& error : rejection.errors) {
      codes.push_back(absl::StrCat(rejection.position, ":", error.rule_code));
    }
  }
  return codes;
}

absl::StatusOr<std::vector<std::string>> StoredRecords(SubmissionStore& store,
                                                       const std::string& council,
                                                       const std::vector<std::string>& types) {
  std::vector<std::string> records;
  absl::Status read = store.ReadSnapshot(
      council, types, [](const SnapshotInfo&) { return absl::OkStatus(); },
      [&](const FlatRecord& record) {
        records.push_back(absl::StrCat(record.schema->type, " ", RecordId(record)));
        return absl::OkStatus();
      });
  if (!read.ok()) return read;
  return records;
}

}  // namespace pif::submission::testing
