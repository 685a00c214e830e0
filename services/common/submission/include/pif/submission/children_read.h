// The children a read of kept records exposed, as the access audit lists them: a person id for
// a record (or rejected record) that names its child, "<RecordType>:<record id>" for one that
// does not and whose child is not otherwise named by the same read.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "pif/submission/flat_record.h"
#include "pif/submission/schema.h"
#include "pif/submission/summary.h"

namespace pif::submission {

// Collects the children of the records one read returns, each once, in first-seen order.
class ChildrenRead {
 public:
  // A read of `types` of `schema` (empty: every type). A record of a type without a person id
  // column is named by its record id only when its parent type is not among the types read (a
  // placement of an exported episode is that episode's child's).
  ChildrenRead(const SubmissionSchema& schema, const std::vector<std::string>& types);

  // Notes the child of a record read.
  void Note(const FlatRecord& record);
  // Notes the child of a rejected record read: its `person_id` cell when not empty, otherwise
  // "<RecordType>:<record id>".
  void Note(const StoredRejection& rejection);

  // The children noted, in first-seen order.
  const std::vector<std::string>& ids() const { return ids_; }

 private:
  void Add(std::string id);

  std::set<std::string> named_by_parent_;  // types whose parent type is read as well
  std::set<std::string> seen_;
  std::vector<std::string> ids_;
};

}  // namespace pif::submission
