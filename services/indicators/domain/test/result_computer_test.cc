#include "pif/indicators/domain/result_computer.h"

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/core/domain_status.h"
#include "pif/engine/testing/builder.h"
#include "pif/indicators/testing/domain_fakes.h"

namespace pif::indicators {
namespace {

using engine::testing::RecordsBuilder;
using testing::FakeIndicatorsStore;
using testing::FakeSnapshotSource;

constexpr char kCouncil[] = "S12000033";
// No floor beyond what a policy may say: the computer's own rules; the floor is tested below.
constexpr DisclosureFloor kNoFloor{1, 1, false};

// Eight children referred in the CLAS year 2023-24, three of them a repeat within 365 days:
// 1 S.1 is 3 of 8 (37.5 %); in the CLAS year 2022-23 two children were referred, one a repeat.
engine::CaseRecords EightReferredThreeRepeats() {
  RecordsBuilder b;
  for (int i = 1; i <= 8; ++i) {
    const std::string id = "C" + std::to_string(i);
    b.AddChild(id, "2012-05-01", i % 2 == 0 ? "M" : "F");
    b.AddReferral("R" + std::to_string(i), id, "2024-01-10");
  }
  b.AddReferral("R1a", "C1", "2023-06-01");  // repeat of C1, also in 2022-23
  b.AddReferral("R2a", "C2", "2023-09-01");  // C2's first in-period referral, repeated below
  b.AddReferral("R3a", "C3", "2023-03-01");
  b.AddChild("C9", "2012-05-01", "F");
  b.AddReferral("R9", "C9", "2022-09-01");
  return b.Build();
}

figures::PeriodFields Fields(int first_year, int first_month, int first_day, int last_year,
                             int last_month, int last_day) {
  return {figures::DayFields{first_year, first_month, first_day},
          figures::DayFields{last_year, last_month, last_day}};
}

figures::PeriodFields ClasYear(int year) { return Fields(year, 8, 1, year + 1, 7, 31); }

class ResultComputerTest : public ::testing::Test {
 protected:
  ResultComputerTest()
      : cache_(&source_, 8), policies_(&store_, kNoFloor), computer_(&cache_, &store_, &policies_) {
    source_.Set(kCouncil, EightReferredThreeRepeats(), 12);
  }

  ComputeRequest Request(DisclosureMode mode) {
    ComputeRequest request;
    request.council = kCouncil;
    request.period = ClasYear(2023);
    request.codes = {"1 S.1"};
    request.mode = mode;
    return request;
  }

