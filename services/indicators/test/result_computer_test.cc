#include "result_computer.h"

#include "builder.h"
#include "domain_fakes.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/common/domain_status.h"

namespace pif::indicators {
namespace {

using engine::testing::RecordsBuilder;
using testing::FakeIndicatorsStore;
using testing::FakeSnapshotSource;

constexpr char kCouncil[] = "S12000033";

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

PeriodFields Fields(int first_year, int first_month, int first_day, int last_year, int last_month,
                    int last_day) {
  return {DateFields{first_year, first_month, first_day},
          DateFields{last_year, last_month, last_day}};
}

PeriodFields ClasYear(int year) { return Fields(year, 8, 1, year + 1, 7, 31); }

class ResultComputerTest : public ::testing::Test {
 protected:
  ResultComputerTest()
      : cache_(&source_, 8), policies_(&store_), computer_(&cache_, &store_, &policies_) {
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
  EXPECT_EQ(s1.polarity, engine::Polarity::kLowerIsBetter);
}

TEST_F(ResultComputerTest, PublishedFiguresSuppressTheSmallNumeratorAndWithholdItsPercentage) {
  auto computed = computer_.Compute(Request(DisclosureMode::kPublished));
  ASSERT_TRUE(computed.ok()) << computed.status();
  const IndicatorFigures& s1 = computed->set.results.at(0);
  EXPECT_FALSE(s1.numerator.value.has_value());
  EXPECT_EQ(s1.numerator.reason, engine::SuppressionReason::kPrimary);
  EXPECT_EQ(s1.denominator.value, 8);
  EXPECT_FALSE(s1.percent.value.has_value());
  EXPECT_EQ(s1.percent.reason, engine::WithholdReason::kNumeratorSuppressed);
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
  for (const engine::PublishedCell& cell : computed->set.results.at(0).breakdowns) {
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
  request.list = std::vector<PeriodFields>{ClasYear(2022), ClasYear(2023)};
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
  request.list = std::vector<PeriodFields>{ClasYear(2022), Fields(2024, 1, 2, 2024, 1, 1)};
  EXPECT_EQ(FieldViolationsOf(computer_.ComputeSeries(request).status()).at(0).field,
            "list.periods[1].last_day");
}

}  // namespace
}  // namespace pif::indicators
