// Prints computed figures (pif.common.v1 Provenance and IndicatorResult) as JSON, CSV or an
// aligned table: the same shape for `pifctl indicators` and `pifctl workforce`.
#pragma once

#include <ostream>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "nlohmann/json.hpp"
#include "pif/common/v1/results.pb.h"

namespace pif::ctl {

// How figures are printed.
enum class OutputFormat { kJson, kCsv, kTable };

// Parses "json", "csv" or "table"; INVALID_ARGUMENT otherwise.
absl::StatusOr<OutputFormat> ParseOutputFormat(absl::string_view text);

// The figures of one computation.
struct ResultsView {
  const common::v1::Provenance* provenance = nullptr;
  const google::protobuf::RepeatedPtrField<common::v1::IndicatorResult>* results = nullptr;
};

// The JSON document: {council, period:{from,to}, data_version, definitions_version,
// indicators:[{code, title, numerator, denominator, value, unknown, polarity,
// breakdowns:[{dimension, category, numerator, denominator, value}]}]}. A count is a number, or
// {"suppressed": "primary"|"secondary"}; a value is a number, null when there is no denominator,
// or {"withheld": "numerator_suppressed"|"denominator_under_threshold"}; a count or value the
// figure does not have is null.
nlohmann::ordered_json ResultsJson(const ResultsView& view);

// Writes the figures in `format`: JSON (the document above, indented, then a newline), CSV (a
// header then one row per indicator and per breakdown cell; suppressed counts and withheld values
// are `c`, a value without denominator is empty) or a table for a terminal.
void WriteResults(std::ostream& out, OutputFormat format, const ResultsView& view);

}  // namespace pif::ctl