  FakeSnapshotSource source_;
  FakeIndicatorsStore store_;
  SnapshotCache cache_;
  DisclosurePolicies policies_;
  ResultComputer computer_;
};

TEST_F(ResultComputerTest, InternalFiguresShowEveryCountWithProvenance) {
  auto computed = computer_.Compute(Request(DisclosureMode::kInternal));
  ASSERT_TRUE(computed.ok()) << computed.status();
  EXPECT_FALSE(computed->reused);
  const ResultSet& set = computed->set;
  EXPECT_EQ(set.provenance.council, kCouncil);
  EXPECT_EQ(set.provenance.intake_data_version, 12);
  EXPECT_EQ(set.provenance.definitions_version, engine::DefinitionsVersion());
  EXPECT_EQ(set.provenance.result_id, "result-1");
  EXPECT_FALSE(set.provenance.policy.has_value());
  ASSERT_EQ(set.results.size(), 1u);
  const IndicatorFigures& s1 = set.results[0];
  EXPECT_EQ(s1.code, "1 S.1");
  EXPECT_EQ(s1.numerator.value, 3);
  EXPECT_EQ(s1.denominator.value, 8);
  EXPECT_EQ(s1.percent.value, 37.5);
  EXPECT_EQ(s1.polarity, figures::Polarity::kLowerIsBetter);
}

TEST_F(ResultComputerTest, PublishedFiguresSuppressTheSmallNumeratorAndWithholdItsPercentage) {
  auto computed = computer_.Compute(Request(DisclosureMode::kPublished));
  ASSERT_TRUE(computed.ok()) << computed.status();
  const IndicatorFigures& s1 = computed->set.results.at(0);
  EXPECT_FALSE(s1.numerator.value.has_value());
  EXPECT_EQ(s1.numerator.reason, figures::SuppressionReason::kPrimary);
  EXPECT_EQ(s1.denominator.value, 8);
  EXPECT_FALSE(s1.percent.value.has_value());
  EXPECT_EQ(s1.percent.reason, figures::WithholdReason::kNumeratorSuppressed);
  ASSERT_TRUE(computed->set.provenance.policy.has_value());
  EXPECT_EQ(computed->set.provenance.policy->smallest_shown_count, 6);
}

TEST_F(ResultComputerTest, PublishedFiguresFollowTheCouncilsOwnPolicy) {
  ASSERT_TRUE(policies_.Set({kCouncil, 3, 5, false}, "tester").ok());
  auto computed = computer_.Compute(Request(DisclosureMode::kPublished));
  ASSERT_TRUE(computed.ok()) << computed.status();
  const IndicatorFigures& s1 = computed->set.results.at(0);
  EXPECT_EQ(s1.numerator.value, 3);
  EXPECT_EQ(s1.percent.value, 37.5);
  EXPECT_EQ(computed->set.provenance.policy->smallest_shown_count, 3);
}

TEST_F(ResultComputerTest, PublishedFiguresApplyTheFloorOverAPolicyStoredBelowIt) {
  // Stored before the floor was raised: 3, 5 and no secondary suppression.
  ASSERT_TRUE(store_.SavePolicy(kCouncil, {3, 5, false}, "earlier").ok());
  DisclosurePolicies floored(&store_, DisclosureFloor{});
  ResultComputer computer(&cache_, &store_, &floored);
  auto computed = computer.Compute(Request(DisclosureMode::kPublished));
  ASSERT_TRUE(computed.ok()) << computed.status();
  const IndicatorFigures& s1 = computed->set.results.at(0);
  EXPECT_FALSE(s1.numerator.value.has_value());
  EXPECT_EQ(s1.numerator.reason, figures::SuppressionReason::kPrimary);
  ASSERT_TRUE(computed->set.provenance.policy.has_value());
  EXPECT_EQ(computed->set.provenance.policy->smallest_shown_count, 6);
  EXPECT_EQ(computed->set.provenance.policy->min_percent_denominator, 10);
  EXPECT_TRUE(computed->set.provenance.policy->secondary_suppression);
  // INTERNAL figures are not published: the floor leaves them whole.
  auto internal = computer.Compute(Request(DisclosureMode::kInternal));
  ASSERT_TRUE(internal.ok()) << internal.status();
  EXPECT_EQ(internal->set.results.at(0).numerator.value, 3);
}

TEST_F(ResultComputerTest, SecondComputeOnUnchangedDataReturnsTheStoredSetWithoutPulling) {
  auto first = computer_.Compute(Request(DisclosureMode::kInternal));
  ASSERT_TRUE(first.ok()) << first.status();
  auto second = computer_.Compute(Request(DisclosureMode::kInternal));
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_TRUE(second->reused);
  EXPECT_EQ(second->set.provenance.result_id, first->set.provenance.result_id);
  EXPECT_EQ(second->set.provenance.computed_at, first->set.provenance.computed_at);
  EXPECT_EQ(second->set.results.at(0).numerator.value, 3);
  EXPECT_EQ(source_.load_calls(), 1);
  EXPECT_EQ(store_.save_calls(), 1);
}

TEST_F(ResultComputerTest, AnotherComputationOnUnchangedDataUsesTheCachedSnapshot) {
  ASSERT_TRUE(computer_.Compute(Request(DisclosureMode::kInternal)).ok());
  auto published = computer_.Compute(Request(DisclosureMode::kPublished));
  ASSERT_TRUE(published.ok()) << published.status();
  EXPECT_FALSE(published->reused);
  EXPECT_EQ(source_.load_calls(), 1);
  EXPECT_EQ(store_.stored_count(), 2u);
}

TEST_F(ResultComputerTest, ChangedDataIsPulledAndComputedAgain) {
  auto first = computer_.Compute(Request(DisclosureMode::kInternal));
  ASSERT_TRUE(first.ok());
  RecordsBuilder more;
  more.AddChild("C1");
  more.AddReferral("R1", "C1", "2024-01-10");
  source_.Set(kCouncil, more.Build(), 13);
  auto second = computer_.Compute(Request(DisclosureMode::kInternal));
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_FALSE(second->reused);
  EXPECT_EQ(second->set.provenance.intake_data_version, 13);
  EXPECT_NE(second->set.provenance.result_id, first->set.provenance.result_id);
  EXPECT_EQ(second->set.results.at(0).denominator.value, 1);
  EXPECT_EQ(source_.load_calls(), 2);
}

TEST_F(ResultComputerTest, UnreachableIntakeIsUnavailableNeverAZeroResult) {
  source_.FailWith(absl::UnavailableError("the intake service at 127.0.0.1:1 is unavailable: x"));
  auto computed = computer_.Compute(Request(DisclosureMode::kInternal));
  EXPECT_EQ(computed.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(computed.status().message()), ::testing::HasSubstr("intake"));
  EXPECT_EQ(store_.save_calls(), 0);
}

TEST_F(ResultComputerTest, ResultsComeInCatalogueOrderWhateverTheRequestOrder) {
  ComputeRequest request = Request(DisclosureMode::kInternal);
  request.codes = {"5.1", "1 S.1", "1 N.5a", "1 S.1"};
  auto computed = computer_.Compute(request);
  ASSERT_TRUE(computed.ok()) << computed.status();
  std::vector<std::string> codes;
  for (const IndicatorFigures& figures : computed->set.results) codes.push_back(figures.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"1 S.1", "1 N.5a", "5.1"}));
}

