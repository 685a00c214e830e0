#include "pif/submission_grpc/request_checks.h"

#include "absl/strings/str_cat.h"
#include "pif/core/domain_status.h"

namespace pif::submission_grpc {
namespace {

bool IsPrintableAscii(const std::string& text) {
  for (char c : text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

}  // namespace

absl::Status CheckBatchHeader(const common::v1::BatchHeader& header) {
  if (absl::Status council = CheckCouncil(header.council(), "header.council"); !council.ok()) {
    return council;
  }
  const std::string& batch_id = header.batch_id();
  if (batch_id.empty()) {
    return InvalidField("header.batch_id", "REQUIRED_FIELD_MISSING",
                        "header.batch_id is required: the client's id of this batch");
  }
  if (batch_id.size() > kMaxBatchIdLength || !IsPrintableAscii(batch_id)) {
    return InvalidField("header.batch_id", "MALFORMED_BATCH_ID",
                        absl::StrCat("header.batch_id must be 1 to ", kMaxBatchIdLength,
                                     " printable ASCII characters"));
  }
  if (header.source_system().size() > kMaxSourceSystemLength) {
    return InvalidField("header.source_system", "VALUE_TOO_LONG",
                        absl::StrCat("header.source_system must be at most ",
                                     kMaxSourceSystemLength, " characters"));
  }
  return absl::OkStatus();
}

absl::Status CheckRequestId(const std::string& value, const std::string& field) {
  if (absl::Status required = CheckRequired(value, field); !required.ok()) return required;
  if (value.size() > kMaxRequestIdLength || !IsPrintableAscii(value)) {
    return InvalidField(
        field, "MALFORMED_REQUEST_ID",
        absl::StrCat(field, " must be 1 to ", kMaxRequestIdLength, " printable ASCII characters"));
  }
  return absl::OkStatus();
}

absl::Status CheckRequired(const std::string& value, const std::string& field) {
  if (!value.empty()) return absl::OkStatus();
  return InvalidField(field, "REQUIRED_FIELD_MISSING", field + " is required");
}

}  // namespace pif::submission_grpc
