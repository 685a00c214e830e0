// Section 1, Nurtured: 1 N.1 to 1 N.9 (indicators.md section 2).
#include <algorithm>

#include "common.h"
#include "groups.h"

namespace pif::engine {
namespace {

using namespace rules;

// True when a record [start, end) covers d.
bool CoversDay(Date start, const std::optional<Date>& end, Date d) {
  return start <= d && (!end.has_value() || d < *end);
}

// "Placement P3 (FOST_LA) starting 2024-02-01", for reasons.
std::string Describe(const Placement& p) {
  return absl::StrCat("placement ", p.placement_id, " (", p.type, ") starting ",
                      Text(p.start_date));
}

// 1 N.1: children ACC(CD) whose episode holding the accommodating placement at CD has >= 3
// non-short-break placements starting on or before CD (HOME included).
void ThreeOrMorePlacements(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  const Date cd = period.census();
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasEpisodes)) {
    const PlacementInterval* accommodating = t.AccommodatingIntervalAt(cd);
    if (accommodating == nullptr) continue;
    // Section 8: the episode holding the accommodating placement at CD. The child's counted
    // placements are in start order and hold every counted placement of its counted episodes.
    int count = 0;
    for (const PlacementInterval& p : t.placement_intervals) {
      if (p.start > cd) break;
      if (p.episode == accommodating->episode) ++count;
    }
    sink.Add(t.child->person_id, t.child, MembershipOf(true, count >= 3), [&] {
      const Placement* at_cd = accommodating->placement;
      const RecordSpan<Placement> of_episode = snapshot.PlacementsOfEpisode(at_cd->episode_id);
      std::vector<std::string> reasons = {absl::StrCat("accommodated at ", Text(cd), " in ",
                                                       Describe(*at_cd), " of episode ",
                                                       at_cd->episode_id)};
      std::string listed;
      for (const Placement* p : of_episode) {
        if (p->start_date > cd) continue;
        absl::StrAppend(&listed, listed.empty() ? "" : ", ", p->placement_id, " (", p->type, " ",
                        Text(p->start_date), ")");
      }
      reasons.push_back(absl::StrCat("episode ", at_cd->episode_id, " has ", count,
                                     " placement(s) other than short breaks starting on or before ",
                                     Text(cd), ": ", listed,
                                     count >= 3 ? " (3 or more)" : " (fewer than 3)"));
      return reasons;
    });
  }
}

// 1 N.2: children LAC(CD) placed with kin at CD; N: a KINSHIP_CARER assessment completed in
// (CD - 365 days, CD] whose latest one has no KINSHIP_SUPPORT need NOT_MET.
void KinshipSupportMet(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  const Date cd = period.census();
  const Date window_start = cd.AddDays(-365);  // exclusive
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasEpisodes)) {
    const Placement* at_cd = t.PlacementAt(cd);  // never a short break
    if (at_cd == nullptr || at_cd->type != "KIN" || !t.LookedAfterOn(cd)) continue;
    const Assessment* latest = nullptr;
    for (const Assessment* a : t.assessments) {
      if (a->type != "KINSHIP_CARER" || !a->completed_date.has_value()) continue;
      const Date done = *a->completed_date;
      if (done <= window_start || done > cd) continue;
      if (latest == nullptr ||
          IsLater(done, a->assessment_id, *latest->completed_date, latest->assessment_id)) {
        latest = a;
      }
    }
    const Need* unmet = nullptr;
    if (latest != nullptr) {
      // A need with no status, IN_HAND or MET is not NOT_MET; no needs at all counts as met.
      for (const Need* n : snapshot.NeedsOf(*latest)) {
        if (n->domain == "KINSHIP_SUPPORT" && n->status == "NOT_MET") {
          unmet = n;
          break;
        }
      }
    }
    const bool met = latest != nullptr && unmet == nullptr;
    sink.Add(t.child->person_id, t.child, MembershipOf(true, met), [&] {
      std::vector<std::string> reasons = {
          absl::StrCat("looked after at ", Text(cd), " in kinship ", Describe(*at_cd))};
      if (latest == nullptr) {
        reasons.push_back(absl::StrCat("no KINSHIP_CARER assessment completed in (",
                                       Text(window_start), ", ", Text(cd), "]"));
      } else {
        reasons.push_back(
            absl::StrCat("latest KINSHIP_CARER assessment completed in the window is ",
                         latest->assessment_id, " on ", Text(latest->completed_date)));
        reasons.push_back(
            unmet != nullptr
                ? absl::StrCat("its KINSHIP_SUPPORT need ", unmet->need_id, " has status NOT_MET")
                : std::string("none of its KINSHIP_SUPPORT needs has status NOT_MET"));
      }
      return reasons;
    });
  }
}