TEST_F(ResultComputerTest, EmptyCodesComputeTheWholeCatalogue) {
  ComputeRequest request = Request(DisclosureMode::kInternal);
  request.codes.clear();
  auto computed = computer_.Compute(request);
  ASSERT_TRUE(computed.ok()) << computed.status();
  EXPECT_EQ(computed->set.results.size(), engine::Catalogue().size());
}

TEST_F(ResultComputerTest, BreakdownCellsNameNotRecordedAsTheContractDoes) {
  ComputeRequest request = Request(DisclosureMode::kInternal);
  request.breakdowns = {"locality", "sex"};
  auto computed = computer_.Compute(request);
  ASSERT_TRUE(computed.ok()) << computed.status();
  std::vector<std::string> cells;
  for (const figures::PublishedCell& cell : computed->set.results.at(0).breakdowns) {
    cells.push_back(cell.dimension + "=" + cell.category + ":" +
                    std::to_string(*cell.numerator.value) + "/" +
                    std::to_string(*cell.denominator.value));
  }
  // C1 and C3 (F) and C2 (M) are the repeats.
  EXPECT_EQ(cells,
            (std::vector<std::string>{"locality=NOT_RECORDED:3/8", "sex=F:2/4", "sex=M:1/4"}));
}

TEST_F(ResultComputerTest, OutstandingRejectionsAreNotedWithTheirCount) {
  source_.SetOpenRejections(312);
  auto computed = computer_.Compute(Request(DisclosureMode::kInternal));
  ASSERT_TRUE(computed.ok()) << computed.status();
  ASSERT_FALSE(computed->set.notes.empty());
  EXPECT_EQ(computed->set.notes[0].code, "REJECTIONS_OUTSTANDING");
  EXPECT_EQ(computed->set.notes[0].count, 312);
  EXPECT_EQ(computed->set.notes[0].message,
            "312 records are still rejected at intake and not counted in these figures.");
}

