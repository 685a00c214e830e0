#include "people.h"

#include "ids.h"

namespace pif::sample::internal {
namespace {

// Scotland's Census 2022, children 0-17, grouped (codes are this council's text codes).
constexpr Code kEthnicGroups[] = {"WHITE_SCOTTISH",  "WHITE_OTHER_BRITISH",
                                  "WHITE_POLISH",    "WHITE_OTHER",
                                  "MIXED",           "ASIAN_PAKISTANI",
                                  "ASIAN_INDIAN",    "ASIAN_CHINESE",
                                  "ASIAN_OTHER",     "AFRICAN",
                                  "CARIBBEAN_BLACK", "ARAB",
                                  "OTHER",           ""};
constexpr double kEthnicWeights[] = {79, 6, 2.5, 3, 2.5, 1.7, 0.6, 0.4, 0.6, 1.3, 0.3, 0.4, 0.5, 2};

constexpr Code kLocalities[] = {"Riverside", "Hillfoots", "Eastfield", "Westburn", "Coastal", ""};
constexpr double kLocalityWeights[] = {25, 22, 20, 18, 14, 1};

// Age (completed years) of the youngest child when the family's case opens.
int YoungestAge(FamilyType type, Random& r) {
  switch (type) {
    case FamilyType::kVoluntary:
      return r.FromBands({{35, 0, 4}, {40, 5, 11}, {25, 12, 15}});
    case FamilyType::kChildProtection:
      return r.FromBands({{55, 0, 4}, {33, 5, 11}, {12, 12, 15}});
    case FamilyType::kLookedAfter:
      return r.FromBands({{15, 0, 0}, {22, 1, 4}, {30, 5, 11}, {33, 12, 15}});
    case FamilyType::kDisability:
      return r.FromBands({{30, 0, 4}, {45, 5, 11}, {25, 12, 15}});
    case FamilyType::kYoungCarer:
      return r.Between(8, 16);
    case FamilyType::kOther:
      return r.Between(0, 15);
  }
  return 0;
}

int FamilySize(FamilyType type, Random& r) {
  if (type == FamilyType::kDisability || type == FamilyType::kYoungCarer) return 1;
  return r.FromBands({{45, 1, 1}, {28, 2, 2}, {15, 3, 3}, {8, 4, 4}, {4, 5, 5}});
}

Code DrawSex(Random& r) { return PickWeighted<Code>(r, {"M", "F", "X", "NK"}, {51, 48, 0.2, 0.8}); }

}  // namespace

std::vector<ChildPlan> DrawChildren(FamilyType type, Date open, int64_t family_number, Random& r) {
  const int size = FamilySize(type, r);
  const bool pre_birth = type == FamilyType::kChildProtection && r.Chance(0.15);
  const Code locality = kLocalities[r.Weighted(kLocalityWeights)];
  const Code ethnic = kEthnicGroups[r.Weighted(kEthnicWeights)];
  std::string group = r.Chance(0.03) ? "" : FormatId("F", family_number, 7);

  std::vector<ChildPlan> children;
  int age = pre_birth ? 0 : YoungestAge(type, r);
  for (int i = 0; i < size && age < 18; ++i) {
    ChildPlan child;
    if (i == 0 && pre_birth) {
      const Date birth = open.AddDays(r.Between(60, 200));
      child.dob = birth;
      child.expected_dob = birth.AddDays(r.Between(-10, 21));
    } else {
      child.dob = open.AddMonths(-12 * age).AddDays(-r.Between(0, 364));
    }
    child.sex = DrawSex(r);
    // Most siblings share the family's recorded ethnic group.
    child.ethnic_group = r.Chance(0.9) ? ethnic : kEthnicGroups[r.Weighted(kEthnicWeights)];
    child.disability = type == FamilyType::kDisability
                           ? "Y"
                           : PickWeighted<Code>(r, {"Y", "N", "NK"}, {8, 80, 12});
    child.locality = locality;
    child.family_group_id = group;
    children.push_back(std::move(child));
    age += r.Between(1, 4);
  }
  return children;
}

}  // namespace pif::sample::internal
