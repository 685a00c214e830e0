// Section 1, Achieving and active: 1 ACH.1 to 1 ACH.4 and 1 ACT.1 (indicators.md section 2).
#include "common.h"
#include "groups.h"

namespace pif::engine {
namespace {

using namespace rules;

// True when d is in the year window (CD - 365 days, CD].
bool InYearTo(Date d, Date census) { return census.AddDays(-365) < d && d <= census; }

// The window (CD - 365 days, CD] as text, for reasons.
std::string YearWindowText(Date census) {
  return absl::StrCat("(", Text(census.AddDays(-365)), ", ", Text(census), "]");
}

// The period [PS, PE] as text, for reasons.
std::string PeriodText(const Period& period) {
  return absl::StrCat("[", Text(period.first), ", ", Text(period.last), "]");
}

// An age for reasons: "aged 4" or "no age (dob not recorded or after CD)".
std::string AgeText(const std::optional<int>& age) {
  return age.has_value() ? absl::StrCat("aged ", *age)
                         : std::string("has no age (dob not recorded or after the census date)");
}

// The latest status snapshot of the child with as_at in (CD - 365 days, CD], or nullptr.
const StatusSnapshot* LatestSnapshotInYearTo(const ChildTimeline& t, Date census) {
  // Snapshots are in as_at order and (person_id, as_at) is their key: the last one on or before
  // CD is the latest; it is in the window or none is.
  for (auto it = t.snapshots.rbegin(); it != t.snapshots.rend(); ++it) {
    if ((*it)->as_at > census) continue;
    return InYearTo((*it)->as_at, census) ? *it : nullptr;
  }
  return nullptr;
}

// 1 ACH.1 / 1 ACH.2: the latest in-period review recording `item` other than NA or NK records
// IMPROVED or MAINTAINED.
void GoalImprovedOrMaintained(const Snapshot& snapshot, const Period& period, UnitSink& sink,
                              absl::string_view item) {
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasReviews)) {
    bool any_review = false;
    const Review* latest = nullptr;  // latest in-period review with a value other than NA or NK
    const std::string* latest_value = nullptr;
    const Review* left_out = nullptr;  // latest in-period review recording NA or NK
    const std::string* left_out_value = nullptr;
    bool any_nk = false;
    // Reviews are in meeting date then id order: the last one accepted is the latest.
    for (const Review* r : t.reviews) {
      if (!period.Contains(r->meeting_date)) continue;
      any_review = true;
      const std::string* value = snapshot.ReviewFinding(*r, item);
      if (value == nullptr) continue;
      if (*value == "NA" || *value == "NK") {
        any_nk = any_nk || *value == "NK";
        left_out = r;
        left_out_value = value;
        continue;
      }
      latest = r;
      latest_value = value;
    }
    if (!any_review) continue;
    Membership membership;
    if (latest != nullptr) {
      // Decision: any recorded value other than NA or NK (DETERIORATED, YES, NO, PARTLY) puts
      // the child in D (section 8); a later NA or NK review does not displace it.
      membership = MembershipOf(true, *latest_value == "IMPROVED" || *latest_value == "MAINTAINED");
    } else if (any_nk) {
      // Decision: a child whose only in-period findings for the item are NK (with or without NA)
      // is left out as unknown (the progress is not known); NA alone leaves the child outside.
      membership = Membership::kUnknown;
    } else {
      membership = Membership::kOutside;
    }
    sink.Add(t.child->person_id, t.child, membership, [&] {
      std::vector<std::string> reasons;
      if (latest != nullptr) {
        reasons.push_back(absl::StrCat("review ", latest->review_id, " on ",
                                       Text(latest->meeting_date),
                                       " is the latest in the period recording ", item,
                                       " other than NA or NK: ", *latest_value));
        reasons.push_back(*latest_value == "IMPROVED" || *latest_value == "MAINTAINED"
                              ? std::string("improved or maintained")
                              : absl::StrCat(*latest_value, " is not IMPROVED or MAINTAINED"));
      } else if (left_out != nullptr) {
        reasons.push_back(absl::StrCat("every in-period review recording ", item,
                                       " records NA or NK (latest ", left_out->review_id, " on ",
                                       Text(left_out->meeting_date), ": ", *left_out_value, ")"));
      } else {
        reasons.push_back(
            absl::StrCat("no review in the period ", PeriodText(period), " records ", item));
      }
      return reasons;
    });
  }
}

// 1 ACH.1: chosen skills goal improved or maintained at the latest in-period review.
void SkillsImproved(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  GoalImprovedOrMaintained(snapshot, period, sink, "SKILLS_GOAL");
}

// 1 ACH.2: self-esteem goal improved or maintained at the latest in-period review.
void SelfEsteemImproved(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  GoalImprovedOrMaintained(snapshot, period, sink, "SELF_ESTEEM_GOAL");
}

