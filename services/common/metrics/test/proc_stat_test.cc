#include "proc_stat.h"

#include "gtest/gtest.h"

namespace pif {
namespace {

TEST(ProcStatTest, ReadsTheFieldsAfterACommandNameWithSpacesAndParentheses) {
  // Fields 1..24 of proc(5): pid, (comm), state, ..., utime=14, stime=15, ..., starttime=22,
  // vsize=23, rss=24, then more that are ignored.
  const char* text =
      "4242 (pif (x) y) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 75 0 0 20 0 9 0 123456 "
      "987654321 4321 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
  std::optional<ProcStat> stat = ParseProcStat(text);
  ASSERT_TRUE(stat.has_value());
  EXPECT_EQ(stat->utime_ticks, 250u);
  EXPECT_EQ(stat->stime_ticks, 75u);
  EXPECT_EQ(stat->start_ticks, 123456u);
  EXPECT_EQ(stat->virtual_bytes, 987654321u);
  EXPECT_EQ(stat->resident_pages, 4321u);
}

TEST(ProcStatTest, RejectsTextWithoutTheFields) {
  EXPECT_FALSE(ParseProcStat("").has_value());
  EXPECT_FALSE(ParseProcStat("4242 no parentheses S 1 2 3").has_value());
  EXPECT_FALSE(ParseProcStat("4242 (short) S 1 2 3").has_value());
  EXPECT_FALSE(ParseProcStat("4242 (x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 abc 75 0 0 20 0 9 "
                             "0 123456 987654321 4321")
                   .has_value());
}

TEST(ProcStatTest, ReadsTheBootTimeLine) {
  EXPECT_EQ(ParseBootTime("cpu  1 2 3\nintr 5\nbtime 1700000000\nprocesses 9\n"), 1700000000);
  EXPECT_FALSE(ParseBootTime("cpu  1 2 3\nprocesses 9\n").has_value());
  EXPECT_FALSE(ParseBootTime("btime soon\n").has_value());
}

}  // namespace
}  // namespace pif
