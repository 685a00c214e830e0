#include "pif/dates/interval.h"

#include <optional>

#include "gtest/gtest.h"
#include "pif/dates/date.h"

namespace pif::dates {
namespace {

// The date of a YYYY-MM-DD literal (throws, failing the test, when it is not one).
Date D(const char* text) { return ParseDate(text).value(); }

// [start, end), or open-ended when `end` is null.
DateInterval I(const char* start, const char* end) {
  return DateInterval{D(start), end == nullptr ? std::nullopt : std::optional<Date>(D(end))};
}

TEST(DateIntervalTest, CoversItsStartDayButNotItsEndDay) {
  const DateInterval placement = I("2023-03-01", "2023-03-10");
  EXPECT_FALSE(placement.Covers(D("2023-02-28")));
  EXPECT_TRUE(placement.Covers(D("2023-03-01")));
  EXPECT_TRUE(placement.Covers(D("2023-03-05")));
  EXPECT_TRUE(placement.Covers(D("2023-03-09")));
  EXPECT_FALSE(placement.Covers(D("2023-03-10")));
  EXPECT_FALSE(placement.Covers(D("2023-03-11")));
}

TEST(DateIntervalTest, WithoutAnEndCoversEveryDayFromItsStart) {
  const DateInterval open = I("2023-03-01", nullptr);
  EXPECT_FALSE(open.Covers(D("2023-02-28")));
  EXPECT_TRUE(open.Covers(D("2023-03-01")));
  EXPECT_TRUE(open.Covers(D("2100-12-31")));
  EXPECT_TRUE(open.Covers(*Date::FromYmd(9999, 12, 31)));
  EXPECT_FALSE(open.IsEmpty());
}

TEST(DateIntervalTest, EndingOnItsStartDayCoversNoDay) {
  const DateInterval same_day = I("2023-03-01", "2023-03-01");
  EXPECT_TRUE(same_day.IsEmpty());
  EXPECT_FALSE(same_day.Covers(D("2023-03-01")));
  EXPECT_FALSE(same_day.Covers(D("2023-02-28")));
  EXPECT_FALSE(I("2023-03-01", "2023-03-02").IsEmpty());
  EXPECT_TRUE(I("2023-03-02", "2023-03-01").IsEmpty());
}

TEST(DateIntervalTest, OverlapsOnlyWhenADayIsCoveredByBoth) {
  struct Case {
    DateInterval a;
    DateInterval b;
    bool overlap;
  };
  const Case cases[] = {
      // A placement ending on 10 March and the next starting on 10 March are contiguous.
      {I("2023-03-01", "2023-03-10"), I("2023-03-10", "2023-03-20"), false},
      {I("2023-03-01", "2023-03-11"), I("2023-03-10", "2023-03-20"), true},
      {I("2023-03-01", "2023-03-10"), I("2023-03-11", "2023-03-20"), false},
      {I("2023-03-01", "2023-03-31"), I("2023-03-10", "2023-03-11"), true},
      {I("2023-03-01", "2023-03-10"), I("2023-03-01", "2023-03-10"), true},
      {I("2023-03-01", "2023-03-02"), I("2023-03-01", "2023-03-02"), true},
      {I("2023-03-01", nullptr), I("2023-03-10", "2023-03-20"), true},
      {I("2023-03-01", nullptr), I("2023-02-01", "2023-03-01"), false},
      {I("2023-03-01", nullptr), I("2023-02-01", "2023-03-02"), true},
      {I("2023-03-01", nullptr), I("2024-01-01", nullptr), true},
      {I("2023-03-01", nullptr), I("2020-01-01", nullptr), true},
      // An empty interval overlaps nothing, even inside another.
      {I("2023-03-05", "2023-03-05"), I("2023-03-01", "2023-03-10"), false},
      {I("2023-03-05", "2023-03-05"), I("2023-03-01", nullptr), false},
      {I("2023-03-05", "2023-03-05"), I("2023-03-05", "2023-03-05"), false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << c.a.start << ".." << c.a.end.value_or(Date()) << " vs "
                                    << c.b.start << ".." << c.b.end.value_or(Date()));
    EXPECT_EQ(c.a.Overlaps(c.b), c.overlap);
    EXPECT_EQ(c.b.Overlaps(c.a), c.overlap);
  }
}

TEST(DateIntervalTest, OverlapsPeriodTreatsThePeriodAsInclusive) {
  const Date ps = D("2022-08-01");
  const Date pe = D("2023-07-31");
  struct Case {
    DateInterval interval;
    bool overlap;
  };
  const Case cases[] = {
      {I("2022-07-01", "2022-08-01"), false},  // ends on PS: last covered day is PS - 1
      {I("2022-07-01", "2022-08-02"), true},   // covers PS
      {I("2023-07-31", "2023-08-10"), true},   // starts on PE
      {I("2023-08-01", "2023-08-10"), false},  // starts after PE
      {I("2023-08-01", nullptr), false},      {I("2020-01-01", nullptr), true},
      {I("2020-01-01", "2024-01-01"), true},   // spans the whole period
      {I("2023-01-01", "2023-01-02"), true},   // one day inside
      {I("2023-01-01", "2023-01-01"), false},  // empty
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << c.interval.start << ".." << c.interval.end.value_or(Date()));
    EXPECT_EQ(c.interval.OverlapsPeriod(ps, pe), c.overlap);
  }
}

TEST(DateIntervalTest, OverlapsPeriodOfOneDayIsCovers) {
  const DateInterval placement = I("2023-03-01", "2023-03-10");
  for (Date d = D("2023-02-25"); d <= D("2023-03-15"); d = d.AddDays(1)) {
    SCOPED_TRACE(d);
    EXPECT_EQ(placement.OverlapsPeriod(d, d), placement.Covers(d));
  }
}

TEST(DateIntervalTest, OverlapsNoPeriodThatEndsBeforeItStarts) {
  EXPECT_FALSE(I("2020-01-01", nullptr).OverlapsPeriod(D("2023-07-31"), D("2022-08-01")));
}

TEST(DateIntervalTest, OverlapsAPeriodEndingOnTheLastRepresentableDay) {
  const Date last = *Date::FromYmd(9999, 12, 31);
  EXPECT_TRUE(I("2023-01-01", nullptr).OverlapsPeriod(D("2023-01-01"), last));
  EXPECT_FALSE(I("2023-01-01", "2023-01-02").OverlapsPeriod(D("2023-01-02"), last));
}

TEST(DateIntervalTest, ContainsByBounds) {
  const DateInterval episode = I("2023-03-01", "2023-06-01");
  EXPECT_TRUE(episode.Contains(I("2023-03-01", "2023-06-01")));
  EXPECT_TRUE(episode.Contains(I("2023-04-01", "2023-05-01")));
  EXPECT_FALSE(episode.Contains(I("2023-02-28", "2023-05-01")));
  EXPECT_FALSE(episode.Contains(I("2023-04-01", "2023-06-02")));
  // A placement with no end inside an ended episode is outside the episode.
  EXPECT_FALSE(episode.Contains(I("2023-04-01", nullptr)));
  const DateInterval open_episode = I("2023-03-01", nullptr);
  EXPECT_TRUE(open_episode.Contains(I("2023-04-01", nullptr)));
  EXPECT_TRUE(open_episode.Contains(I("2023-04-01", "2030-01-01")));
  EXPECT_FALSE(open_episode.Contains(I("2023-02-01", nullptr)));
}

}  // namespace
}  // namespace pif::dates
