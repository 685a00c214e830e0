// Domain errors: absl::Status with optional field-level violations, free of gRPC and protobuf.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace pif {

// One broken rule on one field of a request or record.
struct FieldViolation {
  // Field name as the contract spells it ("end_date", "records[3].placement.start_date").
  std::string field;
  // Stable rule code ("PLACEMENT_END_BEFORE_START").
  std::string rule_code;
  // Plain-English message for the integrator.
  std::string message;

  friend bool operator==(const FieldViolation& a, const FieldViolation& b) {
    return a.field == b.field && a.rule_code == b.rule_code && a.message == b.message;
  }
};

// INVALID_ARGUMENT carrying `violations` as a payload that the gRPC adapter turns into details.
absl::Status InvalidArgumentWithFields(absl::string_view message,
                                       const std::vector<FieldViolation>& violations);

// INVALID_ARGUMENT with `message` and one violation of `rule` on `field` carrying the same message.
absl::Status InvalidField(const std::string& field, const std::string& rule,
                          const std::string& message);

// The violations attached by InvalidArgumentWithFields; empty when there are none.
std::vector<FieldViolation> FieldViolationsOf(const absl::Status& status);

// RESOURCE_EXHAUSTED carrying `retry_after` as a payload that the gRPC adapter turns into the
// ErrorDetails' retry_after_seconds (whole seconds, at least 1).
absl::Status ResourceExhaustedRetryAfter(absl::string_view message, absl::Duration retry_after);

// The retry hint attached by ResourceExhaustedRetryAfter; nullopt when there is none.
std::optional<absl::Duration> RetryAfterOf(const absl::Status& status);

}  // namespace pif
