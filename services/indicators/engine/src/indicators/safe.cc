// Section 1, Safe: 1 S.1 to 1 S.3 (indicators.md section 2).
#include <algorithm>

#include "absl/time/time.h"
#include "common.h"
#include "groups.h"
#include "pif/dates/local_datetime.h"

namespace pif::engine {
namespace {

using namespace rules;

// 1 S.1: a repeat CP referral within 365 days of an earlier referral or of a de-registration.
void RepeatReferral(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasReferrals)) {
    // Referrals are in date order: those dated in the period are one run.
    const CpReferral* const* first_in =
        std::find_if(t.referrals.begin(), t.referrals.end(),
                     [&](const CpReferral* r) { return r->referral_date >= period.first; });
    const CpReferral* const* end_in =
        std::find_if(first_in, t.referrals.end(),
                     [&](const CpReferral* r) { return r->referral_date > period.last; });
    if (first_in == end_in) continue;
    const CpReferral* repeat = nullptr;
    const CpReferral* earlier_referral = nullptr;  // what makes `repeat` a repeat: a referral
    const CpRegistration* deregistered = nullptr;  // or a de-registration
    for (const CpReferral* const* in = first_in; in != end_in && repeat == nullptr; ++in) {
      const CpReferral* r = *in;
      const Date window_start = r->referral_date.AddDays(-365);
      for (const CpReferral* earlier : t.referrals) {
        if (earlier->referral_date >= window_start && earlier->referral_date < r->referral_date) {
          repeat = r;
          earlier_referral = earlier;
          break;
        }
      }
      for (const CpRegistration* reg : t.registrations) {
        if (repeat != nullptr) break;
        if (!reg->deregistration_date.has_value() || reg->deregistration_reason == "TRANSFER_OUT") {
          continue;
        }
        const Date dereg = *reg->deregistration_date;
        if (dereg >= window_start && dereg < r->referral_date) {
          repeat = r;
          deregistered = reg;
        }
      }
    }
    sink.Add(t.child->person_id, t.child, MembershipOf(true, repeat != nullptr), [&] {
      const CpReferral* first = *first_in;
      std::vector<std::string> reasons = {
          absl::StrCat(end_in - first_in, " CP referral(s) dated in the period, first ",
                       first->referral_id, " on ", Text(first->referral_date))};
      if (repeat == nullptr) {
        reasons.push_back(
            "no in-period referral follows another referral or a de-registration (other than "
            "TRANSFER_OUT) within the 365 days before it");
        return reasons;
      }
      const std::string because =
          earlier_referral != nullptr
              ? absl::StrCat("referral ", earlier_referral->referral_id, " on ",
                             Text(earlier_referral->referral_date), " is within 365 days before it")
              : absl::StrCat("de-registration of ", deregistered->registration_id, " on ",
                             Text(deregistered->deregistration_date), " (reason ",
                             Text(deregistered->deregistration_reason),
                             ") is within 365 days before it");
      reasons.push_back(absl::StrCat("referral ", repeat->referral_id, " on ",
                                     Text(repeat->referral_date), " is a repeat: ", because));
      return reasons;
    });
  }
}

