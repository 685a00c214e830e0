#include "pif/indicators/domain/disclosure_policies.h"

#include "gtest/gtest.h"
#include "pif/core/domain_status.h"
#include "pif/indicators/testing/domain_fakes.h"

namespace pif::indicators {
namespace {

using testing::FakeIndicatorsStore;

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
  DisclosurePolicies policies(&store);
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
  DisclosurePolicies policies(&store);
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

}  // namespace
}  // namespace pif::indicators
