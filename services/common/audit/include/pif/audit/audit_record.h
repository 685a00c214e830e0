// One row of the access audit: who called which rpc, for which council, what it read or wrote
// and how it ended. Operational facts and the ids of the children a call read; never a record's
// values. Pure C++: written by the gRPC interceptor (pif_grpc), stored by pif_audit_pg.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace pif::audit {

// One answered call.
struct AuditRecord {
  // Assigned by the store when the record is appended (0 before).
  int64_t audit_id = 0;
  // When the answer was decided: after the handler, before the status was sent.
  absl::Time at;
  // The service that answered ("intake").
  std::string service;
  // The full rpc name ("/pif.intake.v1.IntakeService/GetRejection").
  std::string method;
  // The caller as auth::Caller::AuditName() names it ("user=<subject> certificate=<name>"), or
  // "certificate=<name>" / "anonymous" when no token was verified.
  std::string caller;
  // The network peer ("ipv4:10.0.0.7:40312").
  std::string peer;
  // The council the request named (a GSS code), or "" when it named none or not a GSS code.
  std::string council;
  // The gRPC status code sent, by name ("OK", "PERMISSION_DENIED").
  std::string code;
  // How many records the call read and wrote, as its handler noted them.
  int64_t records_read = 0;
  int64_t records_written = 0;
  // The children whose records the call read or erased: person ids, or "<RecordType>:<record
  // id>" for a record that names no child; empty for calls that read no child-level data.
  std::vector<std::string> children;
  // How long the call took until the answer was decided.
  int64_t duration_ms = 0;
};

// Which records to list: one council's, at or after `since` and before `until` (when set),
// oldest first (by time, then by the order they were appended).
struct AuditQuery {
  std::string council;
  absl::Time since;
  std::optional<absl::Time> until;
  // Skip this many matching records, then return at most `limit`.
  int64_t offset = 0;
  int limit = 100;
};

// One page of records.
struct AuditPage {
  std::vector<AuditRecord> records;
  // True when more records match after this page.
  bool more = false;
};

// OK when `query` can be answered: a GSS council and `until` (when set) after `since`
// (INVALID_ARGUMENT naming the field otherwise); INTERNAL for a limit below 1 or a negative offset.
absl::Status CheckAuditQuery(const AuditQuery& query);

}  // namespace pif::audit
