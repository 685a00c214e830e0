// The stored form of a set of workforce figures (column computed_results.figures): a
// pif.workforce.v1.ComputeWorkforceResponse without provenance in protobuf's JSON form (field
// names as in the .proto, int64 as strings, enums by name, empty fields left out), the form the
// service has always stored. Written and read here without protobuf, so the store links none and
// rows written before and after this code read the same.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "pif/workforce/domain/workforce_figures.h"

namespace pif::workforce {

// The figures as stored JSON text.
std::string FiguresToJson(const FigureSet& set);

// Reads stored JSON text back (as FiguresToJson or protobuf wrote it); DATA_LOSS when it is not
// in that form. A denominator "suppressed" or "under the threshold" both read back as under the
// threshold: the contract has one reason for both.
absl::StatusOr<FigureSet> FiguresFromJson(const std::string& text);

}  // namespace pif::workforce
