#include "pif/workforce/domain/figures.h"

#include <utility>

#include "pif/workforce/domain/allocated_cases.h"
#include "pif/workforce/domain/days_lost.h"
#include "pif/workforce/domain/service_length.h"
#include "pif/workforce/domain/staff_at_census.h"
#include "pif/workforce/domain/staff_index.h"

namespace pif::workforce {

std::vector<figures::IndicatorResult> ComputeWorkforce(const std::vector<StaffRow>& staff,
                                                       const std::vector<AbsenceRow>& absences,
                                                       const figures::Period& period,
                                                       const OpenCases* open_cases) {
  const StaffIndex index(staff);
  const dates::Date census = period.census();
  std::vector<figures::IndicatorResult> results;
  results.push_back(LengthOfService("7.1", Role::kQsw, index, census));
  results.push_back(LengthOfService("7.2", Role::kFieldOther, index, census));
  results.push_back(DaysLostPerFte("7.3a", Role::kQsw, index, absences, period));
  results.push_back(DaysLostPerFte("7.3b", Role::kFieldOther, index, absences, period));
  results.push_back(DaysLostPerFte("7.3c", Role::kResidential, index, absences, period));
  if (open_cases != nullptr) {
    for (figures::IndicatorResult& result : AllocatedCases(*open_cases, index, census)) {
      results.push_back(std::move(result));
    }
  }
  results.push_back(SuitablyQualified(index, census));
  results.push_back(ResidentialQualified(index, census));
  results.push_back(CpdPlans(index, census));
  results.push_back(ManagersQualified(index, census));
  return results;
}

}  // namespace pif::workforce