TEST_F(ResultComputerTest, BadRequestsNameTheField) {
  struct Case {
    std::function<void(ComputeRequest&)> spoil;
    std::string field;
    std::string rule;
  };
  const std::vector<Case> cases = {
      {[](ComputeRequest& r) { r.council = "S1200003"; }, "council", "MALFORMED_COUNCIL"},
      {[](ComputeRequest& r) { r.council = "s12000033"; }, "council", "MALFORMED_COUNCIL"},
      {[](ComputeRequest& r) { r.council.clear(); }, "council", "REQUIRED_FIELD_MISSING"},
      {[](ComputeRequest& r) { r.period = {}; }, "period", "REQUIRED_FIELD_MISSING"},
      {[](ComputeRequest& r) { r.period.last_day.reset(); }, "period.last_day",
       "REQUIRED_FIELD_MISSING"},
      {[](ComputeRequest& r) { r.period = Fields(2024, 2, 30, 2024, 3, 1); }, "period.first_day",
       "MALFORMED_DATE"},
      {[](ComputeRequest& r) { r.period = Fields(2024, 3, 2, 2024, 3, 1); }, "period.last_day",
       "PERIOD_END_BEFORE_START"},
      {[](ComputeRequest& r) {
         r.codes = {"1 S.1", "1 S.9"};
       },
       "codes[1]", "UNKNOWN_INDICATOR_CODE"},
      {[](ComputeRequest& r) {
         r.breakdowns = {"sex", "shoe_size"};
       },
       "breakdown_dimensions[1]", "UNKNOWN_BREAKDOWN_DIMENSION"},
  };
  for (const Case& c : cases) {
    ComputeRequest request = Request(DisclosureMode::kInternal);
    c.spoil(request);
    auto computed = computer_.Compute(request);
    EXPECT_EQ(computed.status().code(), absl::StatusCode::kInvalidArgument) << c.field;
    const std::vector<FieldViolation> violations = FieldViolationsOf(computed.status());
    ASSERT_EQ(violations.size(), 1u) << c.field;
    EXPECT_EQ(violations[0].field, c.field);
    EXPECT_EQ(violations[0].rule_code, c.rule);
  }
  EXPECT_EQ(source_.load_calls(), 0);
}

TEST_F(ResultComputerTest, SeriesComputesEveryPeriodFromOneSnapshot) {
  SeriesRequest request;
  request.council = kCouncil;
  request.sequence = SequenceFields{ClasYear(2022), 2, 0};
  request.codes = {"1 S.1"};
  request.mode = DisclosureMode::kInternal;
  auto series = computer_.ComputeSeries(request);
  ASSERT_TRUE(series.ok()) << series.status();
  ASSERT_EQ(series->size(), 2u);
  const ResultSet& earlier = (*series)[0];
  const ResultSet& later = (*series)[1];
  EXPECT_EQ(earlier.provenance.period.first.ToString(), "2022-08-01");
  EXPECT_EQ(earlier.provenance.period.last.ToString(), "2023-07-31");
  EXPECT_EQ(later.provenance.period.first.ToString(), "2023-08-01");
  EXPECT_EQ(later.provenance.period.last.ToString(), "2024-07-31");
  // 2022-23: C1 (R1a) and C3 (R3a) and C9 referred, none a repeat; 2023-24: 3 of 8.
  EXPECT_EQ(earlier.results.at(0).numerator.value, 0);
  EXPECT_EQ(earlier.results.at(0).denominator.value, 3);
  EXPECT_EQ(later.results.at(0).numerator.value, 3);
  EXPECT_EQ(later.results.at(0).denominator.value, 8);
  EXPECT_EQ(earlier.provenance.intake_data_version, later.provenance.intake_data_version);
  EXPECT_NE(earlier.provenance.result_id, later.provenance.result_id);
  EXPECT_EQ(source_.load_calls(), 1);
}

TEST_F(ResultComputerTest, SeriesReusesStoredPeriodsAndComputesOnlyTheNewOnes) {
  ComputeRequest single = Request(DisclosureMode::kInternal);
  auto stored = computer_.Compute(single);
  ASSERT_TRUE(stored.ok());
  SeriesRequest request;
  request.council = kCouncil;
  request.list = std::vector<figures::PeriodFields>{ClasYear(2022), ClasYear(2023)};
  request.codes = {"1 S.1"};
  request.mode = DisclosureMode::kInternal;
  auto series = computer_.ComputeSeries(request);
  ASSERT_TRUE(series.ok()) << series.status();
  EXPECT_EQ((*series)[1].provenance.result_id, stored->set.provenance.result_id);
  EXPECT_EQ(store_.save_calls(), 2);
}

