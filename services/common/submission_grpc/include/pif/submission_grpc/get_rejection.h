// The GetRejection rpc of a submission service that keeps typed records (intake, workforce):
// checks the request, fetches one kept rejection and gives it back as it was received. Generic
// over the service's messages, which share their shape:
//   Request  { string council; string rejection_id; }
//   Response { pif.common.v1.StoredRejection rejection;
//              oneof { <service>.Record record; pif.common.v1.RawRecord raw; } }
#pragma once

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "pif/submission/flat_record.h"
#include "pif/submission/schema.h"
#include "pif/submission/store.h"
#include "pif/submission_grpc/proto_conversions.h"
#include "pif/submission_grpc/record_oneof.h"
#include "pif/submission_grpc/request_checks.h"

namespace pif::submission_grpc {

// Fetches rejection `request.rejection_id()` of `request.council()` (both checked first) into
// `response`: the rejection, and the record as it arrived: typed (rebuilt with `schema` from
// the cells it was flattened to) when it was sent typed, otherwise its raw cells; once its
// correction was accepted, its redacted cells (pif/submission/redaction.h), raw. `read` (when
// given) sees the rejection returned, for the caller's access audit. Failures are
// returned as they are, for ToGrpcStatus.
template <typename Request, typename Response>
absl::Status GetRejection(
    submission::SubmissionStore& store, const submission::SubmissionSchema& schema,
    const Request& request, Response* response,
    const std::function<void(const submission::StoredRejection&)>& read = nullptr) {
  if (absl::Status checked = CheckCouncil(request.council()); !checked.ok()) return checked;
  if (absl::Status checked = CheckRequired(request.rejection_id(), "rejection_id"); !checked.ok()) {
    return checked;
  }
  auto stored = store.GetRejection(request.council(), request.rejection_id());
  if (!stored.ok()) return stored.status();
  if (read) read(*stored);
  *response->mutable_rejection() = ToProto(*stored);
  const std::string& type = stored->rejection.record_type;
  const submission::RecordSchema* record_schema = schema.Find(type);
  // A corrected rejection was redacted: its cells hold no values to type, so it goes back raw.
  const bool redacted = stored->cleared_reason == "CORRECTED";
  if (stored->received_typed && record_schema != nullptr && !redacted) {
    // The typed form is rebuilt from the cells ToFlat made of it when it arrived.
    const submission::FlatRecord flat =
        submission::FromNamedCells(*record_schema, stored->cells, nullptr);
    absl::Status rebuilt = SetInWrapper(flat, response->mutable_record());
    if (!rebuilt.ok()) {
      return absl::InternalError(
          absl::StrCat("a kept typed record could not be rebuilt: ", rebuilt.message()));
    }
  } else {
    *response->mutable_raw() = ToRawRecord(type, stored->cells);
  }
  return absl::OkStatus();
}

}  // namespace pif::submission_grpc
