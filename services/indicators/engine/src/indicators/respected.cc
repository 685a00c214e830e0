// Section 1, Respected and responsible: 1 R.1 to 1 R.4 (indicators.md section 2).
#include <algorithm>

#include "common.h"
#include "groups.h"

namespace pif::engine {
namespace {

using namespace rules;

// 1 R.1: of SW and SW_CONTRIB assessments completed in the period with child_views recorded and
// not NOT_ABLE, those with child_views = RECORDED.
void ChildsWishesSetOut(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  for (const SocialWorkAssessment& sw : snapshot.social_work_assessments()) {
    if (!sw.completed_date.has_value() || !period.Contains(*sw.completed_date)) continue;
    const Assessment* a = sw.assessment;
    const std::string& views = a->child_views;
    // Decision: an empty child_views is "not recorded", so the assessment is unknown (left out
    // of D for want of an item); NOT_ABLE is outside D; NOT_RECORDED stays in D (section 8).
    const Membership membership = views.empty()         ? Membership::kUnknown
                                  : views == "NOT_ABLE" ? Membership::kOutside
                                                        : MembershipOf(true, views == "RECORDED");
    sink.Add(sw.assessment_id, sw.child, membership, [&] {
      return std::vector<std::string>{
          absl::StrCat(a->type, " assessment ", a->assessment_id, " completed ",
                       Text(a->completed_date), " (in the period)"),
          views.empty() ? std::string("child_views is not recorded")
          : views == "NOT_ABLE"
              ? std::string("child_views is NOT_ABLE: the child could not give views")
              : absl::StrCat("child_views is ", views,
                             views == "RECORDED" ? ": the child's wishes are set out"
                                                 : ": the child's wishes are not set out")};
    });
  }
}

// 1 R.2: of involvements closed in the period of children aged 8 or over on close_date, those with
// exit_interview = DONE.
void ExitInterviews(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasInvolvements)) {
    for (const Involvement* inv : t.involvements) {
      if (!inv->close_date.has_value() || !period.Contains(*inv->close_date)) continue;
      const std::optional<int> age = AgeOn(*t.child, *inv->close_date);
      const bool in_d = age.has_value() && *age >= 8;
      // Decision: an empty exit_interview is in D and not in N (D does not ask for it).
      const bool done = inv->exit_interview == "DONE";
      sink.Add(inv->involvement_id, t.child, MembershipOf(in_d, done), [&] {
        std::vector<std::string> reasons = {
            absl::StrCat(inv->basis, " involvement ", inv->involvement_id, " closed ",
                         Text(inv->close_date), " (in the period)")};
        if (!age.has_value()) {
          reasons.push_back(absl::StrCat("the child has no age on ", Text(inv->close_date),
                                         " (date of birth ", Text(t.child->dob), ")"));
          return reasons;
        }
        reasons.push_back(
            absl::StrCat("the child was aged ", *age, " on closing", in_d ? "" : ", under 8"));
        if (in_d) {
          reasons.push_back(absl::StrCat("exit_interview is ", Text(inv->exit_interview)));
        }
        return reasons;
      });
    }
  }
}

// 1 R.3: of children ACC during the period and aged 12-17 at CD, those who became persistent
// offenders (5 offences within 183 days) on an in-period day while ACC, not already before that
// accommodation spell started.
void PersistentOffenders(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  const Date census = period.census();
  std::vector<Date> offences;  // reused across children
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasEpisodes)) {
    if (!t.AccommodatedDuring(period)) continue;
    const std::optional<int> age = AgeOn(*t.child, census);
    const bool in_d = age.has_value() && *age >= 12 && *age <= 17;
    offences.clear();
    if (in_d) {
      for (const Incident* i : t.incidents) {
        if (i->type == "OFFENCE") offences.push_back(i->start.date());  // in date order
      }
    }
    // Offences in (o - 183 days, o] by calendar date: every offence dated o is inside.
    auto count_at = [&](size_t index) {
      const Date o = offences[index];
      const auto first = std::lower_bound(offences.begin(), offences.end(), o.AddDays(-182));
      const auto last = std::upper_bound(offences.begin(), offences.end(), o);
      return static_cast<int>(last - first);
    };
    // The earliest offence date with 5 in its window: an o' meeting the rule before a spell's
    // start exists exactly when this date is before that start.
    std::optional<Date> first_persistent;
    for (size_t k = 0; k < offences.size(); ++k) {
      if (count_at(k) >= 5) {
        first_persistent = offences[k];
        break;
      }
    }
    std::optional<Date> became;                   // the qualifying offence date o
    const AccommodationSpell* spell = nullptr;    // the spell holding o
    int count = 0;                                // offences in its window
    const AccommodationSpell* blocked = nullptr;  // a spell whose o' rule failed (for reasons)
    if (first_persistent.has_value()) {
      for (size_t k = 0; k < offences.size() && !became.has_value(); ++k) {
        const Date o = offences[k];
        if (!period.Contains(o) || o < *first_persistent) continue;
        const AccommodationSpell* holding = t.SpellCovering(o);
        if (holding == nullptr) continue;  // not ACC on o
        const int n = count_at(k);
        if (n < 5) continue;
        // The o' rule: an offence dated before the spell's start with >= 5 in its window; the
        // earliest such date is first_persistent.
        if (*first_persistent < holding->start) {
          blocked = holding;
          continue;
        }
        became = o;
        spell = holding;
        count = n;
      }
    }
    sink.Add(t.child->person_id, t.child, MembershipOf(in_d, became.has_value()), [&] {
      std::vector<std::string> reasons = {"accommodated on at least one day of the period"};
      if (!age.has_value()) {
        reasons.push_back(absl::StrCat("no age on ", Text(census), " (date of birth ",
                                       Text(t.child->dob), "): not aged 12 to 17"));
        return reasons;
      }
      reasons.push_back(
          absl::StrCat("aged ", *age, " on ", Text(census), in_d ? "" : ", not 12 to 17"));
      if (!in_d) return reasons;
      reasons.push_back(absl::StrCat(offences.size(), " OFFENCE incident(s) recorded"));
      if (became.has_value()) {
        reasons.push_back(absl::StrCat("the offence on ", Text(*became),
                                       ", while accommodated in the spell starting ",
                                       Text(spell->start), ", has ", count,
                                       " offences dated in the 183 days to it; no offence before ",
                                       Text(spell->start), " had 5 in its 183 days"));
      } else if (blocked != nullptr) {
        reasons.push_back(
            absl::StrCat("the offence on ", Text(*first_persistent),
                         " already had 5 offences in its 183 days before the spell starting ",
                         Text(blocked->start), " that holds the later in-period offences"));
      } else {
        reasons.push_back(
            "no offence in the period, on a day accommodated, has 5 offences in the 183 days to "
            "it");
      }
      return reasons;
    });
  }
}

