#include "pif/submission_grpc/codec.h"

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "pif/common/v1/date.pb.h"
#include "pif/submission/validate.h"

namespace pif::submission_grpc {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;
using google::protobuf::EnumValueDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;
using submission::FlatRecord;
using submission::RecordSchema;

constexpr absl::string_view kUnspecified = "UNSPECIFIED";

// The prefix of an enum's value names: its zero value's name without "UNSPECIFIED".
absl::string_view EnumPrefix(const EnumDescriptor& type) {
  const EnumValueDescriptor* zero = type.FindValueByNumber(0);
  if (zero == nullptr) return {};
  absl::string_view name = zero->name();
  if (!absl::EndsWith(name, kUnspecified)) return {};
  return name.substr(0, name.size() - kUnspecified.size());
}

std::string EnumCode(const EnumDescriptor& type, int number) {
  const EnumValueDescriptor* value = type.FindValueByNumber(number);
  // A number the enum does not know (proto3 enums are open) stays a number, so that the code
  // list check rejects it with the value quoted.
  if (value == nullptr) return absl::StrCat(number);
  absl::string_view name = value->name();
  absl::string_view prefix = EnumPrefix(type);
  if (absl::StartsWith(name, prefix)) name.remove_prefix(prefix.size());
  return std::string(name);
}

std::string DateText(const common::v1::Date& date) {
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

std::string DoubleText(double value) {
  // Fixed notation with the fewest digits that read back as the same double (no exponent).
  char buffer[400];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  if (result.ec != std::errc()) return absl::StrCat(value);
  return std::string(buffer, result.ptr);
}

// The text of a calendar message (Date, LocalDateTime, YearMonth); false for other messages.
bool CalendarText(const Message& message, std::string* text) {
  if (const auto* date = google::protobuf::DynamicCastToGenerated<common::v1::Date>(&message)) {
    *text = DateText(*date);
    return true;
  }
  if (const auto* time =
          google::protobuf::DynamicCastToGenerated<common::v1::LocalDateTime>(&message)) {
    *text = absl::StrFormat("%sT%02d:%02d:%02d", DateText(time->date()), time->hour(),
                            time->minute(), time->second());
    return true;
  }
  if (const auto* month =
          google::protobuf::DynamicCastToGenerated<common::v1::YearMonth>(&message)) {
    *text = absl::StrFormat("%04d-%02d", month->year(), month->month());
    return true;
  }
  return false;
}

// The text of one singular field; nullopt when not recorded. Sets *supported = false for a
// field type the contracts do not use (bool, bytes, repeated, other messages).
std::optional<std::string> FieldText(const Message& message, const Reflection& reflection,
                                     const FieldDescriptor& field, bool* supported) {
  *supported = true;
  if (field.is_repeated()) {
    *supported = false;
    if (reflection.FieldSize(message, &field) == 0) return std::nullopt;
    return std::string();
  }
  if (field.has_presence() && !reflection.HasField(message, &field)) return std::nullopt;
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING: {
      std::string scratch;
      const std::string& value = reflection.GetStringReference(message, &field, &scratch);
      if (value.empty()) return std::nullopt;
      return value;
    }
    case FieldDescriptor::CPPTYPE_ENUM: {
      const int number = reflection.GetEnumValue(message, &field);
      if (number == 0) return std::nullopt;
      return EnumCode(*field.enum_type(), number);
    }
    case FieldDescriptor::CPPTYPE_INT32:
      return absl::StrCat(reflection.GetInt32(message, &field));
    case FieldDescriptor::CPPTYPE_INT64:
      return absl::StrCat(reflection.GetInt64(message, &field));
    case FieldDescriptor::CPPTYPE_UINT32:
      return absl::StrCat(reflection.GetUInt32(message, &field));
    case FieldDescriptor::CPPTYPE_UINT64:
      return absl::StrCat(reflection.GetUInt64(message, &field));
    case FieldDescriptor::CPPTYPE_DOUBLE:
      return DoubleText(reflection.GetDouble(message, &field));
    case FieldDescriptor::CPPTYPE_FLOAT:
      return DoubleText(reflection.GetFloat(message, &field));
    case FieldDescriptor::CPPTYPE_MESSAGE: {
      std::string text;
      if (CalendarText(reflection.GetMessage(message, &field), &text)) return text;
      *supported = false;
      return std::string();
    }
    case FieldDescriptor::CPPTYPE_BOOL:
      *supported = false;
      if (!reflection.GetBool(message, &field)) return std::nullopt;
      return std::string("true");
  }
  *supported = false;
  return std::string();
}

// Reads an optionally negative decimal from the front of `text`, consuming it.
bool ConsumeInt(absl::string_view* text, int32_t* out) {
  size_t length = 0;
  if (length < text->size() && (*text)[length] == '-') ++length;
  const size_t first_digit = length;
  while (length < text->size() &&
         absl::ascii_isdigit(static_cast<unsigned char>((*text)[length]))) {
    ++length;
  }
  if (length == first_digit) return false;
  if (!absl::SimpleAtoi(text->substr(0, length), out)) return false;
  text->remove_prefix(length);
  return true;
}

bool ConsumeChar(absl::string_view* text, char c) {
  if (text->empty() || text->front() != c) return false;
  text->remove_prefix(1);
  return true;
}

// Parses YYYY-MM-DD (values out of their calendar range are kept: they come from ToFlat).
bool ConsumeDate(absl::string_view* text, common::v1::Date* date) {
  int32_t year = 0, month = 0, day = 0;
  if (!ConsumeInt(text, &year) || !ConsumeChar(text, '-') || !ConsumeInt(text, &month) ||
      !ConsumeChar(text, '-') || !ConsumeInt(text, &day)) {
    return false;
  }
  date->set_year(year);
  date->set_month(month);
  date->set_day(day);
  return true;
}

bool ParseCalendar(absl::string_view text, Message* message) {
  if (auto* date = google::protobuf::DynamicCastToGenerated<common::v1::Date>(message)) {
    return ConsumeDate(&text, date) && text.empty();
  }
  if (auto* time = google::protobuf::DynamicCastToGenerated<common::v1::LocalDateTime>(message)) {
    int32_t hour = 0, minute = 0, second = 0;
    if (!ConsumeDate(&text, time->mutable_date()) || !ConsumeChar(&text, 'T') ||
        !ConsumeInt(&text, &hour) || !ConsumeChar(&text, ':') || !ConsumeInt(&text, &minute)) {
      return false;
    }
    if (ConsumeChar(&text, ':') && !ConsumeInt(&text, &second)) return false;
    time->set_hour(hour);
    time->set_minute(minute);
    time->set_second(second);
    return text.empty();
  }
  if (auto* month = google::protobuf::DynamicCastToGenerated<common::v1::YearMonth>(message)) {
    int32_t year = 0, month_number = 0;
    if (!ConsumeInt(&text, &year) || !ConsumeChar(&text, '-') ||
        !ConsumeInt(&text, &month_number)) {
      return false;
    }
    month->set_year(year);
    month->set_month(month_number);
    return text.empty();
  }
  return false;
}

bool SetEnum(const std::string& code, const FieldDescriptor& field, const Reflection& reflection,
             Message* message) {
  const EnumDescriptor& type = *field.enum_type();
  const EnumValueDescriptor* value = type.FindValueByName(absl::StrCat(EnumPrefix(type), code));
  int number = 0;
  if (value != nullptr) {
    number = value->number();
  } else if (!absl::SimpleAtoi(code, &number)) {  // an unknown number kept by ToFlat
    return false;
  }
  if (number == 0) return false;
  reflection.SetEnumValue(message, &field, number);
  return true;
}

// Sets one field from its text; false when the text does not fit the field's type.
bool SetField(const std::string& text, const FieldDescriptor& field, const Reflection& reflection,
              Message* message) {
  if (field.is_repeated()) return false;
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      reflection.SetString(message, &field, text);
      return true;
    case FieldDescriptor::CPPTYPE_ENUM:
      return SetEnum(text, field, reflection, message);
    case FieldDescriptor::CPPTYPE_INT32: {
      int32_t value = 0;
      if (!absl::SimpleAtoi(text, &value)) return false;
      reflection.SetInt32(message, &field, value);
      return true;
    }
    case FieldDescriptor::CPPTYPE_INT64: {
      int64_t value = 0;
      if (!absl::SimpleAtoi(text, &value)) return false;
      reflection.SetInt64(message, &field, value);
      return true;
    }
    case FieldDescriptor::CPPTYPE_UINT32: {
      uint32_t value = 0;
      if (!absl::SimpleAtoi(text, &value)) return false;
      reflection.SetUInt32(message, &field, value);
      return true;
    }
    case FieldDescriptor::CPPTYPE_UINT64: {
      uint64_t value = 0;
      if (!absl::SimpleAtoi(text, &value)) return false;
      reflection.SetUInt64(message, &field, value);
      return true;
    }
    case FieldDescriptor::CPPTYPE_DOUBLE: {
      double value = 0;
      if (!absl::SimpleAtod(text, &value)) return false;
      reflection.SetDouble(message, &field, value);
      return true;
    }
    case FieldDescriptor::CPPTYPE_FLOAT: {
      float value = 0;
      if (!absl::SimpleAtof(text, &value)) return false;
      reflection.SetFloat(message, &field, value);
      return true;
    }
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return ParseCalendar(text, reflection.MutableMessage(message, &field));
    case FieldDescriptor::CPPTYPE_BOOL:
      return false;
  }
  return false;
}

}  // namespace

