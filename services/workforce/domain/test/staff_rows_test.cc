// Stored workforce records (canonical text) read back as the typed rows the figures use.
#include "pif/workforce/domain/staff_rows.h"

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/workforce/domain/workforce_schema.h"

namespace pif::workforce {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Cells = std::vector<std::pair<std::string, std::string>>;

submission::FlatRecord Stored(const std::string& type, const Cells& cells) {
  const submission::RecordSchema* schema = WorkforceSchema().Find(type);
  EXPECT_NE(schema, nullptr) << type;
  return submission::FromNamedCells(*schema, cells, nullptr);
}

TEST(StaffRowsTest, ReadsEveryFieldOfAStaffRow) {
  StaffRecords records;
  ASSERT_TRUE(AppendStoredRecord(Stored("StaffRecord", {{"staff_id", "S104"},
                                                        {"valid_from", "2023-04-01"},
                                                        {"valid_to", "2024-01-15"},
                                                        {"role", "MANAGER"},
                                                        {"manager_level", "MIDDLE"},
                                                        {"employment", "AGENCY"},
                                                        {"service_start_date", "2019-02-28"},
                                                        {"fte", "0.6"},
                                                        {"sssc_status", "REG_COND"},
                                                        {"reg_qual_met", "N"},
                                                        {"nts_qual_met", "Y"},
                                                        {"cpd_plan_date", "2023-09-30"},
                                                        {"mgmt_qual", "Y"}}),
                                 &records)
                  .ok());
  ASSERT_EQ(records.staff.size(), 1u);
  const StaffRow& row = records.staff[0];
  EXPECT_EQ(row.staff_id, "S104");
  EXPECT_EQ(row.valid_from.ToString(), "2023-04-01");
  ASSERT_TRUE(row.valid_to.has_value());
  EXPECT_EQ(row.valid_to->ToString(), "2024-01-15");
  EXPECT_EQ(row.role, Role::kManager);
  EXPECT_EQ(row.manager_level, ManagerLevel::kMiddle);
  EXPECT_EQ(row.employment, Employment::kAgency);
  EXPECT_EQ(row.service_start_date.ToString(), "2019-02-28");
  EXPECT_DOUBLE_EQ(row.fte, 0.6);
  EXPECT_EQ(row.sssc_status, SsscStatus::kRegCond);
  EXPECT_EQ(row.reg_qual_met, false);
  EXPECT_EQ(row.nts_qual_met, true);
  ASSERT_TRUE(row.cpd_plan_date.has_value());
  EXPECT_EQ(row.cpd_plan_date->ToString(), "2023-09-30");
  EXPECT_EQ(row.mgmt_qual, true);
  EXPECT_TRUE(records.absences.empty());
}

TEST(StaffRowsTest, FieldsNotRecordedStayEmpty) {
  StaffRecords records;
  ASSERT_TRUE(AppendStoredRecord(Stored("StaffRecord", {{"staff_id", "S1"},
                                                        {"valid_from", "2023-04-01"},
                                                        {"role", "QSW"},
                                                        {"service_start_date", "2020-01-01"},
                                                        {"fte", "1"}}),
                                 &records)
                  .ok());
  const StaffRow& row = records.staff.at(0);
  EXPECT_EQ(row.role, Role::kQsw);
  EXPECT_FALSE(row.valid_to.has_value());
  EXPECT_FALSE(row.manager_level.has_value());
  EXPECT_FALSE(row.employment.has_value());
  EXPECT_FALSE(row.sssc_status.has_value());
  EXPECT_FALSE(row.reg_qual_met.has_value());
  EXPECT_FALSE(row.nts_qual_met.has_value());
  EXPECT_FALSE(row.cpd_plan_date.has_value());
  EXPECT_FALSE(row.mgmt_qual.has_value());
  EXPECT_DOUBLE_EQ(row.fte, 1.0);
}

TEST(StaffRowsTest, ReadsAnAbsenceWithDecimalDays) {
  StaffRecords records;
  ASSERT_TRUE(AppendStoredRecord(Stored("Absence", {{"absence_id", "A9"},
                                                    {"staff_id", "S104"},
                                                    {"month", "2024-02"},
                                                    {"type", "OTHER_UNPLANNED"},
                                                    {"fte_days_lost", "2.25"}}),
                                 &records)
                  .ok());
  ASSERT_EQ(records.absences.size(), 1u);
  const AbsenceRow& absence = records.absences[0];
  EXPECT_EQ(absence.absence_id, "A9");
  EXPECT_EQ(absence.staff_id, "S104");
  EXPECT_EQ(absence.month.ToString(), "2024-02");
  EXPECT_EQ(absence.type, AbsenceType::kOtherUnplanned);
  EXPECT_DOUBLE_EQ(absence.fte_days_lost, 2.25);
}

TEST(StaffRowsTest, AnUnreadableStoredValueIsInternalAndNamesTheColumnNotTheValue) {
  StaffRecords records;
  const absl::Status status =
      AppendStoredRecord(Stored("StaffRecord", {{"staff_id", "S1"},
                                                {"valid_from", "2023-04-01"},
                                                {"role", "DIRECTOR"},
                                                {"service_start_date", "2020-01-01"},
                                                {"fte", "1"}}),
                         &records);
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(status.message(), HasSubstr("role"));
  EXPECT_THAT(status.message(), Not(HasSubstr("DIRECTOR")));
  EXPECT_TRUE(records.staff.empty());
}

TEST(StaffRowsTest, AMissingRequiredStoredValueIsInternal) {
  StaffRecords records;
  const absl::Status status = AppendStoredRecord(
      Stored("Absence",
             {{"absence_id", "A1"}, {"staff_id", "S1"}, {"type", "SICK"}, {"fte_days_lost", "1"}}),
      &records);
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(status.message(), HasSubstr("month"));
  EXPECT_TRUE(records.absences.empty());
}

}  // namespace
}  // namespace pif::workforce
