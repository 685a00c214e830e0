// The GetBatch and ListBatches rpcs of a submission service: the audit of the batches a council
// sent. Generic over the service's messages, which share their shape:
//   GetBatch    Request { string council; string batch_id; }  Response { pif.common.v1.Batch batch;
//   } ListBatches Request { string council; Timestamp committed_after, committed_before;
//                         int32 page_size; string page_token; }
//               Response { repeated pif.common.v1.Batch batches; string next_page_token; }
#pragma once

#include <optional>

#include "absl/status/status.h"
#include "google/protobuf/timestamp.pb.h"
#include "pif/proto_util/dates.h"
#include "pif/proto_util/paging.h"
#include "pif/submission/store.h"
#include "pif/submission_grpc/proto_conversions.h"
#include "pif/submission_grpc/request_checks.h"

namespace pif::submission_grpc {

// Page sizes of ListBatches: the default and the most a page holds.
inline constexpr int kDefaultBatchPage = 50;
inline constexpr int kMaxBatchPage = 500;

// The audit of batch `request.batch_id()` of `request.council()` (both checked first).
template <typename Request, typename Response>
absl::Status GetBatch(submission::SubmissionStore& store, const Request& request,
                      Response* response) {
  if (absl::Status checked = CheckCouncil(request.council()); !checked.ok()) return checked;
  if (absl::Status checked = CheckRequired(request.batch_id(), "batch_id"); !checked.ok()) {
    return checked;
  }
  auto audit = store.GetBatch(request.council(), request.batch_id());
  if (!audit.ok()) return audit.status();
  *response->mutable_batch() = ToProto(*audit);
  return absl::OkStatus();
}

// A time a request may leave unset.
inline std::optional<absl::Time> OptionalTime(bool set, const google::protobuf::Timestamp& time) {
  if (!set) return std::nullopt;
  return FromTimestamp(time);
}

// One page of the council's batches, newest first, committed within the requested window.
template <typename Request, typename Response>
absl::Status ListBatches(submission::SubmissionStore& store, const Request& request,
                         Response* response) {
  if (absl::Status checked = CheckCouncil(request.council()); !checked.ok()) return checked;
  auto page_size = PageSize(request.page_size(), kDefaultBatchPage, kMaxBatchPage);
  if (!page_size.ok()) return page_size.status();
  auto offset = ParseOffsetPageToken(request.page_token());
  if (!offset.ok()) return offset.status();
  // One more than the page, to know whether another page follows.
  auto batches = store.ListBatches(
      request.council(), OptionalTime(request.has_committed_after(), request.committed_after()),
      OptionalTime(request.has_committed_before(), request.committed_before()), *page_size + 1,
      static_cast<int>(*offset));
  if (!batches.ok()) return batches.status();
  const bool more = static_cast<int>(batches->size()) > *page_size;
  if (more) batches->resize(*page_size);
  for (const submission::BatchAudit& audit : *batches) *response->add_batches() = ToProto(audit);
  if (more) response->set_next_page_token(OffsetPageToken(*offset + *page_size));
  return absl::OkStatus();
}

}  // namespace pif::submission_grpc
