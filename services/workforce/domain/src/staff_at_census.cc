#include "pif/workforce/domain/staff_at_census.h"

#include <array>
#include <cstdint>
#include <string>
#include <utility>

#include "pif/workforce/domain/figure_names.h"

namespace pif::workforce {
namespace {

bool IsYes(const std::optional<bool>& flag) { return flag.value_or(false); }

void Count(figures::Counts& counts, bool in_numerator) {
  ++counts.denominator;
  if (in_numerator) ++counts.numerator;
}

}  // namespace

figures::IndicatorResult SuitablyQualified(const StaffIndex& staff, dates::Date census) {
  figures::IndicatorResult result;
  result.code = "7.5";
  for (const StaffRow* row : staff.InPostOn(census)) {
    if (row->role == Role::kManager) continue;
    Count(result.counts, IsYes(row->nts_qual_met));
  }
  return result;
}

figures::IndicatorResult ResidentialQualified(const StaffIndex& staff, dates::Date census) {
  figures::IndicatorResult result;
  result.code = "7.6";
  int64_t reg_cond = 0;
  int64_t not_reg = 0;
  for (const StaffRow* row : staff.InPostOn(census)) {
    if (row->role != Role::kResidential) continue;
    Count(result.counts, IsYes(row->reg_qual_met));
    if (row->sssc_status == SsscStatus::kRegCond) ++reg_cond;
    if (row->sssc_status == SsscStatus::kNotReg) ++not_reg;
  }
  result.supplementary = {{kRegCondCount, static_cast<double>(reg_cond)},
                          {kNotRegCount, static_cast<double>(not_reg)}};
  return result;
}

figures::IndicatorResult CpdPlans(const StaffIndex& staff, dates::Date census) {
  figures::IndicatorResult result;
  result.code = "7.7";
  const dates::Date latest_start = census.AddDays(-91);
  const dates::Date window_start = census.AddDays(-365);  // exclusive
  for (const StaffRow* row : staff.InPostOn(census)) {
    if (latest_start < row->service_start_date) continue;
    const bool planned = row->cpd_plan_date.has_value() && window_start < *row->cpd_plan_date &&
                         *row->cpd_plan_date <= census;
    Count(result.counts, planned);
  }
  return result;
}

figures::IndicatorResult ManagersQualified(const StaffIndex& staff, dates::Date census) {
  constexpr std::array<std::pair<ManagerLevel, const char*>, 4> kLevels = {
      {{ManagerLevel::kTeam, "TEAM"},
       {ManagerLevel::kMiddle, "MIDDLE"},
       {ManagerLevel::kSenior, "SENIOR"},
       {ManagerLevel::kNa, "NA"}}};
  figures::IndicatorResult result;
  result.code = "9.1";
  std::array<figures::Counts, kLevels.size()> by_level{};
  figures::Counts not_recorded;
  for (const StaffRow* row : staff.InPostOn(census)) {
    if (row->role != Role::kManager) continue;
    const bool qualified = IsYes(row->mgmt_qual);
    Count(result.counts, qualified);
    figures::Counts* cell = &not_recorded;
    for (size_t i = 0; i < kLevels.size(); ++i) {
      if (row->manager_level == kLevels[i].first) cell = &by_level[i];
    }
    Count(*cell, qualified);
  }
  for (size_t i = 0; i < kLevels.size(); ++i) {
    result.breakdowns.push_back({kManagerLevel, kLevels[i].second, by_level[i]});
  }
  if (not_recorded.denominator > 0) {
    result.breakdowns.push_back({kManagerLevel, kNotRecorded, not_recorded});
  }
  return result;
}

}  // namespace pif::workforce
