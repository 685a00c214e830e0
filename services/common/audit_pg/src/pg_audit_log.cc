#include "pif/audit_pg/pg_audit_log.h"

#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "pif/core/council.h"
#include "pif/core/safe_text.h"

namespace pif::audit {
namespace {

// How long a call waits for a connection to write its audit row before it is refused.
constexpr absl::Duration kWriteWait = absl::Seconds(10);

// SQL turning a bigint of microseconds since the epoch into timestamptz, and back.
std::string Timestamp(const std::string& micros) {
  return absl::StrCat("(timestamptz 'epoch' + (", micros, ")::bigint * interval '1 microsecond')");
}
constexpr char kAtMicros[] = "(extract(epoch FROM at) * 1000000)::bigint";

// The children as a JSON array of strings, each as PostgreSQL text can hold it.
std::string ChildrenJson(const std::vector<std::string>& children) {
  nlohmann::json array = nlohmann::json::array();
  for (const std::string& child : children) array.push_back(SafeText(child));
  return array.dump();
}

}  // namespace

PgAuditLog::PgAuditLog(pg::Pool& pool) : pool_(pool) {}

absl::Status PgAuditLog::Append(const AuditRecord& record) {
  absl::StatusOr<pg::Pool::Lease> lease = pool_.Acquire(kWriteWait);
  if (!lease.ok()) return lease.status();
  try {
    pqxx::work tx(**lease);
    tx.exec_params(
        absl::StrCat("INSERT INTO access_audit (at, service, method, caller, peer, council, code,"
                     " records_read, records_written, children, duration_ms) VALUES (",
                     Timestamp("$1"),
                     ", $2, $3, $4, $5, $6, $7, $8, $9,"
                     " ARRAY(SELECT jsonb_array_elements_text($10::jsonb)), $11)"),
        absl::ToUnixMicros(record.at), SafeText(record.service), SafeText(record.method),
        SafeText(record.caller), SafeText(record.peer),
        IsGssCode(record.council) ? record.council : std::string(), SafeText(record.code),
        std::max<int64_t>(record.records_read, 0), std::max<int64_t>(record.records_written, 0),
        ChildrenJson(record.children), std::max<int64_t>(record.duration_ms, 0));
    tx.commit();
    return absl::OkStatus();
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

absl::StatusOr<AuditPage> PgAuditLog::List(const AuditQuery& query) {
  if (absl::Status checked = CheckAuditQuery(query); !checked.ok()) return checked;
  absl::StatusOr<pg::Pool::Lease> lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::read_transaction tx(**lease);
    const int64_t until = query.until.has_value() ? absl::ToUnixMicros(*query.until)
                                                  : std::numeric_limits<int64_t>::max();
    const pqxx::result rows =
        tx.exec_params(absl::StrCat("SELECT audit_id, ", kAtMicros,
                                    ", service, method, caller, peer, council, code, records_read,"
                                    " records_written, array_to_json(children)::text, duration_ms"
                                    " FROM access_audit WHERE council = $1 AND at >= ",
                                    Timestamp("$2"), " AND ($3 = $4 OR at < ", Timestamp("$3"),
                                    ") ORDER BY at, audit_id OFFSET $5 LIMIT $6"),
                       query.council, absl::ToUnixMicros(query.since), until,
                       std::numeric_limits<int64_t>::max(), query.offset, int64_t{query.limit} + 1);
    AuditPage page;
    for (const pqxx::row& row : rows) {
      if (page.records.size() == static_cast<size_t>(query.limit)) {
        page.more = true;
        break;
      }
      AuditRecord record;
      record.audit_id = row[0].as<int64_t>();
      record.at = absl::FromUnixMicros(row[1].as<int64_t>());
      record.service = row[2].as<std::string>();
      record.method = row[3].as<std::string>();
      record.caller = row[4].as<std::string>();
      record.peer = row[5].as<std::string>();
      record.council = row[6].as<std::string>();
      record.code = row[7].as<std::string>();
      record.records_read = row[8].as<int64_t>();
      record.records_written = row[9].as<int64_t>();
      for (const nlohmann::json& child : nlohmann::json::parse(row[10].as<std::string>())) {
        record.children.push_back(child.get<std::string>());
      }
      record.duration_ms = row[11].as<int64_t>();
      page.records.push_back(std::move(record));
    }
    return page;
  } catch (const nlohmann::json::exception&) {
    return absl::InternalError("a stored audit record cannot be read");
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

}  // namespace pif::audit