bool IsReturnDestination(const std::string& destination) {
  return destination == "HOME_PARENTS" || destination == "FRIENDS_RELATIVES" ||
         destination == "KINSHIP_CARE_ORDER";
}

// 1 N.3: children whose latest return home r (end of an accommodation spell followed on r by a
// HOME placement or an episode end to a listed destination) is in [PS - 183, PE - 183], not 18+
// at r + 183; N: no accommodating placement starts in (r, r + 183 days].
void ReturnedHomeAndStayed(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  const Date first_r = period.first.AddDays(-183);
  const Date last_r = period.last.AddDays(-183);
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasEpisodes)) {
    // The latest qualifying r, with what followed it (for the reasons).
    const AccommodationSpell* spell = nullptr;
    const Placement* home = nullptr;
    const CareEpisode* ended = nullptr;
    for (const AccommodationSpell& s : t.spells) {
      if (!s.end.has_value() || *s.end < first_r || *s.end > last_r) continue;
      if (spell != nullptr && *s.end <= *spell->end) continue;
      const Date r = *s.end;
      const Placement* home_on_r = nullptr;
      for (const Placement* p : t.placements) {  // non-short-break, any episode
        if (p->type == "HOME" && p->start_date == r) {
          home_on_r = p;
          break;
        }
      }
      const CareEpisode* ended_on_r = nullptr;
      for (const CareEpisode* e : t.episodes) {
        if (e->end_date.has_value() && *e->end_date == r && IsReturnDestination(e->destination)) {
          ended_on_r = e;
          break;
        }
      }
      if (home_on_r == nullptr && ended_on_r == nullptr) continue;
      spell = &s;
      home = home_on_r;
      ended = ended_on_r;
    }
    if (spell == nullptr) continue;
    const Date r = *spell->end;
    const Date horizon = r.AddDays(183);
    // Section 8: the latest r is chosen first, then the age exclusion applied; no age does not
    // exclude.
    const std::optional<int> age = AgeOn(*t.child, horizon);
    const bool adult = age.has_value() && *age >= 18;
    const Placement* back = nullptr;
    for (const Placement* p : t.placements) {
      if (IsAccommodating(*p) && p->start_date > r && p->start_date <= horizon) {
        back = p;
        break;
      }
    }
    sink.Add(t.child->person_id, t.child, MembershipOf(!adult, back == nullptr), [&] {
      std::vector<std::string> reasons = {
          absl::StrCat("accommodation spell starting ", Text(spell->start), " (first placement ",
                       spell->placements.front()->placement_id, ") ended on ", Text(r),
                       ", followed that day by ",
                       home != nullptr ? Describe(*home)
                                       : absl::StrCat("the end of episode ", ended->episode_id,
                                                      " with destination ", ended->destination),
                       ": the latest return home in [", Text(first_r), ", ", Text(last_r), "]")};
      if (adult) {
        reasons.push_back(absl::StrCat("aged ", *age, " on ", Text(horizon),
                                       " (183 days later): 18 or over, left out"));
        return reasons;
      }
      reasons.push_back(back != nullptr
                            ? absl::StrCat("accommodated again: ", Describe(*back), " is within (",
                                           Text(r), ", ", Text(horizon), "]")
                            : absl::StrCat("no accommodating placement starts in (", Text(r), ", ",
                                           Text(horizon), "]"));
      return reasons;
    });
  }
}

