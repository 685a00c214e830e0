#include "pif/submission_grpc/codec.h"

#include <set>
#include <string>

#include "domain/case_schema.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "pif/intake/v1/records.pb.h"
#include "pif/submission/validate.h"
#include "pif/submission_grpc/record_oneof.h"
#include "pif/workforce/v1/records.pb.h"

namespace pif::submission_grpc {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::util::MessageDifferencer;
using submission::FlatRecord;
using submission::RecordSchema;

const submission::SubmissionSchema& Cases() { return intake::CaseSchema(); }

const RecordSchema& TypeOf(const std::string& name) {
  const RecordSchema* schema = Cases().Find(name);
  EXPECT_NE(schema, nullptr) << name;
  return *schema;
}

// Sets every field of a record to a value valid on its own: text "<field>-1", the first code of
// each enum, dates 2023-04-05 (so no end is before its start), integers 7, decimals 0.5.
void FillEveryField(Message* message) {
  const auto* descriptor = message->GetDescriptor();
  const auto* reflection = message->GetReflection();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        reflection->SetString(message, field, field->name() + "-1");
        break;
      case FieldDescriptor::CPPTYPE_ENUM:
        reflection->SetEnumValue(message, field, 1);
        break;
      case FieldDescriptor::CPPTYPE_INT32:
        reflection->SetInt32(message, field, 7);
        break;
      case FieldDescriptor::CPPTYPE_DOUBLE:
        reflection->SetDouble(message, field, 0.5);
        break;
      case FieldDescriptor::CPPTYPE_MESSAGE: {
        Message* value = reflection->MutableMessage(message, field);
        if (auto* date = google::protobuf::DynamicCastToGenerated<common::v1::Date>(value)) {
          date->set_year(2023);
          date->set_month(4);
          date->set_day(5);
        } else if (auto* time =
                       google::protobuf::DynamicCastToGenerated<common::v1::LocalDateTime>(value)) {
          time->mutable_date()->set_year(2023);
          time->mutable_date()->set_month(4);
          time->mutable_date()->set_day(5);
          time->set_hour(6);
          time->set_minute(7);
          time->set_second(8);
        } else {
          ADD_FAILURE() << "no filler for " << field->full_name();
        }
        break;
      }
      default:
        ADD_FAILURE() << "no filler for " << field->full_name();
    }
  }
}

std::vector<std::string> RecordedColumns(const FlatRecord& flat) {
  std::vector<std::string> recorded;
  for (size_t i = 0; i < flat.values.size(); ++i) {
    if (flat.values[i].has_value()) recorded.push_back(flat.schema->columns[i].name);
  }
  return recorded;
}

std::vector<std::string> Rules(const std::vector<FieldViolation>& violations) {
  std::vector<std::string> rules;
  for (const FieldViolation& violation : violations) {
    rules.push_back(violation.field + ":" + violation.rule_code);
  }
  return rules;
}

TEST(CodecSchemaTest, EveryIntakeRecordTypeIsAFieldOfRecordWithTheSameFieldsAsItsColumns) {
  ASSERT_EQ(Cases().types.size(), 15u);
  ASSERT_EQ(intake::v1::Record::descriptor()->field_count(), 15);
  for (const RecordSchema& type : Cases().types) {
    const int number = FieldOfRecordType(*intake::v1::Record::descriptor(), type.type);
    ASSERT_NE(number, 0) << type.type;
    const auto* message =
        intake::v1::Record::descriptor()->FindFieldByNumber(number)->message_type();
    std::set<std::string> fields, columns;
    for (int i = 0; i < message->field_count(); ++i) fields.insert(message->field(i)->name());
    for (const auto& column : type.columns) columns.insert(column.name);
    EXPECT_EQ(fields, columns) << type.type;
  }
}

