// The DeleteRecord rpc of a submission service: a record sent in error taken out, with the
// reason kept. Generic over the service's messages, which share their shape:
//   Request  { string council; <RecordType> record_type; string record_id; string reason; }
//   Response { string deletion_id; int64 data_version; Timestamp deleted_at;
//              int64 cleared_rejection_count; }
#pragma once

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "pif/core/domain_status.h"
#include "pif/proto_util/dates.h"
#include "pif/submission/store.h"
#include "pif/submission_grpc/request_checks.h"

namespace pif::submission_grpc {

// The longest reason a deletion may give.
inline constexpr size_t kMaxDeletionReasonLength = 2000;

// Deletes the record the request names, recording `caller`. Checked first, in order: the
// council, the record type (`type_name_of(record_type, field)` gives its schema name or the
// error), the record id and the reason (required, at most kMaxDeletionReasonLength characters).
template <typename Request, typename Response, typename TypeNameOfFn>
absl::Status DeleteRecord(submission::SubmissionStore& store, const Request& request,
                          const TypeNameOfFn& type_name_of, const std::string& caller,
                          Response* response) {
  if (absl::Status checked = CheckCouncil(request.council()); !checked.ok()) return checked;
  absl::StatusOr<std::string> type_name = type_name_of(request.record_type(), "record_type");
  if (!type_name.ok()) return type_name.status();
  for (const auto& [value, field] :
       {std::pair{&request.record_id(), "record_id"}, std::pair{&request.reason(), "reason"}}) {
    if (absl::Status checked = CheckRequired(*value, field); !checked.ok()) return checked;
  }
  if (request.reason().size() > kMaxDeletionReasonLength) {
    return InvalidField(
        "reason", "VALUE_TOO_LONG",
        absl::StrCat("reason must be at most ", kMaxDeletionReasonLength, " characters"));
  }
  auto deletion = store.DeleteRecord(request.council(), *type_name, request.record_id(),
                                     request.reason(), caller);
  if (!deletion.ok()) return deletion.status();
  response->set_deletion_id(deletion->deletion_id);
  response->set_data_version(deletion->data_version);
  *response->mutable_deleted_at() = ToTimestamp(deletion->deleted_at);
  response->set_cleared_rejection_count(deletion->cleared_rejection_count);
  return absl::OkStatus();
}

}  // namespace pif::submission_grpc
