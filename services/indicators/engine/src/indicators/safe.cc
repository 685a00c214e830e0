// Section 1, Safe: 1 S.1 to 1 S.3 (indicators.md section 2).
#include "common.h"
#include "groups.h"

namespace pif::engine {
namespace {

using namespace rules;

// 1 S.1: a repeat CP referral within 365 days of an earlier referral or of a de-registration.
void RepeatReferral(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  for (const ChildTimeline& t : snapshot.children()) {
    std::vector<const CpReferral*> in_period;
    for (const CpReferral* r : t.referrals) {
      if (period.Contains(r->referral_date)) in_period.push_back(r);
    }
    if (in_period.empty()) continue;
    const CpReferral* repeat = nullptr;
    std::string because;
    for (const CpReferral* r : in_period) {
      const Date window_start = r->referral_date.AddDays(-365);
      for (const CpReferral* earlier : t.referrals) {
        if (earlier->referral_date >= window_start && earlier->referral_date < r->referral_date) {
          repeat = r;
          because = absl::StrCat("referral ", earlier->referral_id, " on ",
                                 Text(earlier->referral_date), " is within 365 days before it");
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
          because = absl::StrCat("de-registration of ", reg->registration_id, " on ", Text(dereg),
                                 " (reason ", Text(reg->deregistration_reason),
                                 ") is within 365 days before it");
        }
      }
      if (repeat != nullptr) break;
    }
    sink.Add(t.child->person_id, t.child, MembershipOf(true, repeat != nullptr), [&] {
      std::vector<std::string> reasons = {absl::StrCat(
          in_period.size(), " CP referral(s) dated in the period, first ",
          in_period.front()->referral_id, " on ", Text(in_period.front()->referral_date))};
      if (repeat != nullptr) {
        reasons.push_back(absl::StrCat("referral ", repeat->referral_id, " on ",
                                       Text(repeat->referral_date), " is a repeat: ", because));
      } else {
        reasons.push_back(
            "no in-period referral follows another referral or a de-registration (other than "
            "TRANSFER_OUT) within the 365 days before it");
      }
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
  };
}

}  // namespace pif::engine
