#include "pif/workforce/domain/service_length.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "pif/dates/age.h"
#include "pif/workforce/domain/figure_names.h"
#include "tenths.h"

namespace pif::workforce {
namespace {

struct Band {
  int from_years;  // inclusive
  const char* name;
};

// In band order; a service of y completed years is in the last band with from_years <= y.
constexpr std::array<Band, 6> kBands = {
    {{0, "<1"}, {1, "1-<2"}, {2, "2-<5"}, {5, "5-<10"}, {10, "10-<20"}, {20, "20+"}}};

// The median of `days` (not empty) in years of 365.25 days, 1 decimal.
double MedianYears(std::vector<int>& days) {
  std::sort(days.begin(), days.end());
  const size_t mid = days.size() / 2;
  const double median_days =
      days.size() % 2 == 1 ? days[mid] : (static_cast<double>(days[mid - 1]) + days[mid]) / 2.0;
  return RoundToTenth(median_days / 365.25);
}

// The position in kBands of the band of a start on `start`, at `census`.
size_t BandIndex(dates::Date start, dates::Date census) {
  if (census < start) return 0;
  const int years = dates::YearsOfService(start, census);
  size_t index = 0;
  for (size_t i = 0; i < kBands.size(); ++i) {
    if (kBands[i].from_years <= years) index = i;
  }
  return index;
}

}  // namespace

std::string ServiceBandOf(dates::Date start, dates::Date census) {
  return kBands[BandIndex(start, census)].name;
}

figures::IndicatorResult LengthOfService(const std::string& code, Role role,
                                         const StaffIndex& staff, dates::Date census) {
  figures::IndicatorResult result;
  result.code = code;
  std::array<int64_t, kBands.size()> band_counts{};
  std::vector<int> service_days;
  int64_t agency = 0;
  for (const StaffRow* row : staff.InPostOn(census)) {
    if (row->role != role) continue;
    if (!row->employment.has_value()) {
      ++result.unknown;
      continue;
    }
    if (*row->employment == Employment::kAgency) {
      ++agency;
      continue;
    }
    ++band_counts[BandIndex(row->service_start_date, census)];
    service_days.push_back(dates::DaysBetween(row->service_start_date, census));
  }
  const auto headcount = static_cast<int64_t>(service_days.size());
  result.counts.denominator = headcount;
  for (size_t i = 0; i < kBands.size(); ++i) {
    result.breakdowns.push_back(
        {kLengthOfServiceBand, kBands[i].name, {band_counts[i], headcount}});
  }
  if (!service_days.empty()) {
    result.supplementary.push_back({kMedianYears, MedianYears(service_days)});
  }
  result.supplementary.push_back({kAgencyHeadcount, static_cast<double>(agency)});
  return result;
}

}  // namespace pif::workforce
