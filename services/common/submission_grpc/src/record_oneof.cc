#include "pif/submission_grpc/record_oneof.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "pif/core/domain_status.h"
#include "pif/submission_grpc/codec.h"

namespace pif::submission_grpc {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// The wrapper's record field of `number` (a message field inside its oneof), or nullptr.
const FieldDescriptor* RecordField(const Descriptor& wrapper, int number) {
  const FieldDescriptor* field = wrapper.FindFieldByNumber(number);
  if (field == nullptr || field->message_type() == nullptr ||
      field->containing_oneof() == nullptr) {
    return nullptr;
  }
  return field;
}

const FieldDescriptor* FieldForType(const Descriptor& wrapper, const std::string& record_type) {
  for (int i = 0; i < wrapper.field_count(); ++i) {
    const FieldDescriptor* field = wrapper.field(i);
    if (field->message_type() != nullptr && field->containing_oneof() != nullptr &&
        field->message_type()->name() == record_type) {
      return field;
    }
  }
  return nullptr;
}

}  // namespace

const Message* RecordInWrapper(const Message& wrapper) {
  const Descriptor& descriptor = *wrapper.GetDescriptor();
  if (descriptor.oneof_decl_count() == 0) return nullptr;
  const FieldDescriptor* field =
      wrapper.GetReflection()->GetOneofFieldDescriptor(wrapper, descriptor.oneof_decl(0));
  if (field == nullptr || field->message_type() == nullptr) return nullptr;
  return &wrapper.GetReflection()->GetMessage(wrapper, field);
}

absl::Status SetInWrapper(const submission::FlatRecord& flat, Message* wrapper) {
  wrapper->Clear();
  if (flat.schema == nullptr) return absl::InvalidArgumentError("the record has no schema");
  const FieldDescriptor* field = FieldForType(*wrapper->GetDescriptor(), flat.schema->type);
  if (field == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(wrapper->GetDescriptor()->full_name(),
                                                   " holds no ", flat.schema->type, " records"));
  }
  return FromFlat(flat, wrapper->GetReflection()->MutableMessage(wrapper, field));
}

std::string RecordTypeOfField(const Descriptor& wrapper, int number) {
  const FieldDescriptor* field = RecordField(wrapper, number);
  return field == nullptr ? std::string() : field->message_type()->name();
}

int FieldOfRecordType(const Descriptor& wrapper, const std::string& record_type) {
  const FieldDescriptor* field = FieldForType(wrapper, record_type);
  return field == nullptr ? 0 : field->number();
}

absl::StatusOr<std::string> TypeNameOf(const google::protobuf::Descriptor& wrapper,
                                       const submission::SubmissionSchema& schema, int record_type,
                                       const std::string& field, const std::string& enum_prefix) {
  const std::string name =
      record_type == 0 ? std::string() : RecordTypeOfField(wrapper, record_type);
  if (name.empty() || schema.Find(name) == nullptr) {
    return InvalidField(field, "UNKNOWN_RECORD_TYPE",
                        absl::StrCat(field, " must name a record type (", enum_prefix, "...)"));
  }
  return name;
}

}  // namespace pif::submission_grpc
