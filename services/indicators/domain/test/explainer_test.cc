#include "pif/indicators/domain/explainer.h"

#include "gtest/gtest.h"
#include "pif/core/domain_status.h"
#include "pif/engine/testing/builder.h"
#include "pif/indicators/testing/domain_fakes.h"

namespace pif::indicators {
namespace {

using engine::testing::RecordsBuilder;
using testing::FakeSnapshotSource;

constexpr char kCouncil[] = "S12000033";

// Five children referred in 2023-24; C2 and C4 were referred within 365 days before.
engine::CaseRecords FiveReferred() {
  RecordsBuilder b;
  for (int i = 1; i <= 5; ++i) {
    const std::string id = "C" + std::to_string(i);
    b.AddChild(id);
    b.AddReferral("R" + std::to_string(i), id, "2024-02-01");
  }
  b.AddReferral("R2a", "C2", "2023-10-01");
  b.AddReferral("R4a", "C4", "2023-10-01");
  return b.Build();
}

class ExplainerTest : public ::testing::Test {
 protected:
  ExplainerTest() : cache_(&source_, 8), explainer_(&cache_) {
    source_.Set(kCouncil, FiveReferred(), 3);
  }
  ExplainRequest Request() {
    ExplainRequest request;
    request.council = kCouncil;
    request.period = {figures::DayFields{2023, 8, 1}, figures::DayFields{2024, 7, 31}};
    request.code = "1 S.1";
    return request;
  }
  static std::vector<std::string> Ids(const ExplainPage& page) {
    std::vector<std::string> ids;
    for (const engine::UnitExplanation& unit : page.units) ids.push_back(unit.unit_id);
    return ids;
  }

  FakeSnapshotSource source_;
  SnapshotCache cache_;
  Explainer explainer_;
};

TEST_F(ExplainerTest, PagesThroughUnitsInIdOrderWithTheInternalResult) {
  ExplainRequest request = Request();
  request.page_size = 2;
  auto first = explainer_.Explain(request);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(Ids(*first), (std::vector<std::string>{"C1", "C2"}));
  EXPECT_EQ(first->result.numerator.value, 2);
  EXPECT_EQ(first->result.denominator.value, 5);
  EXPECT_EQ(first->provenance.intake_data_version, 3);
  EXPECT_FALSE(first->units[1].reasons.empty());
  request.page_token = first->next_page_token;
  auto second = explainer_.Explain(request);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(Ids(*second), (std::vector<std::string>{"C3", "C4"}));
  request.page_token = second->next_page_token;
  auto last = explainer_.Explain(request);
  ASSERT_TRUE(last.ok()) << last.status();
  EXPECT_EQ(Ids(*last), (std::vector<std::string>{"C5"}));
  EXPECT_TRUE(last->next_page_token.empty());
  EXPECT_EQ(source_.load_calls(), 1);
}

TEST_F(ExplainerTest, SelectionAndUnitFilterNarrowTheUnits) {
  ExplainRequest request = Request();
  request.selection = UnitSelection::kNumerator;
  EXPECT_EQ(Ids(*explainer_.Explain(request)), (std::vector<std::string>{"C2", "C4"}));
  request.selection = UnitSelection::kNotNumerator;
  EXPECT_EQ(Ids(*explainer_.Explain(request)), (std::vector<std::string>{"C1", "C3", "C5"}));
  request.selection = UnitSelection::kAll;
  request.unit_id = "C4";
  auto one = explainer_.Explain(request);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(Ids(*one), (std::vector<std::string>{"C4"}));
  EXPECT_TRUE(one->units[0].in_numerator);
}

TEST_F(ExplainerTest, AUnitTheIndicatorNeverConsideredIsExplainedAsSuch) {
  RecordsBuilder b;
  b.AddChild("C9");
  source_.Set(kCouncil, b.Build(), 5);
  ExplainRequest request = Request();
  request.unit_id = "C9";
  auto page = explainer_.Explain(request);
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->units.size(), 1u);
  EXPECT_EQ(page->units[0].unit_id, "C9");
  EXPECT_EQ(page->units[0].person_id, "C9");
  EXPECT_FALSE(page->units[0].in_denominator);
  EXPECT_EQ(page->units[0].reasons,
            std::vector<std::string>{
                "C9 is not among the units 1 S.1 considers for 2023-08-01 to 2024-07-31"});
  request.selection = UnitSelection::kDenominator;
  EXPECT_TRUE(explainer_.Explain(request)->units.empty());
}

TEST_F(ExplainerTest, DataChangedBetweenPagesIsAborted) {
  ExplainRequest request = Request();
  request.page_size = 2;
  auto first = explainer_.Explain(request);
  ASSERT_TRUE(first.ok());
  source_.Set(kCouncil, FiveReferred(), 4);
  request.page_token = first->next_page_token;
  EXPECT_EQ(explainer_.Explain(request).status().code(), absl::StatusCode::kAborted);
}

TEST_F(ExplainerTest, UnknownCodeIsNotFoundAndABadTokenIsInvalid) {
  ExplainRequest request = Request();
  request.code = "1 S.9";
  EXPECT_EQ(explainer_.Explain(request).status().code(), absl::StatusCode::kNotFound);
  request = Request();
  request.page_token = "offset:3";
  auto bad = explainer_.Explain(request);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldViolationsOf(bad.status()).at(0).field, "page_token");
  request = Request();
  request.code.clear();
  EXPECT_EQ(FieldViolationsOf(explainer_.Explain(request).status()).at(0).field, "code");
}

}  // namespace
}  // namespace pif::indicators
