#include <algorithm>

#include "events.h"
#include "timeline.h"

namespace pif::sample::internal {
namespace {

// An assessment just recorded: what its needs hang on.
struct Recorded {
  std::string id;
  OptDate completed;
};

class AssessmentWriter {
 public:
  AssessmentWriter(EventSink& sink, const ChildPlan& child, const std::string& person)
      : sink_(sink), r_(sink.random), child_(child), person_(person) {}

  // Records an assessment; a completion after the extraction date is not known yet (OPEN).
  Recorded Add(Code type, Date requested, Date due, OptDate completed, bool withdrawn = false) {
    engine::Assessment a;
    a.assessment_id = sink_.ids.assessment.Next();
    a.person_id = person_;
    a.type = type;
    a.requested_date = requested;
    a.due_date = due;
    if (completed.has_value() && *completed > sink_.context.as_of) completed.reset();
    a.completed_date = completed;
    if (withdrawn) {
      a.status = "WITHDRAWN";
    } else if (completed.has_value()) {
      a.status = r_.Chance(0.98) ? "COMPLETE" : "";
    } else {
      a.status = "OPEN";
    }
    if (Is(type, "SW") || Is(type, "SW_CONTRIB")) a.child_views = ChildViews(requested);
    if (Is(type, "DEV_REVIEW")) a.dev_concern = PickWeighted<Code>(r_, {"Y", "N", ""}, {30, 65, 5});
    Recorded recorded{a.assessment_id, a.completed_date};
    sink_.records.assessments.push_back(std::move(a));
    return recorded;
  }

  // A social work assessment (or contribution) requested on `requested`: mostly in time.
  void SocialWork(Date requested, Code type) {
    const int window = Is(type, "SW") ? 42 : 28;
    const Date due = requested.AddDays(window);
    switch (r_.Weighted({78, 15, 4, 3})) {
      case 0:
        Add(type, requested, due, requested.AddDays(r_.Between(7, window)));
        break;
      case 1:
        Add(type, requested, due, due.AddDays(r_.Between(1, 45)));
        break;
      case 2:
        Add(type, requested, due, std::nullopt);
        break;
      default:
        Add(type, requested, due, std::nullopt, true);
    }
  }

  // `count` needs of `domain` identified by a completed assessment.
  void Needs(const Recorded& assessment, Code domain, int count) {
    if (!assessment.completed.has_value()) return;
    const Date identified = *assessment.completed;
    const Date as_of = sink_.context.as_of;
    const bool equipment = Is(domain, "EQUIP_ADAPT");
    for (int i = 0; i < count; ++i) {
      engine::Need n;
      n.need_id = sink_.ids.need.Next();
      n.assessment_id = assessment.id;
      n.domain = domain;
      n.identified_date = identified;
      if (r_.Chance(equipment ? 0.7 : 0.8)) {
        n.target_date = identified.AddDays(equipment ? r_.Between(30, 180) : r_.Between(60, 365));
      }
      const Date due = n.target_date.value_or(identified.AddDays(90));
      Date status_date;
      if (equipment) {
        // met in time, met late, in hand, not met
        const int outcome = r_.Weighted({60, 15, 17, 8});
        n.status = outcome <= 1 ? "MET" : (outcome == 2 ? "IN_HAND" : "NOT_MET");
        status_date = outcome == 0
                          ? identified.AddDays(r_.Between(0, dates::DaysBetween(identified, due)))
                      : outcome == 1 ? due.AddDays(r_.Between(1, 120))
                                     : identified.AddDays(r_.Between(30, 200));
      } else {
        const int outcome = r_.Weighted({52, 33, 15});
        n.status = outcome == 0 ? "MET" : (outcome == 1 ? "IN_HAND" : "NOT_MET");
        status_date = identified.AddDays(outcome == 0 ? r_.Between(14, 300) : r_.Between(30, 200));
      }
      if (status_date > as_of) {
        // Not settled by the extraction date: still in hand, as last reviewed.
        n.status = "IN_HAND";
        status_date = std::max(identified, as_of.AddDays(-r_.Between(0, 30)));
      }
      if (r_.Chance(0.03)) {
        n.status = "";
      } else {
        n.status_date = status_date;
      }
      sink_.records.needs.push_back(std::move(n));
    }
  }

 private:
  Code ChildViews(Date d) {
    const std::optional<int> age = AgeOn(child_, d);
    if (!age.has_value() || *age < 4) return r_.Chance(0.85) ? "NOT_ABLE" : "RECORDED";
    if (Is(child_.disability, "Y") && r_.Chance(0.25)) return "NOT_ABLE";
    return PickWeighted<Code>(r_, {"RECORDED", "DECLINED", "NOT_ABLE", "NOT_RECORDED", ""},
                              {70, 8, 4, 14, 4});
  }

