#include "pif/indicators/clients/record_conversion.h"

#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace pif::indicators {
namespace {

intake::v1::Record Parse(const std::string& text) {
  intake::v1::Record record;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &record)) << text;
  return record;
}

TEST(RecordConversionTest, ChildKeepsCodesDatesAndTexts) {
  engine::CaseRecords records;
  ASSERT_TRUE(AppendRecord(Parse(R"pb(child {
                                        person_id: "C1"
                                        dob { year: 2012 month: 2 day: 29 }
                                        sex: SEX_F
                                        ethnic_group: "WB"
                                        disability: FLAG_NK_NK
                                        locality: "North"
                                        family_group_id: "F1"
                                      })pb"),
                           &records)
                  .ok());
  ASSERT_EQ(records.children.size(), 1u);
  const engine::Child& child = records.children[0];
  EXPECT_EQ(child.person_id, "C1");
  EXPECT_EQ(child.dob->ToString(), "2012-02-29");
  EXPECT_FALSE(child.expected_dob.has_value());
  EXPECT_EQ(child.sex, "F");
  EXPECT_EQ(child.disability, "NK");
  EXPECT_EQ(child.locality, "North");
  EXPECT_EQ(child.family_group_id, "F1");
}

TEST(RecordConversionTest, UnsetEnumsAreNotRecordedAndFlagsAreLetters) {
  engine::CaseRecords records;
  ASSERT_TRUE(AppendRecord(Parse(R"pb(placement {
                                        placement_id: "P1"
                                        episode_id: "E1"
                                        start_date { year: 2023 month: 1 day: 1 }
                                        type: PLACEMENT_TYPE_FOST_LA
                                        short_break: FLAG_N
                                        permanent_substitute: FLAG_Y
                                      })pb"),
                           &records)
                  .ok());
  const engine::Placement& p = records.placements.at(0);
  EXPECT_EQ(p.type, "FOST_LA");
  EXPECT_EQ(p.short_break, "N");
  EXPECT_EQ(p.permanent_substitute, "Y");
  EXPECT_EQ(p.outwith_approval, "");
  EXPECT_EQ(p.foster_type, "");
  EXPECT_FALSE(p.end_date.has_value());
}

TEST(RecordConversionTest, IncidentTimesAndOptionalScqf) {
  engine::CaseRecords records;
  ASSERT_TRUE(AppendRecord(Parse(R"pb(incident {
                                        incident_id: "I1"
                                        person_id: "C1"
                                        type: INCIDENT_TYPE_MISSING
                                        start {
                                          date { year: 2023 month: 10 day: 29 }
                                          hour: 1
                                          minute: 30
                                        }
                                        end {
                                          date { year: 2023 month: 10 day: 30 }
                                          hour: 2
                                        }
                                      })pb"),
                           &records)
                  .ok());
  ASSERT_TRUE(AppendRecord(Parse(R"pb(status_snapshot {
                                        person_id: "C1"
                                        as_at { year: 2024 month: 3 day: 31 }
                                        leaver_scqf: 0
                                        econ: ECON_STATUS_FE_HE
                                      })pb"),
                           &records)
                  .ok());
  EXPECT_EQ(records.incidents.at(0).start.ToString(), "2023-10-29T01:30:00");
  EXPECT_EQ(records.incidents.at(0).end->ToString(), "2023-10-30T02:00:00");
  EXPECT_EQ(records.status_snapshots.at(0).leaver_scqf, 0);
  EXPECT_EQ(records.status_snapshots.at(0).econ, "FE_HE");
}

TEST(RecordConversionTest, RejectsImpossibleDatesAndEmptyRecords) {
  engine::CaseRecords records;
  absl::Status bad = AppendRecord(Parse(R"pb(cp_referral {
                                               referral_id: "R1"
                                               person_id: "C1"
                                               referral_date { year: 2023 month: 2 day: 30 }
                                             })pb"),
                                  &records);
  EXPECT_EQ(bad.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(bad.message().find("CpReferral R1 whose referral_date is not a calendar date"),
            std::string::npos)
      << bad.message();
  EXPECT_EQ(AppendRecord(intake::v1::Record(), &records).code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace pif::indicators
