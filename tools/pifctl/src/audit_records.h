// What `pifctl audit` does with the records it read: the time flags, the merge of the four
// services' audits into one timeline, and the JSON and table output.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "nlohmann/json.hpp"
#include "pif/audit/v1/audit_service.pb.h"

namespace pif::ctl {

// How audit records are printed.
enum class AuditFormat { kJson, kTable };

// Parses "json" or "table"; INVALID_ARGUMENT otherwise.
absl::StatusOr<AuditFormat> ParseAuditFormat(absl::string_view text);

// Parses flag --`flag`: a date YYYY-MM-DD (its midnight, UTC) or an RFC 3339 time
// (2026-03-01T09:30:00Z, 2026-03-01T09:30:00+01:00); INVALID_ARGUMENT naming the flag.
absl::StatusOr<absl::Time> ParseAuditTime(const std::string& text, const char* flag);

// The records of every service in one list, oldest first: by time, then service name, then the
// service's audit id (so records kept at the same instant keep each service's order).
std::vector<audit::v1::AuditRecord> MergeByTime(
    std::vector<std::vector<audit::v1::AuditRecord>> per_service);

// The records as a JSON array of objects: {at (RFC 3339, UTC), service, audit_id, method, caller,
// peer, council, code, records_read, records_written, children: [...], duration_ms}.
nlohmann::ordered_json AuditJson(const std::vector<audit::v1::AuditRecord>& records);

// Writes the records in `format`: the JSON array (indented, then a newline) or a table with one
// line per record (time, service, rpc without its package, code, caller, read, written,
// children joined by commas).
void WriteAudit(std::ostream& out, AuditFormat format,
                const std::vector<audit::v1::AuditRecord>& records);

}  // namespace pif::ctl
