// Section 1, Included: 1 INC.1 to 1 INC.6 (indicators.md section 2).
#include "common.h"
#include "groups.h"

namespace pif::engine {
namespace {

using namespace rules;

// The EET set of indicators.md section 1.
bool IsEet(const std::string& econ) {
  return econ == "SCHOOL" || econ == "FE_HE" || econ == "TRAINING" || econ == "EMPLOYED" ||
         econ == "VOLUNTARY_WORK";
}

// `econ` recorded (not empty) and not NK.
bool EconKnown(const std::string& econ) { return !econ.empty() && econ != "NK"; }

// The window (CD - 365 days, CD] as text, for reasons.
std::string YearWindowText(Date census) {
  return absl::StrCat("(", Text(census.AddDays(-365)), ", ", Text(census), "]");
}

// An age for reasons.
std::string AgeText(const std::optional<int>& age) {
  return age.has_value() ? absl::StrCat("aged ", *age, " on the census date")
                         : std::string("no age on the census date (dob not recorded or after it)");
}

// The latest status snapshot of the person with as_at in (CD - 365 days, CD], or nullptr.
const StatusSnapshot* LatestSnapshotInYearTo(const ChildTimeline& t, Date census) {
  // Snapshots are in as_at order and (person_id, as_at) is their key: the last one on or before
  // CD is the latest; it is in the window or none is.
  for (auto it = t.snapshots.rbegin(); it != t.snapshots.rend(); ++it) {
    if ((*it)->as_at > census) continue;
    return (*it)->as_at > census.AddDays(-365) ? *it : nullptr;
  }
  return nullptr;
}

// What INC.1 to INC.4 measure in the snapshot.
enum class SnapshotFigure { kSupportAccessed, kEet, kHomeless };

// The reason line for the figure tested in the snapshot.
std::string FigureText(const StatusSnapshot& s, SnapshotFigure figure) {
  switch (figure) {
    case SnapshotFigure::kSupportAccessed:
      return absl::StrCat("yc_support_accessed ", Text(s.yc_support_accessed));
    case SnapshotFigure::kEet:
      return absl::StrCat("econ ", Text(s.econ),
                          !EconKnown(s.econ) ? ": not known"
                          : IsEet(s.econ)    ? ": in education, employment or training"
                                             : ": not in education, employment or training");
    case SnapshotFigure::kHomeless:
      return absl::StrCat("homeless_12m ", Text(s.homeless_12m),
                          s.homeless_12m == "Y" || s.homeless_12m == "N" ? "" : ": not known");
  }
  return "";
}

// Membership of a person in the group, from the figure tested in the snapshot.
Membership FigureMembership(const StatusSnapshot& s, SnapshotFigure figure) {
  switch (figure) {
    case SnapshotFigure::kSupportAccessed:
      // Decision: yc_support_accessed NA or not recorded keeps the young carer in D and out of
      // N (the definition puts no condition on it in D).
      return MembershipOf(true, s.yc_support_accessed == "Y");
    case SnapshotFigure::kEet:
      // `econ` empty or NK leaves the person out of D as unknown.
      if (!EconKnown(s.econ)) return Membership::kUnknown;
      return MembershipOf(true, IsEet(s.econ));
    case SnapshotFigure::kHomeless:
      // homeless_12m NK or not recorded leaves the person out of D as unknown.
      if (s.homeless_12m != "Y" && s.homeless_12m != "N") return Membership::kUnknown;
      return MembershipOf(true, s.homeless_12m == "Y");
  }
  return Membership::kOutside;
}

// INC.1 to INC.4: persons with an age at CD in [min_age, max_age] whose latest snapshot in
// (CD - 365 days, CD] has `flag` = Y, counted by `figure` of that snapshot.
void SnapshotIndicator(const Snapshot& snapshot, const Period& period, UnitSink& sink, int min_age,
                       int max_age, std::string StatusSnapshot::*flag, absl::string_view flag_name,
                       SnapshotFigure figure) {
  const Date census = period.census();
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasSnapshots)) {
    // The latest snapshot in the window is taken first and then tested (section 8): an earlier
    // snapshot is never used instead.
    const StatusSnapshot* s = LatestSnapshotInYearTo(t, census);
    if (s == nullptr) continue;
    // No age (no dob, or born after CD) fails every age condition (section 8).
    const std::optional<int> age = AgeOn(*t.child, census);
    const bool aged = age.has_value() && min_age <= *age && *age <= max_age;
    const bool flagged = (*s).*flag == "Y";
    const Membership membership =
        aged && flagged ? FigureMembership(*s, figure) : Membership::kOutside;
    sink.Add(t.child->person_id, t.child, membership, [&] {
      std::vector<std::string> reasons;
      reasons.push_back(aged ? AgeText(age)
                             : absl::StrCat(AgeText(age), ": not aged ", min_age, " to ", max_age));
      reasons.push_back(absl::StrCat("status snapshot of ", Text(s->as_at), " is the latest in ",
                                     YearWindowText(census), ": ", flag_name, " ",
                                     Text((*s).*flag)));
      if (aged && flagged) reasons.push_back(FigureText(*s, figure));
      return reasons;
    });
  }
}

