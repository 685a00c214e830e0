#include <algorithm>

#include "events.h"
#include "pif/dates/local_datetime.h"
#include "timeline.h"

namespace pif::sample::internal {
namespace {

// Destinations of care leavers: about 55% in education, training or work.
Code LeaverEcon(Random& r) {
  return PickWeighted<Code>(r,
                            {"SCHOOL", "FE_HE", "TRAINING", "EMPLOYED", "VOLUNTARY_WORK",
                             "UNEMPLOYED", "ILL_DISABLED", "CARING", "OTHER_INACTIVE", "NK"},
                            {8, 20, 10, 15, 2, 28, 4, 4, 5, 4});
}

// Young people of 16 or 17 still at home or in care: mostly at school or college.
Code YoungEcon(Random& r) {
  return PickWeighted<Code>(
      r, {"SCHOOL", "FE_HE", "TRAINING", "EMPLOYED", "UNEMPLOYED", "CARING", "NK"},
      {55, 15, 6, 5, 10, 5, 4});
}

}  // namespace

void AddSnapshots(EventSink& sink, const ChildPlan& child, const std::string& person_id) {
  const Context& c = sink.context;
  Random& r = sink.random;
  const bool relevant =
      child.aftercare_from.has_value() ||
      std::any_of(child.episodes.begin(), child.episodes.end(),
                  [](const EpisodePlan& e) { return !e.short_breaks_only; }) ||
      std::any_of(child.involvements.begin(), child.involvements.end(),
                  [](const InvolvementPlan& i) { return Is(i.basis, "YOUNG_CARER"); });
  if (!relevant) return;

  // A yearly snapshot some weeks before each anniversary of the extraction date (the child's
  // annual review of the year), and a half-yearly one for care leavers.
  const int offset = r.Between(0, 90);
  std::vector<std::pair<Date, bool>> when;  // (as_at, half-yearly)
  for (int k = 0; k <= 12; ++k) {
    const Date d = c.as_of.AddMonths(-12 * k).AddDays(-offset);
    if (d < c.data_start) break;
    when.emplace_back(d, false);
    if (d.AddDays(-182) >= c.data_start) when.emplace_back(d.AddDays(-182), true);
  }
  std::sort(when.begin(), when.end());

  bool scqf_recorded = false;
  for (const auto& [d, half_yearly] : when) {
    const std::optional<int> age = AgeOn(child, d);
    if (!age.has_value()) continue;
    const bool looked_after = LookedAfterOn(child, d);
    const bool aftercare =
        child.aftercare_from.has_value() && *child.aftercare_from <= d && *age < 26;
    const bool young_carer = OpenOn(child, d, "YOUNG_CARER");
    if (half_yearly ? !aftercare : !((looked_after && *age >= 4) || aftercare || young_carer)) {
      continue;
    }
    engine::StatusSnapshot s;
    s.person_id = person_id;
    s.as_at = d;
    s.aftercare_eligible = aftercare ? "Y" : (looked_after && *age >= 14 ? "N" : "");
    s.aftercare_receiving = aftercare ? (OpenOn(child, d, "AFTERCARE") ? "Y" : "N") : "";
    if (*age >= 16) {
      s.econ = aftercare ? LeaverEcon(r) : YoungEcon(r);
    } else if (*age >= 5) {
      s.econ = "SCHOOL";
    }
    if (aftercare) s.homeless_12m = PickWeighted<Code>(r, {"N", "Y", "NK"}, {85, 9, 6});
    s.young_carer = young_carer ? "Y" : "N";
    if (young_carer) s.yc_support_accessed = PickWeighted<Code>(r, {"Y", "N", "NA"}, {70, 24, 6});
    if (looked_after && *age >= 5 && *age <= 15) {
      s.acel_on_track = PickWeighted<Code>(r, {"Y", "N", "NA"}, {55, 37, 8});
    }
    if (!scqf_recorded && (looked_after || aftercare) && *age >= 15 && *age <= 17 &&
        r.Chance(0.6)) {
      // The school leaver's highest SCQF level (pupils leave school at 15 to 17).
      s.leaver_scqf =
          r.FromBands({{10, 0, 2}, {17, 3, 3}, {25, 4, 4}, {28, 5, 5}, {15, 6, 6}, {5, 7, 7}});
      scqf_recorded = true;
    }
    if (s.homeless_12m == "Y") {
      const Date h = d.AddDays(-r.Between(1, 330));
      if (c.InData(h)) {
        engine::Incident incident;
        incident.incident_id = sink.ids.incident.Next();
        incident.person_id = person_id;
        incident.type = "HOMELESS";
        incident.start = *dates::LocalDateTime::Of(h, r.Between(8, 20), r.Between(0, 59), 0);
        sink.records.incidents.push_back(std::move(incident));
      }
    }
    sink.records.status_snapshots.push_back(std::move(s));
  }
}

}  // namespace pif::sample::internal
