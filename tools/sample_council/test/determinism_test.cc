// A seed is a council: the same options give the same records, byte for byte in CSV; another
// seed gives another council.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "pif/sample/council.h"
#include "pif/sample/csv_writer.h"

namespace pif::sample {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Writes the council of `options` into a fresh folder of this process (other test runs may share
// the temporary folder) and returns the folder.
std::filesystem::path Written(const SampleOptions& options, const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / (name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const absl::Status written = WriteCouncilCsv(GenerateSampleCouncil(options), dir.string());
  EXPECT_TRUE(written.ok()) << written;
  return dir;
}

TEST(DeterminismTest, TheSameSeedGivesTheSameFilesAnotherSeedDifferentOnes) {
  SampleOptions options;
  options.children = 2000;
  options.seed = 3;
  const std::filesystem::path first = Written(options, "sample_first");
  const std::filesystem::path second = Written(options, "sample_second");
  options.seed = 4;
  const std::filesystem::path other = Written(options, "sample_other");
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(first)) {
    const std::string name = entry.path().filename().string();
    ++files;
    EXPECT_EQ(ReadFile(entry.path()), ReadFile(second / name)) << name << " differs";
    if (name != "self_evaluations.csv") {
      EXPECT_NE(ReadFile(entry.path()), ReadFile(other / name)) << name << " is the same";
    }
  }
  EXPECT_EQ(files, 18);
  for (const std::filesystem::path& dir : {first, second, other}) std::filesystem::remove_all(dir);
}

TEST(DeterminismTest, RecordsOfTheSameSeedAreEqual) {
  SampleOptions options;
  options.children = 1500;
  options.seed = 11;
  const engine::CaseRecords a = GenerateCouncil(options);
  const engine::CaseRecords b = GenerateCouncil(options);
  ASSERT_EQ(a.placements.size(), b.placements.size());
  for (size_t i = 0; i < a.placements.size(); ++i) {
    EXPECT_EQ(a.placements[i].placement_id, b.placements[i].placement_id);
    EXPECT_EQ(a.placements[i].start_date, b.placements[i].start_date);
    EXPECT_EQ(a.placements[i].carer_id, b.placements[i].carer_id);
  }
  ASSERT_EQ(a.incidents.size(), b.incidents.size());
  for (size_t i = 0; i < a.incidents.size(); ++i)
    EXPECT_EQ(a.incidents[i].start, b.incidents[i].start);
}

TEST(DeterminismTest, SizeAndDatesFollowTheOptions) {
  SampleOptions options;
  options.children = 777;
  options.as_of = *dates::Date::FromYmd(2021, 3, 31);
  options.years = 3;
  const SampleCouncil council = GenerateSampleCouncil(options);
  EXPECT_EQ(council.records.children.size(), 777u);
  for (const engine::CareEpisode& e : council.records.care_episodes) {
    EXPECT_LE(e.start_date, options.as_of);
    if (e.end_date.has_value()) {
      EXPECT_LE(*e.end_date, options.as_of);
    }
  }
  for (const engine::Review& r : council.records.reviews) {
    EXPECT_GE(r.meeting_date, *dates::Date::FromYmd(2017, 4, 1));  // years + 1 of events
    EXPECT_LE(r.meeting_date, options.as_of);
  }
}

}  // namespace
}  // namespace pif::sample