// 1 INC.1: young carers under 18 whose latest snapshot says yc_support_accessed Y.
void YoungCarerSupport(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  SnapshotIndicator(snapshot, period, sink, 0, 17, &StatusSnapshot::young_carer, "young_carer",
                    SnapshotFigure::kSupportAccessed);
}

// 1 INC.2: young carers aged 16 or 17 with a known econ in the EET set.
void YoungCarerEet(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  SnapshotIndicator(snapshot, period, sink, 16, 17, &StatusSnapshot::young_carer, "young_carer",
                    SnapshotFigure::kEet);
}

// 1 INC.3: care leavers aged 16 to 18 with a known homeless_12m that is Y.
void CareLeaverHomeless(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  SnapshotIndicator(snapshot, period, sink, 16, 18, &StatusSnapshot::aftercare_eligible,
                    "aftercare_eligible", SnapshotFigure::kHomeless);
}

// 1 INC.4: care leavers aged 16 to 18 with a known econ in the EET set.
void CareLeaverEet(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  SnapshotIndicator(snapshot, period, sink, 16, 18, &StatusSnapshot::aftercare_eligible,
                    "aftercare_eligible", SnapshotFigure::kEet);
}

// The due date of an EQUIP_ADAPT need: target_date, or identified_date + 90 days when that is
// empty; nullopt when neither is recorded.
std::optional<Date> DueDateOf(const Need& need) {
  if (need.target_date.has_value()) return need.target_date;
  if (need.identified_date.has_value()) return need.identified_date->AddDays(90);
  return std::nullopt;
}

// A need met in time: status MET with a status_date on or before its due date.
bool MetBy(const Need& need, Date due) {
  return need.status == "MET" && need.status_date.has_value() && *need.status_date <= due;
}

// 1 INC.5: children whose every EQUIP_ADAPT need due in the period was met by its due date.
void EquipmentAndAdaptations(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasAssessments)) {
    int due_count = 0;
    int met_count = 0;
    // A need belongs to the person of its assessment (section 8), whatever the assessment type.
    for (const Assessment* a : t.assessments) {
      for (const Need* n : snapshot.NeedsOf(*a)) {
        if (n->domain != "EQUIP_ADAPT") continue;
        const std::optional<Date> due = DueDateOf(*n);
        if (!due.has_value() || !period.Contains(*due)) continue;  // neither date: ignored
        ++due_count;
        if (MetBy(*n, *due)) ++met_count;
      }
    }
    if (due_count == 0) continue;
    sink.AddSupplementary("needs_due", due_count);
    sink.AddSupplementary("needs_met_in_time", met_count);
    sink.Add(t.child->person_id, t.child, MembershipOf(true, met_count == due_count), [&] {
      std::vector<std::string> reasons;
      for (const Assessment* a : t.assessments) {
        for (const Need* n : snapshot.NeedsOf(*a)) {
          if (n->domain != "EQUIP_ADAPT") continue;
          const std::optional<Date> due = DueDateOf(*n);
          if (!due.has_value() || !period.Contains(*due)) continue;
          reasons.push_back(absl::StrCat(
              "EQUIP_ADAPT need ", n->need_id, " of assessment ", a->assessment_id, " is due ",
              Text(*due),
              n->target_date.has_value() ? " (target_date)" : " (identified_date + 90 days)",
              ": status ", Text(n->status), ", status_date ", Text(n->status_date),
              MetBy(*n, *due) ? ", met by the due date" : ", not met by the due date"));
        }
      }
      return reasons;
    });
  }
}

