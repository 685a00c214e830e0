#include "pif/workforce/domain/open_cases_at.h"

namespace pif::workforce {

bool OpenCasesAt::Covers(dates::Date start, const std::optional<dates::Date>& end) const {
  return start <= census_ && (!end.has_value() || census_ < *end);
}

void OpenCasesAt::AddInvolvement(const std::string& involvement_id, const std::string& person_id,
                                 dates::Date open, std::optional<dates::Date> close) {
  if (Covers(open, close)) open_involvements_[involvement_id] = person_id;
}

void OpenCasesAt::AddAllocation(const std::string& involvement_id, const std::string& staff_id,
                                dates::Date start, std::optional<dates::Date> end) {
  if (Covers(start, end)) allocations_.emplace_back(involvement_id, staff_id);
}

OpenCases OpenCasesAt::Build() const {
  std::map<std::string, std::set<std::string>> staff_by_child;
  for (const auto& [involvement_id, person_id] : open_involvements_) staff_by_child[person_id];
  for (const auto& [involvement_id, staff_id] : allocations_) {
    const auto involvement = open_involvements_.find(involvement_id);
    if (involvement == open_involvements_.end()) continue;
    staff_by_child[involvement->second].insert(staff_id);
  }
  OpenCases cases;
  for (auto& [person_id, staff_ids] : staff_by_child) {
    cases.children.push_back(
        {person_id, std::vector<std::string>(staff_ids.begin(), staff_ids.end())});
  }
  return cases;
}

}  // namespace pif::workforce
