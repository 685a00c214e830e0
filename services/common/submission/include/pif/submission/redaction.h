// Redaction of what the store keeps of a rejected record once it must no longer hold values (its
// correction was accepted, or its person was erased): the names, rule codes and positions stay,
// every value goes.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "pif/core/domain_status.h"

namespace pif::submission {

// The text that replaces a redacted value.
inline constexpr char kRedacted[] = "[redacted]";

// The column name of a person's id in the schemas that hold people (intake's records).
inline constexpr char kPersonColumn[] = "person_id";

// `cells` with every text replaced by kRedacted (names and order kept).
std::vector<std::pair<std::string, std::string>> RedactedCells(
    const std::vector<std::pair<std::string, std::string>>& cells);

// `errors` with every message replaced by kRedacted (fields and rule codes kept).
std::vector<FieldViolation> RedactedErrors(const std::vector<FieldViolation>& errors);

}  // namespace pif::submission
