#include <algorithm>

#include "workforce.h"

namespace pif::sample::internal {
namespace {

// A stretch of a family's case held by one worker (or by duty when staff_id is empty).
struct Segment {
  Date start;
  Date end;  // kForever while still held
  std::string staff_id;
};

const Date kForever = *Date::FromYmd(9999, 1, 1);

// A random member of `pool` (indices sorted by start) in post on d, or nullptr.
const StaffMember* InPost(const Workforce& w, const std::vector<size_t>& pool, Date d, Random& r) {
  const size_t started = static_cast<size_t>(
      std::upper_bound(pool.begin(), pool.end(), d,
                       [&](Date day, size_t i) { return day < w.members[i].start; }) -
      pool.begin());
  if (started == 0) return nullptr;
  for (int attempt = 0; attempt < 32; ++attempt) {
    const StaffMember& m = w.members[pool[r.Below(started)]];
    if (m.InPostOn(d)) return &m;
  }
  const size_t offset = r.Below(started);
  for (size_t k = 0; k < started; ++k) {
    const StaffMember& m = w.members[pool[(offset + k) % started]];
    if (m.InPostOn(d)) return &m;
  }
  return nullptr;
}

}  // namespace

void AllocateCases(const Context& context, const Workforce& workforce,
                   const std::vector<FamilyCase>& cases, Random& r, Ids& ids,
                   engine::CaseRecords& records) {
  // Allocations are recorded from the data start (the look-backs of the first trend year).
  const Date from = context.data_start;
  std::vector<std::pair<Date, Date>> spans;
  std::vector<Segment> segments;
  for (const FamilyCase& family : cases) {
    // The family's open periods (a month's gap or less joins them): one worker holds them all.
    spans.clear();
    for (size_t i = family.first_involvement; i < family.end_involvement; ++i) {
      const engine::Involvement& inv = records.involvements[i];
      const Date start = std::max(inv.open_date, from);
      const Date end = inv.close_date.value_or(kForever);
      if (start < end) spans.emplace_back(start, end);
    }
    std::sort(spans.begin(), spans.end());
    segments.clear();
    const bool light = family.type == FamilyType::kVoluntary ||
                       family.type == FamilyType::kYoungCarer ||
                       family.type == FamilyType::kOther || family.type == FamilyType::kDisability;
    for (size_t i = 0; i < spans.size();) {
      const Date start = spans[i].first;
      Date end = spans[i].second;
      size_t j = i + 1;
      for (; j < spans.size() && (end == kForever || spans[j].first <= end.AddDays(30)); ++j) {
        end = std::max(end, spans[j].second);
      }
      i = j;
      Date t = start;
      if (r.Chance(0.4)) {
        // Held on duty until a worker is allocated.
        const Date allocated = std::min(end, t.AddDays(r.Between(2, 30)));
        segments.push_back({t, allocated, ""});
        t = allocated;
      }
      while (t < end && t <= context.as_of) {
        const std::vector<size_t>& pool =
            light && r.Chance(0.15) ? workforce.field_other : workforce.social_workers;
        const StaffMember* worker = InPost(workforce, pool, t, r);
        if (worker == nullptr) worker = InPost(workforce, workforce.social_workers, t, r);
        if (worker == nullptr) {
          segments.push_back({t, end, ""});
          break;
        }
        Date until = std::min(
            end, t.AddMonths(r.FromBands({{25, 3, 9}, {35, 9, 18}, {30, 18, 36}, {10, 36, 60}})));
        if (worker->leave.has_value()) until = std::min(until, *worker->leave);
        segments.push_back({t, until, worker->staff_id});
        t = until;
        if (t < end && t <= context.as_of && r.Chance(0.25)) {
          // Between workers: held by the team or on duty, sometimes for more than four weeks.
          const Date next = std::min(end, t.AddDays(r.FromBands({{60, 3, 28}, {40, 29, 90}})));
          segments.push_back({t, next, ""});
          t = next;
        }
      }
    }
    for (size_t i = family.first_involvement; i < family.end_involvement; ++i) {
      const engine::Involvement& inv = records.involvements[i];
      const Date inv_end = inv.close_date.value_or(kForever);
      for (const Segment& s : segments) {
        const Date start = std::max(s.start, inv.open_date);
        const Date end = std::min(s.end, inv_end);
        if (start >= end || start > context.as_of) continue;
        engine::Allocation a;
        a.allocation_id = ids.allocation.Next();
        a.involvement_id = inv.involvement_id;
        a.staff_id = s.staff_id;
        a.start_date = start;
        if (end <= context.as_of) a.end_date = end;
        records.allocations.push_back(std::move(a));
      }
    }
  }
}

}  // namespace pif::sample::internal
