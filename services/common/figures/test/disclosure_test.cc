// Disclosure control of published figures (indicators.md section 7): primary and secondary
// suppression, withheld percentages, custom thresholds and indicators with no breakdowns.
#include "pif/figures/disclosure.h"

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace pif::figures {
namespace {

IndicatorDefinition ChildDefinition() {
  IndicatorDefinition d;
  d.code = "T 1";
  return d;
}

IndicatorResult Headline(int64_t numerator, int64_t denominator, int64_t unknown = 0) {
  IndicatorResult r;
  r.code = "T 1";
  r.counts = {numerator, denominator};
  r.unknown = unknown;
  return r;
}

void AddCell(IndicatorResult& r, const std::string& dimension, const std::string& category,
             int64_t numerator, int64_t denominator) {
  r.breakdowns.push_back(BreakdownCell{dimension, category, {numerator, denominator}});
}

const PublishedCell& CellOf(const PublishedResult& p, const std::string& dimension,
                            const std::string& category) {
  for (const PublishedCell& c : p.breakdowns) {
    if (c.dimension == dimension && c.category == category) return c;
  }
  ADD_FAILURE() << "no cell " << dimension << "/" << category;
  static const PublishedCell none;
  return none;
}

// --- primary suppression ---

TEST(DisclosurePrimaryTest, CountsFromOneToFiveAreSuppressedZeroAndSixAreShown) {
  for (int64_t n = 0; n <= 7; ++n) {
    PublishedResult p = Publish(Headline(n, 40, n), ChildDefinition());
    if (n >= 1 && n <= 5) {
      EXPECT_FALSE(p.numerator.value.has_value()) << n;
      EXPECT_EQ(p.numerator.reason, SuppressionReason::kPrimary) << n;
      EXPECT_EQ(DisplayText(p.numerator), "c") << n;
      EXPECT_EQ(p.unknown.reason, SuppressionReason::kPrimary) << n;
    } else {
      ASSERT_TRUE(p.numerator.value.has_value()) << n;
      EXPECT_EQ(*p.numerator.value, n);
      EXPECT_EQ(p.numerator.reason, SuppressionReason::kNone);
      EXPECT_EQ(DisplayText(p.numerator), std::to_string(n));
      EXPECT_EQ(p.unknown.value, n);
    }
    EXPECT_EQ(p.denominator.value, 40);
  }
}

TEST(DisclosurePrimaryTest, BreakdownCellsAndSupplementaryCountsAreSuppressedToo) {
  IndicatorResult r = Headline(20, 40);
  AddCell(r, "sex", "F", 3, 5);
  AddCell(r, "sex", "M", 17, 35);
  r.supplementary = {{"incidents", 4}, {"SELF_HARM", 0}, {"SUICIDE", 12}};
  DisclosurePolicy policy;
  policy.secondary_suppression = false;
  PublishedResult p = Publish(r, ChildDefinition(), policy);
  EXPECT_EQ(CellOf(p, "sex", "F").numerator.reason, SuppressionReason::kPrimary);
  EXPECT_EQ(CellOf(p, "sex", "F").denominator.reason, SuppressionReason::kPrimary);
  EXPECT_EQ(CellOf(p, "sex", "M").numerator.value, 17);
  EXPECT_EQ(CellOf(p, "sex", "M").denominator.value, 35);
  ASSERT_EQ(p.supplementary.size(), 3u);
  EXPECT_EQ(p.supplementary[0].name, "incidents");
  EXPECT_FALSE(p.supplementary[0].value.has_value());
  EXPECT_EQ(p.supplementary[0].reason, SuppressionReason::kPrimary);
  EXPECT_EQ(p.supplementary[1].value, 0);
  EXPECT_EQ(p.supplementary[2].value, 12);
}

// --- secondary suppression ---

TEST(DisclosureSecondaryTest, OneSuppressedCellForcesTheNextSmallest) {
  IndicatorResult r = Headline(0, 21);
  AddCell(r, "sex", "F", 0, 10);
  AddCell(r, "sex", "M", 0, 3);
  AddCell(r, "sex", "X", 0, 8);
  PublishedResult p = Publish(r, ChildDefinition());
  EXPECT_EQ(CellOf(p, "sex", "M").denominator.reason, SuppressionReason::kPrimary);
  EXPECT_EQ(CellOf(p, "sex", "X").denominator.reason, SuppressionReason::kSecondary);
  EXPECT_FALSE(CellOf(p, "sex", "X").denominator.value.has_value());
  EXPECT_EQ(CellOf(p, "sex", "F").denominator.value, 10);
  // The numerator row (all zeros) is untouched.
  for (const PublishedCell& c : p.breakdowns) EXPECT_EQ(c.numerator.value, 0);
}

TEST(DisclosureSecondaryTest, TwoAlreadySuppressedCellsNeedNothingMore) {
  IndicatorResult r = Headline(0, 25);
  AddCell(r, "sex", "F", 0, 2);
  AddCell(r, "sex", "M", 0, 3);
  AddCell(r, "sex", "X", 0, 20);
  PublishedResult p = Publish(r, ChildDefinition());
  EXPECT_EQ(CellOf(p, "sex", "F").denominator.reason, SuppressionReason::kPrimary);
  EXPECT_EQ(CellOf(p, "sex", "M").denominator.reason, SuppressionReason::kPrimary);
  EXPECT_EQ(CellOf(p, "sex", "X").denominator.value, 20);
}

TEST(DisclosureSecondaryTest, SuppressedOnesThatTheTotalPinsDownForceAnotherCell) {
  // c + c = 16 - 7 - 7 = 2 and a `c` is at least 1: both would be known to be 1.
  IndicatorResult r = Headline(0, 16);
  AddCell(r, "age_band", "0-4", 0, 1);
  AddCell(r, "age_band", "12-15", 0, 7);
  AddCell(r, "age_band", "16+", 0, 7);
  AddCell(r, "age_band", "5-11", 0, 1);
  PublishedResult p = Publish(r, ChildDefinition());
  EXPECT_EQ(CellOf(p, "age_band", "0-4").denominator.reason, SuppressionReason::kPrimary);
  EXPECT_EQ(CellOf(p, "age_band", "5-11").denominator.reason, SuppressionReason::kPrimary);
  // The first of the two smallest in category order.
  EXPECT_EQ(CellOf(p, "age_band", "12-15").denominator.reason, SuppressionReason::kSecondary);
  EXPECT_EQ(CellOf(p, "age_band", "16+").denominator.value, 7);
}

TEST(DisclosureSecondaryTest, OnesMakingUpTheWholeTotalHideAZeroBesideThem) {
  // Six children, each of a different ethnic group: six `c`s adding up to 6 would all be 1.
  IndicatorResult r = Headline(6, 20);
  for (const char* group : {"A", "B", "C", "D", "E", "F"}) AddCell(r, "ethnic_group", group, 1, 2);
  AddCell(r, "ethnic_group", "G", 0, 8);
  PublishedResult p = Publish(r, ChildDefinition());
  EXPECT_EQ(CellOf(p, "ethnic_group", "G").numerator.reason, SuppressionReason::kSecondary);
  EXPECT_TRUE(p.withheld_dimensions.empty());
}

TEST(DisclosureSecondaryTest, ADimensionThatCannotBeProtectedIsWithheld) {
  IndicatorResult r = Headline(6, 20);
  for (const char* group : {"A", "B", "C", "D", "E", "F"}) AddCell(r, "ethnic_group", group, 1, 2);
  AddCell(r, "ethnic_group", "G", 0, 8);
  AddCell(r, "sex", "F", 6, 12);
  // Every ethnic group has exactly one child in N and there is no zero to hide among them.
  r.breakdowns.erase(r.breakdowns.begin() + 6);
  r.counts.denominator = 12;
  PublishedResult p = Publish(r, ChildDefinition());
  ASSERT_EQ(p.withheld_dimensions.size(), 1u);
  EXPECT_EQ(p.withheld_dimensions[0], "ethnic_group");
  ASSERT_EQ(p.breakdowns.size(), 1u);
  EXPECT_EQ(p.breakdowns[0].dimension, "sex");
  EXPECT_EQ(p.breakdowns[0].numerator.value, 6);
}

TEST(DisclosureSecondaryTest, AZeroCellIsNotChosenWhileANonZeroCellIsShown) {
  IndicatorResult r = Headline(0, 15);
  AddCell(r, "disability", "N", 0, 12);
  AddCell(r, "disability", "NK", 0, 0);
  AddCell(r, "disability", "Y", 0, 3);
  PublishedResult p = Publish(r, ChildDefinition());
  EXPECT_EQ(CellOf(p, "disability", "NK").denominator.value, 0);
  EXPECT_EQ(CellOf(p, "disability", "N").denominator.reason, SuppressionReason::kSecondary);
  EXPECT_EQ(CellOf(p, "disability", "Y").denominator.reason, SuppressionReason::kPrimary);
}

TEST(DisclosureSecondaryTest, WhenCellsMissPartOfTheTotalAZeroIsSuppressedForALoneCell) {
  // 7 anonymous units are in the total but in no cell: no non-zero cell is left to choose.
  IndicatorResult r = Headline(0, 10);
  AddCell(r, "sex", "F", 0, 0);
  AddCell(r, "sex", "M", 0, 3);
  PublishedResult p = Publish(r, ChildDefinition());
  EXPECT_EQ(CellOf(p, "sex", "M").denominator.reason, SuppressionReason::kPrimary);
  EXPECT_EQ(CellOf(p, "sex", "F").denominator.reason, SuppressionReason::kSecondary);
}

TEST(DisclosureSecondaryTest, ARowWhoseTotalIsSuppressedGetsNoSecondaryCell) {
  IndicatorResult r = Headline(0, 4);
  AddCell(r, "sex", "F", 0, 0);
  AddCell(r, "sex", "M", 0, 4);
  PublishedResult p = Publish(r, ChildDefinition());
  EXPECT_EQ(p.denominator.reason, SuppressionReason::kPrimary);
  EXPECT_EQ(CellOf(p, "sex", "F").denominator.value, 0);
  EXPECT_EQ(CellOf(p, "sex", "M").denominator.reason, SuppressionReason::kPrimary);
}

TEST(DisclosureSecondaryTest, NumeratorAndDenominatorRowsOfEachDimensionAreProtectedApart) {
  IndicatorResult r = Headline(20, 40);
  AddCell(r, "sex", "F", 2, 20);   // numerator primary
  AddCell(r, "sex", "M", 18, 20);  // numerator secondary
  AddCell(r, "locality", "East", 10, 10);
  AddCell(r, "locality", "North", 9, 25);
  AddCell(r, "locality", "West", 1, 5);  // both primary -> North (smaller N) and East (smaller D)
  PublishedResult p = Publish(r, ChildDefinition());
  EXPECT_EQ(CellOf(p, "sex", "F").numerator.reason, SuppressionReason::kPrimary);
  EXPECT_EQ(CellOf(p, "sex", "M").numerator.reason, SuppressionReason::kSecondary);
  EXPECT_EQ(CellOf(p, "sex", "F").denominator.value, 20);
  EXPECT_EQ(CellOf(p, "sex", "M").denominator.value, 20);
  EXPECT_EQ(CellOf(p, "locality", "West").numerator.reason, SuppressionReason::kPrimary);
  EXPECT_EQ(CellOf(p, "locality", "North").numerator.reason, SuppressionReason::kSecondary);
  EXPECT_EQ(CellOf(p, "locality", "East").numerator.value, 10);
  EXPECT_EQ(CellOf(p, "locality", "West").denominator.reason, SuppressionReason::kPrimary);
  EXPECT_EQ(CellOf(p, "locality", "East").denominator.reason, SuppressionReason::kSecondary);
  EXPECT_EQ(CellOf(p, "locality", "North").denominator.value, 25);
}

// --- percentages ---

TEST(DisclosurePercentTest, PercentagesAreWithheldForSuppressedOrSmallCounts) {
  IndicatorResult r = Headline(10, 20);
  AddCell(r, "sex", "F", 0, 0);
  AddCell(r, "sex", "M", 3, 5);           // numerator and denominator primary
  AddCell(r, "sex", "X", 7, 15);          // numerator and denominator secondary
  AddCell(r, "locality", "A", 6, 9);      // counts shown, D under 10 (others have no locality cell)
  AddCell(r, "disability", "N", 10, 17);  // denominator secondary, numerator shown
  AddCell(r, "disability", "Y", 0, 3);    // N = 0 shown, denominator primary
  PublishedResult p = Publish(r, ChildDefinition());
  ASSERT_TRUE(p.percent.value.has_value());
  EXPECT_DOUBLE_EQ(*p.percent.value, 50.0);
  EXPECT_EQ(CellOf(p, "sex", "F").percent.reason, WithholdReason::kNoDenominator);
  EXPECT_EQ(CellOf(p, "sex", "M").percent.reason, WithholdReason::kNumeratorSuppressed);
  EXPECT_EQ(CellOf(p, "sex", "X").numerator.reason, SuppressionReason::kSecondary);
  EXPECT_EQ(CellOf(p, "sex", "X").percent.reason, WithholdReason::kNumeratorSuppressed);
  EXPECT_EQ(CellOf(p, "locality", "A").numerator.value, 6);
  EXPECT_EQ(CellOf(p, "locality", "A").denominator.value, 9);
  EXPECT_EQ(CellOf(p, "locality", "A").percent.reason, WithholdReason::kDenominatorUnderThreshold);
  EXPECT_EQ(CellOf(p, "disability", "Y").numerator.value, 0);
  EXPECT_EQ(CellOf(p, "disability", "Y").percent.reason, WithholdReason::kDenominatorSuppressed);
  EXPECT_EQ(CellOf(p, "disability", "N").numerator.value, 10);
  EXPECT_EQ(CellOf(p, "disability", "N").denominator.reason, SuppressionReason::kSecondary);
  EXPECT_EQ(CellOf(p, "disability", "N").percent.reason, WithholdReason::kDenominatorSuppressed);
  for (const PublishedCell& c : p.breakdowns) EXPECT_FALSE(c.percent.value.has_value());
}

TEST(DisclosurePercentTest, ASecondaryDenominatorWithholdsAPercentageAboveTheThreshold) {
  IndicatorResult r = Headline(20, 50);
  AddCell(r, "sex", "F", 0, 3);
  AddCell(r, "sex", "M", 10, 20);  // D secondary, N = 10 shown
  AddCell(r, "sex", "X", 10, 27);
  PublishedResult p = Publish(r, ChildDefinition());
  EXPECT_EQ(CellOf(p, "sex", "M").denominator.reason, SuppressionReason::kSecondary);
  EXPECT_EQ(CellOf(p, "sex", "M").numerator.value, 10);
  EXPECT_EQ(CellOf(p, "sex", "M").percent.reason, WithholdReason::kDenominatorSuppressed);
  ASSERT_TRUE(CellOf(p, "sex", "X").percent.value.has_value());
  EXPECT_DOUBLE_EQ(*CellOf(p, "sex", "X").percent.value, 37.0);
}

TEST(DisclosurePercentTest, ZeroNumeratorAndADenominatorOfTenGiveAPercentage) {
  PublishedResult zero = Publish(Headline(0, 10), ChildDefinition());
  ASSERT_TRUE(zero.percent.value.has_value());
  EXPECT_DOUBLE_EQ(*zero.percent.value, 0.0);
  PublishedResult nine = Publish(Headline(6, 9), ChildDefinition());
  EXPECT_EQ(nine.percent.reason, WithholdReason::kDenominatorUnderThreshold);
  PublishedResult none = Publish(Headline(0, 0), ChildDefinition());
  EXPECT_EQ(none.percent.reason, WithholdReason::kNoDenominator);
  EXPECT_EQ(none.denominator.value, 0);
  PublishedResult small = Publish(Headline(5, 200), ChildDefinition());
  EXPECT_EQ(small.percent.reason, WithholdReason::kNumeratorSuppressed);
}

// --- custom thresholds ---

TEST(DisclosurePolicyTest, ThresholdsAreConfigurable) {
  DisclosurePolicy policy;
  policy.smallest_shown_count = 11;     // 1 to 10 suppressed
  policy.min_percent_denominator = 20;  // percentages need D >= 20
  IndicatorResult r = Headline(15, 19);
  AddCell(r, "sex", "F", 10, 10);
  AddCell(r, "sex", "M", 5, 9);
  PublishedResult p = Publish(r, ChildDefinition(), policy);
  EXPECT_EQ(p.numerator.value, 15);
  EXPECT_EQ(p.denominator.value, 19);
  EXPECT_EQ(p.percent.reason, WithholdReason::kDenominatorUnderThreshold);
  EXPECT_EQ(CellOf(p, "sex", "F").numerator.reason, SuppressionReason::kPrimary);
  EXPECT_EQ(CellOf(p, "sex", "M").numerator.reason, SuppressionReason::kPrimary);

  DisclosurePolicy lenient;
  lenient.smallest_shown_count = 3;  // 1 and 2 suppressed
  lenient.min_percent_denominator = 1;
  lenient.secondary_suppression = false;
  IndicatorResult s = Headline(3, 4);
  AddCell(s, "sex", "F", 1, 1);
  AddCell(s, "sex", "M", 2, 3);
  PublishedResult q = Publish(s, ChildDefinition(), lenient);
  EXPECT_EQ(q.numerator.value, 3);
  ASSERT_TRUE(q.percent.value.has_value());
  EXPECT_DOUBLE_EQ(*q.percent.value, 75.0);
  EXPECT_EQ(CellOf(q, "sex", "F").numerator.reason, SuppressionReason::kPrimary);
  EXPECT_EQ(CellOf(q, "sex", "M").numerator.reason, SuppressionReason::kPrimary);
  EXPECT_EQ(CellOf(q, "sex", "M").denominator.value, 3);
  EXPECT_EQ(CellOf(q, "sex", "F").denominator.reason, SuppressionReason::kPrimary);

  // With secondary suppression off, a lone suppressed cell stays alone.
  IndicatorResult t = Headline(0, 21);
  AddCell(t, "sex", "F", 0, 1);
  AddCell(t, "sex", "M", 0, 20);
  PublishedResult u = Publish(t, ChildDefinition(), lenient);
  EXPECT_EQ(CellOf(u, "sex", "M").denominator.value, 20);
}

// --- indicators never broken down ---

TEST(DisclosureBreakdownTest, AnIndicatorNeverBrokenDownLosesItsCellsWhenPublished) {
  // As the catalogue defines 1 H.4 (pregnancies): never broken down below council level.
  IndicatorDefinition h4;
  h4.code = "1 H.4";
  h4.breakdowns_publishable = false;
  IndicatorResult r = Headline(7, 30);
  r.code = "1 H.4";
  AddCell(r, "sex", "F", 7, 30);
  AddCell(r, "age_band", "12-15", 7, 30);
  r.supplementary = {{"incidents", 9}};
  PublishedResult p = Publish(r, h4);
  EXPECT_TRUE(p.breakdowns_withheld);
  EXPECT_TRUE(p.breakdowns.empty());
  EXPECT_EQ(p.numerator.value, 7);
  EXPECT_EQ(p.denominator.value, 30);
  ASSERT_EQ(p.supplementary.size(), 1u);
  EXPECT_EQ(p.supplementary[0].value, 9);
  // An indicator that may be broken down keeps its cells.
  PublishedResult kept = Publish(r, ChildDefinition());
  EXPECT_FALSE(kept.breakdowns_withheld);
  EXPECT_EQ(kept.breakdowns.size(), 2u);
}

// --- surveys: responses = D + unknown ---

TEST(DisclosureSurveyTest, ASuppressedUnknownTakesTheResponsesFigureOut) {
  IndicatorDefinition survey;
  survey.code = "2 S.4";
  survey.unit = UnitKind::kRespondent;
  IndicatorResult r = Headline(30, 40, 3);
  r.supplementary = {{"responses", 43}};
  PublishedResult p = Publish(r, survey);
  EXPECT_EQ(p.unknown.reason, SuppressionReason::kPrimary);
  EXPECT_EQ(p.denominator.value, 40);
  EXPECT_EQ(p.supplementary[0].reason, SuppressionReason::kSecondary);
  EXPECT_FALSE(p.supplementary[0].value.has_value());

  IndicatorResult clear = Headline(30, 40, 0);
  clear.supplementary = {{"responses", 40}};
  EXPECT_EQ(Publish(clear, survey).supplementary[0].value, 40);
}

// --- property: no suppressed cell can be worked out from the total ---

TEST(DisclosurePropertyTest, NoSuppressedCellIsTotalMinusTheShownCellsOfItsDimension) {
  std::mt19937 random(20240731);
  const std::vector<std::vector<std::string>> dimensions = {
      {"F", "M", "NK", "X"},
      {"0-4", "12-15", "16+", "5-11", "unborn"},
      {"East", "West"},
      {"A", "B", "C", "D", "E", "F", "G", "H"}};
  const char* names[] = {"sex", "age_band", "locality", "ethnic_group"};
  int rows_with_secondary = 0;
  int withheld_tables = 0;
  int zero_secondaries = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    DisclosurePolicy policy;
    policy.smallest_shown_count = 2 + static_cast<int>(random() % 10);
    policy.min_percent_denominator = 1 + static_cast<int>(random() % 20);
    const int units = static_cast<int>(random() % 80);
    const int positive_per_mille = static_cast<int>(random() % 1001);
    IndicatorResult r;
    r.code = "T 1";
    std::vector<std::map<std::string, Counts>> cells(dimensions.size());
    for (size_t d = 0; d < dimensions.size(); ++d) {
      // Some categories appear with zero counts, as a report filling in its table would.
      for (const std::string& category : dimensions[d]) {
        if (random() % 4 == 0) cells[d][category];
      }
    }
    for (int u = 0; u < units; ++u) {
      const bool positive = static_cast<int>(random() % 1000) < positive_per_mille;
      ++r.counts.denominator;
      if (positive) ++r.counts.numerator;
      for (size_t d = 0; d < dimensions.size(); ++d) {
        // Skewed: the first categories are much more common, so small cells abound.
        const size_t k = dimensions[d].size();
        size_t c = std::min<size_t>(
            k - 1, static_cast<size_t>(random() % k) * static_cast<size_t>(random() % k) / k);
        Counts& counts = cells[d][dimensions[d][c]];
        ++counts.denominator;
        if (positive) ++counts.numerator;
      }
    }
    for (size_t d = 0; d < dimensions.size(); ++d) {
      for (const auto& [category, counts] : cells[d]) {
        r.breakdowns.push_back(BreakdownCell{names[d], category, counts});
      }
    }
    const PublishedResult p = Publish(r, ChildDefinition(), policy);
    auto withheld = [&](const std::string& dimension) {
      return std::find(p.withheld_dimensions.begin(), p.withheld_dimensions.end(), dimension) !=
             p.withheld_dimensions.end();
    };
    std::map<std::pair<std::string, std::string>, const PublishedCell*> published;
    for (const PublishedCell& cell : p.breakdowns) {
      EXPECT_FALSE(withheld(cell.dimension));
      published[{cell.dimension, cell.category}] = &cell;
    }

    for (size_t d = 0; d < dimensions.size(); ++d) {
      if (withheld(names[d])) {
        // Only a row of suppressed 1s making up the whole total, with no zero beside them, is
        // beyond cell suppression.
        ++withheld_tables;
        bool justified = false;
        for (bool numerators : {true, false}) {
          bool all_ones = true;
          for (const auto& [category, counts] : cells[d]) {
            const int64_t value = numerators ? counts.numerator : counts.denominator;
            if (value != 1) all_ones = false;
          }
          justified = justified || (all_ones && policy.smallest_shown_count > 1);
        }
        EXPECT_TRUE(justified) << "trial " << trial << ": " << names[d] << " withheld";
        continue;
      }
      for (bool numerators : {true, false}) {
        const PublishedCount& total = numerators ? p.numerator : p.denominator;
        int64_t shown = 0;
        std::vector<int64_t> hidden;
        bool secondary = false;
        bool nonzero_shown = false;
        for (const auto& [category, counts] : cells[d]) {
          const PublishedCell* cell = published.at({names[d], category});
          const PublishedCount& c = numerators ? cell->numerator : cell->denominator;
          const int64_t value = numerators ? counts.numerator : counts.denominator;
          // Primary rule, and shown values are the truth.
          if (value >= 1 && value < policy.smallest_shown_count) {
            EXPECT_EQ(c.reason, SuppressionReason::kPrimary);
          }
          if (c.suppressed()) {
            hidden.push_back(value);
            secondary = secondary || c.reason == SuppressionReason::kSecondary;
          } else {
            EXPECT_EQ(c.value, value);
            shown += value;
            nonzero_shown = nonzero_shown || value > 0;
          }
          // A shown percentage has both counts shown and D at the threshold or above.
          if (numerators && cell->percent.value.has_value()) {
            EXPECT_FALSE(cell->numerator.suppressed());
            EXPECT_FALSE(cell->denominator.suppressed());
            EXPECT_GE(counts.denominator, policy.min_percent_denominator);
            EXPECT_EQ(cell->percent.value, PercentOf(counts));
          }
        }
        if (total.suppressed()) continue;
        if (secondary) ++rows_with_secondary;
        // A zero is suppressed only when no non-zero cell was left to choose.
        for (const auto& [category, counts] : cells[d]) {
          const PublishedCell* cell = published.at({names[d], category});
          const PublishedCount& c = numerators ? cell->numerator : cell->denominator;
          const int64_t value = numerators ? counts.numerator : counts.denominator;
          if (c.reason == SuppressionReason::kSecondary && value == 0) {
            ++zero_secondaries;
            EXPECT_FALSE(nonzero_shown) << "trial " << trial;
          }
        }
        const int64_t remainder = *total.value - shown;  // what a reader can work out
        for (int64_t value : hidden) {
          EXPECT_NE(remainder, value)
              << "trial " << trial << ": a suppressed " << names[d] << " cell of " << value
              << " is the total minus the shown cells";
        }
        // Nor are k suppressed cells all 1s adding up to k.
        if (hidden.size() >= 2) {
          EXPECT_FALSE(remainder == static_cast<int64_t>(hidden.size()) &&
                       std::count(hidden.begin(), hidden.end(), 1) ==
                           static_cast<std::ptrdiff_t>(hidden.size()))
              << "trial " << trial;
        }
      }
    }
  }
  // The property was exercised, the rare cases included.
  EXPECT_GT(rows_with_secondary, 100);
  EXPECT_GT(zero_secondaries, 0);
  EXPECT_GT(withheld_tables, 0);
}

}  // namespace
}  // namespace pif::figures
