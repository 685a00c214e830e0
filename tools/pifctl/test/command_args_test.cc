#include "command_args.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pif::ctl {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(SplitPositionalTest, TakesTheValueAfterAFlagWithoutEqualsSign) {
  const SplitArgs split =
      SplitPositional({"import", "--council", "S12000033", "exports/2024", "--format=json"});
  EXPECT_THAT(split.flags, ElementsAre("import", "--council", "S12000033", "--format=json"));
  EXPECT_THAT(split.positional, ElementsAre("exports/2024"));
}

TEST(SplitPositionalTest, BoolFlagsAndHelpTakeNoValue) {
  const SplitArgs split = SplitPositional({"import", "--dry_run", "dir", "--help"}, {"dry_run"});
  EXPECT_THAT(split.flags, ElementsAre("import", "--dry_run", "--help"));
  EXPECT_THAT(split.positional, ElementsAre("dir"));
}

TEST(SplitPositionalTest, EverythingAfterDoubleDashIsPositional) {
  const SplitArgs split = SplitPositional({"import", "--council=S12000033", "--", "--odd-dir"});
  EXPECT_THAT(split.flags, ElementsAre("import", "--council=S12000033"));
  EXPECT_THAT(split.positional, ElementsAre("--odd-dir"));
}

TEST(SplitPositionalTest, KeepsTwoPositionalsForTheCallerToRefuse) {
  const SplitArgs split = SplitPositional({"import", "a", "b"});
  EXPECT_THAT(split.flags, ElementsAre("import"));
  EXPECT_THAT(split.positional, ElementsAre("a", "b"));
  EXPECT_THAT(SplitPositional({}).flags, IsEmpty());
}

}  // namespace
}  // namespace pif::ctl
