// The erasure rpc of a submission service that keeps people's records (intake's EraseChild):
// checks the request, erases the person through the store and fills the response. Generic over
// the service's messages, which have the shape:
//   Request  { string council; string person_id; string reason; string request_id; }
//   Response { repeated RecordCount erased; int64 rejection_count; int64 batch_summary_count;
//              int64 deletion_count; int64 data_version; Timestamp erased_at; bool replayed; }
#pragma once

#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "pif/core/domain_status.h"
#include "pif/proto_util/dates.h"
#include "pif/submission/store.h"
#include "pif/submission_grpc/delete_record.h"
#include "pif/submission_grpc/request_checks.h"

namespace pif::submission_grpc {

// Erases the person the request names, recording `caller`. Checked first, in order: the
// council, the person id (required), the reason (required, at most kMaxDeletionReasonLength
// characters) and the request id (CheckRequestId). `record_type_of(type name)` gives the
// response's record type of a schema type. Returns the store's answer for the caller's audit.
template <typename Request, typename Response, typename RecordTypeOfFn>
absl::StatusOr<submission::ErasureResult> ErasePerson(submission::SubmissionStore& store,
                                                      const Request& request,
                                                      const RecordTypeOfFn& record_type_of,
                                                      const std::string& caller,
                                                      Response* response) {
  if (absl::Status checked = CheckCouncil(request.council()); !checked.ok()) return checked;
  for (const auto& [value, field] :
       {std::pair{&request.person_id(), "person_id"}, std::pair{&request.reason(), "reason"}}) {
    if (absl::Status checked = CheckRequired(*value, field); !checked.ok()) return checked;
  }
  if (request.reason().size() > kMaxDeletionReasonLength) {
    return InvalidField(
        "reason", "VALUE_TOO_LONG",
        absl::StrCat("reason must be at most ", kMaxDeletionReasonLength, " characters"));
  }
  if (absl::Status checked = CheckRequestId(request.request_id(), "request_id"); !checked.ok()) {
    return checked;
  }
  absl::StatusOr<submission::ErasureResult> erased = store.ErasePerson(
      {request.council(), request.person_id(), request.reason(), request.request_id(), caller});
  if (!erased.ok()) return erased.status();
  for (const auto& [type, count] : erased->erased) {
    auto* erased_count = response->add_erased();
    erased_count->set_record_type(record_type_of(type));
    erased_count->set_count(count);
  }
  response->set_rejection_count(erased->rejection_count);
  response->set_batch_summary_count(erased->batch_summary_count);
  response->set_deletion_count(erased->deletion_count);
  response->set_data_version(erased->data_version);
  *response->mutable_erased_at() = ToTimestamp(erased->erased_at);
  response->set_replayed(erased->replayed);
  return erased;
}

}  // namespace pif::submission_grpc