FlatRecord ToFlat(const Message& typed_record, const RecordSchema& schema,
                  std::vector<FieldViolation>* violations) {
  FlatRecord flat;
  flat.schema = &schema;
  flat.values.resize(schema.columns.size());
  const Descriptor& descriptor = *typed_record.GetDescriptor();
  const Reflection& reflection = *typed_record.GetReflection();
  for (int i = 0; i < descriptor.field_count(); ++i) {
    const FieldDescriptor& field = *descriptor.field(i);
    bool supported = true;
    std::optional<std::string> text = FieldText(typed_record, reflection, field, &supported);
    const int column = schema.ColumnIndex(field.name());
    if (column < 0 || !supported) {
      if (text.has_value()) {
        violations->push_back(
            {field.name(), submission::kUnknownField,
             absl::StrCat(field.name(), " is not a field of ", schema.type, " that ",
                          column < 0 ? "the contract knows" : "can be read", "; not accepted")});
      }
      continue;
    }
    flat.values[column] = std::move(text);
  }
  return flat;
}

absl::Status FromFlat(const FlatRecord& flat, Message* typed) {
  typed->Clear();
  if (flat.schema == nullptr) return absl::InvalidArgumentError("the record has no schema");
  const Descriptor& descriptor = *typed->GetDescriptor();
  const Reflection& reflection = *typed->GetReflection();
  for (size_t i = 0; i < flat.schema->columns.size() && i < flat.values.size(); ++i) {
    if (!flat.values[i].has_value()) continue;
    const std::string& name = flat.schema->columns[i].name;
    const FieldDescriptor* field = descriptor.FindFieldByName(name);
    if (field == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("column ", name, " has no field in ", descriptor.full_name()));
    }
    if (!SetField(*flat.values[i], *field, reflection, typed)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the value of column ", name, " cannot be expressed in ", descriptor.full_name()));
    }
  }
  return absl::OkStatus();
}

}  // namespace pif::submission_grpc
