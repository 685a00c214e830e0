// The checks of an audit query, and the fake log answering like the real one (one council, the
// time window, oldest first, pages).
#include "pif/audit/audit_record.h"

#include "gtest/gtest.h"
#include "pif/audit/testing/fake_audit_log.h"
#include "pif/core/domain_status.h"

namespace pif::audit {
namespace {

const absl::Time kNoon = absl::FromUnixSeconds(1717243200);  // 2024-06-01 12:00 UTC

AuditQuery Query() {
  AuditQuery query;
  query.council = "S12000033";
  query.since = kNoon;
  return query;
}

TEST(CheckAuditQueryTest, NeedsAGssCouncilAndAnUntilAfterSince) {
  EXPECT_TRUE(CheckAuditQuery(Query()).ok());
  AuditQuery no_council = Query();
  no_council.council = "";
  EXPECT_EQ(FieldViolationsOf(CheckAuditQuery(no_council)).at(0).rule_code,
            "REQUIRED_FIELD_MISSING");
  AuditQuery malformed = Query();
  malformed.council = "S1200003";
  EXPECT_EQ(FieldViolationsOf(CheckAuditQuery(malformed)).at(0).rule_code, "MALFORMED_COUNCIL");
  AuditQuery empty_window = Query();
  empty_window.until = kNoon;
  const absl::Status refused = CheckAuditQuery(empty_window);
  EXPECT_TRUE(absl::IsInvalidArgument(refused));
  EXPECT_EQ(FieldViolationsOf(refused).at(0).field, "until");
  EXPECT_EQ(FieldViolationsOf(refused).at(0).rule_code, "UNTIL_NOT_AFTER_SINCE");
  AuditQuery window = Query();
  window.until = kNoon + absl::Seconds(1);
  EXPECT_TRUE(CheckAuditQuery(window).ok());
  AuditQuery no_limit = Query();
  no_limit.limit = 0;
  EXPECT_TRUE(absl::IsInternal(CheckAuditQuery(no_limit)));
}

TEST(FakeAuditLogTest, ListsOneCouncilInItsWindowOldestFirstInPages) {
  testing::FakeAuditLog log;
  auto record = [](const std::string& council, absl::Duration after, const std::string& method) {
    AuditRecord r;
    r.council = council;
    r.at = kNoon + after;
    r.method = method;
    return r;
  };
  ASSERT_TRUE(log.Append(record("S12000033", absl::Minutes(2), "second")).ok());
  ASSERT_TRUE(log.Append(record("S12000033", absl::Minutes(1), "first")).ok());
  ASSERT_TRUE(log.Append(record("S12000036", absl::Minutes(1), "other council")).ok());
  ASSERT_TRUE(log.Append(record("S12000033", absl::Minutes(-1), "too early")).ok());
  ASSERT_TRUE(log.Append(record("S12000033", absl::Minutes(3), "third")).ok());
  AuditQuery query = Query();
  query.until = kNoon + absl::Minutes(3);
  query.limit = 1;
  auto page = log.List(query);
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->records.size(), 1u);
  EXPECT_EQ(page->records[0].method, "first");
  EXPECT_TRUE(page->more);
  query.offset = 1;
  page = log.List(query);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->records.size(), 1u);
  EXPECT_EQ(page->records[0].method, "second");
  EXPECT_FALSE(page->more);
  log.FailAppends(absl::UnavailableError("down"));
  EXPECT_TRUE(absl::IsUnavailable(log.Append(record("S12000033", absl::ZeroDuration(), "lost"))));
  EXPECT_EQ(log.Records().size(), 5u);
}

}  // namespace
}  // namespace pif::audit
