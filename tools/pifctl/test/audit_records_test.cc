#include "audit_records.h"

#include <sstream>

#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace pif::ctl {
namespace {

audit::v1::AuditRecord Record(const std::string& text) {
  audit::v1::AuditRecord record;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &record)) << text;
  return record;
}

TEST(ParseAuditTimeTest, AcceptsDatesAsUtcMidnightAndRfc3339) {
  EXPECT_EQ(*ParseAuditTime("2026-03-01", "since"),
            absl::FromCivil(absl::CivilDay(2026, 3, 1), absl::UTCTimeZone()));
  EXPECT_EQ(*ParseAuditTime("2026-03-01T09:30:00Z", "since"),
            absl::FromCivil(absl::CivilSecond(2026, 3, 1, 9, 30, 0), absl::UTCTimeZone()));
  EXPECT_EQ(*ParseAuditTime("2026-03-01T09:30:00+01:00", "since"),
            absl::FromCivil(absl::CivilSecond(2026, 3, 1, 8, 30, 0), absl::UTCTimeZone()));
}

TEST(ParseAuditTimeTest, RefusesEmptyAndMalformedNamingTheFlag) {
  const absl::StatusOr<absl::Time> empty = ParseAuditTime("", "since");
  EXPECT_TRUE(absl::IsInvalidArgument(empty.status()));
  EXPECT_EQ(empty.status().message(), "--since is required");
  for (const char* bad : {"2026-3-1", "yesterday", "2026-03-01 09:30", "2026-02-30"}) {
    const absl::StatusOr<absl::Time> time = ParseAuditTime(bad, "until");
    EXPECT_TRUE(absl::IsInvalidArgument(time.status())) << bad;
    EXPECT_NE(time.status().message().find("--until"), absl::string_view::npos) << bad;
  }
}

TEST(ParseAuditFormatTest, JsonOrTableOnly) {
  EXPECT_EQ(*ParseAuditFormat("json"), AuditFormat::kJson);
  EXPECT_EQ(*ParseAuditFormat("table"), AuditFormat::kTable);
  EXPECT_TRUE(absl::IsInvalidArgument(ParseAuditFormat("csv").status()));
}

TEST(MergeByTimeTest, OrdersByTimeThenServiceThenAuditId) {
  std::vector<std::vector<audit::v1::AuditRecord>> per_service = {
      {Record(R"pb(service: "intake"
                   audit_id: 7
                   at { seconds: 200 })pb"),
       Record(R"pb(service: "intake"
                   audit_id: 8
                   at { seconds: 300 })pb")},
      {Record(R"pb(service: "indicators"
                   audit_id: 1
                   at { seconds: 100 nanos: 5 })pb"),
       Record(R"pb(service: "indicators"
                   audit_id: 2
                   at { seconds: 200 })pb")},
      {},
      {Record(R"pb(service: "reporting"
                   audit_id: 4
                   at { seconds: 100 })pb"),
       Record(R"pb(service: "reporting"
                   audit_id: 3
                   at { seconds: 300 })pb")}};
  const std::vector<audit::v1::AuditRecord> merged = MergeByTime(per_service);
  std::vector<std::string> order;
  for (const audit::v1::AuditRecord& record : merged) {
    order.push_back(record.service() + ":" + std::to_string(record.audit_id()));
  }
  EXPECT_EQ(order, (std::vector<std::string>{"reporting:4", "indicators:1", "indicators:2",
                                             "intake:7", "intake:8", "reporting:3"}));
}

TEST(WriteAuditTest, JsonHoldsEveryFieldWithUtcTimes) {
  const auto record = Record(R"pb(
    audit_id: 12
    at { seconds: 1772357400 nanos: 250000000 }
    service: "intake"
    method: "/pif.intake.v1.IntakeService/GetRejection"
    caller: "user=jo@council"
    peer: "ipv4:127.0.0.1:4000"
    council: "S12000033"
    code: "OK"
    records_read: 1
    children: "P-1"
    children: "Placement:R9"
    duration_ms: 3)pb");
  std::ostringstream out;
  WriteAudit(out, AuditFormat::kJson, {record});
  const nlohmann::json json = nlohmann::json::parse(out.str());
  ASSERT_EQ(json.size(), 1u);
  EXPECT_EQ(json[0]["at"], "2026-03-01T09:30:00.25Z");
  EXPECT_EQ(json[0]["service"], "intake");
  EXPECT_EQ(json[0]["audit_id"], 12);
  EXPECT_EQ(json[0]["method"], "/pif.intake.v1.IntakeService/GetRejection");
  EXPECT_EQ(json[0]["caller"], "user=jo@council");
  EXPECT_EQ(json[0]["peer"], "ipv4:127.0.0.1:4000");
  EXPECT_EQ(json[0]["council"], "S12000033");
  EXPECT_EQ(json[0]["code"], "OK");
  EXPECT_EQ(json[0]["records_read"], 1);
  EXPECT_EQ(json[0]["records_written"], 0);
  EXPECT_EQ(json[0]["children"], (nlohmann::json{"P-1", "Placement:R9"}));
  EXPECT_EQ(json[0]["duration_ms"], 3);
}

TEST(WriteAuditTest, EmptyJsonIsAnEmptyArray) {
  std::ostringstream out;
  WriteAudit(out, AuditFormat::kJson, {});
  EXPECT_EQ(out.str(), "[]\n");
}

TEST(WriteAuditTest, TableHasAHeaderAndOneLinePerRecordWithTheShortRpcName) {
  std::ostringstream out;
  WriteAudit(out, AuditFormat::kTable,
             {Record(R"pb(at { seconds: 1772357400 }
                          service: "indicators"
                          method: "/pif.indicators.v1.IndicatorsService/ExplainIndicator"
                          code: "PERMISSION_DENIED"
                          caller: "anonymous"
                          children: "P-1"
                          children: "P-2")pb")});
  const std::string text = out.str();
  ASSERT_EQ(std::count(text.begin(), text.end(), '\n'), 2) << text;
  const std::string line = text.substr(text.find('\n') + 1);
  EXPECT_EQ(line.rfind("2026-03-01T09:30:00Z", 0), 0u) << line;
  EXPECT_NE(line.find(" IndicatorsService/ExplainIndicator "), std::string::npos) << line;
  EXPECT_EQ(line.find("pif.indicators"), std::string::npos) << line;
  EXPECT_NE(line.find("PERMISSION_DENIED"), std::string::npos) << line;
  EXPECT_NE(line.find("P-1,P-2"), std::string::npos) << line;
}

}  // namespace
}  // namespace pif::ctl
