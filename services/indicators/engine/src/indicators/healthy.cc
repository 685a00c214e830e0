// Section 1, Healthy: 1 H.1 to 1 H.5 (indicators.md section 2).
#include <algorithm>

#include "common.h"
#include "groups.h"

namespace pif::engine {
namespace {

using namespace rules;

constexpr char kHealthLac[] = "HEALTH_LAC";

// A HEALTH_LAC assessment with a completed_date ("completed" of section 8).
bool IsCompletedHealthAssessment(const Assessment& a) {
  return a.type == kHealthLac && a.completed_date.has_value();
}

// "Spell starting S with placement P1" for reasons.
std::string SpellText(const AccommodationSpell& spell) {
  return absl::StrCat("accommodation spell starting ", Text(spell.start), " with placement ",
                      spell.placements.front()->placement_id);
}

// 1 H.1: of children whose first spell starting in [PS, PE - 28 days] lasts 28 days or more and
// who had no HEALTH_LAC assessment completed in [S - 365 days, S), those with one in [S, S + 28].
void HealthAssessmentInFourWeeks(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  const Date last_start = period.last.AddDays(-28);
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasEpisodes)) {
    // Decision: the spell is taken first (the earliest start in the window) and then tested; a
    // later spell of the period is never used instead (section 8).
    const AccommodationSpell* spell = nullptr;
    for (const AccommodationSpell& s : t.spells) {
      if (s.start > last_start) break;  // spells are in start order
      if (s.start >= period.first) {
        spell = &s;
        break;
      }
    }
    if (spell == nullptr) continue;
    const Date start = spell->start;
    // Half-open: a spell ending on S + 28 days was accommodated on 28 days; an open spell lasts.
    const bool long_enough =
        !spell->end.has_value() || dates::DaysBetween(start, *spell->end) >= 28;
    const Date prior_from = start.AddDays(-365);
    const Date deadline = start.AddDays(28);
    const Assessment* prior = nullptr;    // the latest completed in [S - 365 days, S)
    const Assessment* in_time = nullptr;  // the earliest completed in [S, S + 28 days]
    for (const Assessment* a : t.assessments) {
      if (!IsCompletedHealthAssessment(*a)) continue;
      const Date done = *a->completed_date;
      if (done >= prior_from && done < start) {
        if (prior == nullptr ||
            IsLater(done, a->assessment_id, *prior->completed_date, prior->assessment_id)) {
          prior = a;
        }
      } else if (done >= start && done <= deadline) {
        if (in_time == nullptr ||
            IsLater(*in_time->completed_date, in_time->assessment_id, done, a->assessment_id)) {
          in_time = a;
        }
      }
    }
    const bool in_d = long_enough && prior == nullptr;
    sink.Add(t.child->person_id, t.child, MembershipOf(in_d, in_time != nullptr), [&] {
      std::vector<std::string> reasons = {
          absl::StrCat(SpellText(*spell), " is the child's first to start in [", Text(period.first),
                       ", ", Text(last_start), "]")};
      if (!spell->end.has_value()) {
        reasons.push_back("the spell is still open, so it lasts 28 days or more");
      } else {
        reasons.push_back(absl::StrCat("the spell ends ", Text(*spell->end), " after ",
                                       dates::DaysBetween(start, *spell->end), " days",
                                       long_enough ? ", so it lasts 28 days or more"
                                                   : ", shorter than 28 days: the child is out "
                                                     "and a later spell is not used"));
      }
      if (prior != nullptr) {
        reasons.push_back(absl::StrCat("HEALTH_LAC assessment ", prior->assessment_id,
                                       " was completed ", Text(prior->completed_date),
                                       ", in the 365 days before the spell started"));
      }
      if (!in_d) return reasons;
      if (in_time != nullptr) {
        reasons.push_back(absl::StrCat("HEALTH_LAC assessment ", in_time->assessment_id,
                                       " was completed ", Text(in_time->completed_date),
                                       ", within 28 days of the start (by ", Text(deadline), ")"));
      } else {
        reasons.push_back(absl::StrCat("no HEALTH_LAC assessment was completed in [", Text(start),
                                       ", ", Text(deadline), "]"));
      }
      return reasons;
    });
  }
}