// 1 R.4: of families with a LADP child where an in-period review of one of its children records
// PARENT_PROG_DONE = YES, those where an in-period review of one of them records
// PARENTING_IMPROVED = YES.
void ParentingProgramme(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  for (const auto& [family_id, members] : snapshot.families()) {
    const ChildTimeline* ladp = nullptr;
    for (const ChildTimeline* member : members) {
      if (member->LookedAfterDuring(period)) {
        ladp = member;
        break;
      }
    }
    if (ladp == nullptr) continue;
    // Decision: the two findings may come from reviews of any child of the family (looked after
    // or not), from any review type, and from different reviews (section 8).
    const Review* done = nullptr;
    const Review* improved = nullptr;
    for (const ChildTimeline* member : members) {
      if (done != nullptr && improved != nullptr) break;
      for (const Review* r : member->reviews) {
        if (r->meeting_date > period.last) break;  // in meeting date order
        if (r->meeting_date < period.first) continue;
        if (done == nullptr) {
          const std::string* value = snapshot.ReviewFinding(*r, "PARENT_PROG_DONE");
          if (value != nullptr && *value == "YES") done = r;
        }
        if (improved == nullptr) {
          const std::string* value = snapshot.ReviewFinding(*r, "PARENTING_IMPROVED");
          if (value != nullptr && *value == "YES") improved = r;
        }
      }
    }
    const bool in_d = done != nullptr;
    sink.Add(family_id, nullptr, MembershipOf(in_d, improved != nullptr), [&] {
      std::vector<std::string> reasons = {absl::StrCat("child ", ladp->child->person_id,
                                                       " of family ", family_id,
                                                       " was looked after during the period")};
      if (!in_d) {
        reasons.push_back(
            "no review in the period of a child of the family records PARENT_PROG_DONE = YES");
        return reasons;
      }
      reasons.push_back(absl::StrCat("review ", done->review_id, " of child ", done->person_id,
                                     " on ", Text(done->meeting_date),
                                     " records PARENT_PROG_DONE = YES"));
      if (improved != nullptr) {
        reasons.push_back(absl::StrCat("review ", improved->review_id, " of child ",
                                       improved->person_id, " on ", Text(improved->meeting_date),
                                       " records PARENTING_IMPROVED = YES"));
      } else {
        reasons.push_back(
            "no review in the period of a child of the family records PARENTING_IMPROVED = YES");
      }
      return reasons;
    });
  }
}

}  // namespace

std::vector<Indicator> RespectedIndicators() {
  std::vector<Indicator> indicators = {
      {Define("1 R.1", "Assessments that set out the child's wishes", 1, Theme::kRespected,
              UnitKind::kAssessment, Polarity::kHigherIsBetter,
              "D: SW and SW_CONTRIB assessments completed in the period with child_views recorded "
              "and not NOT_ABLE (NOT_RECORDED stays in). N: child_views = RECORDED."),
       ChildsWishesSetOut},
      {Define("1 R.2", "Exit interviews on the services received", 1, Theme::kRespected,
              UnitKind::kInvolvement, Polarity::kHigherIsBetter,
              "D: involvements (any basis) closed in the period of children aged 8 or over on the "
              "close date. N: exit_interview = DONE."),
       ExitInterviews},
      // Decision: R.3 and R.4 are reported under the theme "responsible", R.1 and R.2 under
      // "respected".
      {Define("1 R.3", "Accommodated children who became persistent offenders while accommodated",
              1, Theme::kResponsible, UnitKind::kChild, Polarity::kLowerIsBetter,
              "D: children accommodated during the period and aged 12 to 17 at the census date. "
              "N: an OFFENCE incident o in the period, on a day the child was accommodated, with "
              "5 or more OFFENCE incidents of the child dated in (o - 183 days, o], and no "
              "offence o' dated before the start of the accommodation spell holding o already had "
              "5 or more in (o' - 183 days, o']."),
       PersistentOffenders},
      {Define("1 R.4", "Parents who completed a parenting programme and improved their skills", 1,
              Theme::kResponsible, UnitKind::kFamily, Polarity::kHigherIsBetter,
              "D: family groups with a child looked after during the period where a review in the "
              "period of one of its children records PARENT_PROG_DONE = YES. N: a review in the "
              "period of one of its children records PARENTING_IMPROVED = YES."),
       ParentingProgramme},
  };
  // Never broken down below council level when published (indicators.md section 7).
  for (Indicator& indicator : indicators) {
    if (indicator.definition.code == "1 R.3") indicator.definition.breakdowns_publishable = false;
  }
  return indicators;
}

}  // namespace pif::engine
