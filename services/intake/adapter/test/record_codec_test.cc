// The case schema through the shared record codec (pif/submission_grpc/codec.h), as the adapter
// uses it: every intake record type is a field of pif.intake.v1.Record with the same fields as
// its columns, and a record with every field set survives ToFlat, validation and FromFlat.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "pif/intake/domain/case_schema.h"
#include "pif/intake/v1/records.pb.h"
#include "pif/submission/validate.h"
#include "pif/submission_grpc/codec.h"
#include "pif/submission_grpc/record_oneof.h"

namespace pif::intake {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::util::MessageDifferencer;
using submission::FlatRecord;
using submission::RecordSchema;
using submission_grpc::FieldOfRecordType;
using submission_grpc::RecordInWrapper;
using submission_grpc::SetInWrapper;
using submission_grpc::ToFlat;
using ::testing::IsEmpty;

const submission::SubmissionSchema& Cases() { return CaseSchema(); }

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

TEST(CodecSchemaTest, EveryIntakeRecordTypeIsAFieldOfRecordWithTheSameFieldsAsItsColumns) {
  ASSERT_EQ(Cases().types.size(), 15u);
  ASSERT_EQ(v1::Record::descriptor()->field_count(), 15);
  for (const RecordSchema& type : Cases().types) {
    const int number = FieldOfRecordType(*v1::Record::descriptor(), type.type);
    ASSERT_NE(number, 0) << type.type;
    const auto* message = v1::Record::descriptor()->FindFieldByNumber(number)->message_type();
    std::set<std::string> fields, columns;
    for (int i = 0; i < message->field_count(); ++i) fields.insert(message->field(i)->name());
    for (const auto& column : type.columns) columns.insert(column.name);
    EXPECT_EQ(fields, columns) << type.type;
  }
}

TEST(CodecRoundTripTest, EveryRecordTypeWithEveryFieldSetSurvivesToFlatAndBack) {
  for (const RecordSchema& type : Cases().types) {
    SCOPED_TRACE(type.type);
    v1::Record wrapper;
    const auto* field = v1::Record::descriptor()->FindFieldByNumber(
        FieldOfRecordType(*v1::Record::descriptor(), type.type));
    Message* typed = wrapper.GetReflection()->MutableMessage(&wrapper, field);
    FillEveryField(typed);

    std::vector<FieldViolation> violations;
    FlatRecord flat = ToFlat(*typed, type, &violations);
    EXPECT_TRUE(violations.empty()) << violations[0].message;
    // Every column recorded, and the record valid as it stands.
    EXPECT_EQ(std::count_if(flat.values.begin(), flat.values.end(),
                            [](const auto& value) { return value.has_value(); }),
              static_cast<std::ptrdiff_t>(type.columns.size()));
    EXPECT_THAT(submission::ValidateRecord(flat), IsEmpty());

    v1::Record back;
    ASSERT_TRUE(SetInWrapper(flat, &back).ok());
    EXPECT_TRUE(MessageDifferencer::Equals(back, wrapper)) << back.ShortDebugString() << "\n"
                                                           << wrapper.ShortDebugString();
    ASSERT_NE(RecordInWrapper(back), nullptr);
    EXPECT_EQ(RecordInWrapper(back)->GetDescriptor()->name(), type.type);
  }
}

TEST(RecordOneofTest, EveryIntakeRecordTypeIsTheNameOfTheFieldThatHoldsIt) {
  const auto& record = *v1::Record::descriptor();
  for (const RecordSchema& type : Cases().types) {
    EXPECT_EQ(submission_grpc::RecordTypeOfField(record, FieldOfRecordType(record, type.type)),
              type.type);
  }
}

}  // namespace
}  // namespace pif::intake
