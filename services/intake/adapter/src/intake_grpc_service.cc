#include "pif/intake/adapter/intake_grpc_service.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "pif/core/domain_status.h"
#include "pif/grpc/call_scope.h"
#include "pif/grpc/status_mapping.h"
#include "pif/intake/domain/case_schema.h"
#include "pif/submission/children_read.h"
#include "pif/submission_grpc/batches.h"
#include "pif/submission_grpc/data_version.h"
#include "pif/submission_grpc/delete_record.h"
#include "pif/submission_grpc/erase_person.h"
#include "pif/submission_grpc/get_rejection.h"
#include "pif/submission_grpc/list_rejections.h"
#include "pif/submission_grpc/proto_conversions.h"
#include "pif/submission_grpc/record_oneof.h"
#include "pif/submission_grpc/request_checks.h"
#include "pif/submission_grpc/submission_stream.h"

namespace pif::intake {
namespace {

using submission_grpc::CheckCouncil;
using submission_grpc::ToProto;

constexpr int kDefaultSnapshotChunk = 1000;
constexpr int kMaxSnapshotChunk = 10000;

// The schema type name of a RecordType (its number is the Record field's number).
absl::StatusOr<std::string> TypeNameOf(int record_type, const std::string& field) {
  return submission_grpc::TypeNameOf(*v1::Record::descriptor(), CaseSchema(), record_type, field,
                                     "RECORD_TYPE_");
}

v1::RecordType RecordTypeOf(const std::string& type_name) {
  return static_cast<v1::RecordType>(
      submission_grpc::FieldOfRecordType(*v1::Record::descriptor(), type_name));
}

// The typed record inside a SubmittedRecord, unwrapped from its Record; nullptr when none.
const google::protobuf::Message* TypedRecordOf(const v1::SubmittedRecord& submitted) {
  if (!submitted.has_record()) return nullptr;
  return submission_grpc::RecordInWrapper(submitted.record());
}

}  // namespace

IntakeGrpcService::IntakeGrpcService(std::unique_ptr<submission::SubmissionStore> store)
    : store_(std::move(store)) {}

grpc::Status IntakeGrpcService::SubmitRecords(grpc::ServerContext* context,
                                              grpc::ServerReader<v1::SubmitRecordsRequest>* reader,
                                              v1::SubmitRecordsResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(std::nullopt); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  auto summary = submission_grpc::ReceiveSubmission(
      call, *reader, *store_, CaseSchema(),
      [](const v1::SubmittedRecordChunk& chunk) -> const auto& { return chunk.records(); },
      TypedRecordOf);
  if (!summary.ok()) return ToGrpcStatus(summary.status());
  if (!summary->replayed) call.NoteRecords(0, summary->accepted_count);
  *response->mutable_summary() = ToProto(*summary);
  return grpc::Status::OK;
}

grpc::Status IntakeGrpcService::GetBatch(grpc::ServerContext* context,
                                         const v1::GetBatchRequest* request,
                                         v1::GetBatchResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  return ToGrpcStatus(submission_grpc::GetBatch(*store_, *request, response));
}

grpc::Status IntakeGrpcService::ListBatches(grpc::ServerContext* context,
                                            const v1::ListBatchesRequest* request,
                                            v1::ListBatchesResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  return ToGrpcStatus(submission_grpc::ListBatches(*store_, *request, response));
}

grpc::Status IntakeGrpcService::ListRejections(grpc::ServerContext* context,
                                               const v1::ListRejectionsRequest* request,
                                               v1::ListRejectionsResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  submission::ChildrenRead read(CaseSchema(), {});
  const absl::Status listed = submission_grpc::ListRejections(
      *store_, *request,
      [](const v1::ListRejectionsRequest& listing) -> absl::StatusOr<std::string> {
        if (listing.record_type() == v1::RECORD_TYPE_UNSPECIFIED) return std::string();
        return TypeNameOf(listing.record_type(), "record_type");
      },
      response, [&read](const submission::StoredRejection& rejection) { read.Note(rejection); });
  call.NoteRecords(response->rejections_size(), 0);
  call.NoteChildrenRead(read.ids());
  return ToGrpcStatus(listed);
}

grpc::Status IntakeGrpcService::GetRejection(grpc::ServerContext* context,
                                             const v1::GetRejectionRequest* request,
                                             v1::GetRejectionResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  submission::ChildrenRead read(CaseSchema(), {});
  const absl::Status got = submission_grpc::GetRejection(
      *store_, CaseSchema(), *request, response,
      [&read](const submission::StoredRejection& rejection) { read.Note(rejection); });
  if (!read.ids().empty()) call.NoteRecords(1, 0);
  call.NoteChildrenRead(read.ids());
  return ToGrpcStatus(got);
}

grpc::Status IntakeGrpcService::ExportSnapshot(
    grpc::ServerContext* context, const v1::ExportSnapshotRequest* request,
    grpc::ServerWriter<v1::ExportSnapshotResponse>* writer) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  if (absl::Status checked = CheckCouncil(request->council()); !checked.ok()) {
    return ToGrpcStatus(checked);
  }
  auto chunk_size = PageSize(request->max_records_per_chunk(), kDefaultSnapshotChunk,
                             kMaxSnapshotChunk, "max_records_per_chunk");
  if (!chunk_size.ok()) return ToGrpcStatus(chunk_size.status());
  std::vector<std::string> types;
  for (int i = 0; i < request->record_types_size(); ++i) {
    auto type = TypeNameOf(request->record_types(i), absl::StrCat("record_types[", i, "]"));
    if (!type.ok()) return ToGrpcStatus(type.status());
    types.push_back(*std::move(type));
  }
  const absl::Status stopped = absl::CancelledError("the client stopped reading the snapshot");
  v1::ExportSnapshotResponse message;
  auto on_header = [&](const submission::SnapshotInfo& info) -> absl::Status {
    v1::SnapshotHeader* header = message.mutable_header();
    header->set_council(request->council());
    header->set_data_version(info.data_version);
    *header->mutable_taken_at() = ToTimestamp(info.taken_at);
    for (const auto& [type, count] : info.counts) {
      v1::RecordCount* record_count = header->add_record_counts();
      record_count->set_record_type(RecordTypeOf(type));
      record_count->set_count(count);
    }
    const bool written = writer->Write(message);
    message.Clear();
    return written ? absl::OkStatus() : stopped;
  };
  int in_chunk = 0;
  int64_t exported = 0;
  submission::ChildrenRead read(CaseSchema(), types);
  auto on_record = [&](const submission::FlatRecord& record) -> absl::Status {
    ++exported;
    read.Note(record);
    absl::Status set =
        submission_grpc::SetInWrapper(record, message.mutable_chunk()->add_records());
    if (!set.ok()) {
      return absl::InternalError(
          absl::StrCat("a stored record could not be exported: ", set.message()));
    }
    if (++in_chunk < *chunk_size) return absl::OkStatus();
    const bool written = writer->Write(message);
    message.Clear();
    in_chunk = 0;
    return written ? absl::OkStatus() : stopped;
  };
  absl::Status snapshot = store_->ReadSnapshot(request->council(), types, on_header, on_record);
  // What left the store is audited, however the stream ended.
  call.NoteRecords(exported, 0);
  call.NoteChildrenRead(read.ids());
  if (!snapshot.ok()) return ToGrpcStatus(snapshot);
  if (in_chunk > 0 && !writer->Write(message)) return ToGrpcStatus(stopped);
  return grpc::Status::OK;
}