// 1 N.4: children LAC(CD) in an episode started by CD - 183 days; N: in W = [max(CD - 365,
// episode start), CD] named allocations give at most 2 staff and no unallocated run over 28 days.
void ConsistentWorker(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  const Date cd = period.census();
  constexpr int kMaxStaff = 2;
  constexpr int kMaxGapDays = 28;
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasEpisodes)) {
    const CareEpisode* episode = t.EpisodeCovering(cd);
    if (episode == nullptr) continue;
    const bool long_enough = episode->start_date <= cd.AddDays(-183);
    const Date w_start = std::max(cd.AddDays(-365), episode->start_date);
    // Named allocations overlapping W, already in start order: count distinct staff (at most 3
    // kept) and sweep for the longest run of days in W with no named allocation.
    const std::string* staff[kMaxStaff + 1] = {};
    int distinct = 0;
    Date uncovered_from = w_start;  // first day of W not yet covered
    bool covered_to_end = false;
    int longest_gap = 0;
    Date gap_start = w_start;
    for (const Allocation* a : t.allocations) {
      if (!long_enough) break;
      if (a->staff_id.empty()) continue;  // team or duty rows are gaps
      if (a->start_date > cd) break;
      if (a->end_date.has_value() && (*a->end_date <= w_start || *a->end_date <= a->start_date)) {
        continue;
      }
      if (distinct <= kMaxStaff && std::none_of(staff, staff + distinct, [&](const std::string* s) {
            return *s == a->staff_id;
          })) {
        staff[distinct++] = &a->staff_id;
      }
      if (covered_to_end) continue;
      const Date start = std::max(a->start_date, w_start);
      if (start > uncovered_from) {
        const int gap = DaysBetween(uncovered_from, start);
        if (gap > longest_gap) {
          longest_gap = gap;
          gap_start = uncovered_from;
        }
      }
      if (!a->end_date.has_value()) {
        covered_to_end = true;
      } else if (*a->end_date > uncovered_from) {
        uncovered_from = *a->end_date;
      }
    }
    if (long_enough && !covered_to_end && uncovered_from <= cd) {
      const int gap = DaysBetween(uncovered_from, cd) + 1;
      if (gap > longest_gap) {
        longest_gap = gap;
        gap_start = uncovered_from;
      }
    }
    const bool few_staff = distinct <= kMaxStaff;
    const bool no_long_gap = longest_gap <= kMaxGapDays;  // exactly 28 days passes
    sink.Add(t.child->person_id, t.child, MembershipOf(long_enough, few_staff && no_long_gap), [&] {
      std::vector<std::string> reasons = {absl::StrCat("looked after at ", Text(cd), " in episode ",
                                                       episode->episode_id, " starting ",
                                                       Text(episode->start_date))};
      if (!long_enough) {
        reasons.push_back(absl::StrCat("the episode started after ", Text(cd.AddDays(-183)),
                                       " (less than 183 days before the census date)"));
        return reasons;
      }
      std::string names;
      for (int i = 0; i < distinct; ++i) absl::StrAppend(&names, i == 0 ? "" : ", ", *staff[i]);
      std::string staff_text =
          few_staff ? absl::StrCat(distinct, " distinct staff") : "more than 2 distinct staff";
      if (distinct > 0) absl::StrAppend(&staff_text, " (", names, few_staff ? ")" : ", ...)");
      reasons.push_back(absl::StrCat("in the window ", Text(w_start), " to ", Text(cd),
                                     " named allocations give ", staff_text,
                                     few_staff ? ", at most 2" : ""));
      reasons.push_back(longest_gap == 0
                            ? std::string("a named worker was allocated on every day of the window")
                            : absl::StrCat("the longest run without a named allocation is ",
                                           longest_gap, " day(s) from ", Text(gap_start),
                                           no_long_gap ? ", not more than 28" : ", more than 28"));
      return reasons;
    });
  }
}

