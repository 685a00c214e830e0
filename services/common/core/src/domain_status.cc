#include "pif/core/domain_status.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "nlohmann/json.hpp"

namespace pif {
namespace {
constexpr absl::string_view kViolationsPayload = "type.pif.dev/field-violations";
constexpr absl::string_view kRetryAfterPayload = "type.pif.dev/retry-after-seconds";
}  // namespace

absl::Status InvalidArgumentWithFields(absl::string_view message,
                                       const std::vector<FieldViolation>& violations) {
  absl::Status status = absl::InvalidArgumentError(message);
  nlohmann::json list = nlohmann::json::array();
  for (const FieldViolation& violation : violations) {
    list.push_back({{"field", violation.field},
                    {"rule_code", violation.rule_code},
                    {"message", violation.message}});
  }
  status.SetPayload(
      kViolationsPayload,
      absl::Cord(list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
  return status;
}

absl::Status InvalidField(const std::string& field, const std::string& rule,
                          const std::string& message) {
  return InvalidArgumentWithFields(message, {{field, rule, message}});
}

std::vector<FieldViolation> FieldViolationsOf(const absl::Status& status) {
  std::vector<FieldViolation> violations;
  auto payload = status.GetPayload(kViolationsPayload);
  if (!payload.has_value()) return violations;
  nlohmann::json list = nlohmann::json::parse(std::string(*payload), nullptr, false);
  if (!list.is_array()) return violations;
  for (const nlohmann::json& item : list) {
    violations.push_back(
        {item.value("field", ""), item.value("rule_code", ""), item.value("message", "")});
  }
  return violations;
}

absl::Status ResourceExhaustedRetryAfter(absl::string_view message, absl::Duration retry_after) {
  absl::Status status = absl::ResourceExhaustedError(message);
  const int64_t seconds =
      std::max<int64_t>(1, absl::ToInt64Seconds(absl::Ceil(retry_after, absl::Seconds(1))));
  status.SetPayload(kRetryAfterPayload, absl::Cord(std::to_string(seconds)));
  return status;
}

std::optional<absl::Duration> RetryAfterOf(const absl::Status& status) {
  auto payload = status.GetPayload(kRetryAfterPayload);
  int64_t seconds = 0;
  if (!payload.has_value() || !absl::SimpleAtoi(std::string(*payload), &seconds)) {
    return std::nullopt;
  }
  return absl::Seconds(seconds);
}

}  // namespace pif