// 1 ACH.3(i): children LAC(CD) whose latest snapshot in (CD - 365 days, CD] says acel_on_track Y.
void AttainmentOnTrack(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  const Date census = period.census();
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasEpisodes)) {
    if (!t.LookedAfterOn(census)) continue;
    // The latest snapshot in the window is taken first and then tested (section 8): an earlier
    // snapshot is never used instead.
    const StatusSnapshot* s = LatestSnapshotInYearTo(t, census);
    Membership membership;
    if (s == nullptr || s->acel_on_track.empty()) {
      // Decision: a child LAC(CD) with no snapshot in the window, or whose latest one does not
      // record acel_on_track, is unknown (the attainment item is not recorded).
      membership = Membership::kUnknown;
    } else if (s->acel_on_track == "Y" || s->acel_on_track == "N") {
      membership = MembershipOf(true, s->acel_on_track == "Y");
    } else {
      membership = Membership::kOutside;  // NA: not applicable
    }
    sink.Add(t.child->person_id, t.child, membership, [&] {
      std::vector<std::string> reasons = {
          absl::StrCat("looked after on the census date ", Text(census))};
      if (s == nullptr) {
        reasons.push_back(
            absl::StrCat("no status snapshot in ", YearWindowText(census), ": not known"));
      } else {
        reasons.push_back(absl::StrCat("status snapshot of ", Text(s->as_at), " is the latest in ",
                                       YearWindowText(census), ": acel_on_track ",
                                       Text(s->acel_on_track)));
        if (s->acel_on_track == "Y") {
          reasons.push_back("on track");
        } else if (s->acel_on_track == "N") {
          reasons.push_back("not on track");
        } else if (s->acel_on_track.empty()) {
          reasons.push_back("acel_on_track not recorded: not known");
        } else {
          reasons.push_back("acel_on_track is not Y or N: not in the denominator");
        }
      }
      return reasons;
    });
  }
}

// 1 ACH.3(ii): leavers (LADP, or aftercare eligible in the snapshot) whose latest in-period
// leaver_scqf is 4 or more.
void LeaversScqf4(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasSnapshots)) {
    const StatusSnapshot* any_scqf = nullptr;  // latest in-period snapshot giving leaver_scqf
    const StatusSnapshot* latest = nullptr;    // latest of those meeting the eligibility rule
    std::optional<bool> ladp;                  // worked out only when needed
    for (const StatusSnapshot* s : t.snapshots) {
      if (!period.Contains(s->as_at) || !s->leaver_scqf.has_value()) continue;
      any_scqf = s;
      if (!ladp.has_value()) ladp = t.LookedAfterDuring(period);
      if (*ladp || s->aftercare_eligible == "Y") latest = s;
    }
    if (any_scqf == nullptr) continue;
    const bool in_n = latest != nullptr && *latest->leaver_scqf >= 4;
    sink.Add(t.child->person_id, t.child, MembershipOf(latest != nullptr, in_n), [&] {
      std::vector<std::string> reasons;
      if (latest == nullptr) {
        reasons.push_back(absl::StrCat(
            "not looked after during the period and no in-period status snapshot giving "
            "leaver_scqf has aftercare_eligible Y (latest ",
            Text(any_scqf->as_at), ": aftercare_eligible ", Text(any_scqf->aftercare_eligible),
            ")"));
        return reasons;
      }
      reasons.push_back(*ladp ? std::string("looked after during the period")
                              : absl::StrCat("aftercare_eligible Y in the status snapshot of ",
                                             Text(latest->as_at)));
      reasons.push_back(absl::StrCat("status snapshot of ", Text(latest->as_at),
                                     " is the latest eligible one in the period giving "
                                     "leaver_scqf: SCQF level ",
                                     *latest->leaver_scqf, in_n ? ", 4 or above" : ", below 4"));
      return reasons;
    });
  }
}

// 1 ACH.4: children LAC(CD) under 5 whose latest DEV_REVIEW completed in (CD - 365 days, CD]
// has dev_concern N.
void PreschoolMilestones(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  const Date census = period.census();
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasEpisodes)) {
    if (!t.LookedAfterOn(census)) continue;
    const std::optional<int> age = AgeOn(*t.child, census);
    const bool under_5 = age.has_value() && *age < 5;
    const Assessment* latest = nullptr;
    if (under_5) {
      for (const Assessment* a : t.assessments) {
        if (a->type != "DEV_REVIEW" || !a->completed_date.has_value()) continue;
        if (!InYearTo(*a->completed_date, census)) continue;
        if (latest == nullptr || IsLater(*a->completed_date, a->assessment_id,
                                         *latest->completed_date, latest->assessment_id)) {
          latest = a;
        }
      }
    }
    // Decision: an empty dev_concern on the latest assessment keeps the child in D and out of N
    // (the definition asks only for a completed DEV_REVIEW in D, and dev_concern = N for N).
    const bool in_n = latest != nullptr && latest->dev_concern == "N";
    sink.Add(t.child->person_id, t.child, MembershipOf(latest != nullptr, in_n), [&] {
      std::vector<std::string> reasons = {
          absl::StrCat("looked after on the census date ", Text(census), ", ", AgeText(age))};
      if (!under_5) {
        reasons.push_back("not aged under 5 on the census date");
      } else if (latest == nullptr) {
        reasons.push_back(
            absl::StrCat("no DEV_REVIEW assessment completed in ", YearWindowText(census)));
      } else {
        reasons.push_back(absl::StrCat("DEV_REVIEW assessment ", latest->assessment_id,
                                       " completed ", Text(latest->completed_date),
                                       " is the latest in ", YearWindowText(census),
                                       ": dev_concern ", Text(latest->dev_concern)));
        reasons.push_back(in_n ? std::string("no developmental concern")
                               : std::string("dev_concern is not N"));
      }
      return reasons;
    });
  }
}

