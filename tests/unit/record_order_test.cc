// The snapshot indexes records the same whatever order they come in: every indicator, with every
// breakdown, and the explanation of a few, are identical for a sample council's records in
// intake's key order, reversed and shuffled (the fast paths for ordered input and the fallbacks
// for any other order must agree).
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "pif/engine/engine.h"
#include "pif/sample/council.h"

namespace pif::engine {
namespace {

// A sample council of a few thousand children: every indicator has units.
CaseRecords SampleRecords() {
  sample::SampleOptions options;
  options.children = 3000;
  options.seed = 20261126;
  return sample::GenerateCouncil(options);
}

Period Year() {
  return Period{*dates::Date::FromYmd(2024, 8, 1), *dates::Date::FromYmd(2025, 7, 31)};
}

// Applies `reorder` to every record list.
template <typename Reorder>
CaseRecords Reordered(CaseRecords records, Reorder reorder) {
  reorder(records.children);
  reorder(records.involvements);
  reorder(records.allocations);
  reorder(records.cp_referrals);
  reorder(records.cp_registrations);
  reorder(records.care_episodes);
  reorder(records.legal_reasons);
  reorder(records.placements);
  reorder(records.assessments);
  reorder(records.needs);
  reorder(records.reviews);
  reorder(records.review_items);
  reorder(records.incidents);
  reorder(records.status_snapshots);
  reorder(records.survey_answers);
  return records;
}

// Every figure of every indicator, one line each, in catalogue order.
std::vector<std::string> AllFigures(const Snapshot& snapshot) {
  ComputeRequest request;
  request.period = Year();
  request.breakdowns = {Dimension::kSex, Dimension::kAgeBand, Dimension::kEthnicGroup,
                        Dimension::kDisability, Dimension::kLocality};
  auto results = Compute(snapshot, request);
  EXPECT_TRUE(results.ok()) << results.status();
  std::vector<std::string> lines;
  if (!results.ok()) return lines;
  for (const IndicatorResult& r : *results) {
    lines.push_back(absl::StrCat(r.code, " ", r.counts.numerator, "/", r.counts.denominator,
                                 " unknown ", r.unknown));
    for (const BreakdownCell& cell : r.breakdowns) {
      lines.push_back(absl::StrCat(r.code, " ", cell.dimension, "=", cell.category, " ",
                                   cell.counts.numerator, "/", cell.counts.denominator));
    }
    for (const SupplementaryFigure& figure : r.supplementary) {
      lines.push_back(absl::StrCat(r.code, " ", figure.name, " ", figure.value));
    }
  }
  return lines;
}

// The explanation of one indicator, a line per unit with its reasons.
std::vector<std::string> Explained(const Snapshot& snapshot, const std::string& code) {
  auto units = Explain(snapshot, Year(), code, std::nullopt);
  EXPECT_TRUE(units.ok()) << units.status();
  std::vector<std::string> lines;
  if (!units.ok()) return lines;
  for (const UnitExplanation& unit : *units) {
    lines.push_back(absl::StrCat(unit.unit_id, " ", unit.person_id, " ", unit.in_denominator,
                                 unit.in_numerator, unit.unknown, ": ",
                                 absl::StrJoin(unit.reasons, "; ")));
  }
  return lines;
}

// Codes whose explanation walks each kind of index: placements by episode (1 N.1), findings by
// review (1 S.3), needs by assessment (1 INC.5), families (1 N.6), survey responses (2 S.4) and
// the social work assessments (5.1).
const char* const kExplained[] = {"1 N.1", "1 S.3", "1 INC.5", "1 N.6", "2 S.4", "5.1"};

TEST(RecordOrderTest, ReversedAndShuffledRecordsGiveTheSameFiguresAndExplanations) {
  const Snapshot ordered(SampleRecords());
  const std::vector<std::string> figures = AllFigures(ordered);
  // The comparison means something only if the council exercises the indicators.
  ASSERT_GT(figures.size(), 500u);
  std::vector<std::vector<std::string>> explained;
  for (const char* code : kExplained) {
    explained.push_back(Explained(ordered, code));
    EXPECT_FALSE(explained.back().empty()) << code << " has no unit in the sample council";
  }

  const Snapshot reversed(
      Reordered(SampleRecords(), [](auto& list) { std::reverse(list.begin(), list.end()); }));
  std::mt19937 random(42);
  const Snapshot shuffled(Reordered(
      SampleRecords(), [&random](auto& list) { std::shuffle(list.begin(), list.end(), random); }));
  for (const Snapshot* other : {&reversed, &shuffled}) {
    EXPECT_EQ(AllFigures(*other), figures);
    for (size_t i = 0; i < std::size(kExplained); ++i) {
      EXPECT_EQ(Explained(*other, kExplained[i]), explained[i]) << kExplained[i];
    }
  }
}

}  // namespace
}  // namespace pif::engine
