#include "progress.h"

#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pif::ctl {
namespace {

TEST(FormatCountTest, GroupsThousands) {
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(1000), "1,000");
  EXPECT_EQ(FormatCount(1234567), "1,234,567");
}

TEST(FormatShortDurationTest, ShowsSecondsMinutesOrHours) {
  EXPECT_EQ(FormatShortDuration(absl::Seconds(45)), "45s");
  EXPECT_EQ(FormatShortDuration(absl::Seconds(185)), "3m 05s");
  EXPECT_EQ(FormatShortDuration(absl::Seconds(2 * 3600 + 7 * 60 + 59)), "2h 07m");
  EXPECT_EQ(FormatShortDuration(absl::Seconds(-3)), "0s");
}

TEST(FormatProgressLineTest, ShowsRecordsRatePercentAndTimeLeft) {
  // 37% of the bytes in 10 s: the remaining 63% take 10 * 63 / 37 = 17 s.
  EXPECT_EQ(FormatProgressLine({12345, 37, 100, absl::Seconds(10)}),
            "12,345 records  1,235/s  37%  17s left");
}

TEST(FormatProgressLineTest, LeavesOutRateAndTimeLeftAtTheStart) {
  EXPECT_EQ(FormatProgressLine({0, 0, 5000, absl::ZeroDuration()}), "0 records  0%");
}

TEST(FormatProgressLineTest, LeavesOutTimeLeftBelowOnePercent) {
  EXPECT_EQ(FormatProgressLine({20, 9, 1000, absl::Seconds(2)}), "20 records  10/s  0%");
}

TEST(FormatProgressLineTest, ShowsNoTimeLeftWhenEverythingIsRead) {
  EXPECT_EQ(FormatProgressLine({3000, 800, 800, absl::Seconds(3)}), "3,000 records  1,000/s  100%");
}

TEST(FormatProgressLineTest, CountsEmptyInputAsComplete) {
  EXPECT_EQ(FormatProgressLine({0, 0, 0, absl::Seconds(1)}), "0 records  0/s  100%");
}

TEST(ProgressModeTest, ParsesTheThreeModes) {
  EXPECT_EQ(ParseProgressMode("auto"), ProgressMode::kAuto);
  EXPECT_EQ(ParseProgressMode("always"), ProgressMode::kAlways);
  EXPECT_EQ(ParseProgressMode("never"), ProgressMode::kNever);
  EXPECT_EQ(ParseProgressMode("yes"), std::nullopt);
}

TEST(ProgressModeTest, AutoShowsProgressOnlyOnATerminal) {
  EXPECT_TRUE(ShouldShowProgress(ProgressMode::kAuto, true));
  EXPECT_FALSE(ShouldShowProgress(ProgressMode::kAuto, false));
  EXPECT_TRUE(ShouldShowProgress(ProgressMode::kAlways, false));
  EXPECT_FALSE(ShouldShowProgress(ProgressMode::kNever, true));
}

TEST(ProgressLineTest, RedrawsInPlaceAndEndsTheLineWhenFinished) {
  std::ostringstream out;
  ProgressLine line(&out, true, absl::ZeroDuration());
  line.Update({1, 1, 2, absl::ZeroDuration()});
  line.Finish({2, 2, 2, absl::ZeroDuration()});
  EXPECT_EQ(out.str(), "\r1 records  50%\033[K\r2 records  100%\033[K\n");
}

TEST(ProgressLineTest, DrawsAtMostOncePerInterval) {
  std::ostringstream out;
  ProgressLine line(&out, true, absl::Hours(1));
  line.Update({1, 1, 4, absl::ZeroDuration()});
  line.Update({2, 2, 4, absl::ZeroDuration()});
  EXPECT_EQ(out.str(), "\r1 records  25%\033[K");
}

TEST(ProgressLineTest, WritesNothingWhenDisabled) {
  std::ostringstream out;
  ProgressLine line(&out, false, absl::ZeroDuration());
  line.Update({1, 1, 2, absl::ZeroDuration()});
  line.Finish({2, 2, 2, absl::ZeroDuration()});
  line.Clear();
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace pif::ctl
