#include "pif/submission/children_read.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "pif/submission/redaction.h"

namespace pif::submission {

ChildrenRead::ChildrenRead(const SubmissionSchema& schema, const std::vector<std::string>& types) {
  auto read = [&types](const std::string& type) {
    return types.empty() || std::find(types.begin(), types.end(), type) != types.end();
  };
  for (const RecordSchema& type : schema.types) {
    for (const ParentRule& parent : type.parents) {
      if (read(parent.parent_type)) named_by_parent_.insert(type.type);
    }
  }
}

void ChildrenRead::Note(const FlatRecord& record) {
  if (record.schema == nullptr) return;
  if (record.schema->ColumnIndex(kPersonColumn) >= 0) {
    const std::optional<std::string>& person = record.Get(kPersonColumn);
    if (person.has_value() && !person->empty()) Add(*person);
    return;
  }
  if (named_by_parent_.count(record.schema->type) > 0) return;
  Add(absl::StrCat(record.schema->type, ":", RecordId(record)));
}

void ChildrenRead::Note(const StoredRejection& rejection) {
  for (const auto& [name, text] : rejection.cells) {
    if (name == kPersonColumn && !text.empty() && text != kRedacted) {
      Add(text);
      return;
    }
  }
  Add(absl::StrCat(rejection.rejection.record_type, ":", rejection.rejection.record_id));
}

void ChildrenRead::Add(std::string id) {
  if (seen_.insert(id).second) ids_.push_back(std::move(id));
}

}  // namespace pif::submission
