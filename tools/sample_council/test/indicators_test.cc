// The proof that the sample council is realistic enough: the engine finds units for every
// indicator of its catalogue in the latest CLAS year of a 5,000-child council.
#include <iomanip>
#include <sstream>

#include "gtest/gtest.h"
#include "pif/engine/engine.h"
#include "pif/sample/council.h"

namespace pif::sample {
namespace {

TEST(IndicatorsTest, EveryIndicatorHasADenominatorInTheLatestClasYear) {
  SampleOptions options;
  options.children = 5000;
  const engine::Snapshot snapshot(GenerateCouncil(options));
  engine::ComputeRequest request;
  request.period = {*dates::Date::FromYmd(2024, 8, 1), *dates::Date::FromYmd(2025, 7, 31)};
  const absl::StatusOr<std::vector<figures::IndicatorResult>> results =
      engine::Compute(snapshot, request);
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->size(), engine::Catalogue().size());

  std::ostringstream table;
  std::string empty;
  int without_numerator = 0;
  for (const figures::IndicatorResult& r : *results) {
    table << std::left << std::setw(12) << r.code << std::right << std::setw(7)
          << r.counts.numerator << " /" << std::setw(6) << r.counts.denominator << "\n";
    if (r.counts.denominator == 0) empty += " " + r.code;
    if (r.counts.numerator == 0) ++without_numerator;
  }
  std::cout << table.str();
  EXPECT_TRUE(empty.empty()) << "indicators with D = 0:" << empty;
  // Numerators are realistic too: at most a rare event or two is absent in one year.
  EXPECT_LE(without_numerator, 2);
}

}  // namespace
}  // namespace pif::sample
