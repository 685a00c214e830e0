// The random source gives the same numbers on every platform and standard library: a seed is a
// council, wherever it is generated.
#include "random.h"

#include <map>

#include "gtest/gtest.h"

namespace pif::sample::internal {
namespace {

TEST(RandomTest, TheSameSeedAndStreamGiveTheSameNumbersEverywhere) {
  Random r(1, 1);
  std::vector<uint64_t> below;
  for (int i = 0; i < 5; ++i) below.push_back(r.Below(1000));
  std::vector<int> between;
  for (int i = 0; i < 5; ++i) between.push_back(r.Between(-3, 3));
  const int weighted = r.Weighted({1, 2, 3});
  const int banded = r.FromBands({{1, 0, 9}, {1, 100, 109}});
  const dates::Date date =
      r.DateBetween(*dates::Date::FromYmd(2020, 1, 1), *dates::Date::FromYmd(2020, 12, 31));
  EXPECT_EQ(below, (std::vector<uint64_t>{219, 748, 864, 310, 916}));
  EXPECT_EQ(between, (std::vector<int>{0, 3, 2, 3, 0}));
  EXPECT_EQ(weighted, 1);
  EXPECT_EQ(banded, 1);
  EXPECT_EQ(date.ToString(), "2020-11-15");
}

TEST(RandomTest, StreamsAndSeedsDiffer) {
  Random a(1, 1), b(1, 2), c(2, 1);
  const uint64_t x = a.Below(1u << 30), y = b.Below(1u << 30), z = c.Below(1u << 30);
  EXPECT_NE(x, y);
  EXPECT_NE(x, z);
}

TEST(RandomTest, DrawsStayInRangeAndFollowTheirWeights) {
  Random r(9, 9);
  std::map<int, int> counts;
  for (int i = 0; i < 30000; ++i) {
    const int v = r.Between(2, 4);
    ASSERT_GE(v, 2);
    ASSERT_LE(v, 4);
    ++counts[r.Weighted({1, 0, 3})];
    const int b = r.FromBands({{1, 10, 10}, {1, 20, 21}});
    ASSERT_TRUE(b == 10 || b == 20 || b == 21) << b;
    const double u = r.Unit();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(counts[2] / 30000.0, 0.75, 0.02);
  EXPECT_FALSE(r.Chance(0));
  EXPECT_TRUE(r.Chance(1));
}

}  // namespace
}  // namespace pif::sample::internal
