#include "fixture_report.h"

#include <cmath>
#include <cstdint>
#include <vector>

#include "absl/strings/str_cat.h"

namespace pif::report_render::testing {
namespace {

using common::v1::BreakdownCell;
using common::v1::Count;
using common::v1::IndicatorResult;
using common::v1::Percentage;
using common::v1::Period;
using common::v1::Polarity;
using reporting::v1::Area;
using reporting::v1::IndicatorEntry;
using reporting::v1::Report;
using reporting::v1::TrendPoint;

constexpr int kCurrentYear = 2024;  // the CLAS year 2023/24
constexpr Polarity kHigher = common::v1::POLARITY_HIGHER_IS_BETTER;
constexpr Polarity kLower = common::v1::POLARITY_LOWER_IS_BETTER;
constexpr Polarity kNeutral = common::v1::POLARITY_NEUTRAL;

Period ClasYear(int end_year) {
  Period period;
  period.mutable_first_day()->set_year(end_year - 1);
  period.mutable_first_day()->set_month(8);
  period.mutable_first_day()->set_day(1);
  period.mutable_last_day()->set_year(end_year);
  period.mutable_last_day()->set_month(7);
  period.mutable_last_day()->set_day(31);
  return period;
}

std::string IndicatorsSource(int end_year) { return absl::StrCat("ind-", end_year, "-0001"); }
std::string WorkforceSource(int end_year) { return absl::StrCat("wf-", end_year, "-0001"); }

Count Shown(int64_t value) {
  Count count;
  count.set_value(value);
  return count;
}

Count Suppressed(common::v1::SuppressionReason reason) {
  Count count;
  count.set_suppressed(reason);
  return count;
}

Percentage Pct(double value) {
  Percentage percentage;
  percentage.set_value(value);
  return percentage;
}

Percentage Withheld(common::v1::WithholdReason reason) {
  Percentage percentage;
  percentage.set_withheld(reason);
  return percentage;
}

double PercentOf(int64_t n, int64_t d) { return std::round(1000.0 * n / d) / 10.0; }

// A cell with shown counts and their percentage.
BreakdownCell Cell(const std::string& dimension, const std::string& category, int64_t n,
                   int64_t d) {
  BreakdownCell cell;
  cell.set_dimension(dimension);
  cell.set_category(category);
  *cell.mutable_numerator() = Shown(n);
  *cell.mutable_denominator() = Shown(d);
  *cell.mutable_value() =
      d == 0 ? Withheld(common::v1::WITHHOLD_REASON_NO_DENOMINATOR) : Pct(PercentOf(n, d));
  return cell;
}

BreakdownCell HiddenCell(const std::string& dimension, const std::string& category, const Count& n,
                         const Count& d, common::v1::WithholdReason reason) {
  BreakdownCell cell;
  cell.set_dimension(dimension);
  cell.set_category(category);
  *cell.mutable_numerator() = n;
  *cell.mutable_denominator() = d;
  *cell.mutable_value() = Withheld(reason);
  return cell;
}

// A trend point of a percentage indicator.
TrendPoint Point(int end_year, int64_t n, int64_t d, const std::string& definition_version,
                 const std::string& source) {
  TrendPoint point;
  *point.mutable_period() = ClasYear(end_year);
  *point.mutable_numerator() = Shown(n);
  *point.mutable_denominator() = Shown(d);
  *point.mutable_value() = Pct(PercentOf(n, d));
  point.set_definition_version(definition_version);
  point.set_result_id(source);
  return point;
}

reporting::v1::Change ChangeOf(double previous, double current, Polarity polarity) {
  if (absl::StrCat(std::llround(previous * 10)) == absl::StrCat(std::llround(current * 10))) {
    return reporting::v1::CHANGE_SAME;
  }
  if (polarity == kNeutral) return reporting::v1::CHANGE_MOVED;
  const bool up = current > previous;
  return up == (polarity == kHigher) ? reporting::v1::CHANGE_IMPROVED
                                     : reporting::v1::CHANGE_WORSENED;
}

IndicatorEntry Entry(const std::string& code, const std::string& title, Polarity polarity,
                     const std::string& source) {
  IndicatorEntry entry;
  IndicatorResult* result = entry.mutable_result();
  result->set_code(code);
  result->set_title(title);
  result->set_polarity(polarity);
  result->set_definition_version("1");
  entry.set_result_id(source);
  return entry;
}

// A percentage indicator with five years of trend, N and D for each year oldest first (the last
// is the current year), and the previous year and change filled in.
IndicatorEntry PercentEntry(const std::string& code, const std::string& title, Polarity polarity,
                            const std::vector<std::pair<int64_t, int64_t>>& years,
                            int64_t unknown) {
  IndicatorEntry entry = Entry(code, title, polarity, IndicatorsSource(kCurrentYear));
  const auto [n, d] = years.back();
  IndicatorResult* result = entry.mutable_result();
  *result->mutable_numerator() = Shown(n);
  *result->mutable_denominator() = Shown(d);
  *result->mutable_unknown() = Shown(unknown);
  *result->mutable_value() =
      d == 0 ? Withheld(common::v1::WITHHOLD_REASON_NO_DENOMINATOR) : Pct(PercentOf(n, d));
  const int first_year = kCurrentYear - static_cast<int>(years.size()) + 1;
  for (size_t i = 0; i < years.size(); ++i) {
    const int year = first_year + static_cast<int>(i);
    if (years[i].second == 0) {
      TrendPoint* point = entry.add_trend_points();
      *point->mutable_period() = ClasYear(year);
      *point->mutable_numerator() = Shown(0);
      *point->mutable_denominator() = Shown(0);
      *point->mutable_value() = Withheld(common::v1::WITHHOLD_REASON_NO_DENOMINATOR);
      point->set_definition_version("1");
      point->set_result_id(IndicatorsSource(year));
      continue;
    }
    *entry.add_trend_points() =
        Point(year, years[i].first, years[i].second, "1", IndicatorsSource(year));
  }
  if (years.size() >= 2) {
    *entry.mutable_previous() = entry.trend_points(entry.trend_points_size() - 2);
    const auto [pn, pd] = years[years.size() - 2];
    entry.set_change(pd == 0 || d == 0 ? reporting::v1::CHANGE_NOT_COMPARABLE
                                       : ChangeOf(PercentOf(pn, pd), PercentOf(n, d), polarity));
  } else {
    entry.set_change(reporting::v1::CHANGE_NOT_COMPARABLE);
  }
  return entry;
}

// An ordinary indicator: plausible figures that move a little each year, split by sex.
IndicatorEntry GenericEntry(const std::string& code, const std::string& title, Polarity polarity,
                            int seed) {
  std::vector<std::pair<int64_t, int64_t>> years;
  for (int i = 0; i < 5; ++i) {
    const int64_t d = 60 + (seed * 37 + i * 11) % 190;
    const int64_t rate = 25 + (seed * 13 + i * ((seed % 3) + 2)) % 60;
    years.push_back({d * rate / 100, d});
  }
  IndicatorEntry entry = PercentEntry(code, title, polarity, years, seed % 4);
  const auto [n, d] = years.back();
  *entry.mutable_result()->add_breakdowns() = Cell("sex", "F", n / 2, d / 2);
  *entry.mutable_result()->add_breakdowns() = Cell("sex", "M", n - n / 2, d - d / 2);
  return entry;
}

IndicatorEntry RepeatReferral() {
  IndicatorEntry entry =
      PercentEntry(kRepeatReferral, "Repeat child protection referral within 12 months", kLower,
                   {{10, 110}, {13, 114}, {0, 0}, {12, 120}, {15, 120}}, 3);
  // 2021/22 was withheld in publication (the numerator was small).
  TrendPoint* withheld = entry.mutable_trend_points(2);
  *withheld->mutable_numerator() = Suppressed(common::v1::SUPPRESSION_REASON_PRIMARY);
  *withheld->mutable_denominator() = Shown(9);
  *withheld->mutable_value() = Withheld(common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED);
  IndicatorResult* result = entry.mutable_result();
  *result->add_breakdowns() = Cell("sex", "F", 8, 61);
  *result->add_breakdowns() = Cell("sex", "M", 7, 55);
  *result->add_breakdowns() =
      HiddenCell("sex", "NK", Shown(0), Suppressed(common::v1::SUPPRESSION_REASON_PRIMARY),
                 common::v1::WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD);
  *result->add_breakdowns() =
      HiddenCell("age_band", "0-4", Suppressed(common::v1::SUPPRESSION_REASON_PRIMARY), Shown(30),
                 common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED);
  *result->add_breakdowns() =
      HiddenCell("age_band", "5-11", Suppressed(common::v1::SUPPRESSION_REASON_SECONDARY),
                 Shown(50), common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED);
  *result->add_breakdowns() = Cell("age_band", "12-15", 6, 30);
  *result->add_breakdowns() = Cell("age_band", "16+", 0, 10);
  *result->add_breakdowns() = Cell("locality", kHostileLocality, 9, 70);
  *result->add_breakdowns() = Cell("locality", "Eastfield", 6, 50);
  common::v1::DataQualityNote* note = entry.add_notes();
  note->set_code("UNKNOWN_VALUES");
  note->set_message("3 referrals were left out: the child's date of birth was not recorded.");
  note->set_indicator_code(kRepeatReferral);
  note->set_count(3);
  return entry;
}

IndicatorEntry Pregnancies() {
  IndicatorEntry entry =
      Entry(kPregnancies, "Pregnancies aged 13-15", kLower, IndicatorsSource(kCurrentYear));
  IndicatorResult* result = entry.mutable_result();
  *result->mutable_numerator() = Suppressed(common::v1::SUPPRESSION_REASON_PRIMARY);
  *result->mutable_denominator() = Shown(14);
  *result->mutable_unknown() = Shown(0);
  *result->mutable_value() = Withheld(common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED);
  common::v1::SupplementaryFigure* incidents = result->add_supplementary();
  incidents->set_name("pregnancy_incident_count");
  incidents->set_label("Pregnancies recorded");
  *incidents->mutable_count() = Suppressed(common::v1::SUPPRESSION_REASON_PRIMARY);
  for (int year = kCurrentYear - 4; year <= kCurrentYear; ++year) {
    TrendPoint* point = entry.add_trend_points();
    *point->mutable_period() = ClasYear(year);
    *point->mutable_numerator() = Suppressed(common::v1::SUPPRESSION_REASON_PRIMARY);
    *point->mutable_denominator() = Shown(12 + year % 4);
    *point->mutable_value() = Withheld(common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED);
    point->set_definition_version("1");
    point->set_result_id(IndicatorsSource(year));
  }
  *entry.mutable_previous() = entry.trend_points(3);
  entry.set_change(reporting::v1::CHANGE_NOT_COMPARABLE);
  return entry;
}

IndicatorEntry TrustedAdult() {
  IndicatorEntry entry =
      PercentEntry(kTrustedAdult, "Looked-after children with a trusted adult", kHigher,
                   {{40, 52}, {44, 55}, {47, 60}, {50, 61}, {58, 70}}, 0);
  entry.mutable_result()->set_definition_version("2");
  entry.mutable_trend_points(4)->set_definition_version("2");
  entry.set_change(reporting::v1::CHANGE_NOT_COMPARABLE);
  *entry.mutable_result()->add_breakdowns() = Cell("respondent", "CHILD", 58, 70);
  common::v1::DataQualityNote* note = entry.add_notes();
  note->set_code("DEFINITION_CHANGED");
  note->set_message(
      "The definition changed in 2023/24 (version 2): earlier years are not comparable.");
  note->set_indicator_code(kTrustedAdult);
  return entry;
}

IndicatorEntry ServiceLength(const std::string& code, const std::string& title, bool hidden) {
  IndicatorEntry entry = Entry(code, title, kNeutral, WorkforceSource(kCurrentYear));
  IndicatorResult* result = entry.mutable_result();
  const int64_t headcount = hidden ? 64 : 41;
  *result->mutable_denominator() = Shown(headcount);
  *result->mutable_unknown() = Shown(0);
  const std::vector<std::pair<std::string, int64_t>> bands =
      hidden ? std::vector<std::pair<std::string, int64_t>>{{"<1", 7},      {"1-<2", 9},
                                                            {"2-<5", 16},   {"5-<10", 15},
                                                            {"10-<20", 12}, {"20+", 5}}
             : std::vector<std::pair<std::string, int64_t>>{
                   {"<1", 6}, {"1-<2", 8}, {"2-<5", 11}, {"5-<10", 8}, {"10-<20", 8}, {"20+", 0}};
  for (const auto& [band, count] : bands) {
    if (hidden && band == "20+") {
      *result->add_breakdowns() = HiddenCell(
          "length_of_service_band", band, Suppressed(common::v1::SUPPRESSION_REASON_PRIMARY),
          Shown(headcount), common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED);
    } else if (hidden && band == "<1") {
      *result->add_breakdowns() = HiddenCell(
          "length_of_service_band", band, Suppressed(common::v1::SUPPRESSION_REASON_SECONDARY),
          Shown(headcount), common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED);
    } else {
      *result->add_breakdowns() = Cell("length_of_service_band", band, count, headcount);
    }
  }
  common::v1::SupplementaryFigure* median = result->add_supplementary();
  median->set_name("median_years");
  median->set_label("Median length of service (years)");
  median->mutable_measure()->set_value(hidden ? 4.8 : 3.9);
  median->set_unit("years");
  common::v1::SupplementaryFigure* agency = result->add_supplementary();
  agency->set_name("agency_headcount");
  agency->set_label("Agency staff in post at the census date");
  *agency->mutable_count() = hidden ? Suppressed(common::v1::SUPPRESSION_REASON_PRIMARY) : Shown(0);
  for (int year = kCurrentYear - 4; year <= kCurrentYear; ++year) {
    TrendPoint* point = entry.add_trend_points();
    *point->mutable_period() = ClasYear(year);
    *point->mutable_denominator() = Shown(headcount - (kCurrentYear - year) * 2);
    point->set_definition_version("1");
    point->set_result_id(WorkforceSource(year));
  }
  *entry.mutable_previous() = entry.trend_points(3);
  entry.set_change(reporting::v1::CHANGE_NOT_COMPARABLE);
  return entry;
}

IndicatorEntry DaysLost(const std::string& code, const std::string& title,
                        const std::vector<double>& years, double fte) {
  IndicatorEntry entry = Entry(code, title, kLower, WorkforceSource(kCurrentYear));
  IndicatorResult* result = entry.mutable_result();
  result->mutable_measure()->set_value(years.back());
  const auto measure = [&](const std::string& name, const std::string& label, double value,
                           const std::string& unit) {
    common::v1::SupplementaryFigure* figure = result->add_supplementary();
    figure->set_name(name);
    figure->set_label(label);
    figure->mutable_measure()->set_value(value);
    figure->set_unit(unit);
  };
  measure("sick_fte_days_lost", "Working days lost to sickness (FTE days)",
          std::round(years.back() * fte * 10) / 10, "FTE days");
  measure("mean_fte", "Mean FTE in post", fte, "FTE");
  measure("other_unplanned_fte_days_lost",
          "Working days lost to other unplanned absence (FTE days)", 61.0, "FTE days");
  for (size_t i = 0; i < years.size(); ++i) {
    const int year = kCurrentYear - static_cast<int>(years.size()) + 1 + static_cast<int>(i);
    TrendPoint* point = entry.add_trend_points();
    *point->mutable_period() = ClasYear(year);
    point->mutable_measure()->set_value(years[i]);
    point->set_definition_version("1");
    point->set_result_id(WorkforceSource(year));
  }
  *entry.mutable_previous() = entry.trend_points(entry.trend_points_size() - 2);
  entry.set_change(ChangeOf(years[years.size() - 2], years.back(), kLower));
  return entry;
}

IndicatorEntry Managers() {
  IndicatorEntry entry =
      PercentEntry(kManagers, "Managers with an accredited management qualification", kHigher,
                   {{6, 11}, {7, 11}, {7, 12}, {8, 12}, {9, 12}}, 0);
  entry.set_result_id(WorkforceSource(kCurrentYear));
  for (int i = 0; i < entry.trend_points_size(); ++i) {
    entry.mutable_trend_points(i)->set_result_id(WorkforceSource(kCurrentYear - 4 + i));
  }
  entry.mutable_previous()->set_result_id(WorkforceSource(kCurrentYear - 1));
  IndicatorResult* result = entry.mutable_result();
  *result->add_breakdowns() =
      HiddenCell("manager_level", "TEAM", Suppressed(common::v1::SUPPRESSION_REASON_PRIMARY),
                 Suppressed(common::v1::SUPPRESSION_REASON_PRIMARY),
                 common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED);
  *result->add_breakdowns() =
      HiddenCell("manager_level", "MIDDLE", Suppressed(common::v1::SUPPRESSION_REASON_SECONDARY),
                 Suppressed(common::v1::SUPPRESSION_REASON_SECONDARY),
                 common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED);
  return entry;
}

IndicatorEntry Workforce(const std::string& code, const std::string& title, int seed) {
  IndicatorEntry entry = GenericEntry(code, title, kHigher, seed);
  entry.mutable_result()->clear_breakdowns();
  entry.set_result_id(WorkforceSource(kCurrentYear));
  for (int i = 0; i < entry.trend_points_size(); ++i) {
    entry.mutable_trend_points(i)->set_result_id(WorkforceSource(kCurrentYear - 4 + i));
  }
  entry.mutable_previous()->set_result_id(WorkforceSource(kCurrentYear - 1));
  return entry;
}

struct Listed {
  const char* code;
  const char* title;
  common::v1::ShanarriTheme theme;
  Polarity polarity;
};

IndicatorEntry AreaOneOrTwoEntry(const Listed& listed, int seed) {
  const std::string code = listed.code;
  if (code == kRepeatReferral) return RepeatReferral();
  if (code == kThreePlacements) {
    IndicatorEntry entry = PercentEntry(code, listed.title, listed.polarity,
                                        {{25, 150}, {24, 152}, {26, 158}, {24, 160}, {21, 160}}, 0);
    *entry.mutable_result()->add_breakdowns() = Cell("sex", "F", 10, 77);
    *entry.mutable_result()->add_breakdowns() = Cell("sex", "M", 11, 83);
    return entry;
  }
  if (code == kMissing) {
    return PercentEntry(code, listed.title, listed.polarity,
                        {{2, 80}, {1, 82}, {1, 90}, {0, 88}, {0, 85}}, 0);
  }
  if (code == kPregnancies) return Pregnancies();
  if (code == kEquipment) {
    return PercentEntry(code, listed.title, listed.polarity,
                        {{3, 12}, {2, 9}, {0, 0}, {4, 11}, {0, 0}}, 0);
  }
  if (code == kTrustedAdult) return TrustedAdult();
  return GenericEntry(code, listed.title, listed.polarity, seed);
}

constexpr common::v1::ShanarriTheme kSafe = common::v1::SHANARRI_THEME_SAFE;
constexpr common::v1::ShanarriTheme kNurtured = common::v1::SHANARRI_THEME_NURTURED;
constexpr common::v1::ShanarriTheme kHealthy = common::v1::SHANARRI_THEME_HEALTHY;
constexpr common::v1::ShanarriTheme kAchieving = common::v1::SHANARRI_THEME_ACHIEVING;
constexpr common::v1::ShanarriTheme kActive = common::v1::SHANARRI_THEME_ACTIVE;
constexpr common::v1::ShanarriTheme kRespected =
    common::v1::SHANARRI_THEME_RESPECTED_AND_RESPONSIBLE;
constexpr common::v1::ShanarriTheme kIncluded = common::v1::SHANARRI_THEME_INCLUDED;

const std::vector<Listed>& AreaOneAndTwo() {
  static const std::vector<Listed>* const kListed = new std::vector<Listed>{
      {"1 S.1", "", kSafe, kLower},
      {"1 S.2", "Looked after children missing for 24 hours or more", kSafe, kLower},
      {"1 S.3", "High-risk behaviour, effective support", kSafe, kHigher},
      {"1 N.1", "Three or more placements", kNurtured, kLower},
      {"1 N.2", "Kinship carers' support needs met", kNurtured, kHigher},
      {"1 N.3", "Returned home and still there 6 months later", kNurtured, kHigher},
      {"1 N.4", "Consistent social worker", kNurtured, kHigher},
      {"1 N.5a", "Under 5: permanent placement within 12 months", kNurtured, kHigher},
      {"1 N.5b", "5 and over: permanent placement within 24 months", kNurtured, kHigher},
      {"1 N.6", "Siblings placed together", kNurtured, kHigher},
      {"1 N.7", "Planned voluntary support", kNurtured, kHigher},
      {"1 N.8", "Family contact as in the care plan", kNurtured, kHigher},
      {"1 N.9", "Placed outwith registration or approval", kNurtured, kLower},
      {"1 H.1", "Health assessment within 4 weeks", kHealthy, kHigher},
      {"1 H.2", "Health needs met", kHealthy, kHigher},
      {"1 H.3", "Substance misuse", kHealthy, kLower},
      {"1 H.4", "", kHealthy, kLower},
      {"1 H.5", "Suicide, attempted suicide, self-harm", kHealthy, kLower},
      {"1 ACH.1", "Chosen skills improved or maintained", kAchieving, kHigher},
      {"1 ACH.2", "Self-esteem improved or maintained", kAchieving, kHigher},
      {"1 ACH.3(i)", "Attainment on track", kAchieving, kHigher},
      {"1 ACH.3(ii)", "School leavers at SCQF 4 or above", kAchieving, kHigher},
      {"1 ACH.4", "Pre-school development milestones", kAchieving, kHigher},
      {"1 ACT.1", "Regular activities of their choice", kActive, kHigher},
      {"1 R.1", "Assessments that set out the child's wishes", kRespected, kHigher},
      {"1 R.2", "Exit interviews", kRespected, kHigher},
      {"1 R.3", "Became persistent offenders while accommodated", kRespected, kLower},
      {"1 R.4", "Parenting programme completed and skills improved", kRespected, kHigher},
      {"1 INC.1", "Young carers accessing planned support", kIncluded, kHigher},
      {"1 INC.2", "Young carers in education, employment or training", kIncluded, kHigher},
      {"1 INC.3", "Care leavers under 19 homeless in the past year", kIncluded, kLower},
      {"1 INC.4", "Care leavers under 19 in education, employment or training", kIncluded, kHigher},
      {"1 INC.5", "Equipment and adaptations", kIncluded, kHigher},
      {"1 INC.6", "Transition to adult services planned a year ahead", kIncluded, kHigher},
      {"2 S.4", "Feel safe or safer", kSafe, kHigher},
      {"2 N.10", "", kNurtured, kHigher},
      {"2 H.6", "Information, access and care for a healthy life", kHealthy, kHigher},
      {"2 ACH.5", "Can say what they are good at", kAchieving, kHigher},
      {"2 ACT.2", "Regular activity", kActive, kHigher},
      {"2 R.5", "Lives improved by support", kRespected, kHigher},
      {"2 R.6", "Views heard, treated with respect, given responsibility", kRespected, kHigher},
      {"2 R.7", "Parents and carers heard and supported", kRespected, kHigher},
      {"2 INC.7", "Accepted, treated fairly, take part", kIncluded, kHigher},
  };
  return *kListed;
}

const char* ThemeHeading(common::v1::ShanarriTheme theme) {
  switch (theme) {
    case kSafe:
      return "Safe";
    case kNurtured:
      return "Nurtured";
    case kHealthy:
      return "Healthy";
    case kAchieving:
      return "Achieving";
    case kActive:
      return "Active";
    case kRespected:
      return "Respected and responsible";
    default:
      return "Included";
  }
}

const char* kAreaTitles[] = {"Key outcomes",
                             "Impact on children and families",
                             "Impact on staff",
                             "Impact on the community",
                             "Delivery of key processes",
                             "Policy development and planning",
                             "Management and support of staff",
                             "Resources and capacity building",
                             "Leadership and direction",
                             "Capacity for improvement"};

const char* GradeLabel(int grade) {
  static const char* const kLabels[] = {"",     "Unsatisfactory", "Weak",     "Adequate",
                                        "Good", "Very good",      "Excellent"};
  return kLabels[grade];
}

// The latest evaluation of each area (grade 0 = not evaluated).
reporting::v1::AreaEvaluation Evaluation(int area) {
  static const int kGrades[] = {0, 4, 5, 4, 0, 5, 3, 5, 0, 4, 6};
  reporting::v1::AreaEvaluation evaluation;
  evaluation.set_area(area);
  evaluation.set_area_title(kAreaTitles[area - 1]);
  const int grade = kGrades[area];
  if (grade == 0) return evaluation;
  reporting::v1::SelfEvaluation* latest = evaluation.mutable_self_evaluation();
  latest->set_eval_id(absl::StrCat("SE-2024-", area));
  latest->set_area(area);
  latest->set_qi_ref(absl::StrCat(area, ".1"));
  latest->mutable_eval_date()->set_year(2024);
  latest->mutable_eval_date()->set_month(area <= 5 ? 5 : 6);
  latest->mutable_eval_date()->set_day(10 + area);
  latest->set_grade(grade);
  latest->set_evidence(area == 1   ? kHostileEvidence
                       : area == 2 ? "Children's survey 2024:\nmost felt heard and respected."
                                   : absl::StrCat("Service review and audit of area ", area, "."));
  latest->set_approved_by("Chief Social Work Officer");
  evaluation.set_grade_label(GradeLabel(grade));
  return evaluation;
}

reporting::v1::SelfEvaluationSummary Summary() {
  reporting::v1::SelfEvaluationSummary summary;
  int counts[7] = {0, 0, 0, 0, 0, 0, 0};
  for (int area = 1; area <= 10; ++area) {
    *summary.add_areas() = Evaluation(area);
    if (summary.areas(area - 1).has_self_evaluation()) {
      ++counts[summary.areas(area - 1).self_evaluation().grade()];
    }
  }
  for (int grade = 6; grade >= 1; --grade) {
    reporting::v1::GradeCount* count = summary.add_grade_counts();
    count->set_grade(grade);
    count->set_label(GradeLabel(grade));
    count->set_count(counts[grade]);
  }
  summary.set_evaluated_area_count(kEvaluatedAreas);
  summary.set_median_grade(4.5);
  return summary;
}

common::v1::Provenance Source(const std::string& id, int end_year, bool workforce) {
  common::v1::Provenance source;
  source.set_council(kCouncil);
  *source.mutable_period() = ClasYear(end_year);
  source.set_intake_data_version(workforce ? (end_year == kCurrentYear ? 42 : 0)
                                           : 30 + end_year % 10);
  source.set_workforce_data_version(workforce ? 3 + end_year % 10 : 0);
  source.set_definitions_version(workforce ? "wf-1" : "2024.1");
  source.mutable_computed_at()->set_seconds(1725269400 + (end_year - 2020) * 60);  // 2024-09-02
  source.set_result_id(id);
  source.set_disclosure_mode(common::v1::DISCLOSURE_MODE_PUBLISHED);
  source.mutable_disclosure_policy()->set_council(kCouncil);
  source.mutable_disclosure_policy()->set_min_shown_count(6);
  source.mutable_disclosure_policy()->set_min_denominator(10);
  source.mutable_disclosure_policy()->set_secondary_suppression(true);
  return source;
}

}  // namespace

Report FixtureReport() {
  Report report;
  report.set_council(kCouncil);
  *report.mutable_period() = ClasYear(kCurrentYear);
  report.set_disclosure_mode(common::v1::DISCLOSURE_MODE_PUBLISHED);
  report.mutable_built_at()->set_seconds(1725273000);  // 2024-09-02 10:30:00 UTC

  const std::vector<std::pair<std::string, std::vector<int>>> questions = {
      {"What key outcomes have we achieved?", {1}},
      {"What impact have we had on people who use our services and other stakeholders?", {2, 3, 4}},
      {"How good is our delivery of key processes?", {5}},
      {"How good is our operational management?", {6, 7, 8}},
      {"How good is our strategic leadership?", {9}},
      {"What is our capacity for improvement?", {10}},
  };
  int seed = 0;
  for (size_t q = 0; q < questions.size(); ++q) {
    reporting::v1::KeyQuestion* question = report.add_key_questions();
    question->set_number(static_cast<int>(q) + 1);
    question->set_question(questions[q].first);
    for (int number : questions[q].second) {
      Area* area = question->add_areas();
      area->set_number(number);
      area->set_title(kAreaTitles[number - 1]);
      *area->mutable_self_evaluation() = Evaluation(number);
      if (number == 1 || number == 2) {
        const std::string prefix = absl::StrCat(number, " ");
        for (const Listed& listed : AreaOneAndTwo()) {
          if (std::string(listed.code).rfind(prefix, 0) != 0) continue;
          if (area->theme_groups().empty() ||
              area->theme_groups(area->theme_groups_size() - 1).theme() != listed.theme) {
            reporting::v1::ThemeGroup* group = area->add_theme_groups();
            group->set_theme(listed.theme);
            group->set_title(ThemeHeading(listed.theme));
          }
          *area->mutable_theme_groups(area->theme_groups_size() - 1)->add_indicators() =
              AreaOneOrTwoEntry(listed, ++seed);
        }
      } else if (number == 5) {
        IndicatorEntry assessments =
            PercentEntry("5.1", "Assessments within timescale", kHigher,
                         {{300, 410}, {331, 420}, {350, 455}, {390, 488}, {412, 498}}, 0);
        *area->add_indicators() = assessments;
        IndicatorEntry reviews =
            PercentEntry("5.2", "Review contributions within timescale", kHigher,
                         {{220, 300}, {240, 310}, {236, 305}, {251, 322}, {249, 330}}, 0);
        *reviews.mutable_result()->add_breakdowns() = Cell("review_type", "LAC", 180, 230);
        *reviews.mutable_result()->add_breakdowns() = Cell("review_type", "CP", 69, 100);
        *area->add_indicators() = reviews;
      } else if (number == 7) {
        *area->add_indicators() =
            ServiceLength(kServiceLength, "Length of service, qualified social workers", true);
        *area->add_indicators() =
            ServiceLength("7.2", "Length of service, other fieldwork staff", false);
        *area->add_indicators() =
            DaysLost(kDaysLost, "Working days lost to sickness per FTE, qualified social workers",
                     {10.2, 9.9, 11.0, 9.6, 8.4}, 50.1);
        *area->add_indicators() =
            DaysLost("7.3b", "Working days lost to sickness per FTE, other fieldwork staff",
                     {7.1, 7.4, 6.8, 7.0, 7.3}, 22.4);
        *area->add_indicators() =
            DaysLost("7.3c", "Working days lost to sickness per FTE, residential childcare staff",
                     {12.5, 13.1, 12.0, 12.2, 12.2}, 35.0);
        *area->add_indicators() =
            Workforce("7.4a", "Open cases with an allocated qualified social worker", ++seed);
        *area->add_indicators() = Workforce("7.4b", "Open cases with an allocated worker", ++seed);
        *area->add_indicators() =
            Workforce("7.5", "Suitably qualified (National Training Strategy)", ++seed);
        *area->add_indicators() =
            Workforce("7.6", "Residential staff meeting SSSC qualification requirements", ++seed);
        *area->add_indicators() = Workforce("7.7", "Staff with a CPD plan", ++seed);
      } else if (number == 9) {
        *area->add_indicators() = Managers();
      } else if (number == 10) {
        *area->mutable_self_evaluation_summary() = Summary();
      }
    }
  }

  common::v1::DataQualityNote* note = report.add_notes();
  note->set_code("REJECTIONS_OUTSTANDING");
  note->set_message("312 placement records are still rejected at intake and are not counted.");
  note->set_count(312);

  for (int year = kCurrentYear; year >= kCurrentYear - 4; --year) {
    *report.add_sources() = Source(IndicatorsSource(year), year, false);
  }
  for (int year = kCurrentYear; year >= kCurrentYear - 4; --year) {
    *report.add_sources() = Source(WorkforceSource(year), year, true);
  }
  return report;
}

const IndicatorEntry* FindIndicator(const Report& report, const std::string& code) {
  for (const reporting::v1::KeyQuestion& question : report.key_questions()) {
    for (const Area& area : question.areas()) {
      for (const reporting::v1::ThemeGroup& group : area.theme_groups()) {
        for (const IndicatorEntry& entry : group.indicators()) {
          if (entry.result().code() == code) return &entry;
        }
      }
      for (const IndicatorEntry& entry : area.indicators()) {
        if (entry.result().code() == code) return &entry;
      }
    }
  }
  return nullptr;
}

}  // namespace pif::report_render::testing
