// The framework's structure as indicators.md section 6 gives it.
#include "pif/reporting/framework/framework.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pif::reporting {
namespace {

using ::testing::ElementsAre;

TEST(KeyQuestionsTest, SixQuestionsHoldTheTenAreasOnceEachInTheFrameworksOrder) {
  std::vector<int> areas;
  std::vector<int> numbers;
  for (const KeyQuestionInfo& question : KeyQuestions()) {
    numbers.push_back(question.number);
    areas.insert(areas.end(), question.areas.begin(), question.areas.end());
  }
  EXPECT_THAT(numbers, ElementsAre(1, 2, 3, 4, 5, 6));
  EXPECT_THAT(areas, ElementsAre(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
  EXPECT_THAT(KeyQuestions()[1].areas, ElementsAre(2, 3, 4));
  EXPECT_THAT(KeyQuestions()[3].areas, ElementsAre(6, 7, 8));
  EXPECT_EQ(KeyQuestions()[4].question, "How good is our strategic leadership?");
}

TEST(AreaTitleTest, NamesEachAreaAndNothingOutsideOneToTen) {
  EXPECT_EQ(AreaTitle(1), "Key outcomes");
  EXPECT_EQ(AreaTitle(3), "Impact on staff");
  EXPECT_EQ(AreaTitle(7), "Management and support of staff");
  EXPECT_EQ(AreaTitle(10), "Capacity for improvement");
  EXPECT_EQ(AreaTitle(0), "");
  EXPECT_EQ(AreaTitle(11), "");
}

TEST(GradeLabelTest, FollowsTheSixPointScaleFromUnsatisfactoryToExcellent) {
  EXPECT_EQ(GradeLabel(1), "Unsatisfactory");
  EXPECT_EQ(GradeLabel(2), "Weak");
  EXPECT_EQ(GradeLabel(3), "Adequate");
  EXPECT_EQ(GradeLabel(4), "Good");
  EXPECT_EQ(GradeLabel(5), "Very good");
  EXPECT_EQ(GradeLabel(6), "Excellent");
  EXPECT_EQ(GradeLabel(0), "");
  EXPECT_EQ(GradeLabel(7), "");
}

TEST(ThemeOrderTest, SevenHeadingsWithRespectedAndResponsibleAsOne) {
  std::vector<std::string> titles;
  for (common::v1::ShanarriTheme theme : ThemeOrder()) titles.push_back(ThemeTitle(theme));
  EXPECT_THAT(titles, ElementsAre("Safe", "Nurtured", "Healthy", "Achieving", "Active",
                                  "Respected and responsible", "Included"));
}

}  // namespace
}  // namespace pif::reporting
