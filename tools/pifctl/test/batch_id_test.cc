#include "batch_id.h"

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_files.h"

namespace pif::ctl {
namespace {

using ::testing::MatchesRegex;

// The batch id of in-memory files: (name, content) pairs.
std::string IdOf(const std::string& council,
                 const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::istringstream> streams;
  streams.reserve(files.size());
  std::vector<std::pair<std::string, std::istream*>> inputs;
  for (const auto& [name, content] : files) {
    streams.emplace_back(content);
    inputs.emplace_back(name, &streams.back());
  }
  auto id = BatchIdOf(council, inputs);
  EXPECT_TRUE(id.ok()) << id.status();
  return id.ok() ? *id : "";
}

const std::vector<std::pair<std::string, std::string>> kFiles = {
    {"children.csv", "person_id,sex\nC1,F\nC2,M\n"},
    {"care_episodes.csv", "episode_id,person_id,start_date\nE1,C1,2024-01-05\n"},
};

TEST(BatchIdTest, IsPifctlAndTheHexSha256) {
  EXPECT_THAT(IdOf("S12000033", kFiles), MatchesRegex("pifctl-[0-9a-f]{64}"));
}

TEST(BatchIdTest, SameCouncilNamesAndContentGiveTheSameId) {
  EXPECT_EQ(IdOf("S12000033", kFiles), IdOf("S12000033", kFiles));
}

// Pins the derivation (the value was computed independently with Python's hashlib:
// sha256("pifctl batch id v1\ncouncil S12000033\nfile children.csv " + sha256(content) + "\n")):
// a changed derivation would turn re-running an old import into a new batch.
TEST(BatchIdTest, DerivationIsStableAcrossVersions) {
  EXPECT_EQ(IdOf("S12000033", {{"children.csv", "person_id\nC1\n"}}),
            "pifctl-727f11439d6bca2ab3f93a1df1df5e99c57b5b69430d80e0c57fe226c6395499");
}

TEST(BatchIdTest, OneChangedByteGivesAnotherId) {
  auto changed = kFiles;
  changed[1].second[changed[1].second.size() - 2] = '6';  // 2024-01-05 -> 2024-01-06
  EXPECT_NE(IdOf("S12000033", changed), IdOf("S12000033", kFiles));
}

TEST(BatchIdTest, AnotherCouncilGivesAnotherId) {
  EXPECT_NE(IdOf("S12000034", kFiles), IdOf("S12000033", kFiles));
}

TEST(BatchIdTest, TheSameBytesUnderAnotherFileNameGiveAnotherId) {
  EXPECT_NE(IdOf("S12000033", {{"children.csv", "x\n"}}),
            IdOf("S12000033", {{"placements.csv", "x\n"}}));
}

TEST(BatchIdTest, BytesMovedFromOneFileToTheNextGiveAnotherId) {
  EXPECT_NE(IdOf("S12000033", {{"children.csv", "ab"}, {"placements.csv", "c"}}),
            IdOf("S12000033", {{"children.csv", "a"}, {"placements.csv", "bc"}}));
}

TEST(BatchIdTest, FilesOnDiskGiveTheIdOfTheirContent) {
  testing::TestDirectory dir;
  std::vector<std::pair<std::string, std::string>> paths;
  for (const auto& [name, content] : kFiles) paths.emplace_back(name, dir.Write(name, content));
  auto id = BatchIdOfFiles("S12000033", paths);
  ASSERT_TRUE(id.ok()) << id.status();
  EXPECT_EQ(*id, IdOf("S12000033", kFiles));
}

TEST(BatchIdTest, AMissingFileIsNotFound) {
  testing::TestDirectory dir;
  auto id = BatchIdOfFiles("S12000033", {{"children.csv", dir.path() + "/children.csv"}});
  EXPECT_TRUE(absl::IsNotFound(id.status())) << id.status();
}

TEST(BatchIdTest, AcceptsOneTo128PrintableCharacters) {
  EXPECT_TRUE(IsValidBatchId("mosaic-2024-08-01T02:00"));
  EXPECT_TRUE(IsValidBatchId(std::string(128, 'a')));
  EXPECT_FALSE(IsValidBatchId(""));
  EXPECT_FALSE(IsValidBatchId(std::string(129, 'a')));
  EXPECT_FALSE(IsValidBatchId("a\tb"));
  EXPECT_FALSE(IsValidBatchId("caf\xc3\xa9"));
}

}  // namespace
}  // namespace pif::ctl
