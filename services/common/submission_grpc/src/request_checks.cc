#include "pif/submission_grpc/request_checks.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "pif/common/domain_status.h"

namespace pif::submission_grpc {
namespace {

constexpr char kPageTokenPrefix[] = "offset:";

absl::Status Invalid(const std::string& field, const std::string& rule,
                     const std::string& message) {
  return InvalidArgumentWithFields(message, {{field, rule, message}});
}

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
    return Invalid("header.batch_id", "REQUIRED_FIELD_MISSING",
                   "header.batch_id is required: the client's id of this batch");
  }
  if (batch_id.size() > kMaxBatchIdLength || !IsPrintableAscii(batch_id)) {
    return Invalid("header.batch_id", "MALFORMED_BATCH_ID",
                   absl::StrCat("header.batch_id must be 1 to ", kMaxBatchIdLength,
                                " printable ASCII characters"));
  }
  if (header.source_system().size() > kMaxSourceSystemLength) {
    return Invalid("header.source_system", "VALUE_TOO_LONG",
                   absl::StrCat("header.source_system must be at most ", kMaxSourceSystemLength,
                                " characters"));
  }
  return absl::OkStatus();
}

absl::Status CheckRequired(const std::string& value, const std::string& field) {
  if (!value.empty()) return absl::OkStatus();
  return Invalid(field, "REQUIRED_FIELD_MISSING", field + " is required");
}

absl::StatusOr<int> PageSize(int32_t requested, int fallback, int max, const std::string& field) {
  if (requested < 0) {
    return Invalid(field, "OUT_OF_RANGE",
                   absl::StrCat(field, " must be 0 (the default, ", fallback, ") or 1 to ", max));
  }
  if (requested == 0) return fallback;
  return requested > max ? max : requested;
}

std::string OffsetPageToken(int64_t offset) { return absl::StrCat(kPageTokenPrefix, offset); }

absl::StatusOr<int64_t> ParseOffsetPageToken(const std::string& token, const std::string& field) {
  if (token.empty()) return 0;
  int64_t offset = -1;
  if (!absl::StartsWith(token, kPageTokenPrefix) ||
      !absl::SimpleAtoi(absl::string_view(token).substr(sizeof kPageTokenPrefix - 1), &offset) ||
      offset < 0) {
    return Invalid(field, "MALFORMED_PAGE_TOKEN",
                   field +
                       " is not a token this service handed out; send the next_page_token "
                       "of the previous page, or nothing for the first page");
  }
  return offset;
}

}  // namespace pif::submission_grpc
