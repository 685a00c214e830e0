#include "pif/submission_grpc/proto_conversions.h"

#include "pif/proto_util/dates.h"

namespace pif::submission_grpc {
namespace {

void FillSource(const submission::SourceRef& source, common::v1::Rejection* rejection) {
  if (source.file.empty() && source.row == 0) return;
  rejection->mutable_source()->set_file(source.file);
  rejection->mutable_source()->set_row(source.row);
}

// The received text of `field`, or empty when the record had no such cell.
std::string CellOf(const std::vector<std::pair<std::string, std::string>>& cells,
                   const std::string& field) {
  if (field.empty()) return {};
  for (const auto& [name, text] : cells) {
    if (name == field) return text;
  }
  return {};
}

void FillRejection(const submission::RejectionInfo& info,
                   const std::vector<std::pair<std::string, std::string>>* cells,
                   common::v1::Rejection* rejection) {
  rejection->set_position(info.position);
  FillSource(info.source, rejection);
  rejection->set_record_type(info.record_type);
  rejection->set_record_id(info.record_id);
  rejection->set_rejection_id(info.rejection_id);
  for (const FieldViolation& violation : info.errors) {
    common::v1::FieldError* error = rejection->add_errors();
    error->set_field(violation.field);
    error->set_rule_code(violation.rule_code);
    error->set_message(violation.message);
    if (cells != nullptr) error->set_value(CellOf(*cells, violation.field));
  }
}

}  // namespace

submission::SourceRef FromProto(const common::v1::SourceRef* source) {
  if (source == nullptr) return {};
  return {source->file(), source->row()};
}

common::v1::SubmissionSummary ToProto(const submission::BatchSummary& summary) {
  common::v1::SubmissionSummary out;
  out.set_batch_id(summary.batch_id);
  out.set_council(summary.council);
  out.set_data_version(summary.data_version);
  out.set_accepted_count(summary.accepted_count);
  out.set_rejected_count(summary.rejected_count);
  for (const submission::RejectionInfo& rejection : summary.rejections) {
    FillRejection(rejection, nullptr, out.add_rejections());
  }
  out.set_rejections_truncated(summary.rejections_truncated);
  out.set_cleared_rejection_count(summary.cleared_rejection_count);
  *out.mutable_committed_at() = ToTimestamp(summary.committed_at);
  out.set_replayed(summary.replayed);
  return out;
}

common::v1::Batch ToProto(const submission::BatchAudit& audit) {
  const submission::BatchSummary& summary = audit.summary;
  common::v1::Batch out;
  out.set_council(summary.council);
  out.set_batch_id(summary.batch_id);
  out.set_source_system(audit.source_system);
  out.set_caller(audit.caller);
  *out.mutable_started_at() = ToTimestamp(audit.started_at);
  *out.mutable_committed_at() = ToTimestamp(summary.committed_at);
  out.set_data_version(summary.data_version);
  out.set_accepted_count(summary.accepted_count);
  out.set_rejected_count(summary.rejected_count);
  out.set_cleared_rejection_count(summary.cleared_rejection_count);
  for (const auto& [type, counts] : summary.per_type) {
    if (counts.first == 0 && counts.second == 0) continue;
    common::v1::RecordTypeCount* count = out.add_record_type_counts();
    count->set_record_type(type);
    count->set_accepted_count(counts.first);
    count->set_rejected_count(counts.second);
  }
  return out;
}

common::v1::StoredRejection ToProto(const submission::StoredRejection& stored) {
  common::v1::StoredRejection out;
  FillRejection(stored.rejection, &stored.cells, out.mutable_rejection());
  out.set_council(stored.council);
  out.set_batch_id(stored.batch_id);
  *out.mutable_received_at() = ToTimestamp(stored.received_at);
  if (stored.cleared_reason.empty()) {
    out.set_state(common::v1::REJECTION_STATE_OPEN);
    return out;
  }
  out.set_state(common::v1::REJECTION_STATE_CLEARED);
  common::v1::Clearance* clearance = out.mutable_clearance();
  if (stored.cleared_reason == "DELETED") {
    clearance->set_reason(common::v1::CLEARANCE_REASON_DELETED);
    clearance->set_deletion_id(stored.cleared_by_deletion);
  } else {
    clearance->set_reason(common::v1::CLEARANCE_REASON_CORRECTED);
    clearance->set_batch_id(stored.cleared_by_batch);
  }
  clearance->set_cleared_by(stored.cleared_by);
  if (stored.cleared_at.has_value())
    *clearance->mutable_cleared_at() = ToTimestamp(*stored.cleared_at);
  return out;
}

common::v1::RawRecord ToRawRecord(const std::string& record_type,
                                  const std::vector<std::pair<std::string, std::string>>& cells) {
  common::v1::RawRecord raw;
  raw.set_record_type(record_type);
  for (const auto& [name, text] : cells) {
    common::v1::RawField* field = raw.add_fields();
    field->set_name(name);
    field->set_text(text);
  }
  return raw;
}

}  // namespace pif::submission_grpc
