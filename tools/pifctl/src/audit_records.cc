#include "audit_records.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "pif/proto_util/dates.h"

namespace pif::ctl {
namespace {

// The time of a record as RFC 3339 in UTC, with the fraction when there is one.
std::string TimeText(const google::protobuf::Timestamp& at) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E*SZ", FromTimestamp(at), absl::UTCTimeZone());
}

// `/pif.intake.v1.IntakeService/GetRejection` as `IntakeService/GetRejection`.
std::string ShortMethod(const std::string& method) {
  const size_t slash = method.rfind('/');
  if (slash == std::string::npos || slash == 0) return method;
  const size_t dot = method.rfind('.', slash);
  return dot == std::string::npos ? method.substr(1) : method.substr(dot + 1);
}

}  // namespace

absl::StatusOr<AuditFormat> ParseAuditFormat(absl::string_view text) {
  if (text == "json") return AuditFormat::kJson;
  if (text == "table") return AuditFormat::kTable;
  return absl::InvalidArgumentError(
      absl::StrCat("--format must be json or table, not '", text, "'"));
}

absl::StatusOr<absl::Time> ParseAuditTime(const std::string& text, const char* flag) {
  if (text.empty()) return absl::InvalidArgumentError(absl::StrCat("--", flag, " is required"));
  absl::Time time;
  std::string error;
  if (text.size() == 10 && absl::ParseTime("%Y-%m-%d", text, absl::UTCTimeZone(), &time, &error)) {
    return time;
  }
  if (absl::ParseTime(absl::RFC3339_full, text, &time, &error)) return time;
  return absl::InvalidArgumentError(absl::StrCat(
      "--", flag, ": '", text, "' is neither a date (YYYY-MM-DD) nor an RFC 3339 time"));
}

std::vector<audit::v1::AuditRecord> MergeByTime(
    std::vector<std::vector<audit::v1::AuditRecord>> per_service) {
  std::vector<audit::v1::AuditRecord> merged;
  for (std::vector<audit::v1::AuditRecord>& records : per_service) {
    for (audit::v1::AuditRecord& record : records) merged.push_back(std::move(record));
  }
  const auto key = [](const audit::v1::AuditRecord& record) {
    return std::make_tuple(record.at().seconds(), record.at().nanos(), record.service(),
                           record.audit_id());
  };
  std::stable_sort(merged.begin(), merged.end(),
                   [&](const audit::v1::AuditRecord& a, const audit::v1::AuditRecord& b) {
                     return key(a) < key(b);
                   });
  return merged;
}

nlohmann::ordered_json AuditJson(const std::vector<audit::v1::AuditRecord>& records) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const audit::v1::AuditRecord& record : records) {
    nlohmann::ordered_json row;
    row["at"] = TimeText(record.at());
    row["service"] = record.service();
    row["audit_id"] = record.audit_id();
    row["method"] = record.method();
    row["caller"] = record.caller();
    row["peer"] = record.peer();
    row["council"] = record.council();
    row["code"] = record.code();
    row["records_read"] = record.records_read();
    row["records_written"] = record.records_written();
    row["children"] = std::vector<std::string>(record.children().begin(), record.children().end());
    row["duration_ms"] = record.duration_ms();
    array.push_back(std::move(row));
  }
  return array;
}

void WriteAudit(std::ostream& out, AuditFormat format,
                const std::vector<audit::v1::AuditRecord>& records) {
  if (format == AuditFormat::kJson) {
    out << AuditJson(records).dump(2) << "\n";
    return;
  }
  out << absl::StrFormat("%-30s %-10s %-44s %-18s %8s %8s  %s  %s\n", "at", "service", "rpc",
                         "code", "read", "written", "caller", "children");
  for (const audit::v1::AuditRecord& record : records) {
    out << absl::StrFormat("%-30s %-10s %-44s %-18s %8d %8d  %s  %s\n", TimeText(record.at()),
                           record.service(), ShortMethod(record.method()), record.code(),
                           record.records_read(), record.records_written(), record.caller(),
                           absl::StrJoin(record.children(), ","));
  }
}

}  // namespace pif::ctl