TEST(CodecRoundTripTest, EveryRecordTypeWithEveryFieldSetSurvivesToFlatAndBack) {
  for (const RecordSchema& type : Cases().types) {
    SCOPED_TRACE(type.type);
    intake::v1::Record wrapper;
    const auto* field = intake::v1::Record::descriptor()->FindFieldByNumber(
        FieldOfRecordType(*intake::v1::Record::descriptor(), type.type));
    Message* typed = wrapper.GetReflection()->MutableMessage(&wrapper, field);
    FillEveryField(typed);

    std::vector<FieldViolation> violations;
    FlatRecord flat = ToFlat(*typed, type, &violations);
    EXPECT_TRUE(violations.empty()) << violations[0].message;
    EXPECT_EQ(RecordedColumns(flat).size(), type.columns.size());
    EXPECT_EQ(Rules(submission::ValidateRecord(flat)), std::vector<std::string>{});

    intake::v1::Record back;
    ASSERT_TRUE(SetInWrapper(flat, &back).ok());
    EXPECT_TRUE(MessageDifferencer::Equals(back, wrapper)) << back.ShortDebugString() << "\n"
                                                           << wrapper.ShortDebugString();
    ASSERT_NE(RecordInWrapper(back), nullptr);
    EXPECT_EQ(RecordInWrapper(back)->GetDescriptor()->name(), type.type);
  }
}

TEST(CodecTextTest, EnumsAreTheirCodesWithoutTheEnumPrefix) {
  intake::v1::Placement placement;
  placement.set_type(intake::v1::PLACEMENT_TYPE_FOST_LA);
  placement.set_foster_type(intake::v1::FOSTER_TYPE_SHORT_BREAK);
  placement.set_short_break(common::v1::FLAG_Y);
  placement.set_outwith_approval(common::v1::FLAG_N);
  std::vector<FieldViolation> violations;
  FlatRecord flat = ToFlat(placement, TypeOf("Placement"), &violations);
  EXPECT_EQ(flat.Get("type"), "FOST_LA");
  EXPECT_EQ(flat.Get("foster_type"), "SHORT_BREAK");
  EXPECT_EQ(flat.Get("short_break"), "Y");
  EXPECT_EQ(flat.Get("outwith_approval"), "N");
  EXPECT_EQ(flat.Get("permanent_substitute"), std::nullopt);  // FLAG_UNSPECIFIED

  intake::v1::Child child;
  child.set_sex(intake::v1::SEX_NK);
  child.set_disability(common::v1::FLAG_NK_NK);
  FlatRecord child_flat = ToFlat(child, TypeOf("Child"), &violations);
  EXPECT_EQ(child_flat.Get("sex"), "NK");
  EXPECT_EQ(child_flat.Get("disability"), "NK");
  intake::v1::Child back;
  ASSERT_TRUE(FromFlat(child_flat, &back).ok());
  EXPECT_EQ(back.sex(), intake::v1::SEX_NK);
  EXPECT_EQ(back.disability(), common::v1::FLAG_NK_NK);
  EXPECT_TRUE(violations.empty());
}

TEST(CodecTextTest, DatesAndLocalDateTimesAreZeroPaddedIsoText) {
  intake::v1::Incident incident;
  incident.set_incident_id("I1");
  incident.mutable_start()->mutable_date()->set_year(2024);
  incident.mutable_start()->mutable_date()->set_month(3);
  incident.mutable_start()->mutable_date()->set_day(31);
  incident.mutable_start()->set_hour(1);
  incident.mutable_start()->set_minute(30);
  std::vector<FieldViolation> violations;
  FlatRecord flat = ToFlat(incident, TypeOf("Incident"), &violations);
  EXPECT_EQ(flat.Get("start"), "2024-03-31T01:30:00");
  EXPECT_EQ(flat.Get("end"), std::nullopt);

  intake::v1::Child child;
  child.mutable_dob()->set_year(2009);
  child.mutable_dob()->set_month(2);
  child.mutable_dob()->set_day(9);
  EXPECT_EQ(ToFlat(child, TypeOf("Child"), &violations).Get("dob"), "2009-02-09");
}

TEST(CodecTextTest, AnOptionalIntegerSetToZeroIsRecordedAndUnsetIsNot) {
  intake::v1::StatusSnapshot snapshot;
  std::vector<FieldViolation> violations;
  EXPECT_EQ(ToFlat(snapshot, TypeOf("StatusSnapshot"), &violations).Get("leaver_scqf"),
            std::nullopt);
  snapshot.set_leaver_scqf(0);
  FlatRecord flat = ToFlat(snapshot, TypeOf("StatusSnapshot"), &violations);
  EXPECT_EQ(flat.Get("leaver_scqf"), "0");
  intake::v1::StatusSnapshot back;
  ASSERT_TRUE(FromFlat(flat, &back).ok());
  EXPECT_TRUE(back.has_leaver_scqf());
  EXPECT_EQ(back.leaver_scqf(), 0);
}

