// The SubmitRecords stream of any submission service: header, chunks of records (typed or raw),
// end. Generic over the service's request messages, which share their shape:
//   Request   { oneof content { BatchHeader header; <Chunk> chunk; BatchEnd end; } }
//   Chunk     { repeated <Submitted> records; }
//   Submitted { oneof content { <typed> ...; RawRecord raw; } SourceRef source; }
#pragma once

#include <grpcpp/server_context.h>
#include <grpcpp/support/sync_stream.h>

#include "absl/status/statusor.h"
#include "pif/core/domain_status.h"
#include "pif/grpc/call_scope.h"
#include "pif/submission/store.h"
#include "pif/submission_grpc/batch_receiver.h"
#include "pif/submission_grpc/request_checks.h"

namespace pif::submission_grpc {

// Why a stream that stopped before its BatchEnd committed nothing.
inline absl::Status StreamEndedEarly(const grpc::ServerContext& context) {
  if (context.IsCancelled()) {
    return absl::CancelledError("the stream was cancelled before BatchEnd; nothing was committed");
  }
  return InvalidArgumentWithFields(
      "the stream ended without BatchEnd; nothing was committed",
      {{"end", "BATCH_END_MISSING", "the stream ended without BatchEnd; nothing was committed"}});
}

// Reads one submission stream into `store` and returns the batch's result (the stored one for
// a batch id already committed, without reading the rest). `call` is the handler's CallScope,
// already authorized for the rpc (Authorize(nullopt)): the header's council is authorized for the
// caller (CallScope::AuthorizeCouncil) before anything is staged, and the batch records the
// caller's audit name. `records_of(chunk)` gives a chunk's
// submitted records; `typed_of(submitted)` the typed record message inside one (unwrapped from
// a `oneof record` wrapper with RecordInWrapper), nullptr when none. Nothing is committed unless
// the BatchEnd arrives, counts every record, and is the last message.
template <typename Request, typename RecordsOf, typename TypedOf>
absl::StatusOr<submission::BatchSummary> ReceiveSubmission(
    const CallScope& call, grpc::ServerReaderInterface<Request>& reader,
    submission::SubmissionStore& store, const submission::SubmissionSchema& schema,
    RecordsOf records_of, TypedOf typed_of) {
  const grpc::ServerContext& context = call.context();
  BatchReceiver receiver(store, schema);
  Request request;
  if (!reader.Read(&request)) return StreamEndedEarly(context);
  if (!request.has_header()) {
    return InvalidArgumentWithFields(
        "the first message of a submission must carry the BatchHeader",
        {{"header", "BATCH_HEADER_MISSING",
          "the first message of a submission must carry the BatchHeader"}});
  }
  // The council's format first, so a malformed one is named as the header's field.
  if (absl::Status checked = CheckCouncil(request.header().council(), "header.council");
      !checked.ok()) {
    return checked;
  }
  if (absl::Status allowed = call.AuthorizeCouncil(request.header().council()); !allowed.ok()) {
    return allowed;
  }
  if (absl::Status opened = receiver.Open(request.header(), call.RecordedCaller()); !opened.ok()) {
    return opened;
  }
  if (receiver.replay().has_value()) return *receiver.replay();
  while (reader.Read(&request)) {
    if (request.has_chunk()) {
      for (const auto& submitted : records_of(request.chunk())) {
        const common::v1::SourceRef* source =
            submitted.has_source() ? &submitted.source() : nullptr;
        absl::Status added = submitted.has_raw() ? receiver.AddRaw(submitted.raw(), source)
                                                 : receiver.AddTyped(typed_of(submitted), source);
        if (!added.ok()) return added;
      }
    } else if (request.has_end()) {
      Request extra;
      if (reader.Read(&extra)) {
        return InvalidArgumentWithFields(
            "a message followed the BatchEnd; nothing was committed",
            {{"end", "MESSAGE_AFTER_BATCH_END",
              "the BatchEnd must be the last message; nothing was committed"}});
      }
      if (context.IsCancelled()) return StreamEndedEarly(context);
      return receiver.Commit(request.end());
    } else {
      const char* message =
          request.has_header() ? "a second BatchHeader arrived; nothing was committed"
                               : "a message carried no header, chunk or end; nothing was committed";
      return InvalidArgumentWithFields(message, {{"content", "UNEXPECTED_MESSAGE", message}});
    }
  }
  return StreamEndedEarly(context);
}

}  // namespace pif::submission_grpc
