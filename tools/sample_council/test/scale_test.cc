// How big and how fast: records per child and generation time for 100,000 children (measured
// and printed, not asserted).
#include <chrono>

#include "gtest/gtest.h"
#include "pif/sample/council.h"
#include "pif/sample/csv_writer.h"

namespace pif::sample {
namespace {

TEST(ScaleTest, HundredThousandChildren) {
  SampleOptions options;
  options.children = 100000;
  const auto start = std::chrono::steady_clock::now();
  const SampleCouncil council = GenerateSampleCouncil(options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  int64_t total = 0;
  for (const auto& [file, count] : RecordCounts(council)) {
    std::cout << file << " " << count << "\n";
    total += count;
  }
  std::cout << "100000 children: " << total << " records (" << static_cast<double>(total) / 100000.0
            << " per child), generated in " << seconds << " s\n";
  ::testing::Test::RecordProperty("generation_seconds", std::to_string(seconds));
  ::testing::Test::RecordProperty("records", std::to_string(total));
  EXPECT_EQ(council.records.children.size(), 100000u);
}

}  // namespace
}  // namespace pif::sample
