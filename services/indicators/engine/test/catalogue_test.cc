// The catalogue says what each indicator reports: its denominator and numerator in words (that
// these match what it computes is tests/unit/catalogue_over_sample_test.cc).
#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "pif/engine/engine.h"

namespace pif::engine {
namespace {

TEST(CatalogueTest, EveryIndicatorSaysWhoIsInItsDenominatorAndNumerator) {
  for (const Indicator& indicator : Catalogue()) {
    const IndicatorDefinition& d = indicator.definition;
    SCOPED_TRACE(d.code);
    EXPECT_FALSE(d.denominator_text.empty());
    EXPECT_FALSE(d.numerator_text.empty());
    EXPECT_FALSE(absl::StrContains(d.denominator_text, "N: "));
    EXPECT_FALSE(absl::StrContains(d.numerator_text, "D: "));
    EXPECT_TRUE(absl::EndsWith(d.numerator_text, ".")) << d.numerator_text;
    EXPECT_TRUE(absl::StrContains(d.definition, d.denominator_text));
    EXPECT_TRUE(absl::StrContains(d.definition, d.numerator_text));
  }
  const Indicator* review_reports = FindIndicator("5.2");
  ASSERT_NE(review_reports, nullptr);
  EXPECT_EQ(review_reports->definition.denominator_text,
            "reviews with meeting_date in the period and sw_due_date recorded.");
  EXPECT_EQ(review_reports->definition.numerator_text,
            "sw_submitted_date recorded and on or before sw_due_date.");
}

// Pregnancies, births and offending are never broken down below council level when published
// (disclosure control withholds their cells: pif/figures/disclosure.h).
TEST(CatalogueTest, OnlyPregnanciesBirthsAndOffendingAreNeverBrokenDown) {
  for (const Indicator& indicator : Catalogue()) {
    const std::string& code = indicator.definition.code;
    const bool never = code == "1 H.4" || code == "1 H.5" || code == "1 R.3";
    EXPECT_EQ(indicator.definition.breakdowns_publishable, !never) << code;
  }
}

}  // namespace
}  // namespace pif::engine
