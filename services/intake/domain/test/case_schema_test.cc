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

const Descriptor* MessageOf(const RecordSchema& type) {
  return google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(
      "pif.intake.v1." + type.type);
}

// The CSV codes of an enum: its value names without the enum's prefix, the zero value left out.
std::vector<std::string> CodesOf(const EnumDescriptor& e) {
  const std::string zero = e.FindValueByNumber(0)->name();  // e.g. PLACEMENT_TYPE_UNSPECIFIED
  const std::string suffix = "UNSPECIFIED";
  EXPECT_TRUE(zero.size() > suffix.size() && zero.substr(zero.size() - suffix.size()) == suffix)
      << e.full_name();
  const std::string prefix = zero.substr(0, zero.size() - suffix.size());
  std::vector<std::string> codes;
  for (int i = 0; i < e.value_count(); ++i) {
    const std::string name = e.value(i)->name();
    if (e.value(i)->number() == 0) continue;
    EXPECT_EQ(name.substr(0, prefix.size()), prefix) << e.full_name();
    codes.push_back(name.substr(prefix.size()));
  }
  return codes;
}

// The proto field type a column kind must have, checked with a failure naming the field.
void ExpectFieldMatches(const Column& column, const FieldDescriptor& field) {
  SCOPED_TRACE(field.full_name());
  EXPECT_FALSE(field.is_repeated());
  const auto message_name = [&] {
    return field.message_type() == nullptr ? std::string() : field.message_type()->full_name();
  };
  switch (column.kind) {
    case ColumnKind::kText:
      EXPECT_EQ(field.type(), FieldDescriptor::TYPE_STRING);
      break;
    case ColumnKind::kDate:
      EXPECT_EQ(message_name(), "pif.common.v1.Date");
      break;
    case ColumnKind::kDateTime:
      EXPECT_EQ(message_name(), "pif.common.v1.LocalDateTime");
      break;
    case ColumnKind::kYearMonth:
      EXPECT_EQ(message_name(), "pif.common.v1.YearMonth");
      break;
    case ColumnKind::kCode:
      ASSERT_EQ(field.type(), FieldDescriptor::TYPE_ENUM);
      EXPECT_THAT(column.codes, ElementsAreArray(CodesOf(*field.enum_type())));
      break;
    case ColumnKind::kInteger:
      EXPECT_TRUE(field.cpp_type() == FieldDescriptor::CPPTYPE_INT32 ||
                  field.cpp_type() == FieldDescriptor::CPPTYPE_INT64);
      // 0 is a value, so an optional whole number needs presence to be told from "not sent".
      if (!column.required) {
        EXPECT_TRUE(field.has_presence());
      }
      break;
    case ColumnKind::kDecimal:
      EXPECT_EQ(field.type(), FieldDescriptor::TYPE_DOUBLE);
      break;
  }
}

TEST(CaseSchemaTest, IsConsistent) {
  const absl::Status status = submission::CheckSchema(CaseSchema());
  EXPECT_TRUE(status.ok()) << status;
  EXPECT_EQ(CaseSchema().service, "intake");
}

TEST(CaseSchemaTest, EveryTypeIsAMessageWithExactlyItsColumnsAsFields) {
  for (const RecordSchema& type : CaseSchema().types) {
    SCOPED_TRACE(type.type);
    const Descriptor* message = MessageOf(type);
    ASSERT_NE(message, nullptr);
    std::vector<std::string> fields;
    for (int i = 0; i < message->field_count(); ++i) fields.push_back(message->field(i)->name());
    std::vector<std::string> columns;
    for (const Column& column : type.columns) columns.push_back(column.name);
    EXPECT_THAT(columns, UnorderedElementsAreArray(fields));
  }
}

TEST(CaseSchemaTest, EveryColumnHasTheFieldTypeOfItsKind) {
  for (const RecordSchema& type : CaseSchema().types) {
    SCOPED_TRACE(type.type);
    const Descriptor* message = MessageOf(type);
    ASSERT_NE(message, nullptr);
    for (const Column& column : type.columns) {
      const FieldDescriptor* field = message->FindFieldByName(column.name);
      if (field == nullptr) continue;  // reported by the test above
      ExpectFieldMatches(column, *field);
    }
  }
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
