#include "pif/core/version.h"

#include <regex>
#include <string>

#include "gtest/gtest.h"

namespace pif {
namespace {

TEST(VersionTest, IsTheProjectVersionWithTheCommitWhenKnown) {
  const std::string version(Version());
  EXPECT_TRUE(std::regex_match(version, std::regex(R"(\d+\.\d+\.\d+(\+[0-9a-f]{7,40})?)")))
      << version;
  EXPECT_EQ(version.rfind(PIF_PROJECT_VERSION, 0), 0u) << version;
}

}  // namespace
}  // namespace pif
