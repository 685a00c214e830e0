// What a submission store holds and what a batch reported, in the short text forms tests
// compare ("Placement P1", "3:PLACEMENT_OVERLAP"); for tests of any SubmissionStore.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/submission/store.h"

namespace pif::submission::testing {

// The rule codes of a summary's listed rejections, in stream order, as "position:RULE".
std::vector<std::string> RuleCodes(const BatchSummary& summary);

// Every record `store` holds for `council` (only `types` when not empty) as "Type id", in
// snapshot order; the read's error when it fails.
absl::StatusOr<std::vector<std::string>> StoredRecords(SubmissionStore& store,
                                                       const std::string& council,
                                                       const std::vector<std::string>& types = {});

}  // namespace pif::submission::testing
