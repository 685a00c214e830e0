// Where the access audit is kept: appended to by every call's interceptor, read by the audit rpc.
// The PostgreSQL implementation is pif/audit_pg/pg_audit_log.h; tests use
// pif/audit/testing/fake_audit_log.h.
#pragma once

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pif/audit/audit_record.h"

namespace pif::audit {

// Receives one record per answered call. Implementations are thread-safe.
class AuditSink {
 public:
  virtual ~AuditSink() = default;
  // Keeps `record` durably before returning OK; an error when it could not (the call is then
  // not answered).
  virtual absl::Status Append(const AuditRecord& record) = 0;
};

// Reads the kept records. Implementations are thread-safe.
class AuditReader {
 public:
  virtual ~AuditReader() = default;
  // The records matching `query` (checked with CheckAuditQuery), oldest first.
  virtual absl::StatusOr<AuditPage> List(const AuditQuery& query) = 0;
};

// Both ends of one audit table.
class AuditLog : public AuditSink, public AuditReader {};

}  // namespace pif::audit
