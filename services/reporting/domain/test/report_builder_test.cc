// The report's structure and figures, built from fake services.
#include "pif/reporting/domain/report_builder.h"

#include <set>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/reporting/testing/fake_sources.h"

namespace pif::reporting {
namespace {

using ::testing::ElementsAre;
using testing::Evaluation;
using testing::FakeIndicator;
using ::testing::HasSubstr;

constexpr char kCouncil[] = "S12000033";

std::vector<FakeIndicator> Catalogue() {
  using common::v1::POLARITY_HIGHER_IS_BETTER;
  using common::v1::POLARITY_LOWER_IS_BETTER;
  return {
      {"1 S.1",
       1,
       common::v1::SHANARRI_THEME_SAFE,
       POLARITY_LOWER_IS_BETTER,
       {20.0, 18.0, 15.0, 14.0, 12.0}},
      {"1 N.1", 1, common::v1::SHANARRI_THEME_NURTURED, POLARITY_LOWER_IS_BETTER, {5.0}},
      {"1 H.4", 1, common::v1::SHANARRI_THEME_HEALTHY, POLARITY_HIGHER_IS_BETTER, {-1.0}},
      {"1 ACH.1",
       1,
       common::v1::SHANARRI_THEME_ACHIEVING,
       POLARITY_HIGHER_IS_BETTER,
       {60.0, 61.0, 62.0, 63.0, 70.0},
       {"1", "1", "1", "1", "2"}},
      {"2 S.4",
       2,
       common::v1::SHANARRI_THEME_SAFE,
       POLARITY_HIGHER_IS_BETTER,
       {80.0, 80.0, 80.0, 80.0, 75.0}},
      {"2 R.5",
       2,
       common::v1::SHANARRI_THEME_RESPECTED_AND_RESPONSIBLE,
       POLARITY_HIGHER_IS_BETTER,
       {50.0}},
      {"2 R.5 child",
       2,
       common::v1::SHANARRI_THEME_RESPECTED_AND_RESPONSIBLE,
       POLARITY_HIGHER_IS_BETTER,
       {40.0}},
      {"2 R.5 parent",
       2,
       common::v1::SHANARRI_THEME_RESPECTED_AND_RESPONSIBLE,
       POLARITY_HIGHER_IS_BETTER,
       {60.0}},
      {"5.1", 5, common::v1::SHANARRI_THEME_UNSPECIFIED, POLARITY_HIGHER_IS_BETTER, {90.0}},
      {"5.2", 5, common::v1::SHANARRI_THEME_UNSPECIFIED, POLARITY_HIGHER_IS_BETTER, {70.0}},
  };
}

common::v1::DataQualityNote Note(const std::string& code, const std::string& indicator,
                                 const std::string& message) {
  common::v1::DataQualityNote note;
  note.set_code(code);
  note.set_indicator_code(indicator);
  note.set_message(message);
  return note;
}

class ReportBuilderTest : public ::testing::Test {
 protected:
  ReportBuilderTest()
      : indicators_(Catalogue()), builder_(indicators_, workforce_, intake_, evaluations_, [] {
          return absl::FromUnixSeconds(1722470400);
        }) {
    request_.council = kCouncil;
    request_.period = {*dates::Date::FromYmd(2023, 8, 1), *dates::Date::FromYmd(2024, 7, 31)};
    request_.breakdowns = {"sex", "locality"};
    evaluations_.current.data_version = 4;
    evaluations_.current.evaluations = {Evaluation("E1", 1, 5, 2024, 6, 1),
                                        Evaluation("E7", 7, 3, 2024, 5, 1),
                                        Evaluation("E8", 7, 6, 2024, 9, 1)};
  }

  v1::Report Build() {
    absl::StatusOr<v1::Report> report = builder_.Build(request_);
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? *report : v1::Report();
  }

  static const v1::Area& AreaOf(const v1::Report& report, int number) {
    for (const v1::KeyQuestion& question : report.key_questions()) {
      for (const v1::Area& area : question.areas()) {
        if (area.number() == number) return area;
      }
    }
    static const v1::Area kMissing;
    ADD_FAILURE() << "no area " << number;
    return kMissing;
  }

  static std::vector<std::string> Codes(
      const google::protobuf::RepeatedPtrField<v1::IndicatorEntry>& entries) {
    std::vector<std::string> codes;
    for (const v1::IndicatorEntry& entry : entries) codes.push_back(entry.result().code());
    return codes;
  }

  static const v1::IndicatorEntry& EntryOf(const v1::Report& report, const std::string& code) {
    for (const v1::KeyQuestion& question : report.key_questions()) {
      for (const v1::Area& area : question.areas()) {
        for (const v1::ThemeGroup& group : area.theme_groups()) {
          for (const v1::IndicatorEntry& entry : group.indicators()) {
            if (entry.result().code() == code) return entry;
          }
        }
        for (const v1::IndicatorEntry& entry : area.indicators()) {
          if (entry.result().code() == code) return entry;
        }
      }
    }
    static const v1::IndicatorEntry kMissing;
    ADD_FAILURE() << "no entry " << code;
    return kMissing;
  }

