// The report as one CSV table (RFC 4180, CRLF, header row first), one row per figure, so a
// spreadsheet or a script can filter it by `record_type`:
//
//   indicator      an indicator's headline (its total row): N, D, value, unknown, polarity,
//                  previous_value and change
//   breakdown      one breakdown cell of that indicator (dimension, category as coded)
//   supplementary  a figure reported alongside it (category = its machine name, label = its
//                  label; a count in `numerator`, a measure in `value` with `unit`); the
//                  workforce figures' bands are breakdown rows, 7.3's days per FTE an
//                  indicator row with unit `days lost per FTE`
//   trend          one period of the indicator's trend (period_from/period_to are that period)
//   note           a data-quality note (code = the indicator it concerns, empty for the whole
//                  report; category = the note's code; numerator = the number it is about)
//   self_evaluation  10.1: one area's latest evaluation (category = the area evaluated, label =
//                  its title, grade ..., result_id = the evaluation's eval_id); an area not
//                  evaluated has an empty grade and message `not evaluated`
//   grade_count    10.1: areas at one grade (numerator) of the areas evaluated (denominator)
//   median_grade   10.1: the median grade of the evaluated areas in `value` (empty when none
//                  is evaluated), the number evaluated in `denominator`
//
// Self-evaluation rows are in the same table (not a separate section) so the file stays one
// rectangular table any CSV reader takes whole.
//
// Cells: a suppressed count is `c` and its `*_suppressed` column says `primary` or
// `secondary`; a value withheld for disclosure is `c`, one with no denominator is empty, and
// `value_withheld` gives the reason (`numerator_suppressed`, `denominator_under_threshold`,
// `no_denominator`); a count or value the figure does not have is empty. Values have exactly one
// decimal. Provenance columns (definition_version, intake_data_version, workforce_data_version,
// definitions_version, computed_at, result_id) come from the figure's own source.
//
// Text that came from outside pif (titles, categories, evidence ...) and starts with `=`, `+`,
// `-`, `@`, tab or carriage return is written with a leading `'`, so a spreadsheet does not run
// it as a formula (the JSON rendering carries every text verbatim).
#pragma once

#include <string>
#include <vector>

#include "pif/reporting/v1/report.pb.h"

namespace pif::report_render {

// The columns of the CSV rendering, in order.
const std::vector<std::string>& CsvColumns();

// The report as CSV text (header row, then the rows described above in reading order).
std::string RenderCsv(const reporting::v1::Report& report);

}  // namespace pif::report_render
