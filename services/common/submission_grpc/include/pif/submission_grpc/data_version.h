// The GetDataVersion rpc of a submission service (intake, workforce). Generic over the service's
// messages, which share their shape:
//   Request  { string council; }
//   Response { string council; int64 data_version; string last_batch_id;
//              google.protobuf.Timestamp changed_at; }
#pragma once

#include "absl/status/status.h"
#include "pif/proto_util/dates.h"
#include "pif/submission/store.h"
#include "pif/submission_grpc/request_checks.h"

namespace pif::submission_grpc {

// The council's data version (the council checked first) into `response`; failures are returned
// as they are, for ToGrpcStatus.
template <typename Request, typename Response>
absl::Status GetDataVersion(submission::SubmissionStore& store, const Request& request,
                            Response* response) {
  if (absl::Status checked = CheckCouncil(request.council()); !checked.ok()) return checked;
  auto version = store.GetDataVersion(request.council());
  if (!version.ok()) return version.status();
  response->set_council(request.council());
  response->set_data_version(version->version);
  response->set_last_batch_id(version->last_batch_id);
  if (version->changed_at.has_value()) {
    *response->mutable_changed_at() = ToTimestamp(*version->changed_at);
  }
  return absl::OkStatus();
}

}  // namespace pif::submission_grpc