  testing::FakeIndicators indicators_;
  testing::FakeWorkforce workforce_;
  testing::FakeIntake intake_;
  testing::FakeSelfEvaluations evaluations_;
  ReportBuilder builder_;
  ReportRequest request_;
};

TEST_F(ReportBuilderTest, HoldsTheSixKeyQuestionsAndTheTenAreasInTheFrameworksOrder) {
  const v1::Report report = Build();
  EXPECT_EQ(report.council(), kCouncil);
  EXPECT_EQ(report.period().last_day().year(), 2024);
  EXPECT_EQ(report.disclosure_mode(), common::v1::DISCLOSURE_MODE_PUBLISHED);
  EXPECT_EQ(report.built_at().seconds(), 1722470400);
  std::vector<int> questions;
  std::vector<int> areas;
  for (const v1::KeyQuestion& question : report.key_questions()) {
    questions.push_back(question.number());
    EXPECT_FALSE(question.question().empty());
    for (const v1::Area& area : question.areas()) {
      areas.push_back(area.number());
      EXPECT_FALSE(area.title().empty());
      EXPECT_EQ(area.self_evaluation().area(), area.number());
    }
  }
  EXPECT_THAT(questions, ElementsAre(1, 2, 3, 4, 5, 6));
  EXPECT_THAT(areas, ElementsAre(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
  EXPECT_EQ(report.key_questions(1).areas(1).title(), "Impact on staff");
}

TEST_F(ReportBuilderTest, AreasOneAndTwoGroupTheirIndicatorsByHeadingInTheFrameworksOrder) {
  const v1::Report report = Build();
  const v1::Area& outcomes = AreaOf(report, 1);
  std::vector<std::string> titles;
  for (const v1::ThemeGroup& group : outcomes.theme_groups()) titles.push_back(group.title());
  EXPECT_THAT(titles, ElementsAre("Safe", "Nurtured", "Healthy", "Achieving"));
  EXPECT_THAT(Codes(outcomes.theme_groups(0).indicators()), ElementsAre("1 S.1"));
  EXPECT_THAT(Codes(outcomes.theme_groups(3).indicators()), ElementsAre("1 ACH.1"));
  EXPECT_EQ(outcomes.theme_groups(1).theme(), common::v1::SHANARRI_THEME_NURTURED);
  EXPECT_TRUE(outcomes.indicators().empty());

  const v1::Area& impact = AreaOf(report, 2);
  ASSERT_EQ(impact.theme_groups_size(), 2);
  EXPECT_EQ(impact.theme_groups(0).title(), "Safe");
  EXPECT_EQ(impact.theme_groups(1).title(), "Respected and responsible");
  // 2 R.5's parts are shown only as its respondent breakdown, never on their own.
  EXPECT_THAT(Codes(impact.theme_groups(1).indicators()), ElementsAre("2 R.5"));
}

TEST_F(ReportBuilderTest, AreaFiveHoldsItsProcessesAndAreasSevenAndNineTheWorkforce) {
  const v1::Report report = Build();
  EXPECT_THAT(Codes(AreaOf(report, 5).indicators()), ElementsAre("5.1", "5.2"));
  EXPECT_THAT(Codes(AreaOf(report, 7).indicators()), ElementsAre("7.1", "7.4a"));
  EXPECT_THAT(Codes(AreaOf(report, 9).indicators()), ElementsAre("9.1"));
  for (int area : {3, 4, 6, 8, 10}) {
    EXPECT_TRUE(AreaOf(report, area).indicators().empty()) << area;
    EXPECT_TRUE(AreaOf(report, area).theme_groups().empty()) << area;
  }
}

TEST_F(ReportBuilderTest, EachIndicatorCarriesItsFiguresTrendPreviousValueAndChange) {
  const v1::Report report = Build();
  const v1::IndicatorEntry& safe = EntryOf(report, "1 S.1");
  EXPECT_EQ(safe.result().value().value(), 12.0);
  EXPECT_EQ(safe.result().numerator().value(), 120);
  EXPECT_EQ(safe.result().denominator().value(), 1000);
  EXPECT_EQ(safe.result().unknown().value(), 3);
  std::vector<double> trend;
  std::vector<int> years;
  for (const v1::TrendPoint& point : safe.trend_points()) {
    trend.push_back(point.value().value());
    years.push_back(point.period().last_day().year());
  }
  EXPECT_THAT(trend, ElementsAre(20.0, 18.0, 15.0, 14.0, 12.0));
  EXPECT_THAT(years, ElementsAre(2020, 2021, 2022, 2023, 2024));
  EXPECT_EQ(safe.previous().value().value(), 14.0);
  EXPECT_EQ(safe.previous().period().first_day().year(), 2022);
  // Lower is better and it fell from 14.0 to 12.0.
  EXPECT_EQ(safe.change(), v1::CHANGE_IMPROVED);
  EXPECT_EQ(safe.result_id(), "indicators-4");
  EXPECT_EQ(safe.trend_points(0).result_id(), "indicators-0");

  EXPECT_EQ(EntryOf(report, "2 S.4").change(), v1::CHANGE_WORSENED);
  EXPECT_EQ(EntryOf(report, "1 N.1").change(), v1::CHANGE_SAME);
  EXPECT_EQ(EntryOf(report, "1 H.4").change(), v1::CHANGE_NOT_COMPARABLE);
  EXPECT_EQ(EntryOf(report, "7.1").change(), v1::CHANGE_IMPROVED);
  EXPECT_EQ(EntryOf(report, "7.1").trend_points_size(), 5);
  EXPECT_EQ(EntryOf(report, "7.1").result_id(), "workforce-4");
}

TEST_F(ReportBuilderTest, ADefinitionChangeInTheTrendIsNotComparableAndNoted) {
  const v1::Report report = Build();
  const v1::IndicatorEntry& achieving = EntryOf(report, "1 ACH.1");
  EXPECT_EQ(achieving.change(), v1::CHANGE_NOT_COMPARABLE);
  ASSERT_EQ(achieving.notes_size(), 1);
  EXPECT_EQ(achieving.notes(0).code(), "DEFINITION_CHANGED");
  EXPECT_EQ(achieving.notes(0).indicator_code(), "1 ACH.1");
  EXPECT_THAT(achieving.notes(0).message(), HasSubstr("2022-08-01 to 2023-07-31"));
}

TEST_F(ReportBuilderTest, AShorterTrendStillComparesWithThePreviousPeriod) {
  request_.trend_period_count = 1;
  const v1::Report report = Build();
  EXPECT_EQ(indicators_.last_request.list().periods_size(), 2);
  EXPECT_EQ(workforce_.requests.size(), 2u);
  const v1::IndicatorEntry& safe = EntryOf(report, "1 S.1");
  // The fake gives the two periods its first two values, 20.0 then 18.0.
  ASSERT_EQ(safe.trend_points_size(), 1);
  EXPECT_EQ(safe.trend_points(0).value().value(), 18.0);
  EXPECT_EQ(safe.previous().value().value(), 20.0);
  EXPECT_EQ(safe.change(), v1::CHANGE_IMPROVED);
}

TEST_F(ReportBuilderTest, AsksEachServiceForEveryTrendPeriodInTheReportsMode) {
  request_.mode = common::v1::DISCLOSURE_MODE_INTERNAL;
  Build();
  const indicators::v1::ComputeIndicatorSeriesRequest& series = indicators_.last_request;
  EXPECT_EQ(series.council(), kCouncil);
  EXPECT_EQ(series.disclosure_mode(), common::v1::DISCLOSURE_MODE_INTERNAL);
  EXPECT_THAT(series.breakdown_dimensions(), ElementsAre("sex", "locality"));
  EXPECT_TRUE(series.codes().empty());
  ASSERT_EQ(series.list().periods_size(), 5);
  EXPECT_EQ(series.list().periods(0).first_day().year(), 2019);
  EXPECT_EQ(series.list().periods(4).last_day().year(), 2024);
  ASSERT_EQ(workforce_.requests.size(), 5u);
  EXPECT_EQ(workforce_.requests[0].period().first_day().year(), 2019);
  EXPECT_EQ(workforce_.requests[4].disclosure_mode(), common::v1::DISCLOSURE_MODE_INTERNAL);
}

TEST_F(ReportBuilderTest, NotesComeFromIntakeAndTheServicesWithoutThe2R5Parts) {
  intake_.open_rejections = 12;
  indicators_.notes = {Note("REJECTIONS_OUTSTANDING", "", "from the indicators service"),
                       Note("UNKNOWN_VALUES", "1 S.1", "40 of 400 units of 1 S.1 ..."),
                       Note("UNKNOWN_VALUES", "2 R.5 child", "7 of 50 units of 2 R.5 child"),
                       Note("SOMETHING_GENERAL", "", "about every indicator")};
  workforce_.notes = {Note("REJECTIONS_OUTSTANDING", "", "3 workforce records are rejected"),
                      Note("UNKNOWN_VALUES", "7.1", "2 staff left out")};
  const v1::Report report = Build();
  std::vector<std::string> messages;
  for (const common::v1::DataQualityNote& note : report.notes()) messages.push_back(note.message());
  EXPECT_THAT(messages,
              ElementsAre("12 records are still rejected at intake and not counted in these "
                          "figures.",
                          "about every indicator", "3 workforce records are rejected"));
  EXPECT_EQ(report.notes(0).count(), 12);
  EXPECT_EQ(report.notes(0).code(), "REJECTIONS_OUTSTANDING");
  ASSERT_EQ(EntryOf(report, "1 S.1").notes_size(), 1);
  EXPECT_EQ(EntryOf(report, "1 S.1").notes(0).code(), "UNKNOWN_VALUES");
  ASSERT_EQ(EntryOf(report, "7.1").notes_size(), 1);
  EXPECT_EQ(EntryOf(report, "7.1").notes(0).message(), "2 staff left out");
  for (const common::v1::DataQualityNote& note : report.notes()) {
    EXPECT_NE(note.indicator_code(), "2 R.5 child");
  }
}

TEST_F(ReportBuilderTest, NoRejectionsAtIntakeGiveNoRejectionNote) {
  const v1::Report report = Build();
  EXPECT_TRUE(report.notes().empty());
}

TEST_F(ReportBuilderTest, EveryFigurePointsToASourceAndEverySourceIsListedOnce) {
  const v1::Report report = Build();
  std::set<std::string> ids;
  for (const common::v1::Provenance& source : report.sources()) {
    EXPECT_TRUE(ids.insert(source.result_id()).second) << source.result_id();
  }
  EXPECT_EQ(report.sources_size(), 11);
  EXPECT_EQ(ids.count("self-evaluations@4"), 1u);
  for (const char* code : {"1 S.1", "2 R.5", "5.2", "9.1"}) {
    const v1::IndicatorEntry& entry = EntryOf(report, code);
    EXPECT_EQ(ids.count(entry.result_id()), 1u) << code;
    for (const v1::TrendPoint& point : entry.trend_points()) {
      EXPECT_EQ(ids.count(point.result_id()), 1u) << code;
    }
  }
  const common::v1::Provenance& evaluations = report.sources(10);
  EXPECT_EQ(evaluations.definitions_version(), kSelfEvaluationDefinitionsVersion);
  EXPECT_EQ(evaluations.computed_at().seconds(), 1722470400);
  EXPECT_EQ(report.sources(0).intake_data_version(), 7);
  EXPECT_EQ(report.sources(5).workforce_data_version(), 3);
}

TEST_F(ReportBuilderTest, AreaTenHoldsTheSelfEvaluationSummaryAtTheCensusDate) {
  const v1::Report report = Build();
  const v1::Area& capacity = AreaOf(report, 10);
  ASSERT_TRUE(capacity.has_self_evaluation_summary());
  const v1::SelfEvaluationSummary& summary = capacity.self_evaluation_summary();
  EXPECT_EQ(summary.evaluated_area_count(), 2);
  EXPECT_EQ(summary.median_grade(), 4.0);  // grades 5 and 3; E8 is dated after the census date
  EXPECT_EQ(summary.areas(6).self_evaluation().eval_id(), "E7");
  EXPECT_EQ(AreaOf(report, 7).self_evaluation().grade_label(), "Adequate");
  EXPECT_EQ(AreaOf(report, 1).self_evaluation().self_evaluation().grade(), 5);
  EXPECT_FALSE(AreaOf(report, 2).self_evaluation().has_self_evaluation());
  EXPECT_FALSE(AreaOf(report, 1).has_self_evaluation_summary());
}

TEST_F(ReportBuilderTest, AnUnavailableServiceFailsTheBuildNamingIt) {
  indicators_.failure = absl::UnavailableError("the indicators service at x:1 is unavailable");
  absl::StatusOr<v1::Report> report = builder_.Build(request_);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(report.status().message(), HasSubstr("indicators"));
  indicators_.failure = absl::OkStatus();

  workforce_.failure = absl::UnavailableError("the workforce service at x:2 is unavailable");
  EXPECT_THAT(builder_.Build(request_).status().message(), HasSubstr("workforce"));
  workforce_.failure = absl::OkStatus();

  intake_.failure = absl::UnavailableError("the intake service at x:3 is unavailable");
  EXPECT_EQ(builder_.Build(request_).status().code(), absl::StatusCode::kUnavailable);
  intake_.failure = absl::OkStatus();

  evaluations_.failure = absl::UnavailableError("database");
  EXPECT_EQ(builder_.Build(request_).status().code(), absl::StatusCode::kUnavailable);
}

TEST_F(ReportBuilderTest, FiguresInAnotherDisclosureModeThanAskedAreRefused) {
  indicators_.answer_mode = common::v1::DISCLOSURE_MODE_INTERNAL;
  absl::StatusOr<v1::Report> report = builder_.Build(request_);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(report.status().message(), HasSubstr("INTERNAL figures"));
}

}  // namespace
}  // namespace pif::reporting
