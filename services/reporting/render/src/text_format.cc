#include "text_format.h"

#include <cmath>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/time/time.h"

namespace pif::report_render {
namespace {

constexpr const char* kMonthNames[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};

std::string MonthName(int month) {
  if (month < 1 || month > 12) return absl::StrCat("month ", month);
  return kMonthNames[month - 1];
}

// Largest magnitude written by the integer path of OneDecimal (tenths fit an int64).
constexpr double kLargestTenths = 9.0e17;

}  // namespace

std::string OneDecimal(double value) {
  if (!std::isfinite(value)) return "n/a";
  const double tenths = std::round(value * 10.0);  // half away from zero
  if (std::fabs(tenths) >= kLargestTenths) return absl::StrFormat("%.1f", value);
  const int64_t whole_tenths = static_cast<int64_t>(tenths);
  const int64_t magnitude = whole_tenths < 0 ? -whole_tenths : whole_tenths;
  return absl::StrCat(whole_tenths < 0 ? "-" : "", magnitude / 10, ".", magnitude % 10);
}

std::string GroupedInteger(int64_t value) {
  // The magnitude as unsigned, so the most negative int64 is written too.
  const uint64_t magnitude =
      value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  const std::string digits = absl::StrCat(magnitude);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back(',');
    grouped.push_back(digits[i]);
  }
  return value < 0 ? absl::StrCat("-", grouped) : grouped;
}

std::string IsoDate(const common::v1::Date& date) {
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

std::string LongDate(const common::v1::Date& date) {
  return absl::StrCat(date.day(), " ", MonthName(date.month()), " ", date.year());
}

std::string PeriodText(const common::v1::Period& period) {
  return absl::StrCat(LongDate(period.first_day()), " to ", LongDate(period.last_day()));
}

std::string PeriodShortLabel(const common::v1::Period& period) {
  const common::v1::Date& first = period.first_day();
  const common::v1::Date& last = period.last_day();
  if (first.year() != last.year()) {
    return absl::StrFormat("%d/%02d", first.year(), ((last.year() % 100) + 100) % 100);
  }
  return absl::StrCat(MonthName(last.month()).substr(0, 3), " ", last.year());
}

std::string TimestampText(const google::protobuf::Timestamp& timestamp) {
  if (timestamp.seconds() == 0 && timestamp.nanos() == 0) return "not recorded";
  return absl::FormatTime("%Y-%m-%d %H:%M:%S UTC", absl::FromUnixSeconds(timestamp.seconds()),
                          absl::UTCTimeZone());
}

std::string PolarityText(common::v1::Polarity polarity) {
  switch (polarity) {
    case common::v1::POLARITY_HIGHER_IS_BETTER:
      return "Higher is better";
    case common::v1::POLARITY_LOWER_IS_BETTER:
      return "Lower is better";
    case common::v1::POLARITY_NEUTRAL:
      return "Neither direction is better";
    default:
      return "Not stated";
  }
}

std::string SuppressionCode(common::v1::SuppressionReason reason) {
  switch (reason) {
    case common::v1::SUPPRESSION_REASON_PRIMARY:
      return "primary";
    case common::v1::SUPPRESSION_REASON_SECONDARY:
      return "secondary";
    default:
      return "";
  }
}

std::string WithholdCode(common::v1::WithholdReason reason) {
  switch (reason) {
    case common::v1::WITHHOLD_REASON_NO_DENOMINATOR:
      return "no_denominator";
    case common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED:
      return "numerator_suppressed";
    case common::v1::WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD:
      return "denominator_under_threshold";
    default:
      return "";
  }
}

std::string WithholdSentence(common::v1::WithholdReason reason) {
  switch (reason) {
    case common::v1::WITHHOLD_REASON_NO_DENOMINATOR:
      return "there are no units to count (the denominator is 0)";
    case common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED:
      return "the numerator is suppressed, so the value would reveal it";
    case common::v1::WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD:
      return "the denominator is too small (or suppressed) for a value to be published";
    default:
      return "there is no value";
  }
}

std::string ChangeCode(reporting::v1::Change change) {
  switch (change) {
    case reporting::v1::CHANGE_IMPROVED:
      return "improved";
    case reporting::v1::CHANGE_WORSENED:
      return "worse";
    case reporting::v1::CHANGE_SAME:
      return "same";
    case reporting::v1::CHANGE_MOVED:
      return "moved";
    default:
      return "not_comparable";
  }
}

std::string DimensionTitle(absl::string_view dimension) {
  if (dimension == "sex") return "Sex";
  if (dimension == "age_band") return "Age band";
  if (dimension == "ethnic_group") return "Ethnic group";
  if (dimension == "disability") return "Disability";
  if (dimension == "locality") return "Locality";
  if (dimension == "review_type") return "Review type";
  if (dimension == "respondent") return "Respondent";
  if (dimension == "length_of_service_band") return "Length of service (years)";
  if (dimension == "manager_level") return "Manager level";
  if (dimension == "incident_type") return "Incident type";
  std::string title = absl::StrReplaceAll(dimension, {{"_", " "}});
  if (!title.empty()) title[0] = absl::ascii_toupper(static_cast<unsigned char>(title[0]));
  return title;
}

std::string CategoryLabel(absl::string_view dimension, absl::string_view category) {
  if (category == "NOT_RECORDED") return "Not recorded";
  if (category == "NK") return "Not known";
  if (dimension == "sex") {
    if (category == "F") return "Female";
    if (category == "M") return "Male";
  }
  if (dimension == "disability") {
    if (category == "Y") return "Disabled";
    if (category == "N") return "Not disabled";
  }
  if (dimension == "age_band" && category == "unborn") return "Unborn";
  if (dimension == "respondent") {
    if (category == "CHILD") return "Children";
    if (category == "PARENT_CARER") return "Parents and carers";
  }
  return std::string(category);
}

std::string HeadlineMeasureUnit(absl::string_view code) {
  if (code.substr(0, 3) == "7.3") return "days lost per FTE";
  return "";
}

bool WithheldForDisclosure(common::v1::WithholdReason reason) {
  return reason == common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED ||
         reason == common::v1::WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD;
}

Figure FigureOfMeasure(const common::v1::Measure& measure) {
  Figure figure;
  if (measure.measure_case() == common::v1::Measure::kValue) {
    figure.state = Figure::State::kValue;
    figure.value = measure.value();
  } else if (measure.measure_case() == common::v1::Measure::kWithheld) {
    figure.state = Figure::State::kWithheld;
    figure.withheld = measure.withheld();
  }
  return figure;
}

std::string FigureText(const Figure& figure) {
  switch (figure.state) {
    case Figure::State::kValue:
      return absl::StrCat(OneDecimal(figure.value), figure.percentage ? "%" : "");
    case Figure::State::kWithheld:
      return WithheldForDisclosure(figure.withheld) ? "c" : "\u2013";
    case Figure::State::kAbsent:
      break;
  }
  return "\u2013";
}

std::string FigureSpoken(const Figure& figure) {
  switch (figure.state) {
    case Figure::State::kValue:
      return FigureText(figure);
    case Figure::State::kWithheld:
      return WithheldForDisclosure(figure.withheld) ? "withheld (c)" : "no value";
    case Figure::State::kAbsent:
      break;
  }
  return "no value";
}

}  // namespace pif::report_render