// 1 S.2: LADP children with a MISSING incident starting in period while LAC, lasting >= 24 hours.
void MissingForADay(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  // An incident with no end runs to 00:00 on PE + 1 day (indicators.md section 8).
  const LocalDateTime open_end = LocalDateTime::StartOf(period.last.AddDays(1));
  const absl::Duration day = absl::Hours(24);
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasEpisodes | kHasIncidents)) {
    const bool ladp = t.LookedAfterDuring(period);
    const Incident* first = nullptr;  // first qualifying incident, for the reasons
    int qualifying = 0;
    bool any_missing = false;
    for (const Incident* i : t.incidents) {
      if (i->type != "MISSING" || !period.Contains(i->start.date())) continue;
      any_missing = true;
      if (!ladp || !t.LookedAfterOn(i->start.date())) continue;
      // Real elapsed time across clock changes (dates::ElapsedBetween).
      if (dates::ElapsedBetween(i->start, i->end.value_or(open_end)) < day) continue;
      ++qualifying;
      if (first == nullptr) first = i;
    }
    if (!ladp && !any_missing) continue;
    sink.AddSupplementary("incidents", qualifying);
    sink.Add(t.child->person_id, t.child, MembershipOf(ladp, first != nullptr), [&] {
      std::vector<std::string> reasons;
      if (!ladp) {
        reasons.push_back("not looked after on any day of the period");
        return reasons;
      }
      reasons.push_back("looked after during the period");
      if (first != nullptr) {
        const LocalDateTime end = first->end.value_or(open_end);
        reasons.push_back(absl::StrCat(
            "MISSING incident ", first->incident_id, " starting ", first->start.ToString(),
            " (looked after that day) lasted ",
            absl::FormatDuration(dates::ElapsedBetween(first->start, end)), " until ",
            end.ToString(), first->end.has_value() ? "" : " (no end recorded: end of the period)",
            ", 24 hours or more"));
        if (qualifying > 1) {
          reasons.push_back(absl::StrCat(qualifying, " such incidents in the period"));
        }
      } else {
        reasons.push_back(
            "no MISSING incident starting in the period while looked after lasted 24 hours or "
            "more");
      }
      return reasons;
    });
  }
}

// 1 S.3: LADP children with an in-period review finding HIGH_RISK = YES; N: the latest such
// review finds SUPPORT_EFFECTIVE = YES.
void HighRiskSupport(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasReviews)) {
    const Review* latest = nullptr;  // reviews are in meeting date then id order
    for (const Review* r : t.reviews) {
      if (!period.Contains(r->meeting_date)) continue;
      const std::string* high_risk = snapshot.ReviewFinding(*r, "HIGH_RISK");
      if (high_risk != nullptr && *high_risk == "YES") latest = r;
    }
    if (latest == nullptr) continue;
    const bool ladp = t.LookedAfterDuring(period);
    // Decision: a latest review that does not record SUPPORT_EFFECTIVE stays in D and is not in
    // N (the definition asks only that it records YES; an earlier review is never used instead).
    const std::string* effective = snapshot.ReviewFinding(*latest, "SUPPORT_EFFECTIVE");
    const bool supported = effective != nullptr && *effective == "YES";
    sink.Add(t.child->person_id, t.child, MembershipOf(ladp, supported), [&] {
      std::vector<std::string> reasons;
      reasons.push_back(ladp ? "looked after during the period"
                             : "not looked after on any day of the period");
      reasons.push_back(absl::StrCat("latest review in the period recording HIGH_RISK = YES is ",
                                     latest->review_id, " on ", Text(latest->meeting_date)));
      reasons.push_back(absl::StrCat("it records SUPPORT_EFFECTIVE = ",
                                     effective != nullptr ? Text(*effective) : "not recorded"));
      return reasons;
    });
  }
}

}  // namespace

std::vector<Indicator> SafeIndicators() {
  return {
      {Define("1 S.1", "Repeat child protection referral within 12 months", 1, Theme::kSafe,
              UnitKind::kChild, Polarity::kLowerIsBetter,
              "D: children with a CP referral dated in the period. N: those with an in-period "
              "referral R preceded, within [R - 365 days, R), by another CP referral of the child "
              "or by a de-registration whose reason is not TRANSFER_OUT."),
       RepeatReferral},
      {WithSupplementary(
           Define(
               "1 S.2", "Looked after children missing for 24 hours or more", 1, Theme::kSafe,
               UnitKind::kChild, Polarity::kLowerIsBetter,
               "D: children looked after on at least one day of the period. N: those with a "
               "MISSING "
               "incident starting in the period, on a day they were looked after, lasting 24 hours "
               "or more in real elapsed time (an incident with no end runs to 00:00 on the day "
               "after the period). The number of such incidents is reported too."),
           {"incidents"}),
       MissingForADay},
      {Define("1 S.3", "High-risk behaviour: support effective", 1, Theme::kSafe, UnitKind::kChild,
              Polarity::kHigherIsBetter,
              "D: children looked after during the period with a review in the period recording "
              "HIGH_RISK = YES. N: the latest such review also records SUPPORT_EFFECTIVE = YES."),
       HighRiskSupport},
  };
}

}  // namespace pif::engine
