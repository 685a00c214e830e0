#include "intake_grpc_service.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "domain/case_schema.h"
#include "pif/common/domain_status.h"
#include "pif/common/status_mapping.h"
#include "pif/submission_grpc/caller_identity.h"
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

constexpr int kDefaultBatchPage = 50;
constexpr int kMaxBatchPage = 500;
constexpr int kDefaultSnapshotChunk = 1000;
constexpr int kMaxSnapshotChunk = 10000;
constexpr size_t kMaxDeletionReasonLength = 2000;

// The schema type name of a RecordType (its number is the Record field's number).
absl::StatusOr<std::string> TypeNameOf(int record_type, const std::string& field) {
  std::string name =
      record_type == v1::RECORD_TYPE_UNSPECIFIED
          ? std::string()
          : submission_grpc::RecordTypeOfField(*v1::Record::descriptor(), record_type);
  if (name.empty() || CaseSchema().Find(name) == nullptr) {
    const std::string message = absl::StrCat(field, " must name a record type (RECORD_TYPE_...)");
    return InvalidArgumentWithFields(message, {{field, "UNKNOWN_RECORD_TYPE", message}});
  }
  return name;
}

v1::RecordType RecordTypeOf(const std::string& type_name) {
  return static_cast<v1::RecordType>(
      submission_grpc::FieldOfRecordType(*v1::Record::descriptor(), type_name));
}

std::optional<absl::Time> OptionalTime(bool set, const google::protobuf::Timestamp& timestamp) {
  if (!set) return std::nullopt;
  return submission_grpc::FromTimestamp(timestamp);
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
  auto summary = submission_grpc::ReceiveSubmission(
      *context, *reader, *store_, CaseSchema(),
      [](const v1::SubmittedRecordChunk& chunk) -> const auto& { return chunk.records(); },
      TypedRecordOf);
  if (!summary.ok()) return ToGrpcStatus(summary.status());
  *response->mutable_summary() = ToProto(*summary);
  return grpc::Status::OK;
}

grpc::Status IntakeGrpcService::GetBatch(grpc::ServerContext*, const v1::GetBatchRequest* request,
                                         v1::GetBatchResponse* response) {
  if (absl::Status checked = CheckCouncil(request->council()); !checked.ok()) {
    return ToGrpcStatus(checked);
  }
  if (absl::Status checked = submission_grpc::CheckRequired(request->batch_id(), "batch_id");
      !checked.ok()) {
    return ToGrpcStatus(checked);
  }
  auto audit = store_->GetBatch(request->council(), request->batch_id());
  if (!audit.ok()) return ToGrpcStatus(audit.status());
  *response->mutable_batch() = ToProto(*audit);
  return grpc::Status::OK;
}

grpc::Status IntakeGrpcService::ListBatches(grpc::ServerContext*,
                                            const v1::ListBatchesRequest* request,
                                            v1::ListBatchesResponse* response) {
  if (absl::Status checked = CheckCouncil(request->council()); !checked.ok()) {
    return ToGrpcStatus(checked);
  }
  auto page_size =
      submission_grpc::PageSize(request->page_size(), kDefaultBatchPage, kMaxBatchPage);
  if (!page_size.ok()) return ToGrpcStatus(page_size.status());
  auto offset = submission_grpc::ParseOffsetPageToken(request->page_token());
  if (!offset.ok()) return ToGrpcStatus(offset.status());
  // One more than the page, to know whether another page follows.
  auto batches = store_->ListBatches(
      request->council(), OptionalTime(request->has_committed_after(), request->committed_after()),
      OptionalTime(request->has_committed_before(), request->committed_before()), *page_size + 1,
      static_cast<int>(*offset));
  if (!batches.ok()) return ToGrpcStatus(batches.status());
  const bool more = static_cast<int>(batches->size()) > *page_size;
  if (more) batches->resize(*page_size);
  for (const submission::BatchAudit& audit : *batches) *response->add_batches() = ToProto(audit);
  if (more) response->set_next_page_token(submission_grpc::OffsetPageToken(*offset + *page_size));
  return grpc::Status::OK;
}

