// The snapshot's building blocks: OrdinalFinder answers every question right whatever the order
// of the ids and of the questions; GroupByOwner and SortRuns keep every owned record once.
#include "grouping.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "gtest/gtest.h"

namespace pif::engine::internal {
namespace {

// A finder over `ids`, as the snapshot builds them.
auto FinderOver(const std::vector<std::string>& ids) {
  auto id_at = [&ids](size_t i) -> absl::string_view { return ids[i]; };
  return OrdinalFinder<decltype(id_at)>(ids.size(), id_at);
}

// "K000", "K002", ...: ascending ids with gaps (the odd numbers are never present).
std::vector<std::string> EvenIds(size_t count) {
  std::vector<std::string> ids;
  for (size_t i = 0; i < count; ++i) ids.push_back(absl::StrFormat("K%03d", 2 * i));
  return ids;
}

TEST(OrdinalFinderTest, FindsNothingAmongNoIds) {
  std::vector<std::string> none;
  auto finder = FinderOver(none);
  EXPECT_EQ(finder.Find("K000"), kNoOwner);
}

TEST(OrdinalFinderTest, FindsEveryIdAskedInAnyOrderAmongAscendingIds) {
  std::mt19937 random(20261126);
  for (size_t count : {1, 2, 3, 9, 17, 40, 300}) {
    const std::vector<std::string> ids = EvenIds(count);
    std::vector<size_t> questions;
    for (size_t i = 0; i < count; ++i) questions.push_back(i);
    for (int order = 0; order < 4; ++order) {
      if (order == 1) std::reverse(questions.begin(), questions.end());
      if (order >= 2) std::shuffle(questions.begin(), questions.end(), random);
      auto finder = FinderOver(ids);
      for (size_t expected : questions) {
        ASSERT_EQ(finder.Find(ids[expected]), expected) << "count " << count << " order " << order;
        // An absent id just after and just before the one found: never a neighbour's ordinal.
        EXPECT_EQ(finder.Find(absl::StrFormat("K%03d", 2 * expected + 1)), kNoOwner);
        if (expected > 0) {
          EXPECT_EQ(finder.Find(absl::StrFormat("K%03d", 2 * expected - 1)), kNoOwner);
        }
      }
      EXPECT_EQ(finder.Find("A"), kNoOwner);  // before the first
      EXPECT_EQ(finder.Find("Z"), kNoOwner);  // after the last
    }
  }
}

TEST(OrdinalFinderTest, FindsEveryIdAmongIdsInNoOrder) {
  std::mt19937 random(7);
  std::vector<std::string> ids = EvenIds(200);
  std::shuffle(ids.begin(), ids.end(), random);
  auto finder = FinderOver(ids);
  std::vector<size_t> questions;
  for (size_t i = 0; i < ids.size(); ++i) questions.push_back(i);
  std::shuffle(questions.begin(), questions.end(), random);
  for (size_t expected : questions) ASSERT_EQ(finder.Find(ids[expected]), expected);
  EXPECT_EQ(finder.Find("K001"), kNoOwner);
  EXPECT_EQ(finder.Find(""), kNoOwner);
}

TEST(GroupByOwnerTest, GroupsRecordsByOwnerInInputOrderAndDropsTheUnowned) {
  const std::vector<std::string> records = {"a", "b", "c", "d", "e", "f"};
  const std::vector<uint32_t> owners = {2, 0, kNoOwner, 2, 0, 3};
  std::vector<const std::string*> flat;
  const std::vector<uint32_t> offsets = GroupByOwner(records, owners, 4, flat);
  ASSERT_EQ(offsets, (std::vector<uint32_t>{0, 2, 2, 4, 5}));
  std::vector<std::string> grouped;
  for (const std::string* record : flat) grouped.push_back(*record);
  EXPECT_EQ(grouped, (std::vector<std::string>{"b", "e", "a", "d", "f"}));
}

TEST(GroupByOwnerTest, SortRunsOrdersEachRunAlone) {
  const std::vector<int> records = {5, 3, 9, 1, 4};
  const std::vector<uint32_t> owners = {0, 0, 1, 1, 0};
  std::vector<const int*> flat;
  const std::vector<uint32_t> offsets = GroupByOwner(records, owners, 2, flat);
  SortRuns(flat, offsets, [](const int* a, const int* b) { return *a < *b; });
  std::vector<int> values;
  for (const int* value : flat) values.push_back(*value);
  EXPECT_EQ(values, (std::vector<int>{3, 4, 5, 1, 9}));
}

TEST(IsElementOfTest, TellsElementsFromOtherObjects) {
  const std::vector<int> records = {1, 2, 3};
  const int other = 2;
  EXPECT_TRUE(IsElementOf(records, records[0]));
  EXPECT_TRUE(IsElementOf(records, records[2]));
  EXPECT_FALSE(IsElementOf(records, other));
  EXPECT_FALSE(IsElementOf(std::vector<int>{}, other));
}

}  // namespace
}  // namespace pif::engine::internal