// 1 N.5a and 1 N.5b: accommodation spells started under 5 (or at 5 and over) whose deadline
// T = S + months is in period and which still run on T or got a permanent placement by T; N: a
// permanent_substitute placement of the spell starts in [S, T].
void PermanenceWithin(const Snapshot& snapshot, const Period& period, UnitSink& sink,
                      bool under_five) {
  const int months = under_five ? 12 : 24;
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasEpisodes)) {
    for (const AccommodationSpell& spell : t.spells) {
      const Date s = spell.start;
      const Date deadline = s.AddMonths(months);  // clamped to the month's last day
      if (!period.Contains(deadline)) continue;
      // An age condition is false without an age (no dob, or a dob after S): such a spell is in
      // neither N.5a nor N.5b.
      const std::optional<int> age = AgeOn(*t.child, s);
      if (!age.has_value() || (*age < 5) != under_five) continue;
      const Placement* permanent = nullptr;
      for (const Placement* p : spell.placements) {
        if (p->permanent_substitute == "Y" && p->start_date >= s && p->start_date <= deadline) {
          permanent = p;
          break;
        }
      }
      const bool runs_on_t = spell.Covers(deadline);
      const std::optional<int> age_at_t = AgeOn(*t.child, deadline);
      const bool adult = !under_five && age_at_t.has_value() && *age_at_t >= 18;
      const bool in_d = (runs_on_t || permanent != nullptr) && !adult;
      sink.Add(
          spell.placements.front()->placement_id, t.child, MembershipOf(in_d, permanent != nullptr),
          [&] {
            std::vector<std::string> reasons = {
                absl::StrCat("accommodation spell of ", t.child->person_id, " starting ", Text(s),
                             " (first placement ", spell.placements.front()->placement_id,
                             "), aged ", *age, " then; deadline ", Text(deadline), " (", months,
                             " months later) is in the period")};
            if (adult) {
              reasons.push_back(absl::StrCat("aged ", *age_at_t, " on ", Text(deadline),
                                             ": 18 or over, left out"));
              return reasons;
            }
            if (permanent != nullptr) {
              reasons.push_back(absl::StrCat("permanent substitute ", Describe(*permanent),
                                             " is within [", Text(s), ", ", Text(deadline), "]"));
            } else if (runs_on_t) {
              reasons.push_back(absl::StrCat("the spell still runs on ", Text(deadline),
                                             " and no permanent substitute placement of it "
                                             "started by then"));
            } else {
              reasons.push_back(absl::StrCat("the spell ended on ", Text(spell.end),
                                             ", before the deadline, without a permanent "
                                             "substitute placement"));
            }
            return reasons;
          });
    }
  }
}

void PermanenceUnderFive(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  PermanenceWithin(snapshot, period, sink, /*under_five=*/true);
}

void PermanenceFiveAndOver(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  PermanenceWithin(snapshot, period, sink, /*under_five=*/false);
}

// 1 N.6: family groups with >= 2 children ACC(CD); N: their accommodating placements at CD all
// share one non-empty carer_id.
void SiblingsTogether(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  const Date cd = period.census();
  for (const auto& [group, members] : snapshot.families()) {  // empty ids are no group
    int accommodated = 0;
    const Placement* first = nullptr;
    bool together = true;
    for (const ChildTimeline* t : members) {
      const Placement* p = t->AccommodatingPlacementAt(cd);
      if (p == nullptr) continue;
      ++accommodated;
      // Decision: an empty carer_id is never shared, so the group is in D and not in N.
      if (p->carer_id.empty() || (first != nullptr && p->carer_id != first->carer_id)) {
        together = false;
      }
      if (first == nullptr) first = p;
    }
    if (accommodated == 0) continue;
    sink.Add(group, nullptr, MembershipOf(accommodated >= 2, together), [&] {
      std::vector<std::string> reasons = {absl::StrCat(
          "family group ", group, " has ", accommodated, " child(ren) accommodated at ", Text(cd),
          accommodated >= 2 ? "" : " (fewer than 2)")};
      for (const ChildTimeline* t : members) {
        const Placement* p = t->AccommodatingPlacementAt(cd);
        if (p == nullptr) continue;
        reasons.push_back(
            absl::StrCat(t->child->person_id, ": ", Describe(*p), ", carer ", Text(p->carer_id)));
      }
      if (accommodated >= 2) {
        reasons.push_back(together ? "all share one carer" : "they do not all share one carer");
      }
      return reasons;
    });
  }
}

// True when a CP registration of the child covers d (registration_date <= d < deregistration).
bool OnRegisterAt(const ChildTimeline& t, Date d, const CpRegistration** which) {
  for (const CpRegistration* reg : t.registrations) {
    if (CoversDay(reg->registration_date, reg->deregistration_date, d)) {
      *which = reg;
      return true;
    }
  }
  return false;
}