TEST(CodecUnsetTest, AnEmptyRecordRecordsNothingAndValidationNamesTheRequiredFields) {
  intake::v1::Child child;
  std::vector<FieldViolation> violations;
  FlatRecord flat = ToFlat(child, TypeOf("Child"), &violations);
  EXPECT_TRUE(violations.empty());
  EXPECT_EQ(RecordedColumns(flat), std::vector<std::string>{});
  EXPECT_EQ(
      Rules(submission::ValidateRecord(flat)),
      (std::vector<std::string>{"person_id:REQUIRED_FIELD_MISSING", "sex:REQUIRED_FIELD_MISSING"}));
  intake::v1::Child back;
  back.set_locality("stale");
  ASSERT_TRUE(FromFlat(flat, &back).ok());
  EXPECT_TRUE(MessageDifferencer::Equals(back, intake::v1::Child()));
}

TEST(CodecMalformedTest, ASetDateThatIsNotACalendarDateIsRejectedAsMalformedAndKeptAsSent) {
  intake::v1::CareEpisode episode;
  episode.set_episode_id("E1");
  episode.set_person_id("P1");
  episode.mutable_start_date()->set_year(2023);
  episode.mutable_start_date()->set_month(13);
  episode.mutable_start_date()->set_day(1);
  std::vector<FieldViolation> violations;
  FlatRecord flat = ToFlat(episode, TypeOf("CareEpisode"), &violations);
  EXPECT_TRUE(violations.empty());
  EXPECT_EQ(flat.Get("start_date"), "2023-13-01");
  EXPECT_EQ(Rules(submission::ValidateRecord(flat)),
            std::vector<std::string>{"start_date:MALFORMED_DATE"});
  intake::v1::CareEpisode back;
  ASSERT_TRUE(FromFlat(flat, &back).ok());
  EXPECT_EQ(back.start_date().month(), 13);
  EXPECT_TRUE(MessageDifferencer::Equals(back, episode));
}

TEST(CodecMalformedTest, AnEnumNumberTheContractDoesNotKnowIsAnUnknownCodeAndComesBack) {
  intake::v1::Child child;
  child.set_person_id("P1");
  child.set_sex(static_cast<intake::v1::Sex>(99));
  std::vector<FieldViolation> violations;
  FlatRecord flat = ToFlat(child, TypeOf("Child"), &violations);
  EXPECT_EQ(flat.Get("sex"), "99");
  EXPECT_EQ(Rules(submission::ValidateRecord(flat)), std::vector<std::string>{"sex:UNKNOWN_CODE"});
  intake::v1::Child back;
  ASSERT_TRUE(FromFlat(flat, &back).ok());
  EXPECT_EQ(static_cast<int>(back.sex()), 99);
}

TEST(CodecMalformedTest, FromFlatRefusesTextThatDoesNotFitWithoutQuotingIt) {
  FlatRecord flat;
  flat.schema = &TypeOf("Child");
  flat.values.resize(flat.schema->columns.size());
  ASSERT_TRUE(flat.Set("dob", "31/12/2009"));
  intake::v1::Child child;
  absl::Status status = FromFlat(flat, &child);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("dob"), absl::string_view::npos);
  EXPECT_EQ(status.message().find("31/12"), absl::string_view::npos);
  ASSERT_TRUE(flat.Set("dob", std::nullopt));
  ASSERT_TRUE(flat.Set("sex", "MALE"));
  EXPECT_EQ(FromFlat(flat, &child).code(), absl::StatusCode::kInvalidArgument);
}

