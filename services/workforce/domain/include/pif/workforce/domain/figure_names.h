// The names the workforce results use: breakdown dimensions and categories, and supplementary
// figures, spelt as the contract (pif.common.v1 results.proto) writes them.
#pragma once

namespace pif::workforce {

// Breakdown dimension of 7.1 and 7.2; categories are the service bands below.
inline constexpr char kLengthOfServiceBand[] = "length_of_service_band";
// Breakdown dimension of 9.1; categories are TEAM, MIDDLE, SENIOR, NA or kNotRecorded.
inline constexpr char kManagerLevel[] = "manager_level";
// The category of units whose value was not recorded.
inline constexpr char kNotRecorded[] = "NOT_RECORDED";

// 7.1/7.2: median service of the EMPLOYEE headcount in years of 365.25 days, 1 decimal.
inline constexpr char kMedianYears[] = "median_years";
// 7.1/7.2: AGENCY staff of the role in post at CD.
inline constexpr char kAgencyHeadcount[] = "agency_headcount";
// 7.3: SICK fte_days_lost of the group over the months (the numerator).
inline constexpr char kSickFteDaysLost[] = "sick_fte_days_lost";
// 7.3: OTHER_UNPLANNED fte_days_lost of the group over the months.
inline constexpr char kOtherUnplannedFteDaysLost[] = "other_unplanned_fte_days_lost";
// 7.3: the mean over the months of the group's FTE in post on each month's last day (the
// denominator).
inline constexpr char kMeanFte[] = "mean_fte";
// 7.3: the headline measure sick_fte_days_lost / mean_fte, 1 decimal; absent when mean_fte is 0.
inline constexpr char kDaysPerFte[] = "days_per_fte";
// 7.6: RESIDENTIAL staff in D registered with a condition (sssc_status REG_COND).
inline constexpr char kRegCondCount[] = "reg_cond_count";
// 7.6: RESIDENTIAL staff in D not registered (sssc_status NOT_REG).
inline constexpr char kNotRegCount[] = "not_reg_count";

}  // namespace pif::workforce
