#include "pif/workforce/domain/figure_catalogue.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "pif/workforce/domain/figure_names.h"

namespace pif::workforce {
namespace {

using figures::Polarity;

constexpr char kInPost[] =
    " In post at d: a staff row covers d ([valid_from, valid_to)); the row in force on the day "
    "in question decides the role and every other field.";

FigureDefinition LengthOfService(std::string code, std::string title, const std::string& role) {
  FigureDefinition d;
  d.code = std::move(code);
  d.title = std::move(title);
  d.polarity = Polarity::kNeutral;
  d.definition_version = "1";
  d.definition = absl::StrCat(
      role,
      " EMPLOYEE staff in post at CD; service = CD - service_start_date in completed years (a 29 "
      "February start has its anniversary on 1 March in other years); headcount and % in the "
      "bands <1, 1-<2, 2-<5, 5-<10, 10-<20, 20+ years (a start after CD is <1), and the median "
      "service in years of 365.25 days (1 decimal; the mean of the middle two for an even "
      "headcount). ",
      role,
      " AGENCY staff in post at CD are counted alongside, not in the bands; staff whose "
      "employment is not recorded are in neither and counted as unknown.",
      kInPost);
  d.value_kind = ValueKind::kNone;
  d.own_breakdown_dimensions = {kLengthOfServiceBand};
  d.supplementary = {{kMedianYears, "Median length of service (years)", "years"},
                     {kAgencyHeadcount, "Agency staff in post at the census date", ""}};
  return d;
}

FigureDefinition DaysLost(std::string code, std::string title, const std::string& role) {
  FigureDefinition d;
  d.code = std::move(code);
  d.title = std::move(title);
  d.polarity = Polarity::kLowerIsBetter;
  d.definition_version = "1";
  d.definition = absl::StrCat(
      "Over the calendar months whose first day is in [PS, PE]: N = the SICK fte_days_lost of "
      "those months, each absence counted when the staff member's row in force on the month's "
      "first day is ",
      role,
      " (no row in force then: in no group); D = the mean, over those months, of the total fte "
      "of ",
      role,
      " staff in post on the month's last day (read even when it is after PE; a month with no "
      "FTE counts as 0); value = N / D to 1 decimal, none when D = 0. Employee and agency staff "
      "alike. OTHER_UNPLANNED fte_days_lost, counted the same way, is reported alongside.",
      kInPost);
  d.value_kind = ValueKind::kMeasure;
  d.measure_unit = "FTE days per FTE";
  d.measure_figure = kDaysPerFte;
  d.supplementary = {{kSickFteDaysLost, "Working days lost to sickness (FTE days)", "FTE days"},
                     {kMeanFte, "Mean FTE in post", "FTE"},
                     {kOtherUnplannedFteDaysLost,
                      "Working days lost to other unplanned absence (FTE days)", "FTE days"}};
  return d;
}

FigureDefinition Percentage(std::string code, std::string title, int area, std::string definition) {
  FigureDefinition d;
  d.code = std::move(code);
  d.title = std::move(title);
  d.area = area;
  d.polarity = Polarity::kHigherIsBetter;
  d.definition_version = "1";
  d.definition = absl::StrCat(definition, kInPost);
  d.value_kind = ValueKind::kPercentage;
  return d;
}

std::vector<FigureDefinition> Build() {
  std::vector<FigureDefinition> c;
  c.push_back(LengthOfService("7.1", "Length of service, qualified social workers", "QSW"));
  c.push_back(LengthOfService("7.2", "Length of service, other fieldwork staff", "FIELD_OTHER"));
  c.push_back(
      DaysLost("7.3a", "Working days lost to sickness per FTE, qualified social workers", "QSW"));
  c.push_back(DaysLost("7.3b", "Working days lost to sickness per FTE, other fieldwork staff",
                       "FIELD_OTHER"));
  c.push_back(DaysLost("7.3c", "Working days lost to sickness per FTE, residential childcare staff",
                       "RESIDENTIAL"));
  FigureDefinition qsw_allocated = Percentage(
      "7.4a", "Open cases with an allocated qualified social worker", 7,
      "D = children with an involvement open at CD (case data, from intake); N = an allocation "
      "covering CD, of one of those involvements, names a staff member with a row in force at CD "
      "whose role is QSW (employee or agency). Unit: child.");
  qsw_allocated.needs_case_data = true;
  c.push_back(std::move(qsw_allocated));
  FigureDefinition allocated = Percentage(
      "7.4b", "Open cases with an allocated worker", 7,
      "D = children with an involvement open at CD (case data, from intake); N = an allocation "
      "covering CD, of one of those involvements, names a worker: any non-empty staff_id, even "
      "one the workforce data does not know. Unit: child.");
  allocated.needs_case_data = true;
  c.push_back(std::move(allocated));
  c.push_back(Percentage("7.5", "Staff suitably qualified (National Training Strategy)", 7,
                         "D = QSW, FIELD_OTHER and RESIDENTIAL staff in post at CD, employee or "
                         "agency (MANAGER rows are not in D); N = nts_qual_met is Y (not "
                         "recorded stays in D)."));
  FigureDefinition residential = Percentage(
      "7.6", "Residential staff meeting SSSC qualification requirements", 7,
      "D = RESIDENTIAL staff in post at CD, employee or agency; N = reg_qual_met is Y (not "
      "recorded stays in D). The staff of D with sssc_status REG_COND and NOT_REG are counted "
      "alongside.");
  residential.supplementary = {{kRegCondCount, "Registered with a condition (REG_COND)", ""},
                               {kNotRegCount, "Not registered (NOT_REG)", ""}};
  c.push_back(std::move(residential));
  c.push_back(Percentage(
      "7.7", "Staff with a CPD plan", 7,
      "D = staff in post at CD, every role, employee and agency, with service_start_date on or "
      "before CD - 91 days; N = cpd_plan_date in (CD - 365 days, CD]."));
  FigureDefinition managers = Percentage(
      "9.1", "Managers with an accredited management qualification", 9,
      "D = MANAGER staff in post at CD, employee or agency; N = mgmt_qual is Y (not recorded "
      "stays in D); broken down by manager_level (TEAM, MIDDLE, SENIOR, NA, and NOT_RECORDED "
      "when a manager's level is not recorded).");
  managers.own_breakdown_dimensions = {kManagerLevel};
  c.push_back(std::move(managers));
  return c;
}

}  // namespace

const std::vector<FigureDefinition>& WorkforceCatalogue() {
  static const std::vector<FigureDefinition>* catalogue =
      new std::vector<FigureDefinition>(Build());
  return *catalogue;
}

const FigureDefinition* FindFigure(const std::string& code) {
  for (const FigureDefinition& definition : WorkforceCatalogue()) {
    if (definition.code == code) return &definition;
  }
  return nullptr;
}

const std::string& WorkforceDefinitionsVersion() {
  static const std::string* version = [] {
    // FNV-1a over every code and version, as the engine's DefinitionsVersion.
    uint64_t hash = 1469598103934665603ULL;
    for (const FigureDefinition& definition : WorkforceCatalogue()) {
      for (char c : absl::StrCat(definition.code, "=", definition.definition_version, ";")) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
      }
    }
    return new std::string(absl::StrFormat("wf-defs-%012x", hash & 0xffffffffffffULL));
  }();
  return *version;
}

}  // namespace pif::workforce
