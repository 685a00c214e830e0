#include "pif/core/log.h"

#include <sstream>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace pif::log {
namespace {

class LogTest : public testing::Test {
 protected:
  void SetUp() override {
    SetSink(&out_);
    SetMinLevel(Level::kInfo);
    SetService("intake");
  }
  void TearDown() override { SetSink(&std::cerr); }
  std::ostringstream out_;
};

TEST_F(LogTest, WritesOneJsonObjectPerLineWithClosedKeys) {
  Event(Level::kInfo, "batch_committed").Str(Key::kCouncil, "S12000033").Int(Key::kCount, 42);
  const std::string text = out_.str();
  ASSERT_EQ(text.back(), '\n');
  nlohmann::json line = nlohmann::json::parse(text);
  EXPECT_EQ(line["event"], "batch_committed");
  EXPECT_EQ(line["level"], "info");
  EXPECT_EQ(line["service"], "intake");
  EXPECT_EQ(line["council"], "S12000033");
  EXPECT_EQ(line["count"], 42);
  EXPECT_TRUE(line.contains("ts"));
  EXPECT_EQ(line.size(), 6u);
}

TEST_F(LogTest, DropsLinesBelowMinimumLevel) {
  Event(Level::kDebug, "noise");
  EXPECT_TRUE(out_.str().empty());
  SetMinLevel(Level::kDebug);
  Event(Level::kDebug, "noise");
  EXPECT_FALSE(out_.str().empty());
}

TEST_F(LogTest, InvalidUtf8DoesNotThrow) {
  Event(Level::kError, "bad_bytes").Str(Key::kError, std::string("\xff\xfe", 2));
  EXPECT_NO_THROW(nlohmann::json::parse(out_.str()));
}

TEST(LogLevelTest, ParsesKnownNamesOnly) {
  Level level = Level::kInfo;
  EXPECT_TRUE(ParseLevel("warning", &level));
  EXPECT_EQ(level, Level::kWarning);
  EXPECT_FALSE(ParseLevel("verbose", &level));
  EXPECT_EQ(level, Level::kWarning);
}

}  // namespace
}  // namespace pif::log
