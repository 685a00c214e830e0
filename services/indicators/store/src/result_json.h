// The stored form of a result set's figures and notes: JSON that reads back into exactly the
// structs that were written, so a stored set renders byte for byte as it did when computed.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/indicators/domain/computed_results.h"

namespace pif::indicators {

// The results as JSON text (percentages kept as whole tenths, so they read back exactly).
std::string ResultsToJson(const std::vector<IndicatorFigures>& results);
// Reads ResultsToJson's text back; DATA_LOSS when it is not in that form.
absl::StatusOr<std::vector<IndicatorFigures>> ResultsFromJson(const std::string& text);

// The notes as JSON text.
std::string NotesToJson(const std::vector<DataQualityNote>& notes);
// Reads NotesToJson's text back; DATA_LOSS when it is not in that form.
absl::StatusOr<std::vector<DataQualityNote>> NotesFromJson(const std::string& text);

}  // namespace pif::indicators