// 1 N.7: persons with an involvement open at CD (any basis); N: an open VOL involvement with a
// current plan while neither LAC(CD) nor on the CP register at CD.
void PlannedVoluntarySupport(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  const Date cd = period.census();
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasInvolvements)) {
    const Involvement* open = nullptr;  // any open involvement
    const Involvement* vol = nullptr;   // an open VOL involvement with a current plan
    for (const Involvement* i : t.involvements) {
      if (!CoversDay(i->open_date, i->close_date, cd)) continue;
      if (open == nullptr) open = i;
      if (vol == nullptr && i->basis == "VOL" && i->has_current_plan == "Y") vol = i;
    }
    if (open == nullptr) continue;
    const bool lac = t.LookedAfterOn(cd);
    const CpRegistration* registration = nullptr;
    const bool registered = OnRegisterAt(t, cd, &registration);
    const bool in_n = vol != nullptr && !lac && !registered;
    sink.Add(t.child->person_id, t.child, MembershipOf(true, in_n), [&] {
      std::vector<std::string> reasons = {absl::StrCat("involvement ", open->involvement_id, " (",
                                                       open->basis, ") is open at ", Text(cd))};
      reasons.push_back(vol != nullptr ? absl::StrCat("VOL involvement ", vol->involvement_id,
                                                      " is open with a current plan")
                                       : std::string("no open VOL involvement has a current plan"));
      if (lac) reasons.push_back(absl::StrCat("looked after at ", Text(cd)));
      if (registered) {
        reasons.push_back(absl::StrCat("on the child protection register at ", Text(cd),
                                       " (registration ", registration->registration_id, " from ",
                                       Text(registration->registration_date), ")"));
      }
      if (vol != nullptr && !lac && !registered) {
        reasons.push_back("neither looked after nor on the child protection register");
      }
      return reasons;
    });
  }
}

// 1 N.8: children ACC(CD) with a LAC review in (CD - 365 days, CD]; N: the latest such review
// records CONTACT_AS_PLANNED = YES.
void ContactAsPlanned(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  const Date cd = period.census();
  const Date window_start = cd.AddDays(-365);  // exclusive
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasReviews)) {
    const Review* latest = nullptr;  // reviews are in meeting date then id order
    for (const Review* r : t.reviews) {
      if (r->type == "LAC" && r->meeting_date > window_start && r->meeting_date <= cd) latest = r;
    }
    if (latest == nullptr) continue;
    const Placement* at_cd = t.AccommodatingPlacementAt(cd);
    // Decision: a latest review that does not record CONTACT_AS_PLANNED stays in D, not in N.
    const std::string* contact = snapshot.ReviewFinding(*latest, "CONTACT_AS_PLANNED");
    const bool as_planned = contact != nullptr && *contact == "YES";
    sink.Add(t.child->person_id, t.child, MembershipOf(at_cd != nullptr, as_planned), [&] {
      std::vector<std::string> reasons = {
          at_cd != nullptr ? absl::StrCat("accommodated at ", Text(cd), " in ", Describe(*at_cd))
                           : absl::StrCat("not accommodated at ", Text(cd))};
      reasons.push_back(absl::StrCat("latest LAC review in (", Text(window_start), ", ", Text(cd),
                                     "] is ", latest->review_id, " on ",
                                     Text(latest->meeting_date)));
      reasons.push_back(absl::StrCat("it records CONTACT_AS_PLANNED = ",
                                     contact != nullptr ? Text(*contact) : "not recorded"));
      return reasons;
    });
  }
}

bool IsApprovedCareType(const std::string& type) {
  return type == "FOST_LA" || type == "FOST_PURCH" || type == "RES_LA" || type == "RES_VOL" ||
         type == "RES_SCHOOL" || type == "SECURE";
}

// 1 N.9: children whose placement at CD is a foster, residential or secure type; N: that
// placement has outwith_approval = Y.
void OutwithApproval(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  const Date cd = period.census();
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasEpisodes)) {
    const Placement* at_cd = t.PlacementAt(cd);
    if (at_cd == nullptr || !IsApprovedCareType(at_cd->type)) continue;
    // Decision: an empty outwith_approval is not Y: the child stays in D, not in N.
    const bool outwith = at_cd->outwith_approval == "Y";
    sink.Add(t.child->person_id, t.child, MembershipOf(true, outwith), [&] {
      return std::vector<std::string>{
          absl::StrCat("the placement at ", Text(cd), " is ", Describe(*at_cd)),
          absl::StrCat("outwith_approval = ", Text(at_cd->outwith_approval))};
    });
  }
}

}  // namespace