grpc::Status IntakeGrpcService::GetDataVersion(grpc::ServerContext* context,
                                               const v1::GetDataVersionRequest* request,
                                               v1::GetDataVersionResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  return ToGrpcStatus(submission_grpc::GetDataVersion(*store_, *request, response));
}

grpc::Status IntakeGrpcService::DeleteRecord(grpc::ServerContext* context,
                                             const v1::DeleteRecordRequest* request,
                                             v1::DeleteRecordResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  const absl::Status deleted =
      submission_grpc::DeleteRecord(*store_, *request, TypeNameOf, call.RecordedCaller(), response);
  if (deleted.ok()) call.NoteRecords(0, 1);
  return ToGrpcStatus(deleted);
}

grpc::Status IntakeGrpcService::EraseChild(grpc::ServerContext* context,
                                           const v1::EraseChildRequest* request,
                                           v1::EraseChildResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  // The erasure is audited with the person it was asked for, whatever came of it.
  if (!request->person_id().empty()) call.NoteChildrenRead({request->person_id()});
  absl::StatusOr<submission::ErasureResult> erased = submission_grpc::ErasePerson(
      *store_, *request, RecordTypeOf, call.RecordedCaller(), response);
  if (!erased.ok()) return ToGrpcStatus(erased.status());
  if (!erased->replayed) {
    int64_t written = erased->rejection_count;
    for (const auto& [type, count] : erased->erased) written += count;
    call.NoteRecords(0, written);
  }
  return grpc::Status::OK;
}

}  // namespace pif::intake
