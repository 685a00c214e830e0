// Redaction keeps names, rule codes and order, and removes every value.
#include "pif/submission/redaction.h"

#include "gtest/gtest.h"

namespace pif::submission {
namespace {

TEST(RedactionTest, CellsKeepTheirNamesAndOrderAndLoseTheirValues) {
  const auto redacted = RedactedCells({{"person_id", "P1"}, {"dob", "2012-06-01"}, {"sex", ""}});
  ASSERT_EQ(redacted.size(), 3u);
  EXPECT_EQ(redacted[0], std::make_pair(std::string("person_id"), std::string(kRedacted)));
  EXPECT_EQ(redacted[1], std::make_pair(std::string("dob"), std::string(kRedacted)));
  EXPECT_EQ(redacted[2], std::make_pair(std::string("sex"), std::string(kRedacted)));
}

TEST(RedactionTest, ErrorsKeepFieldAndRuleCodeAndLoseTheirMessage) {
  const auto redacted = RedactedErrors(
      {{"end", "INCIDENT_END_NOT_MISSING", "end 2024-01-02T10:00 is given for a OFFENCE"}});
  ASSERT_EQ(redacted.size(), 1u);
  EXPECT_EQ(redacted[0], (FieldViolation{"end", "INCIDENT_END_NOT_MISSING", kRedacted}));
}

}  // namespace
}  // namespace pif::submission