TEST_F(ResultComputerTest, SeriesNeedsOneToTenPeriods) {
  SeriesRequest request;
  request.council = kCouncil;
  EXPECT_EQ(FieldViolationsOf(computer_.ComputeSeries(request).status()).at(0).field, "periods");
  request.sequence = SequenceFields{ClasYear(2022), 11, 12};
  EXPECT_EQ(FieldViolationsOf(computer_.ComputeSeries(request).status()).at(0).field,
            "sequence.count");
  request.sequence.reset();
  request.list = std::vector<figures::PeriodFields>{ClasYear(2022), Fields(2024, 1, 2, 2024, 1, 1)};
  EXPECT_EQ(FieldViolationsOf(computer_.ComputeSeries(request).status()).at(0).field,
            "list.periods[1].last_day");
}

// --- The parts of 2 R.5 are published only as its respondent cells ---

// Answers to LIFE_IMPROVED in the CLAS year 2023-24: 8 children (3 YES) and 12 parents or carers
// (10 YES). 2 R.5 is 13 of 20; its part `2 R.5 child` 3 of 8 (a small numerator) and its part
// `2 R.5 parent` 10 of 12, so a published 13 and 10 would give the suppressed 3 away.
engine::CaseRecords LivesImproved() {
  RecordsBuilder b;
  for (int i = 1; i <= 12; ++i) {
    const std::string id = "C" + std::to_string(i);
    b.AddChild(id, "2010-06-15", i % 2 == 0 ? "M" : "F");
    b.AddAnswer("P" + std::to_string(i), id, "PARENT_CARER", "2023-10-01", "LIFE_IMPROVED",
                i <= 10 ? "YES" : "NO");
    if (i <= 8) {
      b.AddAnswer("K" + std::to_string(i), id, "CHILD", "2023-10-01", "LIFE_IMPROVED",
                  i <= 3 ? "YES" : "NO");
    }
  }
  return b.Build();
}

std::vector<std::string> CodesOf(const ResultSet& set) {
  std::vector<std::string> codes;
  for (const IndicatorFigures& figures : set.results) codes.push_back(figures.code);
  return codes;
}

const IndicatorFigures* FiguresOf(const ResultSet& set, const std::string& code) {
  for (const IndicatorFigures& figures : set.results) {
    if (figures.code == code) return &figures;
  }
  return nullptr;
}

const figures::PublishedCell* CellOf(const IndicatorFigures& figures, const std::string& dimension,
                                     const std::string& category) {
  for (const figures::PublishedCell& cell : figures.breakdowns) {
    if (cell.dimension == dimension && cell.category == category) return &cell;
  }
  return nullptr;
}

// Every catalogue code except the two parts of 2 R.5.
std::vector<std::string> CodesPublishedOnTheirOwn() {
  std::vector<std::string> codes;
  for (const engine::Indicator& indicator : engine::Catalogue()) {
    const std::string& code = indicator.definition.code;
    if (code != "2 R.5 child" && code != "2 R.5 parent") codes.push_back(code);
  }
  return codes;
}

