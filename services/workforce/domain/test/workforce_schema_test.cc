// The workforce schema against the proto contract (pif.workforce.v1), by reflection, and its
// record-level rules.
#include "pif/workforce/domain/workforce_schema.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "pif/submission/flat_record.h"
#include "pif/submission/validate.h"
#include "pif/submission_grpc/testing/schema_contract.h"
#include "pif/workforce/v1/records.pb.h"

namespace pif::workforce {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;
using google::protobuf::FieldDescriptor;
using submission::Column;
using submission::ColumnKind;
using submission::RecordSchema;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAreArray;

// The rule codes of validating `cells` as a record of `type`.
std::vector<std::string> CodesFor(const std::string& type,
                                  const std::vector<std::pair<std::string, std::string>>& cells) {
  const RecordSchema* schema = WorkforceSchema().Find(type);
  EXPECT_NE(schema, nullptr) << type;
  if (schema == nullptr) return {"NO_SCHEMA"};
  submission::FlatRecord record = submission::FromNamedCells(*schema, cells, nullptr);
  std::vector<std::string> codes;
  for (const FieldViolation& v : submission::ValidateRecord(record)) codes.push_back(v.rule_code);
  return codes;
}

std::vector<std::string> StaffCodesWithFte(const std::string& fte) {
  return CodesFor("StaffRecord", {{"staff_id", "S1"},
                                  {"valid_from", "2023-04-01"},
                                  {"role", "QSW"},
                                  {"service_start_date", "2020-01-06"},
                                  {"fte", fte}});
}

std::vector<std::string> AbsenceCodesWith(const std::string& month, const std::string& days) {
  return CodesFor("Absence", {{"absence_id", "AB1"},
                              {"staff_id", "S1"},
                              {"month", month},
                              {"type", "SICK"},
                              {"fte_days_lost", days}});
}

TEST(WorkforceSchemaTest, IsConsistentAndNamedWorkforce) {
  const absl::Status status = submission::CheckSchema(WorkforceSchema());
  EXPECT_TRUE(status.ok()) << status;
  EXPECT_EQ(WorkforceSchema().service, "workforce");
}

TEST(WorkforceSchemaTest, EveryTypeIsAMessageWithExactlyItsColumnsAsFieldsOfTheirKinds) {
  submission_grpc::testing::ExpectSchemaMatchesMessages(WorkforceSchema(), "pif.workforce.v1");
}

TEST(WorkforceSchemaTest, TypesFollowTheRecordTypeEnumInOrder) {
  const EnumDescriptor* record_types = v1::WorkforceRecordType_descriptor();
  const Descriptor* record = v1::WorkforceRecord::descriptor();
  std::vector<std::string> from_proto;
  for (int i = 0; i < record_types->value_count(); ++i) {
    const int number = record_types->value(i)->number();
    if (number == 0) continue;
    const FieldDescriptor* field = record->FindFieldByNumber(number);
    ASSERT_NE(field, nullptr) << record_types->value(i)->name();
    ASSERT_NE(field->message_type(), nullptr);
    from_proto.push_back(field->message_type()->name());
  }
  std::vector<std::string> from_schema;
  for (const RecordSchema& type : WorkforceSchema().types) from_schema.push_back(type.type);
  EXPECT_THAT(from_schema, ElementsAre("StaffRecord", "Absence"));
  EXPECT_THAT(from_proto, ElementsAreArray(from_schema));
  EXPECT_EQ(record->field_count(), 2);
}

TEST(WorkforceSchemaTest, FilesTablesAndKeysAreTheContracts) {
  const RecordSchema* staff = WorkforceSchema().FindByFile("staff.csv");
  ASSERT_NE(staff, nullptr);
  EXPECT_EQ(staff->type, "StaffRecord");
  EXPECT_EQ(staff->table, "staff_records");
  EXPECT_THAT(staff->key, ElementsAre("staff_id", "valid_from"));
  const RecordSchema* absence = WorkforceSchema().FindByFile("absences.csv");
  ASSERT_NE(absence, nullptr);
  EXPECT_EQ(absence->type, "Absence");
  EXPECT_EQ(absence->table, "absences");
  EXPECT_THAT(absence->key, ElementsAre("absence_id"));
}

TEST(WorkforceSchemaTest, StaffRowsOfOneMemberMustNotOverlapAndAbsencesNeedKnownStaff) {
  const RecordSchema* staff = WorkforceSchema().Find("StaffRecord");
  ASSERT_NE(staff, nullptr);
  ASSERT_EQ(staff->no_overlaps.size(), 1u);
  EXPECT_EQ(staff->no_overlaps[0].group_column, "staff_id");
  EXPECT_EQ(staff->no_overlaps[0].start, "valid_from");
  EXPECT_EQ(staff->no_overlaps[0].end, "valid_to");
  EXPECT_EQ(staff->no_overlaps[0].rule_code, "STAFF_ROWS_OVERLAP");
  const RecordSchema* absence = WorkforceSchema().Find("Absence");
  ASSERT_NE(absence, nullptr);
  ASSERT_EQ(absence->parents.size(), 1u);
  EXPECT_EQ(absence->parents[0].column, "staff_id");
  EXPECT_EQ(absence->parents[0].parent_type, "StaffRecord");
  EXPECT_EQ(absence->parents[0].parent_column, "staff_id");
  EXPECT_EQ(absence->parents[0].rule_code, "STAFF_UNKNOWN");
}

TEST(WorkforceSchemaTest, FteIsAboveZeroAndAtMostOne) {
  EXPECT_THAT(StaffCodesWithFte("0.5"), IsEmpty());
  EXPECT_THAT(StaffCodesWithFte("1"), IsEmpty());
  EXPECT_THAT(StaffCodesWithFte("0.01"), IsEmpty());
  EXPECT_THAT(StaffCodesWithFte("0"), ElementsAre(submission::kOutOfRange));
  EXPECT_THAT(StaffCodesWithFte("1.01"), ElementsAre(submission::kOutOfRange));
  EXPECT_THAT(StaffCodesWithFte("-0.5"), ElementsAre(submission::kOutOfRange));
  EXPECT_THAT(StaffCodesWithFte("half"), ElementsAre(submission::kMalformedNumber));
  EXPECT_THAT(StaffCodesWithFte(""), ElementsAre(submission::kRequiredFieldMissing));
}

TEST(WorkforceSchemaTest, RejectsAStaffRowEndingBeforeItStartsWithItsRuleCode) {
  const RecordSchema* staff = WorkforceSchema().Find("StaffRecord");
  ASSERT_NE(staff, nullptr);
  submission::FlatRecord record = submission::FromNamedCells(*staff,
                                                             {{"staff_id", "S1"},
                                                              {"valid_from", "2023-04-01"},
                                                              {"valid_to", "2023-03-31"},
                                                              {"role", "QSW"},
                                                              {"service_start_date", "2020-01-06"},
                                                              {"fte", "1"}},
                                                             nullptr);
  const std::vector<FieldViolation> violations = submission::ValidateRecord(record);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "valid_to");
  EXPECT_EQ(violations[0].rule_code, "STAFF_VALID_TO_BEFORE_FROM");
  EXPECT_EQ(submission::RecordId(record), "S1|2023-04-01");
}

