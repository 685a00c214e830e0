// The JSON the submission store keeps in its tables: a rejection's errors and received cells,
// and a batch's summary (returned unchanged when the batch id is sent again).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "pif/core/domain_status.h"
#include "pif/core/safe_text.h"
#include "pif/submission/summary.h"

namespace pif::submission::internal {

// Received text is kept as close to verbatim as the database allows (pif/core/safe_text.h).
using ::pif::SafeText;

// [{"field", "rule_code", "message"}, ...]
std::string ErrorsToJson(const std::vector<FieldViolation>& errors);
// The errors of ErrorsToJson; INTERNAL when the text is not that.
absl::StatusOr<std::vector<FieldViolation>> ErrorsFromJson(const std::string& json);

// [[name, text], ...] in the order given.
std::string CellsToJson(const std::vector<std::pair<std::string, std::string>>& cells);
// The cells of CellsToJson; INTERNAL when the text is not that.
absl::StatusOr<std::vector<std::pair<std::string, std::string>>> CellsFromJson(
    const std::string& json);

// The whole summary, times as microseconds since the epoch; `replayed` is not kept.
std::string SummaryToJson(const BatchSummary& summary);
// The summary of SummaryToJson (replayed false); INTERNAL when the text is not that.
absl::StatusOr<BatchSummary> SummaryFromJson(const std::string& json);

// Microseconds since the epoch, the form times travel in to and from SQL.
int64_t ToMicros(absl::Time time);
absl::Time FromMicros(int64_t micros);
// SQL turning a bigint of microseconds into timestamptz, e.g. MicrosToTimestamp("$3").
std::string MicrosToTimestamp(const std::string& expr);
// SQL turning a timestamptz into a bigint of microseconds.
std::string TimestampToMicros(const std::string& expr);

}  // namespace pif::submission::internal