TEST(PublicationRuleTest, OnlyThePartsOf2R5ArePublishedOnlyAsItsRespondentCells) {
  for (const engine::Indicator& indicator : engine::Catalogue()) {
    const std::string& code = indicator.definition.code;
    EXPECT_EQ(PublishedOnlyAsBreakdown(code) != nullptr,
              code == "2 R.5 child" || code == "2 R.5 parent")
        << code;
  }
  const BreakdownCellOnly* child = PublishedOnlyAsBreakdown("2 R.5 child");
  ASSERT_NE(child, nullptr);
  EXPECT_STREQ(child->whole, "2 R.5");
  EXPECT_STREQ(child->dimension, "respondent");
  EXPECT_STREQ(child->category, "CHILD");
  const BreakdownCellOnly* parent = PublishedOnlyAsBreakdown("2 R.5 parent");
  ASSERT_NE(parent, nullptr);
  EXPECT_STREQ(parent->whole, "2 R.5");
  EXPECT_STREQ(parent->dimension, "respondent");
  EXPECT_STREQ(parent->category, "PARENT_CARER");
  // The parts really are 2 R.5's respondent cells: 2 R.5 declares that dimension of its own.
  const engine::Indicator* whole = engine::FindIndicator("2 R.5");
  ASSERT_NE(whole, nullptr);
  EXPECT_EQ(PublishedOnlyAsBreakdown("2 R.5"), nullptr);
}

TEST(PublicationRuleTest, PublishedCodesLeaveThePartsOutAndRefuseThemByName) {
  absl::StatusOr<std::vector<std::string>> all = CheckCodesFor({}, DisclosureMode::kPublished);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(*all, CodesPublishedOnTheirOwn());
  EXPECT_EQ(all->size(), engine::Catalogue().size() - 2);
  EXPECT_THAT(*all, ::testing::Contains("2 R.5"));

  // INTERNAL: unchanged, the parts included.
  absl::StatusOr<std::vector<std::string>> internal = CheckCodesFor({}, DisclosureMode::kInternal);
  ASSERT_TRUE(internal.ok()) << internal.status();
  EXPECT_TRUE(internal->empty());
  internal = CheckCodesFor({"2 R.5 parent", "2 R.5", "2 R.5 child"}, DisclosureMode::kInternal);
  ASSERT_TRUE(internal.ok()) << internal.status();
  EXPECT_EQ(*internal, (std::vector<std::string>{"2 R.5", "2 R.5 child", "2 R.5 parent"}));

  struct Case {
    std::vector<std::string> codes;
    std::string field;
    std::string part;
    std::string category;
  };
  const std::vector<Case> cases = {
      {{"1 S.1", "2 R.5 child"}, "codes[1]", "2 R.5 child", "CHILD"},
      {{"2 R.5 parent"}, "codes[0]", "2 R.5 parent", "PARENT_CARER"},
      {{"2 R.5", "2 R.5 parent", "2 R.5 child"}, "codes[1]", "2 R.5 parent", "PARENT_CARER"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::vector<std::string>> refused =
        CheckCodesFor(c.codes, DisclosureMode::kPublished);
    ASSERT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument) << c.field;
    const std::string message(refused.status().message());
    EXPECT_THAT(message, ::testing::HasSubstr("\"" + c.part + "\" is not published on its own"));
    EXPECT_THAT(message, ::testing::HasSubstr("only as the " + c.category +
                                              " cell of the respondent breakdown of \"2 R.5\""));
    const std::vector<FieldViolation> violations = FieldViolationsOf(refused.status());
    ASSERT_EQ(violations.size(), 1u);
    EXPECT_EQ(violations[0].field, c.field);
    EXPECT_EQ(violations[0].rule_code, "PUBLISHED_ONLY_AS_BREAKDOWN");
    EXPECT_EQ(violations[0].message, message);
  }
  // An unknown code is still reported as such first.
  EXPECT_EQ(FieldViolationsOf(
                CheckCodesFor({"2 R.5 child", "1 Z.9"}, DisclosureMode::kPublished).status())
                .at(0)
                .rule_code,
            "UNKNOWN_INDICATOR_CODE");
}

