// The intake schema against the proto contract (pif.intake.v1), by reflection: same record types,
// same fields, same code lists, matching field types.
#include "pif/intake/domain/case_schema.h"

#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "pif/intake/v1/records.pb.h"
#include "pif/submission/flat_record.h"
#include "pif/submission/validate.h"
#include "pif/submission_grpc/testing/schema_contract.h"

namespace pif::intake {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;
using google::protobuf::FieldDescriptor;
using submission::Column;
using submission::ColumnKind;
using submission::RecordSchema;
using ::testing::ElementsAreArray;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAreArray;

TEST(CaseSchemaTest, IsConsistent) {
  const absl::Status status = submission::CheckSchema(CaseSchema());
  EXPECT_TRUE(status.ok()) << status;
  EXPECT_EQ(CaseSchema().service, "intake");
}

TEST(CaseSchemaTest, EveryTypeIsAMessageWithExactlyItsColumnsAsFieldsOfTheirKinds) {
  submission_grpc::testing::ExpectSchemaMatchesMessages(CaseSchema(), "pif.intake.v1");
}

TEST(CaseSchemaTest, EveryRecordTypeOfTheEnumHasASchemaInEnumOrder) {
  const EnumDescriptor* record_types = v1::RecordType_descriptor();
  const Descriptor* record = v1::Record::descriptor();
  std::vector<std::string> from_proto;
  for (int i = 0; i < record_types->value_count(); ++i) {
    const int number = record_types->value(i)->number();
    if (number == 0) continue;
    SCOPED_TRACE(record_types->value(i)->name());
    // RecordType numbers are the numbers of the Record oneof's fields.
    const FieldDescriptor* field = record->FindFieldByNumber(number);
    ASSERT_NE(field, nullptr);
    ASSERT_NE(field->message_type(), nullptr);
    from_proto.push_back(field->message_type()->name());
    EXPECT_NE(CaseSchema().Find(field->message_type()->name()), nullptr);
  }
  std::vector<std::string> from_schema;
  for (const RecordSchema& type : CaseSchema().types) from_schema.push_back(type.type);
  EXPECT_THAT(from_schema, ElementsAreArray(from_proto));
  EXPECT_EQ(record->field_count(), static_cast<int>(from_schema.size()));
}

TEST(CaseSchemaTest, ParentsComeBeforeTheirChildren) {
  std::set<std::string> earlier;
  for (const RecordSchema& type : CaseSchema().types) {
    SCOPED_TRACE(type.type);
    for (const auto& rule : type.parents) EXPECT_EQ(earlier.count(rule.parent_type), 1u);
    for (const auto& rule : type.within_parents) EXPECT_EQ(earlier.count(rule.parent_type), 1u);
    earlier.insert(type.type);
  }
}

TEST(CaseSchemaTest, FilesAndTablesFollowTheContractNames) {
  for (const RecordSchema& type : CaseSchema().types) {
    SCOPED_TRACE(type.type);
    EXPECT_EQ(type.file, type.table + ".csv");
    EXPECT_EQ(CaseSchema().FindByFile(type.file), &type);
  }
  EXPECT_EQ(CaseSchema().FindByFile("placements.csv")->type, "Placement");
}

TEST(CaseSchemaTest, RejectsAPlacementEndingBeforeItStartsWithTheContractMessage) {
  const RecordSchema* placement = CaseSchema().Find("Placement");
  ASSERT_NE(placement, nullptr);
  std::vector<FieldViolation> violations;
  submission::FlatRecord record = submission::FromNamedCells(*placement,
                                                             {{"placement_id", "PL1"},
                                                              {"episode_id", "E1"},
                                                              {"start_date", "2023-02-01"},
                                                              {"end_date", "2023-01-04"},
                                                              {"type", "FOST_LA"}},
                                                             &violations);
  ASSERT_THAT(violations, IsEmpty());
  violations = submission::ValidateRecord(record);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "end_date");
  EXPECT_EQ(violations[0].rule_code, "PLACEMENT_END_BEFORE_START");
  EXPECT_EQ(violations[0].message, "end_date 2023-01-04 is before start_date 2023-02-01");
}

TEST(CaseSchemaTest, LeaverScqfIsAWholeNumberFromZeroToTwelve) {
  const RecordSchema* status = CaseSchema().Find("StatusSnapshot");
  ASSERT_NE(status, nullptr);
  const auto violations_for = [&](const std::string& scqf) {
    submission::FlatRecord record = submission::FromNamedCells(
        *status, {{"person_id", "P1"}, {"as_at", "2024-03-31"}, {"leaver_scqf", scqf}}, nullptr);
    std::vector<std::string> codes;
    for (const FieldViolation& v : submission::ValidateRecord(record)) codes.push_back(v.rule_code);
    return codes;
  };
  EXPECT_THAT(violations_for("0"), IsEmpty());
  EXPECT_THAT(violations_for("12"), IsEmpty());
  EXPECT_THAT(violations_for("13"), ElementsAreArray({submission::kOutOfRange}));
  EXPECT_THAT(violations_for("-1"), ElementsAreArray({submission::kOutOfRange}));
  EXPECT_THAT(violations_for("6.5"), ElementsAreArray({submission::kMalformedNumber}));
}

TEST(CaseSchemaTest, AnIncidentEndIsOnlyForMissingIncidents) {
  const RecordSchema* incident = CaseSchema().Find("Incident");
  ASSERT_NE(incident, nullptr);
  const auto codes_for = [&](const std::string& type) {
    submission::FlatRecord record = submission::FromNamedCells(*incident,
                                                               {{"incident_id", "I1"},
                                                                {"person_id", "P1"},
                                                                {"type", type},
                                                                {"start", "2024-01-01T22:00"},
                                                                {"end", "2024-01-02T06:30"}},
                                                               nullptr);
    std::vector<std::string> codes;
    for (const FieldViolation& v : submission::ValidateRecord(record)) codes.push_back(v.rule_code);
    return codes;
  };
  EXPECT_THAT(codes_for("MISSING"), IsEmpty());
  EXPECT_THAT(codes_for("OFFENCE"), ElementsAreArray({"INCIDENT_END_NOT_MISSING"}));
}

}  // namespace
}  // namespace pif::intake
