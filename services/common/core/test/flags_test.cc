#include "pif/core/flags.h"

#include <map>

#include "gtest/gtest.h"
#include "pif/core/server_options.h"

namespace pif {
namespace {

EnvLookup FakeEnv(std::map<std::string, std::string> values) {
  return [values](absl::string_view name) -> std::optional<std::string> {
    auto it = values.find(std::string(name));
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

TEST(FlagSetTest, DefaultsStayWhenNothingIsGiven) {
  ServerOptions options;
  FlagSet flags("pif-test");
  AddServerFlags(flags, &options);
  ASSERT_TRUE(flags.Parse({"pif-test"}, FakeEnv({})).ok());
  EXPECT_EQ(options.listen, "127.0.0.1:0");
  EXPECT_EQ(options.db_pool_size, 8);
  EXPECT_EQ(options.drain_seconds, 20);
  EXPECT_EQ(options.db_statement_timeout_seconds, 120);
  EXPECT_EQ(options.db_idle_in_transaction_seconds, 60);
  EXPECT_EQ(options.stream_idle_seconds, 30);
  EXPECT_EQ(options.stream_max_seconds, 3600);
  EXPECT_EQ(StreamCapOf(options), 4);  // half the pool of 8
  EXPECT_TRUE(CheckStreamCap(options).ok());
}

TEST(FlagSetTest, TheStreamCapMustLeaveConnectionsForOtherCalls) {
  ServerOptions options;
  options.db_pool_size = 8;
  options.max_concurrent_streams = 8;
  EXPECT_EQ(CheckStreamCap(options).code(), absl::StatusCode::kInvalidArgument);
  options.max_concurrent_streams = 7;
  EXPECT_TRUE(CheckStreamCap(options).ok());
  options.db_pool_size = 1;
  options.max_concurrent_streams = 0;
  EXPECT_EQ(StreamCapOf(options), 1);
  EXPECT_TRUE(CheckStreamCap(options).ok());
}

TEST(FlagSetTest, EnvironmentOverridesDefaultAndFlagOverridesEnvironment) {
  ServerOptions options;
  FlagSet flags("pif-test");
  AddServerFlags(flags, &options);
  ASSERT_TRUE(flags
                  .Parse({"pif-test", "--listen=0.0.0.0:7000"},
                         FakeEnv({{"PIF_LISTEN", "0.0.0.0:6000"}, {"PIF_DB_POOL_SIZE", "3"}}))
                  .ok());
  EXPECT_EQ(options.listen, "0.0.0.0:7000");
  EXPECT_EQ(options.db_pool_size, 3);
}

TEST(FlagSetTest, AcceptsValueAsNextArgument) {
  ServerOptions options;
  FlagSet flags("pif-test");
  AddServerFlags(flags, &options);
  ASSERT_TRUE(flags.Parse({"pif-test", "--drain_seconds", "5"}, FakeEnv({})).ok());
  EXPECT_EQ(options.drain_seconds, 5);
}

struct BadInput {
  std::vector<std::string> args;
  std::map<std::string, std::string> env;
  std::string expected_fragment;
};

class FlagSetRejectsTest : public testing::TestWithParam<BadInput> {};

TEST_P(FlagSetRejectsTest, NamesTheFlagOrVariableAndTheRule) {
  ServerOptions options;
  FlagSet flags("pif-test");
  AddServerFlags(flags, &options);
  std::vector<std::string> args = {"pif-test"};
  args.insert(args.end(), GetParam().args.begin(), GetParam().args.end());
  absl::Status status = flags.Parse(args, FakeEnv(GetParam().env));
  ASSERT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find(GetParam().expected_fragment), std::string::npos)
      << status.message();
}

INSTANTIATE_TEST_SUITE_P(
    Table, FlagSetRejectsTest,
    testing::Values(BadInput{{"--no_such_flag=1"}, {}, "unknown flag --no_such_flag"},
                    BadInput{{"positional"}, {}, "unexpected argument 'positional'"},
                    BadInput{{"--db_pool_size=many"}, {}, "flag --db_pool_size: 'many' is not"},
                    BadInput{{"--db_pool_size=0"}, {}, "outside the allowed range 1 to 256"},
                    BadInput{{"--listen"}, {}, "flag --listen needs a value"},
                    BadInput{{}, {{"PIF_DRAIN_SECONDS", "-1"}}, "environment variable PIF_DRAIN"}));

TEST(FlagSetTest, BoolFlagAcceptsBareNameAndWords) {
  bool verbose = false;
  FlagSet flags("pif-test");
  flags.AddBool("verbose", "PIF_VERBOSE", "talk more", &verbose);
  ASSERT_TRUE(flags.Parse({"pif-test", "--verbose"}, FakeEnv({})).ok());
  EXPECT_TRUE(verbose);
  ASSERT_TRUE(flags.Parse({"pif-test"}, FakeEnv({{"PIF_VERBOSE", "no"}})).ok());
  EXPECT_FALSE(verbose);
  EXPECT_FALSE(flags.Parse({"pif-test", "--verbose=maybe"}, FakeEnv({})).ok());
}

TEST(FlagSetTest, HelpReturnsUsageListingEveryFlagAndVariable) {
  ServerOptions options;
  FlagSet flags("pif-test");
  AddServerFlags(flags, &options);
  absl::Status status = flags.Parse({"pif-test", "--help"}, FakeEnv({}));
  ASSERT_TRUE(absl::IsNotFound(status));
  for (const char* expected : {"--listen", "PIF_LISTEN", "--database_url", "PIF_DATABASE_URL",
                               "--metrics_listen", "--drain_seconds", "--max_message_bytes"}) {
    EXPECT_NE(status.message().find(expected), std::string::npos) << expected;
  }
}

}  // namespace
}  // namespace pif