TEST_F(ResultComputerTest, PublishedFiguresOfEveryIndicatorShowThePartsOnlyAsCellsOf2R5) {
  source_.Set(kCouncil, LivesImproved(), 12);
  ComputeRequest request = Request(DisclosureMode::kPublished);
  request.codes.clear();
  auto computed = computer_.Compute(request);
  ASSERT_TRUE(computed.ok()) << computed.status();
  EXPECT_EQ(CodesOf(computed->set), CodesPublishedOnTheirOwn());
  const IndicatorFigures* all = FiguresOf(computed->set, "2 R.5");
  ASSERT_NE(all, nullptr);
  EXPECT_EQ(all->numerator.value, 13);
  EXPECT_EQ(all->denominator.value, 20);
  // The parts are the respondent cells, protected together: the small child numerator is
  // suppressed and so, secondarily, is the parent one, so 13 minus a shown part gives nothing.
  const figures::PublishedCell* child = CellOf(*all, "respondent", "CHILD");
  const figures::PublishedCell* parent = CellOf(*all, "respondent", "PARENT_CARER");
  ASSERT_NE(child, nullptr);
  ASSERT_NE(parent, nullptr);
  EXPECT_FALSE(child->numerator.value.has_value());
  EXPECT_EQ(child->numerator.reason, figures::SuppressionReason::kPrimary);
  EXPECT_FALSE(parent->numerator.value.has_value());
  EXPECT_EQ(parent->numerator.reason, figures::SuppressionReason::kSecondary);
  EXPECT_EQ(child->denominator.value, 8);
  EXPECT_EQ(parent->denominator.value, 12);
  for (const DataQualityNote& note : computed->set.notes) {
    EXPECT_EQ(PublishedOnlyAsBreakdown(note.indicator_code), nullptr) << note.indicator_code;
  }
}

TEST_F(ResultComputerTest, InternalFiguresStillCarry2R5AndBothPartsOnTheirOwn) {
  source_.Set(kCouncil, LivesImproved(), 12);
  ComputeRequest request = Request(DisclosureMode::kInternal);
  request.codes.clear();
  auto computed = computer_.Compute(request);
  ASSERT_TRUE(computed.ok()) << computed.status();
  EXPECT_EQ(computed->set.results.size(), engine::Catalogue().size());
  const IndicatorFigures* all = FiguresOf(computed->set, "2 R.5");
  const IndicatorFigures* child = FiguresOf(computed->set, "2 R.5 child");
  const IndicatorFigures* parent = FiguresOf(computed->set, "2 R.5 parent");
  ASSERT_NE(all, nullptr);
  ASSERT_NE(child, nullptr);
  ASSERT_NE(parent, nullptr);
  EXPECT_EQ(all->numerator.value, 13);
  EXPECT_EQ(child->numerator.value, 3);
  EXPECT_EQ(child->denominator.value, 8);
  EXPECT_EQ(parent->numerator.value, 10);
  EXPECT_EQ(parent->denominator.value, 12);

  request.codes = {"2 R.5 child"};
  auto one = computer_.Compute(request);
  ASSERT_TRUE(one.ok()) << one.status();
  EXPECT_EQ(CodesOf(one->set), (std::vector<std::string>{"2 R.5 child"}));
}

TEST_F(ResultComputerTest, PublishedFiguresOfAPartAreRefusedBeforeAnythingIsComputed) {
  source_.Set(kCouncil, LivesImproved(), 12);
  for (const char* part : {"2 R.5 child", "2 R.5 parent"}) {
    ComputeRequest request = Request(DisclosureMode::kPublished);
    request.codes = {"2 R.5", part};
    auto computed = computer_.Compute(request);
    EXPECT_EQ(computed.status().code(), absl::StatusCode::kInvalidArgument) << part;
    EXPECT_THAT(std::string(computed.status().message()),
                ::testing::HasSubstr(absl::StrCat("\"", part, "\" is not published on its own")));
    ASSERT_EQ(FieldViolationsOf(computed.status()).size(), 1u);
    EXPECT_EQ(FieldViolationsOf(computed.status())[0].field, "codes[1]");

    SeriesRequest series;
    series.council = kCouncil;
    series.sequence = SequenceFields{ClasYear(2022), 2, 0};
    series.codes = {part};
    series.mode = DisclosureMode::kPublished;
    auto refused = computer_.ComputeSeries(series);
    EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument) << part;
    EXPECT_EQ(FieldViolationsOf(refused.status()).at(0).rule_code, "PUBLISHED_ONLY_AS_BREAKDOWN");
  }
  EXPECT_EQ(source_.load_calls(), 0);
  EXPECT_EQ(store_.find_calls(), 0);
  EXPECT_EQ(store_.save_calls(), 0);
}

