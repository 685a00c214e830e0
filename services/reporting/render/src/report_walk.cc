#include "report_walk.h"

#include "absl/strings/str_cat.h"

namespace pif::report_render {

std::vector<IndicatorPlace> IndicatorsInOrder(const reporting::v1::Report& report) {
  std::vector<IndicatorPlace> places;
  for (const reporting::v1::KeyQuestion& question : report.key_questions()) {
    for (const reporting::v1::Area& area : question.areas()) {
      for (const reporting::v1::ThemeGroup& group : area.theme_groups()) {
        for (const reporting::v1::IndicatorEntry& entry : group.indicators()) {
          places.push_back({&question, &area, &group, &entry});
        }
      }
      for (const reporting::v1::IndicatorEntry& entry : area.indicators()) {
        places.push_back({&question, &area, nullptr, &entry});
      }
    }
  }
  return places;
}

SourceIndex::SourceIndex(const reporting::v1::Report& report) : report_(report) {
  for (int i = 0; i < report.sources_size(); ++i) {
    position_by_id_.emplace(report.sources(i).result_id(), i);  // the first one wins
  }
}

const common::v1::Provenance* SourceIndex::Find(const std::string& result_id) const {
  const auto it = position_by_id_.find(result_id);
  if (it == position_by_id_.end()) return nullptr;
  return &report_.sources(it->second);
}

std::string SourceIndex::RefOf(const std::string& result_id) const {
  const auto it = position_by_id_.find(result_id);
  if (it == position_by_id_.end()) return "";
  return RefAt(it->second);
}

std::string SourceIndex::RefAt(int position) { return absl::StrCat("S", position + 1); }

}  // namespace pif::report_render