// 1 H.2: of children ACC(CD) with a completed HEALTH_LAC assessment on or before CD, those whose
// latest such assessment has no HEALTH need NOT_MET.
void HealthNeedsMet(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  const Date census = period.census();
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasEpisodes)) {
    const Placement* placement = t.AccommodatingPlacementAt(census);
    if (placement == nullptr) continue;
    const Assessment* latest = nullptr;
    for (const Assessment* a : t.assessments) {
      if (!IsCompletedHealthAssessment(*a) || *a->completed_date > census) continue;
      if (latest == nullptr || IsLater(*a->completed_date, a->assessment_id,
                                       *latest->completed_date, latest->assessment_id)) {
        latest = a;
      }
    }
    const Need* unmet = nullptr;
    size_t health_needs = 0;
    if (latest != nullptr) {
      for (const Need* need : snapshot.NeedsOf(*latest)) {
        if (need->domain != "HEALTH") continue;
        ++health_needs;
        // Decision: only a recorded NOT_MET fails; MET, IN_HAND and an empty status do not.
        if (need->status == "NOT_MET" && unmet == nullptr) unmet = need;
      }
    }
    sink.Add(t.child->person_id, t.child, MembershipOf(latest != nullptr, unmet == nullptr), [&] {
      std::vector<std::string> reasons = {absl::StrCat("accommodated on ", Text(census),
                                                       " in placement ", placement->placement_id,
                                                       " (", placement->type, ")")};
      if (latest == nullptr) {
        reasons.push_back(
            absl::StrCat("no HEALTH_LAC assessment was completed on or before ", Text(census)));
        return reasons;
      }
      reasons.push_back(absl::StrCat("the latest HEALTH_LAC assessment completed on or before ",
                                     Text(census), " is ", latest->assessment_id, ", completed ",
                                     Text(latest->completed_date)));
      if (unmet != nullptr) {
        reasons.push_back(absl::StrCat("its HEALTH need ", unmet->need_id, " has status NOT_MET"));
      } else if (health_needs == 0) {
        reasons.push_back("it records no HEALTH need, which counts as met");
      } else {
        reasons.push_back(
            absl::StrCat("none of its ", health_needs, " HEALTH need(s) has status NOT_MET"));
      }
      return reasons;
    });
  }
}

// 1 H.3: of children ACC during the period and aged 10 or over at CD, those with a review in the
// period recording SUBSTANCE_MISUSE = YES.
void SubstanceMisuse(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  const Date census = period.census();
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasEpisodes)) {
    if (!t.AccommodatedDuring(period)) continue;
    const std::optional<int> age = AgeOn(*t.child, census);
    const bool in_d = age.has_value() && *age >= 10;
    const Review* misuse = nullptr;
    if (in_d) {
      for (const Review* r : t.reviews) {
        if (r->meeting_date > period.last) break;  // reviews are in meeting date order
        if (r->meeting_date < period.first) continue;
        const std::string* value = snapshot.ReviewFinding(*r, "SUBSTANCE_MISUSE");
        if (value != nullptr && *value == "YES") {
          misuse = r;
          break;
        }
      }
    }
    sink.Add(t.child->person_id, t.child, MembershipOf(in_d, misuse != nullptr), [&] {
      std::vector<std::string> reasons = {"accommodated on at least one day of the period"};
      if (!age.has_value()) {
        reasons.push_back(absl::StrCat("no age on ", Text(census), " (date of birth ",
                                       Text(t.child->dob), "): not aged 10 or over"));
        return reasons;
      }
      reasons.push_back(
          absl::StrCat("aged ", *age, " on ", Text(census), in_d ? "" : ", under 10"));
      if (!in_d) return reasons;
      if (misuse != nullptr) {
        reasons.push_back(absl::StrCat("review ", misuse->review_id, " on ",
                                       Text(misuse->meeting_date),
                                       " records SUBSTANCE_MISUSE = YES"));
      } else {
        reasons.push_back("no review in the period records SUBSTANCE_MISUSE = YES");
      }
      return reasons;
    });
  }
}

