// A hand-built report of one council and CLAS year in the shape the reporting service builds:
// all six key questions and ten areas, every indicator of areas 1 and 2 under its SHANARRI
// heading, 5.1 and 5.2, the workforce figures of areas 7 and 9, and 10.1. It holds the cases a
// renderer must get right; the constants below name them so tests check exact values.
#pragma once

#include <cstddef>
#include <string>

#include "pif/reporting/v1/report.pb.h"

namespace pif::report_render::testing {

inline constexpr char kCouncil[] = "S12000099";

// 1 S.1: value 12.5% (N 15, D 120, unknown 3), previous 10.0%, lower is better: worse. Its sex
// breakdown has a `NK` cell whose denominator is suppressed (primary) and whose numerator is 0;
// its age band breakdown has `0-4` with the numerator suppressed (primary) and `5-11` with the
// numerator suppressed (secondary); its locality breakdown has a council's own text with markup.
inline constexpr char kRepeatReferral[] = "1 S.1";
// 1 N.1: 13.1% (N 21, D 160), previous 15.0%, lower is better: improved.
inline constexpr char kThreePlacements[] = "1 N.1";
// 1 S.2: 0.0% (N 0, D 85), previous 0.0%: same.
inline constexpr char kMissing[] = "1 S.2";
// 1 H.4: numerator suppressed (primary), D 14, value withheld (numerator suppressed).
inline constexpr char kPregnancies[] = "1 H.4";
// 1 INC.5: D 0, value withheld for no denominator.
inline constexpr char kEquipment[] = "1 INC.5";
// 2 N.10: definition version 2 this year, 1 before: not comparable.
inline constexpr char kTrustedAdult[] = "2 N.10";
// 7.1: no headline value; headcount 64; bands with `20+` suppressed (primary) and `<1`
// suppressed (secondary); median 4.8 years; agency headcount suppressed.
inline constexpr char kServiceLength[] = "7.1";
// 7.3a: 8.4 days lost per FTE, previous 9.6: improved.
inline constexpr char kDaysLost[] = "7.3a";
// 9.1: 75.0% (N 9, D 12), by manager level.
inline constexpr char kManagers[] = "9.1";

// The evidence of area 1's evaluation: free text with markup that must never run.
inline constexpr char kHostileEvidence[] =
    "Case file audit (n=120) & \"Signs of Safety\" review <script>alert('pif')</script>";
// The locality category of 1 S.1 with markup in it.
inline constexpr char kHostileLocality[] = "Kirkton & Glen <b>North</b>";

// 10.1: eight areas evaluated (areas 4 and 8 not), median 4.5.
inline constexpr int kEvaluatedAreas = 8;

// The number of indicators in the report (areas 1, 2, 5, 7 and 9).
inline constexpr int kIndicatorCount = 56;

// The report described above (PUBLISHED, with its sources).
reporting::v1::Report FixtureReport();

// The indicator with `code` in `report`, or null.
const reporting::v1::IndicatorEntry* FindIndicator(const reporting::v1::Report& report,
                                                   const std::string& code);

// How many times `needle` occurs in `text`, overlapping occurrences included.
inline int Occurrences(const std::string& text, const std::string& needle) {
  int count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

}  // namespace pif::report_render::testing
