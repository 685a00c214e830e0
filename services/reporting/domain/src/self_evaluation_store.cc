#include "pif/reporting/domain/self_evaluation_store.h"

#include "absl/strings/match.h"

namespace pif::reporting {

bool IsSingleRecordBatch(const std::string& batch_id, const std::string& source_system) {
  return source_system == kSingleRecordSource &&
         absl::StartsWith(batch_id, kSingleRecordBatchPrefix);
}

}  // namespace pif::reporting