// 1 H.4: of girls ACC on a day of the period when aged 13-15, those with a PREGNANCY incident on
// such a day; the number of such incidents is reported as "incidents".
void TeenagePregnancy(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  sink.AddSupplementary("incidents", 0);
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasEpisodes)) {
    if (!t.AccommodatedDuring(period)) continue;
    const Child& child = *t.child;
    const bool girl = child.sex == "F";
    // "Aged 13-15" runs from the 13th birthday to the day before the 16th (section 8).
    std::optional<Date> from;
    std::optional<Date> to;
    const Placement* acc_placement = nullptr;  // accommodating on a day of [from, to]
    if (girl && child.dob.has_value()) {
      const Date dob = *child.dob;
      from = std::max(period.first, dates::AnniversaryIn(dob, dob.year() + 13));
      to = std::min(period.last, dates::AnniversaryIn(dob, dob.year() + 16).AddDays(-1));
      if (*from <= *to) {
        for (const Placement* p : t.placements) {
          if (p->start_date > *to) break;  // placements are in start order
          if (IsAccommodating(*p) && (!p->end_date.has_value() || *p->end_date > *from)) {
            acc_placement = p;
            break;
          }
        }
      }
    }
    const bool in_d = acc_placement != nullptr;
    const Incident* first = nullptr;
    int count = 0;
    if (in_d) {
      for (const Incident* i : t.incidents) {
        if (i->type != "PREGNANCY") continue;
        const Date day = i->start.date();
        if (day < *from || day > *to || !t.AccommodatedOn(day)) continue;
        if (first == nullptr) first = i;
        ++count;
      }
    }
    if (count > 0) sink.AddSupplementary("incidents", count);
    sink.Add(child.person_id, &child, MembershipOf(in_d, first != nullptr), [&] {
      std::vector<std::string> reasons = {"accommodated on at least one day of the period"};
      if (!girl) {
        reasons.push_back(absl::StrCat("sex is ", Text(child.sex), ", not F"));
        return reasons;
      }
      if (!in_d) {
        reasons.push_back(absl::StrCat("date of birth ", Text(child.dob),
                                       ": not accommodated on any day of the period when aged "
                                       "13, 14 or 15"));
        return reasons;
      }
      reasons.push_back(absl::StrCat("aged 13-15 on the period's days ", Text(*from), " to ",
                                     Text(*to), ", accommodated then in placement ",
                                     acc_placement->placement_id));
      if (first != nullptr) {
        reasons.push_back(
            absl::StrCat("PREGNANCY incident ", first->incident_id, " on ",
                         Text(first->start.date()), " while accommodated and aged 13-15",
                         count > 1 ? absl::StrCat(" (", count, " such incidents)") : ""));
      } else {
        reasons.push_back(
            "no PREGNANCY incident on a day of the period when accommodated and aged "
            "13-15");
      }
      return reasons;
    });
  }
}

