#include "call_helpers.h"

#include <iostream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "pif/core/domain_status.h"
#include "pif/dates/date.h"
#include "pif/grpc/status_mapping.h"

namespace pif::ctl {

std::vector<std::string> ListOf(const std::string& text) {
  std::vector<std::string> items;
  for (absl::string_view item : absl::StrSplit(text, ',')) {
    item = absl::StripAsciiWhitespace(item);
    if (!item.empty()) items.emplace_back(item);
  }
  return items;
}

absl::Status SetDate(const std::string& text, const char* flag, common::v1::Date* out) {
  if (text.empty()) return absl::InvalidArgumentError(absl::StrCat("--", flag, " is required"));
  absl::StatusOr<dates::Date> date = dates::ParseDate(text);
  if (!date.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("--", flag, ": ", date.status().message()));
  }
  out->set_year(date->year());
  out->set_month(date->month());
  out->set_day(date->day());
  return absl::OkStatus();
}

void PrintCallFailure(const std::string& prefix, const grpc::Status& status,
                      const std::string& service, const std::string& address) {
  const absl::Status domain = FromGrpcStatus(status);
  std::cerr << prefix << absl::StatusCodeToString(domain.code()) << ": " << domain.message();
  if (domain.code() == absl::StatusCode::kUnavailable) {
    std::cerr << " (" << service << " service at " << address << ")";
  }
  std::cerr << "\n";
  for (const FieldViolation& violation : FieldViolationsOf(domain)) {
    std::cerr << "  " << violation.field << ": " << violation.message << " [" << violation.rule_code
              << "]\n";
  }
}

}  // namespace pif::ctl