// 1 ACT.1: the latest in-period review recording ACTIVITY_IN_PLAN = YES records
// ACTIVITY_REGULAR = YES.
void RegularActivities(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasReviews)) {
    bool any_in_plan_item = false;
    const Review* latest = nullptr;  // latest in-period review recording ACTIVITY_IN_PLAN = YES
    for (const Review* r : t.reviews) {
      if (!period.Contains(r->meeting_date)) continue;
      const std::string* in_plan = snapshot.ReviewFinding(*r, "ACTIVITY_IN_PLAN");
      if (in_plan == nullptr) continue;
      any_in_plan_item = true;
      // Decision: a later in-period review recording ACTIVITY_IN_PLAN other than YES does not
      // take the child out of D; the latest review recording YES decides.
      if (*in_plan == "YES") latest = r;
    }
    if (!any_in_plan_item) continue;
    const std::string* regular =
        latest == nullptr ? nullptr : snapshot.ReviewFinding(*latest, "ACTIVITY_REGULAR");
    // Decision: when that review does not record ACTIVITY_REGULAR, the child stays in D and out
    // of N (the definition puts no condition on it in D).
    const bool in_n = regular != nullptr && *regular == "YES";
    sink.Add(t.child->person_id, t.child, MembershipOf(latest != nullptr, in_n), [&] {
      std::vector<std::string> reasons;
      if (latest == nullptr) {
        reasons.push_back(absl::StrCat("no review in the period ", PeriodText(period),
                                       " records ACTIVITY_IN_PLAN YES"));
        return reasons;
      }
      reasons.push_back(absl::StrCat("review ", latest->review_id, " on ",
                                     Text(latest->meeting_date),
                                     " is the latest in the period recording ACTIVITY_IN_PLAN "
                                     "YES"));
      reasons.push_back(absl::StrCat("it records ACTIVITY_REGULAR ",
                                     regular == nullptr ? std::string("not recorded") : *regular));
      return reasons;
    });
  }
}

}  // namespace

std::vector<Indicator> AchievingIndicators() {
  return {
      {Define("1 ACH.1", "Chosen skills improved or maintained", 1, Theme::kAchieving,
              UnitKind::kChild, Polarity::kHigherIsBetter,
              "D: children with a review in the period recording SKILLS_GOAL other than NA or "
              "NK. N: the latest such review records IMPROVED or MAINTAINED."),
       SkillsImproved},
      {Define("1 ACH.2", "Self-esteem improved or maintained", 1, Theme::kAchieving,
              UnitKind::kChild, Polarity::kHigherIsBetter,
              "D: children with a review in the period recording SELF_ESTEEM_GOAL other than NA "
              "or NK. N: the latest such review records IMPROVED or MAINTAINED."),
       SelfEsteemImproved},
      {Define("1 ACH.3(i)", "Attainment on track", 1, Theme::kAchieving, UnitKind::kChild,
              Polarity::kHigherIsBetter,
              "D: children looked after on the census date whose latest status snapshot in "
              "(CD - 365 days, CD] has acel_on_track Y or N. N: it is Y."),
       AttainmentOnTrack},
      {Define("1 ACH.3(ii)", "School leavers at SCQF level 4 or above", 1, Theme::kAchieving,
              UnitKind::kChild, Polarity::kHigherIsBetter,
              "D: children with a status snapshot in the period giving leaver_scqf, who were "
              "looked after during the period or aftercare_eligible Y in that snapshot. N: the "
              "latest such snapshot's leaver_scqf is 4 or more."),
       LeaversScqf4},
      {Define("1 ACH.4", "Pre-school development milestones", 1, Theme::kAchieving,
              UnitKind::kChild, Polarity::kHigherIsBetter,
              "D: children looked after on the census date, aged under 5 then, with a DEV_REVIEW "
              "assessment completed in (CD - 365 days, CD]. N: the latest such assessment has "
              "dev_concern N."),
       PreschoolMilestones},
      {Define("1 ACT.1", "Regular activities of their choice", 1, Theme::kActive, UnitKind::kChild,
              Polarity::kHigherIsBetter,
              "D: children with a review in the period recording ACTIVITY_IN_PLAN YES. N: the "
              "latest such review records ACTIVITY_REGULAR YES."),
       RegularActivities},
  };
}

}  // namespace pif::engine