// A workforce-shaped schema: months and decimals, which the intake records do not have.
RecordSchema AbsenceSchema() {
  using submission::Column;
  using submission::ColumnKind;
  auto column = [](std::string name, ColumnKind kind, std::vector<std::string> codes = {}) {
    Column c;
    c.name = std::move(name);
    c.kind = kind;
    c.required = true;
    c.codes = std::move(codes);
    return c;
  };
  RecordSchema schema;
  schema.type = "Absence";
  schema.file = "absences.csv";
  schema.table = "absences";
  schema.key = {"absence_id"};
  Column days = column("fte_days_lost", ColumnKind::kDecimal);
  days.min = 0;
  schema.columns = {column("absence_id", ColumnKind::kText), column("staff_id", ColumnKind::kText),
                    column("month", ColumnKind::kYearMonth),
                    column("type", ColumnKind::kCode, {"SICK", "OTHER_UNPLANNED"}), days};
  return schema;
}

TEST(CodecNumberTest, DecimalsWithoutPresenceAreAlwaysRecordedZeroIncluded) {
  const RecordSchema schema = AbsenceSchema();
  workforce::v1::Absence absence;
  absence.set_absence_id("A1");
  absence.set_staff_id("S1");
  absence.mutable_month()->set_year(2024);
  absence.mutable_month()->set_month(3);
  absence.set_type(workforce::v1::ABSENCE_TYPE_SICK);
  std::vector<FieldViolation> violations;
  FlatRecord zero = ToFlat(absence, schema, &violations);
  EXPECT_EQ(zero.Get("fte_days_lost"), "0");
  EXPECT_EQ(zero.Get("month"), "2024-03");
  EXPECT_EQ(Rules(submission::ValidateRecord(zero)), std::vector<std::string>{});

  for (double days : {2.5, 0.1, 1.0 / 3.0, 12.0}) {
    absence.set_fte_days_lost(days);
    FlatRecord flat = ToFlat(absence, schema, &violations);
    EXPECT_EQ(Rules(submission::ValidateRecord(flat)), std::vector<std::string>{}) << days;
    workforce::v1::Absence back;
    ASSERT_TRUE(FromFlat(flat, &back).ok());
    EXPECT_EQ(back.fte_days_lost(), days);  // exactly: the shortest text that reads back the same
    EXPECT_TRUE(MessageDifferencer::Equals(back, absence));
  }
  absence.set_fte_days_lost(2.5);
  EXPECT_EQ(ToFlat(absence, schema, &violations).Get("fte_days_lost"), "2.5");
  EXPECT_TRUE(violations.empty());
}

TEST(CodecUnknownFieldTest, ASetFieldWithNoColumnIsAViolationNotSilentlyDropped) {
  RecordSchema schema = AbsenceSchema();
  schema.columns.pop_back();  // no fte_days_lost column
  workforce::v1::Absence absence;
  absence.set_fte_days_lost(1.5);
  std::vector<FieldViolation> violations;
  ToFlat(absence, schema, &violations);
  EXPECT_EQ(Rules(violations), std::vector<std::string>{"fte_days_lost:UNKNOWN_FIELD"});
}

TEST(RecordOneofTest, RecordTypesAreTheMessageNamesBehindTheRecordTypeNumbers) {
  const auto& record = *intake::v1::Record::descriptor();
  EXPECT_EQ(RecordTypeOfField(record, intake::v1::RECORD_TYPE_PLACEMENT), "Placement");
  EXPECT_EQ(RecordTypeOfField(record, intake::v1::RECORD_TYPE_SURVEY_RESPONSE), "SurveyResponse");
  EXPECT_EQ(RecordTypeOfField(record, 0), "");
  EXPECT_EQ(RecordTypeOfField(record, 99), "");
  EXPECT_EQ(FieldOfRecordType(record, "ReviewItem"), intake::v1::RECORD_TYPE_REVIEW_ITEM);
  EXPECT_EQ(FieldOfRecordType(record, "StaffRecord"), 0);
  for (const RecordSchema& type : Cases().types) {
    EXPECT_EQ(RecordTypeOfField(record, FieldOfRecordType(record, type.type)), type.type);
  }
}

TEST(RecordOneofTest, AnEmptyWrapperHoldsNoRecordAndAForeignTypeCannotBeSet) {
  EXPECT_EQ(RecordInWrapper(intake::v1::Record()), nullptr);
  const RecordSchema schema = AbsenceSchema();
  FlatRecord flat;
  flat.schema = &schema;
  flat.values.resize(schema.columns.size());
  intake::v1::Record wrapper;
  EXPECT_EQ(SetInWrapper(flat, &wrapper).code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace pif::submission_grpc
