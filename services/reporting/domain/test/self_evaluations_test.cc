// The rules of RecordSelfEvaluation and ListSelfEvaluations over a fake store.
#include "pif/reporting/domain/self_evaluations.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/reporting/domain/self_evaluation_schema.h"
#include "pif/reporting/testing/fake_sources.h"
#include "pif/reporting/testing/rule_violations.h"

namespace pif::reporting {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kCouncil[] = "S12000033";

submission::FlatRecord Evaluation(std::vector<std::pair<std::string, std::string>> cells) {
  return submission::FromNamedCells(*SelfEvaluationSchema().Find(kSelfEvaluationType), cells,
                                    nullptr);
}

submission::FlatRecord ValidEvaluation() {
  return Evaluation(
      {{"eval_id", "E1"}, {"area", "3"}, {"eval_date", "2024-05-01"}, {"grade", "5"}});
}

v1::RecordedSelfEvaluation Listed(const std::string& eval_id, int area, int year) {
  v1::RecordedSelfEvaluation recorded;
  *recorded.mutable_self_evaluation() = testing::Evaluation(eval_id, area, 4, year, 5, 1);
  return recorded;
}

class SelfEvaluationsTest : public ::testing::Test {
 protected:
  testing::FakeSelfEvaluations store_;
  SelfEvaluations evaluations_{store_};
};

TEST_F(SelfEvaluationsTest, AValidEvaluationIsRecordedWithItsCaller) {
  absl::StatusOr<RecordedOne> recorded =
      evaluations_.Record({kCouncil, ValidEvaluation(), {}, "certificate=pif-pifctl"});
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  EXPECT_EQ(recorded->recorded.self_evaluation().eval_id(), "E1");
  EXPECT_EQ(recorded->recorded.recorded_by(), "certificate=pif-pifctl");
  ASSERT_EQ(store_.recorded.size(), 1u);
  EXPECT_EQ(store_.recorded[0].first, kCouncil);
}

TEST_F(SelfEvaluationsTest, TheCouncilIsCheckedBeforeAnythingElse) {
  const absl::Status status = evaluations_.Record({"S12", std::nullopt, {}, "caller"}).status();
  EXPECT_THAT(testing::RuleViolations(status), ElementsAre("council:MALFORMED_COUNCIL"));
  EXPECT_THAT(store_.recorded, IsEmpty());
}

TEST_F(SelfEvaluationsTest, AMissingEvaluationIsRequired) {
  const absl::Status status = evaluations_.Record({kCouncil, std::nullopt, {}, "caller"}).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(testing::RuleViolations(status),
              ElementsAre("self_evaluation:REQUIRED_FIELD_MISSING"));
}

TEST_F(SelfEvaluationsTest, ConversionAndSchemaViolationsAreAllNamedUnderSelfEvaluation) {
  const std::vector<FieldViolation> converted = {{"colour", "UNKNOWN_FIELD", "no such field"},
                                                 {"", "MALFORMED_RECORD", "not a record"}};
  const absl::Status status = evaluations_
                                  .Record({kCouncil,
                                           Evaluation({{"eval_id", "E1"},
                                                       {"area", "11"},
                                                       {"eval_date", "2024-05-01"},
                                                       {"grade", "5"}}),
                                           converted, "caller"})
                                  .status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(testing::RuleViolations(status),
              ElementsAre("self_evaluation.colour:UNKNOWN_FIELD",
                          "self_evaluation:MALFORMED_RECORD", "self_evaluation.area:OUT_OF_RANGE"));
  EXPECT_EQ(status.message(), "the self-evaluation is not valid: no such field");
  EXPECT_THAT(store_.recorded, IsEmpty());
}

TEST_F(SelfEvaluationsTest, ListingPassesTheFiltersAndPagesOneMoreThanAsked) {
  store_.listed = {{kCouncil, Listed("E1", 1, 2023)},
                   {kCouncil, Listed("E2", 2, 2023)},
                   {kCouncil, Listed("E3", 2, 2024)},
                   {"S12000034", Listed("X1", 2, 2023)}};
  SelfEvaluationQuery query;
  query.council = kCouncil;
  query.areas = {2, 1};
  query.on_or_before = figures::DayFields{2023, 12, 31};
  query.latest_only = true;
  query.page.page_size = 1;
  absl::StatusOr<Page<v1::RecordedSelfEvaluation>> first = evaluations_.List(query);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_THAT(store_.last_filter.areas, ElementsAre(2, 1));
  EXPECT_EQ(store_.last_filter.on_or_before->ToString(), "2023-12-31");
  EXPECT_TRUE(store_.last_filter.latest_only);
  EXPECT_EQ(store_.last_filter.limit, 2);
  ASSERT_EQ(first->items.size(), 1u);
  EXPECT_EQ(first->items[0].self_evaluation().eval_id(), "E1");
  ASSERT_NE(first->next_page_token, "");

  query.page.page_token = first->next_page_token;
  absl::StatusOr<Page<v1::RecordedSelfEvaluation>> second = evaluations_.List(query);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(store_.last_filter.offset, 1);
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].self_evaluation().eval_id(), "E2");
  EXPECT_EQ(second->next_page_token, "");
}

TEST_F(SelfEvaluationsTest, ListingWithNoPageSizeAsksForTheDefaultHundredAndAtMostFiveHundred) {
  SelfEvaluationQuery query;
  query.council = kCouncil;
  ASSERT_TRUE(evaluations_.List(query).ok());
  EXPECT_EQ(store_.last_filter.limit, 101);
  EXPECT_FALSE(store_.last_filter.on_or_before.has_value());
  query.page.page_size = 100000;
  ASSERT_TRUE(evaluations_.List(query).ok());
  EXPECT_EQ(store_.last_filter.limit, 501);
}

TEST_F(SelfEvaluationsTest, AnAreaOutsideOneToTenOrADayThatIsNoDateIsRefused) {
  SelfEvaluationQuery query;
  query.council = kCouncil;
  query.areas = {3, 11};
  EXPECT_THAT(testing::RuleViolations(evaluations_.List(query).status()),
              ElementsAre("areas[1]:OUT_OF_RANGE"));
  query.areas = {};
  query.on_or_before = figures::DayFields{2024, 2, 30};
  EXPECT_THAT(testing::RuleViolations(evaluations_.List(query).status()),
              ElementsAre("on_or_before:MALFORMED_DATE"));
  query.on_or_before.reset();
  query.council = "";
  EXPECT_THAT(testing::RuleViolations(evaluations_.List(query).status()),
              ElementsAre("council:REQUIRED_FIELD_MISSING"));
}

}  // namespace
}  // namespace pif::reporting