TEST_F(ResultComputerTest, PublishedSeriesOfEveryIndicatorLeaveThePartsOut) {
  source_.Set(kCouncil, LivesImproved(), 12);
  SeriesRequest request;
  request.council = kCouncil;
  request.list = std::vector<figures::PeriodFields>{ClasYear(2022), ClasYear(2023)};
  request.mode = DisclosureMode::kPublished;
  auto series = computer_.ComputeSeries(request);
  ASSERT_TRUE(series.ok()) << series.status();
  ASSERT_EQ(series->size(), 2u);
  for (const ResultSet& set : *series) {
    EXPECT_EQ(CodesOf(set), CodesPublishedOnTheirOwn());
  }
  // The same computation as ComputeIndicators of every code: the stored set is shared.
  ComputeRequest single = Request(DisclosureMode::kPublished);
  single.codes.clear();
  auto computed = computer_.Compute(single);
  ASSERT_TRUE(computed.ok()) << computed.status();
  EXPECT_TRUE(computed->reused);
  EXPECT_EQ(computed->set.provenance.result_id, (*series)[1].provenance.result_id);
}

TEST_F(ResultComputerTest, APublishedSetStoredWithThePartsIsNeverHandedOutAgain) {
  source_.Set(kCouncil, LivesImproved(), 12);
  absl::StatusOr<PolicyInForce> policy = policies_.Get(kCouncil);
  ASSERT_TRUE(policy.ok()) << policy.status();
  // Published figures of every indicator as stored before the rule, under the key the computer
  // then gave them ("codes=*"): they hold the parts.
  ResultKey old_key;
  old_key.council = kCouncil;
  old_key.period = {*engine::Date::FromYmd(2023, 8, 1), *engine::Date::FromYmd(2024, 7, 31)};
  old_key.intake_data_version = 12;
  old_key.definitions_version = engine::DefinitionsVersion();
  old_key.request = "codes=*;breakdowns=";
  old_key.mode = DisclosureMode::kPublished;
  old_key.policy = policy->policy;
  ResultSet old_set;
  old_set.provenance.council = kCouncil;
  old_set.provenance.period = old_key.period;
  old_set.provenance.intake_data_version = 12;
  old_set.provenance.definitions_version = old_key.definitions_version;
  old_set.provenance.mode = DisclosureMode::kPublished;
  old_set.provenance.policy = policy->policy;
  for (const char* code : {"2 R.5", "2 R.5 child", "2 R.5 parent"}) {
    IndicatorFigures figures;
    figures.code = code;
    old_set.results.push_back(figures);
  }
  ASSERT_TRUE(store_.SaveResult(old_key, old_set).ok());

  ComputeRequest request = Request(DisclosureMode::kPublished);
  request.codes.clear();
  auto computed = computer_.Compute(request);
  ASSERT_TRUE(computed.ok()) << computed.status();
  EXPECT_FALSE(computed->reused);
  EXPECT_EQ(CodesOf(computed->set), CodesPublishedOnTheirOwn());
  EXPECT_EQ(store_.stored_count(), 2u);

  // A stored published set holding a part, however it got there, is refused rather than handed
  // out; INTERNAL sets keep theirs.
  ComputeRequest internal = Request(DisclosureMode::kInternal);
  internal.codes = {"2 R.5 child"};
  ASSERT_TRUE(computer_.Compute(internal).ok());
  store_.EditStoredSets([](ResultSet& set) {
    if (set.provenance.mode != DisclosureMode::kPublished) return;
    IndicatorFigures part;
    part.code = "2 R.5 parent";
    set.results.push_back(part);
  });
  auto refused = computer_.Compute(request);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(refused.status().message()), ::testing::HasSubstr("2 R.5 parent"));
  auto kept = computer_.Compute(internal);
  ASSERT_TRUE(kept.ok()) << kept.status();
  EXPECT_TRUE(kept->reused);
}

}  // namespace
}  // namespace pif::indicators
