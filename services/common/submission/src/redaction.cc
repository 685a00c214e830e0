#include "pif/submission/redaction.h"

namespace pif::submission {

std::vector<std::pair<std::string, std::string>> RedactedCells(
    const std::vector<std::pair<std::string, std::string>>& cells) {
  std::vector<std::pair<std::string, std::string>> redacted;
  redacted.reserve(cells.size());
  for (const auto& [name, text] : cells) redacted.emplace_back(name, kRedacted);
  return redacted;
}

std::vector<FieldViolation> RedactedErrors(const std::vector<FieldViolation>& errors) {
  std::vector<FieldViolation> redacted = errors;
  for (FieldViolation& error : redacted) error.message = kRedacted;
  return redacted;
}

}  // namespace pif::submission