std::vector<Indicator> NurturedIndicators() {
  return {
      {Define("1 N.1", "Looked after away from home: three or more placements", 1, Theme::kNurtured,
              UnitKind::kChild, Polarity::kLowerIsBetter,
              "D: children accommodated (away from home, not a short break) at the census date. "
              "N: the episode holding the accommodating placement at the census date has 3 or "
              "more placements other than short breaks starting on or before the census date "
              "(HOME placements count)."),
       ThreeOrMorePlacements},
      {Define("1 N.2", "Kinship carers' support needs met", 1, Theme::kNurtured, UnitKind::kChild,
              Polarity::kHigherIsBetter,
              "D: children looked after at the census date whose placement then is KIN. N: a "
              "KINSHIP_CARER assessment of the child was completed in the 365 days up to the "
              "census date, and no KINSHIP_SUPPORT need of the latest such assessment is "
              "NOT_MET."),
       KinshipSupportMet},
      {Define("1 N.3", "Returned home and still at home 6 months later", 1, Theme::kNurtured,
              UnitKind::kChild, Polarity::kHigherIsBetter,
              "D: children whose latest return home r (end of an accommodation spell followed "
              "that day by a HOME placement, or by the end of the episode with destination "
              "HOME_PARENTS, FRIENDS_RELATIVES or KINSHIP_CARE_ORDER) is in [PS - 183 days, PE - "
              "183 days], leaving out those aged 18 or over at r + 183 days. N: no accommodating "
              "placement of the child starts in (r, r + 183 days]."),
       ReturnedHomeAndStayed},
      {Define("1 N.4", "Consistent social worker", 1, Theme::kNurtured, UnitKind::kChild,
              Polarity::kHigherIsBetter,
              "D: children looked after at the census date whose episode then started at least "
              "183 days before it. N: in the window from the later of 365 days before the census "
              "date and the episode start, to the census date, allocations to a named worker "
              "name at most 2 distinct staff, and no run of more than 28 days is without one."),
       ConsistentWorker},
      {Define("1 N.5a", "Under 5: permanent placement within 12 months", 1, Theme::kNurtured,
              UnitKind::kAccommodationSpell, Polarity::kHigherIsBetter,
              "D: accommodation spells with start S, the child aged under 5 at S, deadline T = S "
              "+ 12 months in the period, and either the spell still runs on T or a permanent "
              "substitute placement of it starts in [S, T]. N: a placement of the spell with "
              "permanent_substitute = Y starts in [S, T]."),
       PermanenceUnderFive},
      {Define("1 N.5b", "5 and over: permanent placement within 24 months", 1, Theme::kNurtured,
              UnitKind::kAccommodationSpell, Polarity::kHigherIsBetter,
              "D: as 1 N.5a, for children aged 5 or over at S, with T = S + 24 months, leaving "
              "out children aged 18 or over at T. N: a placement of the spell with "
              "permanent_substitute = Y starts in [S, T]."),
       PermanenceFiveAndOver},
      {Define("1 N.6", "Siblings placed together", 1, Theme::kNurtured, UnitKind::kSiblingGroup,
              Polarity::kHigherIsBetter,
              "D: family groups (family_group_id) with 2 or more children accommodated at the "
              "census date. N: all of those children's accommodating placements at the census "
              "date share one non-empty carer_id."),
       SiblingsTogether},
      {Define("1 N.7", "Planned voluntary support", 1, Theme::kNurtured, UnitKind::kChild,
              Polarity::kHigherIsBetter,
              "D: persons with an involvement of any basis open at the census date. N: an open "
              "VOL involvement with has_current_plan = Y, while not looked after and not on the "
              "child protection register at the census date."),
       PlannedVoluntarySupport},
      {Define("1 N.8", "Family contact as in the care plan", 1, Theme::kNurtured, UnitKind::kChild,
              Polarity::kHigherIsBetter,
              "D: children accommodated at the census date with a LAC review held in the 365 days "
              "up to it. N: the latest such review records CONTACT_AS_PLANNED = YES."),
       ContactAsPlanned},
      {Define("1 N.9", "Placed outwith registration or approval", 1, Theme::kNurtured,
              UnitKind::kChild, Polarity::kLowerIsBetter,
              "D: children whose placement at the census date is FOST_LA, FOST_PURCH, RES_LA, "
              "RES_VOL, RES_SCHOOL or SECURE. N: that placement has outwith_approval = Y."),
       OutwithApproval},
  };
}

}  // namespace pif::engine