// 1 H.5: of children ACC during the period, those with a SELF_HARM, SUICIDE_ATTEMPT or SUICIDE
// incident in the period while ACC; the qualifying incidents are counted by type.
void SelfHarm(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  static constexpr const char* kTypes[] = {"SELF_HARM", "SUICIDE_ATTEMPT", "SUICIDE"};
  // Decision: the counts by type are numbers of qualifying incidents (in period, while ACC),
  // not of children; each figure is reported even when 0.
  for (const char* type : kTypes) sink.AddSupplementary(type, 0);
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasEpisodes)) {
    if (!t.AccommodatedDuring(period)) continue;
    const Incident* first = nullptr;
    int count = 0;
    for (const Incident* i : t.incidents) {
      const Date day = i->start.date();
      if (day > period.last) break;  // incidents are in start order
      if (day < period.first) continue;
      const char* const* type = std::find_if(std::begin(kTypes), std::end(kTypes),
                                             [&](const char* code) { return i->type == code; });
      if (type == std::end(kTypes) || !t.AccommodatedOn(day)) continue;
      sink.AddSupplementary(*type, 1);
      if (first == nullptr) first = i;
      ++count;
    }
    sink.Add(t.child->person_id, t.child, MembershipOf(true, first != nullptr), [&] {
      std::vector<std::string> reasons = {"accommodated on at least one day of the period"};
      if (first != nullptr) {
        reasons.push_back(absl::StrCat(
            first->type, " incident ", first->incident_id, " on ", Text(first->start.date()),
            " while accommodated", count > 1 ? absl::StrCat(" (", count, " such incidents)") : ""));
      } else {
        reasons.push_back(
            "no SELF_HARM, SUICIDE_ATTEMPT or SUICIDE incident in the period while accommodated");
      }
      return reasons;
    });
  }
}

}  // namespace

std::vector<Indicator> HealthyIndicators() {
  std::vector<Indicator> indicators = {
      {Define("1 H.1", "Health assessment within 4 weeks of becoming accommodated", 1,
              Theme::kHealthy, UnitKind::kChild, Polarity::kHigherIsBetter,
              "D: children whose first accommodation spell starting in [PS, PE - 28 days] has "
              "start S, lasts at least 28 days (an open spell does), and who had no HEALTH_LAC "
              "assessment completed in [S - 365 days, S); a shorter first spell leaves the child "
              "out and a later spell is not used. N: a HEALTH_LAC assessment completed in "
              "[S, S + 28 days]."),
       HealthAssessmentInFourWeeks},
      {Define("1 H.2", "Accommodated children whose health needs are met", 1, Theme::kHealthy,
              UnitKind::kChild, Polarity::kHigherIsBetter,
              "D: children accommodated at the census date with a HEALTH_LAC assessment completed "
              "on or before it. N: no HEALTH need of the latest such assessment has status "
              "NOT_MET (no needs counts as met)."),
       HealthNeedsMet},
      {Define("1 H.3", "Accommodated children with substance misuse", 1, Theme::kHealthy,
              UnitKind::kChild, Polarity::kLowerIsBetter,
              "D: children accommodated during the period and aged 10 or over at the census date. "
              "N: a review in the period records SUBSTANCE_MISUSE = YES."),
       SubstanceMisuse},
      {WithSupplementary(
           Define(
               "1 H.4", "Pregnancies of accommodated girls aged 13-15", 1, Theme::kHealthy,
               UnitKind::kChild, Polarity::kLowerIsBetter,
               "D: girls (sex F) accommodated on at least one day of the period on which they were "
               "aged 13, 14 or 15 (from the 13th birthday to the day before the 16th). N: those "
               "with a PREGNANCY incident on a day in the period when they were accommodated and "
               "aged 13-15. The number of such incidents is reported too."),
           {"incidents"}),
       TeenagePregnancy},
      {WithSupplementary(
           Define(
               "1 H.5", "Suicide, attempted suicide and self-harm of accommodated children", 1,
               Theme::kHealthy, UnitKind::kChild, Polarity::kLowerIsBetter,
               "D: children accommodated during the period. N: those with a SELF_HARM, "
               "SUICIDE_ATTEMPT or SUICIDE incident in the period on a day they were accommodated. "
               "The number of such incidents of each type is reported too."),
           {"SELF_HARM", "SUICIDE_ATTEMPT", "SUICIDE"}),
       SelfHarm},
  };
  // Never broken down below council level when published (indicators.md section 7).
  for (Indicator& indicator : indicators) {
    const std::string& code = indicator.definition.code;
    if (code == "1 H.4" || code == "1 H.5") indicator.definition.breakdowns_publishable = false;
  }
  return indicators;
}

}  // namespace pif::engine
