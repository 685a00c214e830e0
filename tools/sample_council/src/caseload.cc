#include "caseload.h"

#include <algorithm>

namespace pif::sample::internal {
namespace {

int MonthIndex(dates::YearMonth first, Date d) {
  const dates::YearMonth m = dates::YearMonth::Containing(d);
  return (m.year() - first.year()) * 12 + (m.month() - first.month());
}

}  // namespace

Caseload::Caseload(const Context& context)
    : first_(dates::YearMonth::Containing(context.data_start)) {
  const int months = MonthIndex(first_, context.as_of) + 1;
  open_.assign(static_cast<size_t>(months) + 1, 0);
  residential_.assign(static_cast<size_t>(months) + 1, 0);
}

void Caseload::Count(std::vector<int64_t>& diff, Date start, const OptDate& end) {
  const int n = months();
  int m0 = MonthIndex(first_, start);
  if (MonthStart(std::max(m0, 0)) < start) ++m0;  // first month whose first day is covered
  m0 = std::max(m0, 0);
  const int m1 = end.has_value() ? std::min(n - 1, MonthIndex(first_, end->AddDays(-1))) : n - 1;
  if (m0 > m1) return;
  ++diff[static_cast<size_t>(m0)];
  --diff[static_cast<size_t>(m1) + 1];
}

void Caseload::AddChild(const ChildPlan& child) {
  // Merge the child's involvements so that a child is counted once a month.
  std::vector<std::pair<Date, OptDate>> spans;
  for (const InvolvementPlan& i : child.involvements) spans.emplace_back(i.open, i.close);
  std::sort(spans.begin(), spans.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < spans.size();) {
    Date start = spans[i].first;
    OptDate end = spans[i].second;
    size_t j = i + 1;
    while (j < spans.size() && (!end.has_value() || spans[j].first <= *end)) {
      if (end.has_value() && (!spans[j].second.has_value() || *spans[j].second > *end)) {
        end = spans[j].second;
      }
      ++j;
    }
    Count(open_, start, end);
    i = j;
  }
  for (const EpisodePlan& episode : child.episodes) {
    for (const PlacementPlan& p : episode.placements) {
      if (!p.short_break && Is(p.type, "RES_LA")) Count(residential_, p.start, p.end);
    }
  }
}

int64_t Caseload::Sum(const std::vector<int64_t>& diff, int m) {
  int64_t total = 0;
  for (int i = 0; i <= m; ++i) total += diff[static_cast<size_t>(i)];
  return total;
}

int64_t Caseload::OpenChildren(int m) const { return Sum(open_, m); }

int64_t Caseload::ResidentialChildren(int m) const { return Sum(residential_, m); }

}  // namespace pif::sample::internal