  EventSink& sink_;
  Random& r_;
  const ChildPlan& child_;
  const std::string& person_;
};

// True when the yearly series on d should stop: past the end or the extraction date.
bool Past(Date d, const OptDate& end, Date as_of) {
  return d > as_of || (end.has_value() && d >= *end);
}

}  // namespace

void AddAssessments(EventSink& sink, const ChildPlan& child, const std::string& person_id) {
  const Context& c = sink.context;
  Random& r = sink.random;
  AssessmentWriter w(sink, child, person_id);

  for (const InvolvementPlan& involvement : child.involvements) {
    if (c.InData(involvement.open)) w.SocialWork(involvement.open, "SW");
    for (int k = 1;; ++k) {
      const Date d = involvement.open.AddMonths(12 * k);
      if (Past(d, involvement.close, c.as_of)) break;
      if (c.InData(d)) w.SocialWork(d, r.Chance(0.35) ? "SW_CONTRIB" : "SW");
    }
    if (Is(involvement.basis, "YOUNG_CARER")) {
      // A young carer statement when the case opens, reviewed every year.
      for (int k = 0;; ++k) {
        const Date d = involvement.open.AddMonths(12 * k);
        if (Past(d, involvement.close, c.as_of)) break;
        if (!c.InData(d)) continue;
        const OptDate done = r.Chance(0.88) ? OptDate(d.AddDays(r.Between(14, 90))) : std::nullopt;
        w.Needs(w.Add("YCS", d, d.AddDays(56), done), "YC_SUPPORT", r.Between(1, 3));
      }
    }
    if (Is(involvement.basis, "DISABILITY")) {
      // Equipment and adaptations, assessed every year or two.
      for (Date d = involvement.open.AddDays(r.Between(30, 200));
           !Past(d, involvement.close, c.as_of);
           d = d.AddMonths(r.FromBands({{50, 12, 18}, {50, 18, 30}}))) {
        if (!c.InData(d) || !r.Chance(0.7)) continue;
        const OptDate done = r.Chance(0.9) ? OptDate(d.AddDays(r.Between(14, 90))) : std::nullopt;
        w.Needs(w.Add("EQUIP", d, d.AddDays(60), done), "EQUIP_ADAPT", r.Between(1, 2));
      }
    }
  }

  for (const EpisodePlan& episode : child.episodes) {
    if (episode.short_breaks_only) continue;
    for (size_t i = 0; i < episode.placements.size(); ++i) {
      const PlacementPlan& p = episode.placements[i];
      if (Is(p.type, "HOME")) continue;
      const bool spell_start = i == 0 || Is(episode.placements[i - 1].type, "HOME");
      if (spell_start && c.InData(p.start)) {
        // The health assessment due within four weeks of being accommodated.
        const int outcome = r.Weighted({68, 22, 10});
        const OptDate done = outcome == 0   ? OptDate(p.start.AddDays(r.Between(2, 28)))
                             : outcome == 1 ? OptDate(p.start.AddDays(r.Between(29, 120)))
                                            : std::nullopt;
        w.Needs(w.Add("HEALTH_LAC", p.start, p.start.AddDays(28), done), "HEALTH",
                r.FromBands({{35, 0, 0}, {35, 1, 1}, {20, 2, 2}, {10, 3, 3}}));
      }
      if (Is(p.type, "KIN")) {
        // The kinship carers' assessment, then a yearly review of their support.
        for (int k = 0;; ++k) {
          const Date d = p.start.AddMonths(12 * k);
          if (Past(d, p.end, c.as_of)) break;
          if (!c.InData(d)) continue;
          OptDate done;
          if (k == 0) {
            if (r.Chance(0.93)) done = d.AddDays(r.FromBands({{70, 20, 84}, {30, 85, 180}}));
          } else if (r.Chance(0.9)) {
            done = d.AddDays(r.Between(7, 60));
          }
          w.Needs(w.Add("KINSHIP_CARER", d, d.AddDays(k == 0 ? 84 : 42), done), "KINSHIP_SUPPORT",
                  r.Weighted({40, 40, 20}));
        }
      }
    }
    for (int k = 1;; ++k) {
      // The yearly health assessment while accommodated.
      const Date d = episode.start.AddMonths(12 * k);
      if (Past(d, episode.end, c.as_of)) break;
      if (!c.InData(d) || !AccommodatedOn(child, d)) continue;
      const OptDate done = r.Chance(0.85) ? OptDate(d.AddDays(-r.Between(0, 28)))
                                          : OptDate(d.AddDays(r.Between(1, 60)));
      w.Needs(w.Add("HEALTH_LAC", d.AddDays(-28), d, done), "HEALTH",
              r.FromBands({{45, 0, 0}, {35, 1, 1}, {20, 2, 2}}));
    }
    for (int k = 0;; ++k) {
      // Developmental reviews of looked-after under-fives.
      const Date d = episode.start.AddDays(56).AddMonths(12 * k);
      if (Past(d, episode.end, c.as_of)) break;
      const std::optional<int> age = AgeOn(child, d);
      if (!age.has_value() || *age >= 5) break;
      if (!c.InData(d)) continue;
      w.Add("DEV_REVIEW", d, d.AddDays(28),
            r.Chance(0.85) ? OptDate(d.AddDays(r.Between(0, 40))) : std::nullopt);
    }
  }

  if (child.transition_requested.has_value() && c.InData(*child.transition_requested)) {
    const Date d = *child.transition_requested;
    w.Add("TRANSITION", d, d.AddDays(90),
          r.Chance(0.85) ? OptDate(d.AddDays(r.Between(30, 150))) : std::nullopt);
  }
}

}  // namespace pif::sample::internal
