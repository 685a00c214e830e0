#include <algorithm>

#include "events.h"
#include "pif/dates/local_datetime.h"
#include "timeline.h"

namespace pif::sample::internal {
namespace {

using dates::LocalDateTime;

// Where the child lives while the incidents happen.
enum class Setting { kHome, kCommunity, kResidential, kNotLookedAfter };

// A wall-clock time on d, most often in the afternoon or evening.
LocalDateTime TimeOn(Date d, Random& r) {
  const int hour = r.FromBands({{10, 0, 5}, {25, 6, 14}, {65, 15, 23}});
  return *LocalDateTime::Of(d, hour, r.Between(0, 59), 0);
}

// The wall-clock time `minutes` after t.
LocalDateTime Plus(const LocalDateTime& t, int minutes) {
  const int total = t.hour() * 60 + t.minute() + minutes;
  return *LocalDateTime::Of(t.date().AddDays(total / 1440), (total % 1440) / 60, total % 60,
                            t.second());
}

class IncidentWriter {
 public:
  IncidentWriter(EventSink& sink, const ChildPlan& child, const std::string& person)
      : sink_(sink), r_(sink.random), child_(child), person_(person) {}

  // Incidents of one stretch [a, b) of at most a year, in `setting`.
  void Stretch(Date a, Date b, Setting setting) {
    const std::optional<int> age = AgeOn(child_, a);
    if (!age.has_value() || *age < 11) return;
    const double years = dates::DaysBetween(a, b) / 365.0;
    const bool residential = setting == Setting::kResidential;
    const bool looked_after = setting != Setting::kNotLookedAfter;
    const Date last = b.AddDays(-1);

    const double p_missing = residential                      ? 0.55
                             : setting == Setting::kHome      ? 0.06
                             : setting == Setting::kCommunity ? 0.12
                                                              : 0.03;
    if (r_.Chance(p_missing * years)) {
      const int n = residential ? r_.FromBands({{40, 1, 2}, {35, 3, 6}, {25, 7, 15}})
                                : r_.FromBands({{60, 1, 2}, {30, 3, 5}, {10, 6, 10}});
      for (int i = 0; i < n; ++i) {
        const LocalDateTime start = TimeOn(r_.DateBetween(a, last), r_);
        const LocalDateTime end = Plus(
            start,
            r_.FromBands({{40, 60, 359}, {30, 360, 1439}, {22, 1440, 4320}, {8, 4321, 14400}}));
        // Still missing when the data were extracted: no end yet.
        Add("MISSING", start,
            end.date() > sink_.context.as_of ? std::nullopt : std::optional<LocalDateTime>(end));
      }
    }
    if (r_.Chance((residential ? 0.2 : (looked_after ? 0.07 : 0.03)) * years)) {
      for (int i = r_.Between(1, 4); i > 0; --i)
        Add("SELF_HARM", TimeOn(r_.DateBetween(a, last), r_));
    }
    if (*age >= 12 && r_.Chance((residential ? 0.03 : 0.01) * years)) {
      Add("SUICIDE_ATTEMPT", TimeOn(r_.DateBetween(a, last), r_));
    }
    const double p_offence = residential                      ? 0.3
                             : setting == Setting::kHome      ? 0.1
                             : setting == Setting::kCommunity ? 0.08
                                                              : 0.05;
    if (*age >= 12 && r_.Chance(p_offence * years)) {
      for (int i = r_.Between(1, 3); i > 0; --i)
        Add("OFFENCE", TimeOn(r_.DateBetween(a, last), r_));
      if (r_.Chance(residential ? 0.25 : 0.1)) {
        // Persistent offending: five or more offences within a few months.
        const Date from = r_.DateBetween(a, last);
        const Date to = std::min(last, from.AddDays(r_.Between(30, 150)));
        for (int i = r_.Between(5, 9); i > 0; --i)
          Add("OFFENCE", TimeOn(r_.DateBetween(from, to), r_));
      }
    }
    if (Is(child_.sex, "F") && *age >= 13 && *age <= 17) {
      double p = *age <= 15 ? 0.03 : 0.07;
      if (residential) p *= 1.5;
      if (!looked_after) p = 0.02;
      if (r_.Chance(p * years)) Add("PREGNANCY", TimeOn(r_.DateBetween(a, last), r_));
    }
  }

 private:
  void Add(Code type, LocalDateTime start, std::optional<LocalDateTime> end = std::nullopt) {
    engine::Incident incident;
    incident.incident_id = sink_.ids.incident.Next();
    incident.person_id = person_;
    incident.type = type;
    incident.start = start;
    incident.end = end;
    sink_.records.incidents.push_back(std::move(incident));
  }

  EventSink& sink_;
  Random& r_;
  const ChildPlan& child_;
  const std::string& person_;
};

}  // namespace

void AddIncidents(EventSink& sink, const ChildPlan& child, const std::string& person_id) {
  const Context& c = sink.context;
  IncidentWriter w(sink, child, person_id);
  // Cuts [from, to) within the data into stretches of at most a year.
  auto stretches = [&](Date from, const OptDate& to, auto&& each) {
    const Date stop = to.has_value() ? std::min(*to, c.as_of.AddDays(1)) : c.as_of.AddDays(1);
    for (Date a = std::max(from, c.data_start); a < stop;) {
      const Date b = std::min(a.AddDays(365), stop);
      each(a, b);
      a = b;
    }
  };
  for (const EpisodePlan& episode : child.episodes) {
    if (episode.short_breaks_only) continue;
    for (const PlacementPlan& p : episode.placements) {
      const Setting setting = Is(p.type, "HOME")      ? Setting::kHome
                              : IsResidential(p.type) ? Setting::kResidential
                                                      : Setting::kCommunity;
      stretches(p.start, p.end, [&](Date a, Date b) { w.Stretch(a, b, setting); });
    }
  }
  for (const InvolvementPlan& involvement : child.involvements) {
    if (!Is(involvement.basis, "VOL") && !Is(involvement.basis, "CP")) continue;
    stretches(involvement.open, involvement.close, [&](Date a, Date b) {
      if (!LookedAfterOn(child, a)) w.Stretch(a, b, Setting::kNotLookedAfter);
    });
  }
}

}  // namespace pif::sample::internal
