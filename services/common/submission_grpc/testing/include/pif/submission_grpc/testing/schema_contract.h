// Checks, for a service's tests, that a submission schema and the proto contract of its records
// agree: every record type is a message of the package with exactly its columns as fields, each
// field of the type its column's kind needs, and each code list the enum's values.
#pragma once

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "pif/submission/schema.h"

namespace pif::submission_grpc::testing {

// The message `<package>.<type>` of the generated pool; nullptr when there is none.
inline const google::protobuf::Descriptor* MessageOf(const std::string& package,
                                                     const submission::RecordSchema& type) {
  return google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(package + "." +
                                                                                   type.type);
}

// The CSV codes of an enum: its value names without the enum's prefix, the zero value left out.
inline std::vector<std::string> CodesOf(const google::protobuf::EnumDescriptor& e) {
  const std::string zero = e.FindValueByNumber(0)->name();  // e.g. PLACEMENT_TYPE_UNSPECIFIED
  const std::string suffix = "UNSPECIFIED";
  EXPECT_TRUE(zero.size() > suffix.size() && zero.substr(zero.size() - suffix.size()) == suffix)
      << e.full_name();
  const std::string prefix = zero.substr(0, zero.size() - suffix.size());
  std::vector<std::string> codes;
  for (int i = 0; i < e.value_count(); ++i) {
    if (e.value(i)->number() == 0) continue;
    const std::string name = e.value(i)->name();
    EXPECT_EQ(name.substr(0, prefix.size()), prefix) << e.full_name();
    codes.push_back(name.substr(prefix.size()));
  }
  return codes;
}

// Checks that `field` has the proto type `column`'s kind needs, with failures naming the field.
inline void ExpectFieldMatches(const submission::Column& column,
                               const google::protobuf::FieldDescriptor& field) {
  using google::protobuf::FieldDescriptor;
  using submission::ColumnKind;
  SCOPED_TRACE(field.full_name());
  EXPECT_FALSE(field.is_repeated());
  const std::string message =
      field.message_type() == nullptr ? std::string() : field.message_type()->full_name();
  switch (column.kind) {
    case ColumnKind::kText:
      EXPECT_EQ(field.type(), FieldDescriptor::TYPE_STRING);
      break;
    case ColumnKind::kDate:
      EXPECT_EQ(message, "pif.common.v1.Date");
      break;
    case ColumnKind::kDateTime:
      EXPECT_EQ(message, "pif.common.v1.LocalDateTime");
      break;
    case ColumnKind::kYearMonth:
      EXPECT_EQ(message, "pif.common.v1.YearMonth");
      break;
    case ColumnKind::kCode:
      ASSERT_EQ(field.type(), FieldDescriptor::TYPE_ENUM);
      EXPECT_THAT(column.codes, ::testing::ElementsAreArray(CodesOf(*field.enum_type())));
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

// Checks every record type of `schema` against its message in `package`: exactly its columns as
// fields, each of the type its kind needs.
inline void ExpectSchemaMatchesMessages(const submission::SubmissionSchema& schema,
                                        const std::string& package) {
  for (const submission::RecordSchema& type : schema.types) {
    SCOPED_TRACE(type.type);
    const google::protobuf::Descriptor* message = MessageOf(package, type);
    ASSERT_NE(message, nullptr);
    std::vector<std::string> fields;
    for (int i = 0; i < message->field_count(); ++i) fields.push_back(message->field(i)->name());
    std::vector<std::string> columns;
    for (const submission::Column& column : type.columns) columns.push_back(column.name);
    EXPECT_THAT(columns, ::testing::UnorderedElementsAreArray(fields));
    for (const submission::Column& column : type.columns) {
      const google::protobuf::FieldDescriptor* field = message->FindFieldByName(column.name);
      if (field != nullptr) ExpectFieldMatches(column, *field);
    }
  }
}

}  // namespace pif::submission_grpc::testing