TEST(WorkforceSchemaTest, StaffCodesAreTheContractsClosedLists) {
  EXPECT_THAT(CodesFor("StaffRecord", {{"staff_id", "S1"},
                                       {"valid_from", "2023-04-01"},
                                       {"role", "TEAM_LEADER"},
                                       {"manager_level", "TEAM"},
                                       {"employment", "AGENCY"},
                                       {"service_start_date", "2020-01-06"},
                                       {"fte", "1"},
                                       {"sssc_status", "REG_COND"},
                                       {"mgmt_qual", "Y"}}),
              ElementsAre(submission::kUnknownCode));
  EXPECT_THAT(CodesFor("StaffRecord", {{"staff_id", "S1"},
                                       {"valid_from", "2023-04-01"},
                                       {"role", "MANAGER"},
                                       {"employment", "CONTRACTOR"},
                                       {"service_start_date", "2020-01-06"},
                                       {"fte", "1"}}),
              ElementsAre(submission::kUnknownCode));
}

TEST(WorkforceSchemaTest, AnAbsenceIsInAYearMonthWithNonNegativeDays) {
  EXPECT_THAT(AbsenceCodesWith("2024-01", "0"), IsEmpty());
  EXPECT_THAT(AbsenceCodesWith("2024-01", "2.5"), IsEmpty());
  EXPECT_THAT(AbsenceCodesWith("2024-01", "-1"), ElementsAre(submission::kOutOfRange));
  EXPECT_THAT(AbsenceCodesWith("2024-01-15", "1"), ElementsAre(submission::kMalformedMonth));
  EXPECT_THAT(AbsenceCodesWith("2024-13", "1"), ElementsAre(submission::kMalformedMonth));
}

}  // namespace
}  // namespace pif::workforce