grpc::Status IntakeGrpcService::ListRejections(grpc::ServerContext*,
                                               const v1::ListRejectionsRequest* request,
                                               v1::ListRejectionsResponse* response) {
  return ToGrpcStatus(submission_grpc::ListRejections(
      *store_, *request,
      [](const v1::ListRejectionsRequest& listed) -> absl::StatusOr<std::string> {
        if (listed.record_type() == v1::RECORD_TYPE_UNSPECIFIED) return std::string();
        return TypeNameOf(listed.record_type(), "record_type");
      },
      response));
}

grpc::Status IntakeGrpcService::GetRejection(grpc::ServerContext*,
                                             const v1::GetRejectionRequest* request,
                                             v1::GetRejectionResponse* response) {
  return ToGrpcStatus(submission_grpc::GetRejection(*store_, CaseSchema(), *request, response));
}

grpc::Status IntakeGrpcService::ExportSnapshot(
    grpc::ServerContext*, const v1::ExportSnapshotRequest* request,
    grpc::ServerWriter<v1::ExportSnapshotResponse>* writer) {
  if (absl::Status checked = CheckCouncil(request->council()); !checked.ok()) {
    return ToGrpcStatus(checked);
  }
  auto chunk_size =
      submission_grpc::PageSize(request->max_records_per_chunk(), kDefaultSnapshotChunk,
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
    *header->mutable_taken_at() = submission_grpc::ToTimestamp(info.taken_at);
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
  auto on_record = [&](const submission::FlatRecord& record) -> absl::Status {
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
  absl::Status read = store_->ReadSnapshot(request->council(), types, on_header, on_record);
  if (!read.ok()) return ToGrpcStatus(read);
  if (in_chunk > 0 && !writer->Write(message)) return ToGrpcStatus(stopped);
  return grpc::Status::OK;
}

grpc::Status IntakeGrpcService::GetDataVersion(grpc::ServerContext*,
                                               const v1::GetDataVersionRequest* request,
                                               v1::GetDataVersionResponse* response) {
  if (absl::Status checked = CheckCouncil(request->council()); !checked.ok()) {
    return ToGrpcStatus(checked);
  }
  auto version = store_->GetDataVersion(request->council());
  if (!version.ok()) return ToGrpcStatus(version.status());
  response->set_council(request->council());
  response->set_data_version(version->version);
  response->set_last_batch_id(version->last_batch_id);
  if (version->changed_at.has_value()) {
    *response->mutable_changed_at() = submission_grpc::ToTimestamp(*version->changed_at);
  }
  return grpc::Status::OK;
}

grpc::Status IntakeGrpcService::DeleteRecord(grpc::ServerContext* context,
                                             const v1::DeleteRecordRequest* request,
                                             v1::DeleteRecordResponse* response) {
  if (absl::Status checked = CheckCouncil(request->council()); !checked.ok()) {
    return ToGrpcStatus(checked);
  }
  auto type = TypeNameOf(request->record_type(), "record_type");
  if (!type.ok()) return ToGrpcStatus(type.status());
  for (const auto& [value, field] :
       {std::pair{&request->record_id(), "record_id"}, std::pair{&request->reason(), "reason"}}) {
    if (absl::Status checked = submission_grpc::CheckRequired(*value, field); !checked.ok()) {
      return ToGrpcStatus(checked);
    }
  }
  if (request->reason().size() > kMaxDeletionReasonLength) {
    const std::string message =
        absl::StrCat("reason must be at most ", kMaxDeletionReasonLength, " characters");
    return ToGrpcStatus(
        InvalidArgumentWithFields(message, {{"reason", "VALUE_TOO_LONG", message}}));
  }
  auto deletion =
      store_->DeleteRecord(request->council(), *type, request->record_id(), request->reason(),
                           submission_grpc::CallerIdentity(*context));
  if (!deletion.ok()) return ToGrpcStatus(deletion.status());
  response->set_deletion_id(deletion->deletion_id);
  response->set_data_version(deletion->data_version);
  *response->mutable_deleted_at() = submission_grpc::ToTimestamp(deletion->deleted_at);
  response->set_cleared_rejection_count(deletion->cleared_rejection_count);
  return grpc::Status::OK;
}

}  // namespace pif::intake
