// Fixed, locale-free text for the figures, dates and vocabulary of a report, shared by the HTML
// and CSV renderers so both spell every figure the same way.
#pragma once

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "google/protobuf/timestamp.pb.h"
#include "pif/common/v1/date.pb.h"
#include "pif/common/v1/disclosure.pb.h"
#include "pif/common/v1/framework.pb.h"
#include "pif/common/v1/results.pb.h"
#include "pif/reporting/framework/framework.h"
#include "pif/reporting/v1/report.pb.h"

namespace pif::report_render {

// `value` rounded half away from zero to one decimal and written with exactly one ("12.5",
// "-0.5", "0.0"), whatever the C locale; "n/a" for a value that is not finite.
std::string OneDecimal(double value);

// `value` with thousands separated by commas ("12,345", "-1,000", "7").
std::string GroupedInteger(int64_t value);

// "2024-07-31".
std::string IsoDate(const common::v1::Date& date);

// "31 July 2024".
std::string LongDate(const common::v1::Date& date);

// "1 August 2023 to 31 July 2024".
std::string PeriodText(const common::v1::Period& period);

// A short label for a chart axis: "2023/24" when the period spans two years, "Jul 2024" (the
// last day's month) otherwise.
std::string PeriodShortLabel(const common::v1::Period& period);

// "2024-09-01 10:00:00 UTC"; "not recorded" for an unset (zero) timestamp.
std::string TimestampText(const google::protobuf::Timestamp& timestamp);

// "Higher is better", "Lower is better", "Neither direction is better", "Not stated".
std::string PolarityText(common::v1::Polarity polarity);

// The SHANARRI heading as the framework writes it ("Respected and responsible"); empty for none.
// One definition, the framework's.
using reporting::ThemeTitle;

// "primary" or "secondary"; empty when not suppressed.
std::string SuppressionCode(common::v1::SuppressionReason reason);

// "no_denominator", "numerator_suppressed" or "denominator_under_threshold"; empty when not
// withheld.
std::string WithholdCode(common::v1::WithholdReason reason);

// Why a value is not given, as a clause for a reader ("the denominator is under the threshold
// for publication").
std::string WithholdSentence(common::v1::WithholdReason reason);

// "improved", "worse", "same", "moved", "not_comparable": the change as a CSV code.
std::string ChangeCode(reporting::v1::Change change);

// A breakdown dimension as a heading ("Age band", "Length of service (years)").
std::string DimensionTitle(absl::string_view dimension);

// A breakdown category for a reader: well-known codes spelt out ("F" of sex is "Female",
// `NOT_RECORDED` is "Not recorded"), anything else as given.
std::string CategoryLabel(absl::string_view dimension, absl::string_view category);

// The unit of an indicator's headline measure ("days lost per FTE" for 7.3a/b/c); empty when
// the catalogue gives none.
std::string HeadlineMeasureUnit(absl::string_view code);

// A headline, cell or trend figure of either kind (percentage or measure), whichever the
// message carries.
struct Figure {
  enum class State { kAbsent, kValue, kWithheld };
  State state = State::kAbsent;
  bool percentage = false;
  double value = 0;
  common::v1::WithholdReason withheld = common::v1::WITHHOLD_REASON_UNSPECIFIED;
};

// The figure of an IndicatorResult, BreakdownCell or TrendPoint (all three carry the same
// `figure` oneof of `value` and `measure`).
template <typename Message>
Figure FigureOf(const Message& message) {
  Figure figure;
  if (message.has_value()) {
    figure.percentage = true;
    if (message.value().percentage_case() == common::v1::Percentage::kValue) {
      figure.state = Figure::State::kValue;
      figure.value = message.value().value();
    } else {
      figure.state = Figure::State::kWithheld;
      figure.withheld = message.value().withheld();
    }
  } else if (message.has_measure()) {
    if (message.measure().measure_case() == common::v1::Measure::kValue) {
      figure.state = Figure::State::kValue;
      figure.value = message.measure().value();
    } else {
      figure.state = Figure::State::kWithheld;
      figure.withheld = message.measure().withheld();
    }
  }
  return figure;
}

// A supplementary figure's measure (never a percentage).
Figure FigureOfMeasure(const common::v1::Measure& measure);

// The figure as shown: "12.5%" (percentage), "8.4" (measure, no unit), "c" (withheld for
// disclosure control), an en dash (no denominator, or no figure at all).
std::string FigureText(const Figure& figure);

// The figure as a text alternative reads it: "12.5%", "8.4", "withheld (c)", "no value".
std::string FigureSpoken(const Figure& figure);

// Whether a withheld figure is hidden by disclosure control (shown as `c`) rather than having
// no value at all (no denominator).
bool WithheldForDisclosure(common::v1::WithholdReason reason);

}  // namespace pif::report_render
