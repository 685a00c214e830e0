#include "pif/submission_grpc/batch_receiver.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "pif/core/domain_status.h"
#include "pif/core/log.h"
#include "pif/submission/flat_record.h"
#include "pif/submission/validate.h"
#include "pif/submission_grpc/codec.h"
#include "pif/submission_grpc/proto_conversions.h"
#include "pif/submission_grpc/request_checks.h"

namespace pif::submission_grpc {
namespace {

using submission::FlatRecord;
using submission::RecordSchema;

std::vector<std::pair<std::string, std::string>> CellsOf(const common::v1::RawRecord& raw) {
  std::vector<std::pair<std::string, std::string>> cells;
  cells.reserve(raw.fields_size());
  for (const common::v1::RawField& field : raw.fields())
    cells.emplace_back(field.name(), field.text());
  return cells;
}

void Append(std::vector<FieldViolation> more, std::vector<FieldViolation>* violations) {
  for (FieldViolation& violation : more) violations->push_back(std::move(violation));
}

}  // namespace

BatchReceiver::BatchReceiver(submission::SubmissionStore& store,
                             const submission::SubmissionSchema& schema)
    : store_(store), schema_(schema) {}

absl::Status BatchReceiver::Open(const common::v1::BatchHeader& header, const std::string& caller) {
  if (absl::Status checked = CheckBatchHeader(header); !checked.ok()) return checked;
  if (writer_ != nullptr || replay_.has_value()) {
    return absl::FailedPreconditionError("the batch is already open");
  }
  submission::BatchInfo info;
  info.council = header.council();
  info.batch_id = header.batch_id();
  info.caller = caller;
  info.source_system = header.source_system();
  info.started_at = absl::Now();
  std::optional<submission::BatchSummary> replay;
  auto writer = store_.Begin(info, &replay);
  if (!writer.ok()) return writer.status();
  council_ = info.council;
  batch_id_ = info.batch_id;
  if (replay.has_value()) {
    replay_ = std::move(replay);
    replay_->replayed = true;
    return absl::OkStatus();
  }
  if (*writer == nullptr) return absl::InternalError("the store opened no batch writer");
  writer_ = std::move(*writer);
  return absl::OkStatus();
}

absl::Status BatchReceiver::Reject(const submission::SourceRef& source,
                                   const std::string& record_type, const std::string& record_id,
                                   const std::vector<std::pair<std::string, std::string>>& cells,
                                   bool received_typed, const std::vector<FieldViolation>& errors) {
  return writer_->AddRejected(count_, source, record_type, record_id, cells, received_typed,
                              errors);
}

absl::Status BatchReceiver::AddTyped(const google::protobuf::Message* record,
                                     const common::v1::SourceRef* source_message) {
  if (writer_ == nullptr) return absl::FailedPreconditionError("no batch is open");
  ++count_;
  const submission::SourceRef source = FromProto(source_message);
  if (record == nullptr) {
    return Reject(source, "", "", {}, true,
                  {{"", submission::kUnknownRecordType,
                    "the submitted record carries no record of any type"}});
  }
  const std::string& type_name = record->GetDescriptor()->name();
  const RecordSchema* schema = schema_.Find(type_name);
  if (schema == nullptr) {
    return Reject(source, type_name, "", {}, true,
                  {{"", submission::kUnknownRecordType,
                    absl::StrCat(type_name, " is not a record type of ", schema_.service)}});
  }
  std::vector<FieldViolation> violations;
  FlatRecord flat = ToFlat(*record, *schema, &violations);
  Append(submission::ValidateRecord(flat), &violations);
  if (violations.empty()) return writer_->AddValid(count_, source, flat);
  // Kept as received: the cells straight from the message, before validation touched them.
  std::vector<FieldViolation> ignored;
  const FlatRecord received = ToFlat(*record, *schema, &ignored);
  return Reject(source, schema->type, submission::RecordId(flat),
                submission::ToNamedCells(received), true, violations);
}

absl::Status BatchReceiver::AddRaw(const common::v1::RawRecord& raw,
                                   const common::v1::SourceRef* source_message) {
  if (writer_ == nullptr) return absl::FailedPreconditionError("no batch is open");
  ++count_;
  const submission::SourceRef source = FromProto(source_message);
  std::vector<std::pair<std::string, std::string>> cells = CellsOf(raw);
  const RecordSchema* schema = schema_.Find(raw.record_type());
  if (schema == nullptr) {
    return Reject(
        source, raw.record_type(), "", cells, false,
        {{"record_type", submission::kUnknownRecordType,
          raw.record_type().empty()
              ? "the raw record names no record type"
              : absl::StrCat(raw.record_type(), " is not a record type of ", schema_.service)}});
  }
  std::vector<FieldViolation> violations;
  FlatRecord flat = submission::FromNamedCells(*schema, cells, &violations);
  Append(submission::ValidateRecord(flat), &violations);
  if (violations.empty()) return writer_->AddValid(count_, source, flat);
  return Reject(source, schema->type, submission::RecordId(flat), cells, false, violations);
}

absl::StatusOr<submission::BatchSummary> BatchReceiver::Commit(const common::v1::BatchEnd& end) {
  if (writer_ == nullptr) return absl::FailedPreconditionError("no batch is open");
  if (end.record_count() != count_) {
    writer_.reset();
    const std::string message =
        absl::StrCat("end.record_count is ", end.record_count(), " but ", count_,
                     " records were received; nothing was committed");
    return InvalidArgumentWithFields(message,
                                     {{"end.record_count", "RECORD_COUNT_MISMATCH", message}});
  }
  auto summary = writer_->Commit(count_);
  writer_.reset();
  if (!summary.ok()) return summary.status();
  log::Event(log::Level::kInfo, "batch_committed")
      .Str(log::Key::kCouncil, council_)
      .Str(log::Key::kBatchId, batch_id_)
      .Int(log::Key::kCount, count_)
      .Int(log::Key::kVersion, summary->data_version);
  return summary;
}

}  // namespace pif::submission_grpc
