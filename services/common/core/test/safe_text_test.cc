// Text kept as PostgreSQL can hold it: valid UTF-8 unchanged, NUL and invalid bytes replaced.
#include "pif/core/safe_text.h"

#include <string>

#include "gtest/gtest.h"

namespace pif {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";

TEST(SafeTextTest, KeepsValidTextAndReplacesWhatTheDatabaseCannotHold) {
  EXPECT_EQ(SafeText("Robert'); DROP TABLE children;--"), "Robert'); DROP TABLE children;--");
  EXPECT_EQ(SafeText("Dùn Èideann \xF0\x9F\x98\x80"), "Dùn Èideann \xF0\x9F\x98\x80");
  EXPECT_EQ(SafeText(std::string("a\0b", 3)), std::string("a") + kReplacement + "b");
  EXPECT_EQ(SafeText("\xC3"), kReplacement);                                  // truncated sequence
  EXPECT_EQ(SafeText("\xC0\xAF"), std::string(kReplacement) + kReplacement);  // overlong
  EXPECT_EQ(SafeText("\xED\xA0\x80"),                                         // a surrogate
            std::string(kReplacement) + kReplacement + kReplacement);
}

}  // namespace
}  // namespace pif
