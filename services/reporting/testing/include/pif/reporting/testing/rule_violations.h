// The field violations of a refusal as "field:RULE_CODE" strings, for short assertions.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "pif/core/domain_status.h"

namespace pif::reporting::testing {

// "field:RULE_CODE" of each violation `status` carries, in order; empty when it carries none.
inline std::vector<std::string> RuleViolations(const absl::Status& status) {
  std::vector<std::string> violations;
  for (const FieldViolation& violation : FieldViolationsOf(status)) {
    violations.push_back(violation.field + ":" + violation.rule_code);
  }
  return violations;
}

}  // namespace pif::reporting::testing
