#include "pif/submission_grpc/codec.h"

#include <string>
#include <vector>

#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "pif/intake/v1/records.pb.h"
#include "pif/submission/validate.h"
#include "pif/submission_grpc/record_oneof.h"
#include "pif/workforce/v1/records.pb.h"

namespace pif::submission_grpc {
namespace {

using google::protobuf::Message;
using google::protobuf::util::MessageDifferencer;
using submission::FlatRecord;
using submission::RecordSchema;

using submission::Column;
using submission::ColumnKind;

// Record types shaped like some pif.intake.v1 messages, with only the columns these tests set
// (the codec matches columns to fields by name), so the codec is tested on a schema of its own
// rather than a service's. Intake's whole schema through the codec is tested in
// services/intake/adapter/test/record_codec_test.cc.
const submission::SubmissionSchema& Cases() {
  static const submission::SubmissionSchema* const kSchema = [] {
    const std::vector<std::string> flags = {"Y", "N"};
    auto* schema = new submission::SubmissionSchema{"codec tests", {}};
    RecordSchema child{"Child", "children.csv", "children", {}, {"person_id"}};
    child.columns = {{"person_id", ColumnKind::kText, true},
                     {"dob", ColumnKind::kDate},
                     {"sex", ColumnKind::kCode, true, {"M", "F", "X", "NK"}},
                     {"disability", ColumnKind::kCode, false, {"Y", "N", "NK"}},
                     {"locality", ColumnKind::kText}};
    RecordSchema episode{"CareEpisode", "care_episodes.csv", "care_episodes", {}, {"episode_id"}};
    episode.columns = {{"episode_id", ColumnKind::kText, true},
                       {"person_id", ColumnKind::kText, true},
                       {"start_date", ColumnKind::kDate, true}};
    RecordSchema placement{"Placement", "placements.csv", "placements", {}, {"placement_id"}};
    placement.columns = {{"placement_id", ColumnKind::kText, true},
                         {"type", ColumnKind::kCode, true, {"FOST_LA", "KIN"}},
                         {"foster_type", ColumnKind::kCode, false, {"SHORT_BREAK", "NA"}},
                         {"short_break", ColumnKind::kCode, false, flags},
                         {"permanent_substitute", ColumnKind::kCode, false, flags},
                         {"outwith_approval", ColumnKind::kCode, false, flags}};
    RecordSchema incident{"Incident", "incidents.csv", "incidents", {}, {"incident_id"}};
    incident.columns = {{"incident_id", ColumnKind::kText, true},
                        {"start", ColumnKind::kDateTime, true},
                        {"end", ColumnKind::kDateTime}};
    RecordSchema snapshot{
        "StatusSnapshot", "status_snapshots.csv", "status_snapshots", {}, {"person_id"}};
    Column scqf{"leaver_scqf", ColumnKind::kInteger};
    scqf.min = 0;
    scqf.max = 12;
    snapshot.columns = {{"person_id", ColumnKind::kText}, scqf};
    schema->types = {child, episode, placement, incident, snapshot};
    return schema;
  }();
  return *kSchema;
}

const RecordSchema& TypeOf(const std::string& name) {
  const RecordSchema* schema = Cases().Find(name);
  EXPECT_NE(schema, nullptr) << name;
  return *schema;
}

std::vector<std::string> Rules(const std::vector<FieldViolation>& violations) {
  std::vector<std::string> rules;
  for (const FieldViolation& violation : violations) {
    rules.push_back(violation.field + ":" + violation.rule_code);
  }
  return rules;
}

std::vector<std::string> RecordedColumns(const FlatRecord& flat) {
  std::vector<std::string> recorded;
  for (size_t i = 0; i < flat.values.size(); ++i) {
    if (flat.values[i].has_value()) recorded.push_back(flat.schema->columns[i].name);
  }
  return recorded;
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
  for (int i = 0; i < record.field_count(); ++i) {
    const int number = record.field(i)->number();
    EXPECT_EQ(FieldOfRecordType(record, RecordTypeOfField(record, number)), number);
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
