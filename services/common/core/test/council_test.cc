// The council check every rpc that names a council applies.
#include "pif/core/council.h"

#include "gtest/gtest.h"
#include "pif/core/domain_status.h"

namespace pif {
namespace {

std::string RuleOf(const absl::Status& status) {
  auto violations = FieldViolationsOf(status);
  return violations.empty() ? "" : violations[0].field + ":" + violations[0].rule_code;
}

TEST(CheckCouncilTest, AcceptsAGssCode) { EXPECT_TRUE(CheckCouncil("S12000033").ok()); }

TEST(CheckCouncilTest, RejectsCodesThatAreNotALetterAndEightDigits) {
  for (const char* council :
       {"s12000033", "S1200003", "S120000333", "912000033", "S1200003X", "S12 00033"}) {
    absl::Status status = CheckCouncil(council);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << council;
    EXPECT_EQ(RuleOf(status), "council:MALFORMED_COUNCIL") << council;
  }
}

TEST(CheckCouncilTest, AMissingCouncilIsRequiredAndNamesTheGivenField) {
  EXPECT_EQ(RuleOf(CheckCouncil("", "header.council")), "header.council:REQUIRED_FIELD_MISSING");
}

TEST(CheckCouncilTest, TheMessageDoesNotQuoteTheValue) {
  absl::Status status = CheckCouncil("Pupil-Jane-Doe");
  EXPECT_EQ(std::string(status.message()).find("Jane"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace pif