// 1 INC.6: involvements closed in the period on transfer to adult services, with a TRANSITION
// assessment requested at least 365 days before closing.
void TransitionPlanned(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasInvolvements)) {
    const Assessment* earliest = nullptr;  // earliest requested TRANSITION assessment, any status
    bool earliest_known = false;
    for (const Involvement* inv : t.involvements) {
      if (!inv->close_date.has_value() || !period.Contains(*inv->close_date)) continue;
      if (inv->close_reason != "TRANSFER_ADULT") continue;
      if (!earliest_known) {
        earliest_known = true;
        for (const Assessment* a : t.assessments) {
          // Decision: a TRANSITION assessment without requested_date cannot show it was
          // requested in time; it does not count (the involvement stays in D).
          if (a->type != "TRANSITION" || !a->requested_date.has_value()) continue;
          if (earliest == nullptr || *a->requested_date < *earliest->requested_date) earliest = a;
        }
      }
      const Date deadline = inv->close_date->AddDays(-365);
      const bool in_n = earliest != nullptr && *earliest->requested_date <= deadline;
      sink.Add(inv->involvement_id, t.child, MembershipOf(true, in_n), [&] {
        std::vector<std::string> reasons = {
            absl::StrCat("involvement ", inv->involvement_id, " of ", t.child->person_id,
                         " closed ", Text(inv->close_date), " with reason TRANSFER_ADULT")};
        if (earliest == nullptr) {
          reasons.push_back("no TRANSITION assessment of the person with a requested_date");
        } else {
          reasons.push_back(absl::StrCat(
              "TRANSITION assessment ", earliest->assessment_id, " requested ",
              Text(earliest->requested_date),
              in_n ? absl::StrCat(", on or before ", Text(deadline), " (365 days before closing)")
                   : absl::StrCat(", after ", Text(deadline), " (365 days before closing)")));
        }
        return reasons;
      });
    }
  }
}

}  // namespace

std::vector<Indicator> IncludedIndicators() {
  return {
      {Define("1 INC.1", "Young carers accessing planned support", 1, Theme::kIncluded,
              UnitKind::kChild, Polarity::kHigherIsBetter,
              "D: persons aged under 18 on the census date whose latest status snapshot in "
              "(CD - 365 days, CD] has young_carer Y. N: that snapshot has yc_support_accessed Y."),
       YoungCarerSupport},
      {Define("1 INC.2", "Young carers in education, employment or training", 1, Theme::kIncluded,
              UnitKind::kChild, Polarity::kHigherIsBetter,
              "D: as 1 INC.1, aged 16 or 17 on the census date, with econ recorded and not NK in "
              "that snapshot. N: econ is SCHOOL, FE_HE, TRAINING, EMPLOYED or VOLUNTARY_WORK."),
       YoungCarerEet},
      {Define("1 INC.3", "Care leavers under 19 homeless in the past year", 1, Theme::kIncluded,
              UnitKind::kChild, Polarity::kLowerIsBetter,
              "D: persons aged 16 to 18 on the census date whose latest status snapshot in "
              "(CD - 365 days, CD] has aftercare_eligible Y and homeless_12m Y or N. N: "
              "homeless_12m is Y."),
       CareLeaverHomeless},
      {Define("1 INC.4", "Care leavers under 19 in education, employment or training", 1,
              Theme::kIncluded, UnitKind::kChild, Polarity::kHigherIsBetter,
              "D: persons aged 16 to 18 on the census date whose latest status snapshot in "
              "(CD - 365 days, CD] has aftercare_eligible Y and econ recorded and not NK. N: econ "
              "is SCHOOL, FE_HE, TRAINING, EMPLOYED or VOLUNTARY_WORK."),
       CareLeaverEet},
      {WithSupplementary(
           Define(
               "1 INC.5", "Equipment and adaptations provided in time", 1, Theme::kIncluded,
               UnitKind::kChild, Polarity::kHigherIsBetter,
               "D: children with an EQUIP_ADAPT need whose due date (target_date, or "
               "identified_date + 90 days when that is empty) is in the period. N: every such need "
               "has status MET with a status_date on or before its due date."),
           {"needs_due", "needs_met_in_time"}),
       EquipmentAndAdaptations},
      {Define("1 INC.6", "Transition to adult services planned a year ahead", 1, Theme::kIncluded,
              UnitKind::kInvolvement, Polarity::kHigherIsBetter,
              "D: involvements closed in the period with close_reason TRANSFER_ADULT. N: the "
              "person has a TRANSITION assessment, of any status, requested on or before "
              "close_date - 365 days."),
       TransitionPlanned},
  };
}

}  // namespace pif::engine
