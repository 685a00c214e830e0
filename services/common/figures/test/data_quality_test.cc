// The shared data-quality notes: which notes a set of figures earns under each service's rules,
// in which order, and that no note gives back a suppressed count.
#include "pif/figures/data_quality.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace pif::figures {
namespace {

PublishedCount Shown(int64_t value) { return {value, SuppressionReason::kNone}; }
PublishedCount Suppressed() { return {std::nullopt, SuppressionReason::kPrimary}; }

NotedFigure Figure(const std::string& code, PublishedCount denominator, PublishedCount unknown) {
  NotedFigure figure;
  figure.code = code;
  figure.denominator = denominator;
  figure.unknown = unknown;
  return figure;
}

// Words every note with what it was given, so a test sees the arguments.
NoteRules Rules(int64_t unknown_note_percent) {
  NoteRules rules;
  rules.unknown_note_percent = unknown_note_percent;
  rules.rejections_message = [](int64_t open) { return absl::StrCat("open ", open); };
  rules.rejections_not_checked_message = "not checked";
  rules.unknown_message = [](const std::string& code, int64_t unknown,
                             std::optional<int64_t> considered) {
    return absl::StrCat(code, " ", unknown, " of ",
                        considered.has_value() ? absl::StrCat(*considered) : "?");
  };
  return rules;
}

std::vector<std::string> Texts(const std::vector<DataQualityNote>& notes) {
  std::vector<std::string> texts;
  for (const DataQualityNote& note : notes) {
    texts.push_back(
        absl::StrCat(note.code, "/", note.indicator_code, "/", note.count, "/", note.message));
  }
  return texts;
}

TEST(DataQualityNotesTest, RejectionsAreNotedWhenOpenAndSaidUncheckedWhenUnknown) {
  EXPECT_EQ(Texts(DataQualityNotes(3, {}, Rules(0))),
            std::vector<std::string>{"REJECTIONS_OUTSTANDING//3/open 3"});
  EXPECT_TRUE(DataQualityNotes(0, {}, Rules(0)).empty());
  EXPECT_EQ(Texts(DataQualityNotes(std::nullopt, {}, Rules(10))),
            std::vector<std::string>{"REJECTIONS_NOT_CHECKED//0/not checked"});
}

TEST(DataQualityNotesTest, AShareThresholdNotesOnlyFromThatShareOfTheUnitsConsidered) {
  // 1 of 10 considered is 10%: noted; 1 of 11 is under 10%: not.
  const std::vector<NotedFigure> figures = {Figure("A", Shown(9), Shown(1)),
                                            Figure("B", Shown(10), Shown(1))};
  EXPECT_EQ(Texts(DataQualityNotes(0, figures, Rules(10))),
            std::vector<std::string>{"UNKNOWN_VALUES/A/1/A 1 of 10"});
}

TEST(DataQualityNotesTest, AShareThresholdNeedsTheDenominatorShown) {
  const std::vector<NotedFigure> figures = {Figure("A", Suppressed(), Shown(7))};
  EXPECT_TRUE(DataQualityNotes(0, figures, Rules(10)).empty());
}

TEST(DataQualityNotesTest, WithoutAThresholdAnyShownUnknownIsNotedEvenBesideASuppressedD) {
  const std::vector<NotedFigure> figures = {Figure("A", Shown(500), Shown(1)),
                                            Figure("B", Suppressed(), Shown(7)),
                                            Figure("C", Shown(5), Shown(0))};
  EXPECT_EQ(
      Texts(DataQualityNotes(0, figures, Rules(0))),
      (std::vector<std::string>{"UNKNOWN_VALUES/A/1/A 1 of 501", "UNKNOWN_VALUES/B/7/B 7 of ?"}));
}

TEST(DataQualityNotesTest, ASuppressedUnknownCountIsNeverQuoted) {
  const std::vector<NotedFigure> figures = {Figure("A", Shown(2), Suppressed())};
  EXPECT_TRUE(DataQualityNotes(0, figures, Rules(0)).empty());
  EXPECT_TRUE(DataQualityNotes(0, figures, Rules(10)).empty());
}

TEST(DataQualityNotesTest, NotesComeRejectionsFirstThenFigureByFigure) {
  NotedFigure first = Figure("A", Shown(1), Shown(4));
  first.withheld_dimensions = {"sex", "locality"};
  NotedFigure second = Figure("B", Shown(8), Shown(0));
  second.breakdowns_withheld = true;
  EXPECT_EQ(Texts(DataQualityNotes(2, {first, second}, Rules(10))),
            (std::vector<std::string>{
                "REJECTIONS_OUTSTANDING//2/open 2", "UNKNOWN_VALUES/A/4/A 4 of 5",
                "BREAKDOWN_WITHHELD/A/0/The sex breakdown of A is not published: suppressing "
                "cells could not protect it.",
                "BREAKDOWN_WITHHELD/A/0/The locality breakdown of A is not published: "
                "suppressing cells could not protect it.",
                "BREAKDOWN_WITHHELD/B/0/B is never broken down below council level in "
                "published figures."}));
}

}  // namespace
}  // namespace pif::figures
