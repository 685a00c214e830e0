// Intake's open cases for 7.4 over gRPC, against an intake in process: the involvements and
// allocations asked for, reduced to the children open at the census date, and every fault named.
#include "pif/workforce/clients/intake_open_cases.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "pif/case_client/testing/fake_intake.h"

namespace pif::workforce {
namespace {

using case_client::testing::FakeIntakeService;
using case_client::testing::LocalServer;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kCouncil[] = "S12000033";

intake::v1::Record Parse(const std::string& text) {
  intake::v1::Record record;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &record)) << text;
  return record;
}

intake::v1::Record Involvement(const std::string& id, const std::string& person,
                               const std::string& open, const std::string& close = "") {
  return Parse(absl::StrCat(
      "involvement { involvement_id: '", id, "' person_id: '", person, "' open_date { ", open, " }",
      close.empty() ? "" : absl::StrCat(" close_date { ", close, " }"), " }"));
}

intake::v1::Record Allocation(const std::string& involvement, const std::string& staff,
                              const std::string& start, const std::string& end = "") {
  return Parse(absl::StrCat("allocation { allocation_id: 'A-", involvement, "-", staff,
                            "' involvement_id: '", involvement, "' staff_id: '", staff,
                            "' start_date { ", start, " }",
                            end.empty() ? "" : absl::StrCat(" end_date { ", end, " }"), " }"));
}

constexpr char kCensus[] = "year: 2024 month: 7 day: 31";

class IntakeOpenCasesTest : public ::testing::Test {
 protected:
  IntakeOpenCasesSource Source() {
    return IntakeOpenCasesSource(
        ConnectTo("intake", server_.address(), absl::Seconds(5), kIntakePurpose));
  }

  FakeIntakeService intake_;
  LocalServer server_{&intake_};
  const dates::Date census_ = *dates::Date::FromYmd(2024, 7, 31);
};

TEST_F(IntakeOpenCasesTest, OpenInvolvementsAtTheCensusDateWithTheirAllocatedStaff) {
  intake_.Set({Involvement("I1", "C1", "year: 2024 month: 1 day: 5"),
               Involvement("I2", "C2", "year: 2023 month: 1 day: 5", kCensus),  // closed at CD
               Involvement("I3", "C3", "year: 2024 month: 7 day: 31"),          // opens on CD
               Allocation("I1", "Q1", "year: 2024 month: 1 day: 5"),
               Allocation("I1", "Q9", "year: 2024 month: 1 day: 5", kCensus),  // ended at CD
               Allocation("I2", "Q2", "year: 2023 month: 1 day: 5")},
              9);
  IntakeOpenCasesSource source = Source();
  EXPECT_EQ(source.CurrentVersion(kCouncil).value(), 9);
  absl::StatusOr<IntakeOpenCases> loaded = source.Load(kCouncil, census_);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->data_version, 9);
  ASSERT_EQ(loaded->cases.children.size(), 2u);
  EXPECT_EQ(loaded->cases.children[0].person_id, "C1");
  EXPECT_THAT(loaded->cases.children[0].staff_ids, ElementsAre("Q1"));
  EXPECT_EQ(loaded->cases.children[1].person_id, "C3");
  EXPECT_TRUE(loaded->cases.children[1].staff_ids.empty());
  // Only the two record types 7.4 reads are asked for.
  EXPECT_THAT(intake_.last_export().record_types(),
              ElementsAre(intake::v1::RECORD_TYPE_INVOLVEMENT, intake::v1::RECORD_TYPE_ALLOCATION));
}

TEST_F(IntakeOpenCasesTest, ARecordOfAnotherTypeIsAFaultBetweenServices) {
  intake_.Set(
      {Involvement("I1", "C1", "year: 2024 month: 1 day: 5"), Parse("child { person_id: 'C1' }")},
      9);
  const absl::Status status = Source().Load(kCouncil, census_).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(status.message(), "intake's snapshot held records other than those asked for");
}

TEST_F(IntakeOpenCasesTest, AMissingOrImpossibleDateIsAFaultBetweenServices) {
  intake_.Set({Parse("involvement { involvement_id: 'I1' person_id: 'C1' }")}, 9);
  EXPECT_EQ(Source().Load(kCouncil, census_).status().code(), absl::StatusCode::kInternal);
  intake_.Set({Involvement("I1", "C1", "year: 2024 month: 2 day: 30")}, 9);
  const absl::Status status = Source().Load(kCouncil, census_).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(status.message(), HasSubstr("missing or not a calendar date"));
}

TEST_F(IntakeOpenCasesTest, AShortSnapshotIsNeverUsed) {
  intake_.Set({Involvement("I1", "C1", "year: 2024 month: 1 day: 5")}, 9);
  intake_.AnnounceExtraRecords(1);
  const absl::Status status = Source().Load(kCouncil, census_).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(status.message(), HasSubstr("announced 2 records and sent 1"));
}

TEST(IntakeOpenCasesUnreachableTest, UnreachableIntakeIsUnavailableSayingWhat74Needs) {
  std::string address;
  {
    FakeIntakeService gone;
    LocalServer stopped(&gone);
    address = stopped.address();
  }
  IntakeOpenCasesSource source(ConnectTo("intake", address, absl::Seconds(5), kIntakePurpose));
  for (const absl::Status& status :
       {source.CurrentVersion(kCouncil).status(),
        source.Load(kCouncil, *dates::Date::FromYmd(2024, 7, 31)).status()}) {
    EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
    EXPECT_THAT(status.message(),
                HasSubstr("7.4 needs the intake service at " + address + ", which is unavailable"));
  }
}

}  // namespace
}  // namespace pif::workforce
