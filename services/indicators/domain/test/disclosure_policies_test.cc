#include "pif/indicators/domain/disclosure_policies.h"

#include "gtest/gtest.h"
#include "pif/core/domain_status.h"
#include "pif/indicators/testing/domain_fakes.h"

namespace pif::indicators {
namespace {

using testing::FakeIndicatorsStore;

// No floor beyond what a policy may say: the policies' own rules; the floor is tested below.
constexpr DisclosureFloor kNoFloor{1, 1, false};

TEST(DisclosurePoliciesTest, ACouncilThatNeverSetOneHasTheDefaults) {
  FakeIndicatorsStore store;
  DisclosurePolicies policies(&store);
  auto policy = policies.Get("S12000033");
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_TRUE(policy->is_default);
  EXPECT_EQ(policy->policy.smallest_shown_count, 6);
  EXPECT_EQ(policy->policy.min_percent_denominator, 10);
  EXPECT_TRUE(policy->policy.secondary_suppression);
  EXPECT_FALSE(policy->updated_at.has_value());
}

TEST(DisclosurePoliciesTest, UnsetThresholdsTakeTheDefaultsAndTheSetterIsRecorded) {
  FakeIndicatorsStore store;
  DisclosurePolicies policies(&store, kNoFloor);
  auto set = policies.Set({"S12000033", 11, std::nullopt, false}, "anonymous");
  ASSERT_TRUE(set.ok()) << set.status();
  auto policy = policies.Get("S12000033");
  ASSERT_TRUE(policy.ok());
  EXPECT_FALSE(policy->is_default);
  EXPECT_EQ(policy->policy.smallest_shown_count, 11);
  EXPECT_EQ(policy->policy.min_percent_denominator, 10);
  EXPECT_FALSE(policy->policy.secondary_suppression);
  EXPECT_EQ(policy->updated_by, "anonymous");
  EXPECT_TRUE(policies.Get("S12000034")->is_default);
}

TEST(DisclosurePoliciesTest, ThresholdsOutOfRangeAreRefusedNamingTheField) {
  FakeIndicatorsStore store;
  DisclosurePolicies policies(&store, kNoFloor);
  struct Case {
    PolicyFields fields;
    std::string field;
  };
  const std::vector<Case> cases = {
      {{"S12000033", 0, std::nullopt, std::nullopt}, "policy.min_shown_count"},
      {{"S12000033", 101, std::nullopt, std::nullopt}, "policy.min_shown_count"},
      {{"S12000033", std::nullopt, 0, std::nullopt}, "policy.min_denominator"},
      {{"S12000033", std::nullopt, 1001, std::nullopt}, "policy.min_denominator"},
      {{"12000033", std::nullopt, std::nullopt, std::nullopt}, "policy.council"},
  };
  for (const Case& c : cases) {
    auto set = policies.Set(c.fields, "x");
    EXPECT_EQ(set.status().code(), absl::StatusCode::kInvalidArgument) << c.field;
    auto violations = FieldViolationsOf(set.status());
    ASSERT_EQ(violations.size(), 1u);
    EXPECT_EQ(violations[0].field, c.field);
  }
  EXPECT_TRUE(policies.Set({"S12000033", 100, 1000, true}, "x").ok());
  EXPECT_TRUE(policies.Set({"S12000033", 1, 1, true}, "x").ok());
}

TEST(DisclosurePoliciesTest, TheDefaultFloorIsTheFrameworksDefaults) {
  const DisclosureFloor floor;
  EXPECT_EQ(floor.min_shown_count, 6);
  EXPECT_EQ(floor.min_percent_denominator, 10);
  EXPECT_TRUE(floor.secondary_suppression);
  FakeIndicatorsStore store;
  EXPECT_EQ(DisclosurePolicies(&store).floor().min_shown_count, 6);
}

TEST(DisclosurePoliciesTest, APolicyBelowTheFloorIsRefusedNamingTheFieldAndNothingIsStored) {
  FakeIndicatorsStore store;
  DisclosurePolicies policies(&store, DisclosureFloor{6, 10, true});
  struct Case {
    PolicyFields fields;
    std::string field;
  };
  const std::vector<Case> cases = {
      {{"S12000033", 5, std::nullopt, std::nullopt}, "policy.min_shown_count"},
      {{"S12000033", 1, std::nullopt, std::nullopt}, "policy.min_shown_count"},
      {{"S12000033", std::nullopt, 9, std::nullopt}, "policy.min_denominator"},
      {{"S12000033", std::nullopt, std::nullopt, false}, "policy.secondary_suppression"},
  };
  for (const Case& c : cases) {
    auto set = policies.Set(c.fields, "x");
    EXPECT_EQ(set.status().code(), absl::StatusCode::kInvalidArgument) << c.field;
    auto violations = FieldViolationsOf(set.status());
    ASSERT_EQ(violations.size(), 1u) << c.field;
    EXPECT_EQ(violations[0].field, c.field);
    EXPECT_EQ(violations[0].rule_code, "BELOW_DISCLOSURE_FLOOR");
  }
  EXPECT_TRUE(policies.Get("S12000033")->is_default);
  // At the floor and above is allowed.
  auto at_floor = policies.Set({"S12000033", 6, 10, true}, "x");
  ASSERT_TRUE(at_floor.ok()) << at_floor.status();
  EXPECT_EQ(at_floor->policy.smallest_shown_count, 6);
  EXPECT_TRUE(policies.Set({"S12000033", 8, 20, true}, "x").ok());
}

TEST(DisclosurePoliciesTest, WithoutASecondarySuppressionFloorAPolicyMayTurnItOff) {
  FakeIndicatorsStore store;
  DisclosurePolicies policies(&store, DisclosureFloor{6, 10, false});
  auto set = policies.Set({"S12000033", std::nullopt, std::nullopt, false}, "x");
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_FALSE(set->policy.secondary_suppression);
}

TEST(DisclosurePoliciesTest, APolicyStoredBeforeTheFloorWasRaisedIsInForceAtTheFloor) {
  FakeIndicatorsStore store;
  ASSERT_TRUE(store.SavePolicy("S12000033", {3, 5, false}, "earlier").ok());
  DisclosurePolicies policies(&store, DisclosureFloor{8, 20, true});
  auto policy = policies.Get("S12000033");
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_FALSE(policy->is_default);
  EXPECT_EQ(policy->policy.smallest_shown_count, 8);
  EXPECT_EQ(policy->policy.min_percent_denominator, 20);
  EXPECT_TRUE(policy->policy.secondary_suppression);
  EXPECT_EQ(policy->updated_by, "earlier");
  // A council that never set one gets the defaults raised to the floor; so do unset fields.
  auto defaults = policies.Get("S12000034");
  ASSERT_TRUE(defaults.ok());
  EXPECT_TRUE(defaults->is_default);
  EXPECT_EQ(defaults->policy.smallest_shown_count, 8);
  EXPECT_EQ(defaults->policy.min_percent_denominator, 20);
  auto unset = policies.Set({"S12000034", std::nullopt, std::nullopt, std::nullopt}, "x");
  ASSERT_TRUE(unset.ok()) << unset.status();
  EXPECT_EQ(unset->policy.smallest_shown_count, 8);
  EXPECT_EQ(unset->policy.min_percent_denominator, 20);
}

TEST(DisclosurePoliciesTest, AFloorOutOfRangeIsRefusedNamingItsFlag) {
  EXPECT_TRUE(CheckDisclosureFloor(DisclosureFloor{}).ok());
  EXPECT_TRUE(CheckDisclosureFloor(DisclosureFloor{1, 1, false}).ok());
  EXPECT_TRUE(CheckDisclosureFloor(DisclosureFloor{100, 1000, true}).ok());
  const absl::Status shown = CheckDisclosureFloor(DisclosureFloor{0, 10, true});
  EXPECT_EQ(shown.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(shown.message().find("--disclosure_floor_min_shown_count"), std::string::npos);
  const absl::Status denominator = CheckDisclosureFloor(DisclosureFloor{6, 1001, true});
  EXPECT_EQ(denominator.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(denominator.message().find("--disclosure_floor_min_percent_denominator"),
            std::string::npos);
}

}  // namespace
}  // namespace pif::indicators
