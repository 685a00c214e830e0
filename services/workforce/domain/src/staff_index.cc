#include "pif/workforce/domain/staff_index.h"

namespace pif::workforce {
namespace {

const StaffRow* InForce(const std::vector<const StaffRow*>& rows, dates::Date d) {
  const StaffRow* found = nullptr;
  for (const StaffRow* row : rows) {
    if (row->Covers(d) && (found == nullptr || found->valid_from < row->valid_from)) found = row;
  }
  return found;
}

}  // namespace

StaffIndex::StaffIndex(const std::vector<StaffRow>& rows) {
  for (const StaffRow& row : rows) rows_by_staff_[row.staff_id].push_back(&row);
}

const StaffRow* StaffIndex::RowInForce(const std::string& staff_id, dates::Date d) const {
  const auto it = rows_by_staff_.find(staff_id);
  return it == rows_by_staff_.end() ? nullptr : InForce(it->second, d);
}

std::vector<const StaffRow*> StaffIndex::InPostOn(dates::Date d) const {
  std::vector<const StaffRow*> in_post;
  for (const auto& [staff_id, rows] : rows_by_staff_) {
    if (const StaffRow* row = InForce(rows, d)) in_post.push_back(row);
  }
  return in_post;
}

}  // namespace pif::workforce
