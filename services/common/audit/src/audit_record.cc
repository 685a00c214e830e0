#include "pif/audit/audit_record.h"

#include "pif/core/council.h"
#include "pif/core/domain_status.h"

namespace pif::audit {

absl::Status CheckAuditQuery(const AuditQuery& query) {
  if (absl::Status council = CheckCouncil(query.council); !council.ok()) return council;
  if (query.until.has_value() && *query.until <= query.since) {
    return InvalidField("until", "UNTIL_NOT_AFTER_SINCE", "until must be later than since");
  }
  if (query.limit < 1 || query.offset < 0) {
    return absl::InternalError("an audit query needs a positive limit and an offset of 0 or more");
  }
  return absl::OkStatus();
}

}  // namespace pif::audit
