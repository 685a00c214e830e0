// The caveats of a set of workforce figures.
#include "pif/workforce/domain/data_quality_notes.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace pif::workforce {
namespace {

ShapedFigure WithUnknown(const std::string& code, bool shown, int64_t unknown) {
  ShapedFigure figure;
  figure.figure.code = code;
  if (shown) {
    figure.figure.unknown = figures::PublishedCount{unknown, figures::SuppressionReason::kNone};
  } else {
    figure.figure.unknown =
        figures::PublishedCount{std::nullopt, figures::SuppressionReason::kPrimary};
  }
  return figure;
}

std::vector<std::string> CodesOf(const std::vector<figures::DataQualityNote>& notes) {
  std::vector<std::string> codes;
  for (const auto& note : notes) codes.push_back(note.code + "/" + note.indicator_code);
  return codes;
}

TEST(DataQualityNotesTest, OpenRejectionsAreNotedWithTheirCount) {
  const auto notes = DataQualityNotes(3, {});
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].code, "REJECTIONS_OUTSTANDING");
  EXPECT_EQ(notes[0].count, 3);
  EXPECT_EQ(notes[0].indicator_code, "");
  EXPECT_EQ(notes[0].message,
            "3 workforce records are still rejected and not counted in these figures.");
  EXPECT_EQ(DataQualityNotes(1, {})[0].message,
            "1 workforce record is still rejected and not counted in these figures.");
  EXPECT_TRUE(DataQualityNotes(0, {}).empty());
}

TEST(DataQualityNotesTest, OnlyShownUnknownCountsAreQuoted) {
  const auto notes = DataQualityNotes(
      0, {WithUnknown("7.1", true, 2), WithUnknown("7.2", false, 0), WithUnknown("7.5", true, 0)});
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].code, "UNKNOWN_VALUES");
  EXPECT_EQ(notes[0].indicator_code, "7.1");
  EXPECT_EQ(notes[0].count, 2);
  EXPECT_EQ(notes[0].message,
            "2 staff in post at the census date were left out of 7.1 because an item it needs "
            "was not recorded.");
}

TEST(DataQualityNotesTest, EachWithheldBreakdownIsNoted) {
  ShapedFigure figure;
  figure.figure.code = "9.1";
  figure.withheld_dimensions = {"manager_level"};
  const auto notes = DataQualityNotes(5, {figure});
  EXPECT_EQ(CodesOf(notes),
            (std::vector<std::string>{"REJECTIONS_OUTSTANDING/", "BREAKDOWN_WITHHELD/9.1"}));
  EXPECT_EQ(notes[1].message,
            "The manager_level breakdown of 9.1 is not published: suppressing cells could not "
            "protect it.");
}

TEST(DataQualityNotesTest, AnyShownUnknownCountIsNotedEvenBesideASuppressedHeadcount) {
  ShapedFigure figure = WithUnknown("7.2", true, 1);
  figure.figure.denominator =
      figures::PublishedCount{std::nullopt, figures::SuppressionReason::kPrimary};
  const auto notes = DataQualityNotes(0, {figure});
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].message,
            "1 staff member in post at the census date was left out of 7.2 because an item it "
            "needs was not recorded.");
}

}  // namespace
}  // namespace pif::workforce
