#include "family_planner.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "people.h"
#include "pif/dates/age.h"
#include "proportions.h"

namespace pif::sample::internal {
namespace {

// Chains of phases (support, protection, care, return home, care again...) stop after this many.
constexpr int kMaxDepth = 6;
// Families arrive over this many years before the data start, so long stories are complete.
constexpr int kLeadYears = 16;

// The involvement close reason that goes with an episode's destination.
Code CloseReasonFor(Code destination) {
  if (Is(destination, "HOME_PARENTS") || Is(destination, "FRIENDS_RELATIVES")) return "NEEDS_MET";
  if (Is(destination, "CONTINUING_CARE") || Is(destination, "INDEPENDENT") ||
      Is(destination, "SUPPORTED_ACCOM")) {
    return "AGE";
  }
  return Is(destination, "") ? "" : "OTHER";
}

}  // namespace

FamilyPlanner::FamilyPlanner(const Context& context, Random& random)
    : context_(context), r_(random), carers_(context) {}

FamilyPlan FamilyPlanner::Next(int64_t number) {
  const Date earliest = context_.data_start.AddMonths(-12 * kLeadYears);
  for (;;) {
    FamilyPlan family;
    family.number = number;
    family.type = static_cast<FamilyType>(r_.Weighted(kFamilyTypeWeights));
    const Date open = r_.DateBetween(earliest, context_.as_of);
    family.children = DrawChildren(family.type, open, number, r_);
    family_ = &family;
    PlanStory(open);
    family_ = nullptr;
    bool any = false;
    const OptDate end = FamilyEnd(family, &any);
    if (!any || (end.has_value() && *end < context_.data_start)) continue;
    ClipToAsOf(family, context_.as_of);
    return family;
  }
}

void FamilyPlanner::PlanStory(Date open) {
  std::vector<int> all(family_->children.size());
  std::iota(all.begin(), all.end(), 0);
  switch (family_->type) {
    case FamilyType::kVoluntary:
      Voluntary(open, all, 0);
      break;
    case FamilyType::kChildProtection:
      ChildProtection(open, all, 0);
      break;
    case FamilyType::kLookedAfter:
      LookedAfter(open, all, Entry::kFromSupport, 0);
      break;
    case FamilyType::kDisability:
      Disability(open, 0);
      break;
    case FamilyType::kYoungCarer:
      YoungCarer(open, 0);
      break;
    case FamilyType::kOther:
      Other(open, all);
      break;
  }
}

std::optional<int> FamilyPlanner::Age(int kid, Date d) const {
  return dates::AgeOn(family_->children[static_cast<size_t>(kid)].dob, d);
}

Date FamilyPlanner::Birthday(int kid, int years) const {
  const Date dob = *family_->children[static_cast<size_t>(kid)].dob;
  return dates::AnniversaryIn(dob, dob.year() + years);
}

std::vector<int> FamilyPlanner::Active(const std::vector<int>& kids, Date t) const {
  std::vector<int> active;
  for (int kid : kids) {
    const std::optional<int> age = Age(kid, t);
    if (age.has_value() && *age < 18) active.push_back(kid);
  }
  return active;
}

void FamilyPlanner::Involve(int kid, Code basis, Date open, OptDate close, Code reason) {
  if (!Is(basis, "AFTERCARE") && !Is(basis, "PRE_BIRTH")) {
    const Date adult = Birthday(kid, 18);
    if (open >= adult) return;
    if (!close.has_value() || *close > adult) {
      close = adult;
      reason = "AGE";
    }
  }
  if (close.has_value() && *close <= open) close = open.AddDays(1);
  InvolvementPlan involvement;
  involvement.basis = basis;
  involvement.open = open;
  involvement.close = close;
  involvement.close_reason = reason;
  involvement.has_current_plan = Is(basis, "VOL")
                                     ? (r_.Chance(0.85) ? "Y" : "N")
                                     : PickWeighted<Code>(r_, {"Y", "N", ""}, {80, 12, 8});
  family_->children[static_cast<size_t>(kid)].involvements.push_back(involvement);
}

void FamilyPlanner::Voluntary(Date t, const std::vector<int>& kids, int depth) {
  if (t > context_.as_of || depth > kMaxDepth) return;
  const std::vector<int> in = Active(kids, t);
  if (in.empty()) return;
  const int months = r_.FromBands({{25, 3, 6}, {35, 6, 12}, {30, 12, 24}, {10, 24, 36}});
  const Date end = t.AddMonths(months).AddDays(r_.Between(0, 27));
  const int next = r_.Weighted({80, 13, 7});  // closes, child protection, looked after
  const Code reason =
      next == 0
          ? PickWeighted<Code>(r_, {"NEEDS_MET", "DECLINED", "MOVED_LA", "OTHER"}, {70, 12, 8, 10})
          : "OTHER";
  for (int kid : in) Involve(kid, "VOL", t, end, reason);
  if (next == 1) ChildProtection(end, in, depth + 1);
  if (next == 2) LookedAfter(end, in, Entry::kFromSupport, depth + 1);
}

void FamilyPlanner::ChildProtection(Date t, const std::vector<int>& kids, int depth) {
  if (t > context_.as_of || depth > kMaxDepth) return;
  std::vector<int> in;
  bool unborn = false;
  for (int kid : kids) {
    const Date dob = *family_->children[static_cast<size_t>(kid)].dob;
    if (dob > t) {
      // A pre-birth referral: the baby is expected within about seven months.
      if (dob <= t.AddDays(200)) {
        in.push_back(kid);
        unborn = true;
      }
      continue;
    }
    if (*Age(kid, t) < 16) in.push_back(kid);
  }
  if (in.empty()) return;
  for (int kid : in) family_->children[static_cast<size_t>(kid)].referrals.push_back(t);

  // The child protection involvement; before birth it is a PRE_BIRTH one.
  auto involve = [&](int kid, Date close, Code reason) {
    const Date dob = *family_->children[static_cast<size_t>(kid)].dob;
    if (dob <= t) {
      Involve(kid, "CP", t, close, reason);
    } else if (close <= dob) {
      Involve(kid, "PRE_BIRTH", t, close, reason);
    } else {
      Involve(kid, "PRE_BIRTH", t, dob, "OTHER");
      Involve(kid, "CP", dob, close, reason);
    }
  };

  if (!r_.Chance(unborn ? 0.6 : 0.35)) {
    // Investigated, not registered.
    const Date close = t.AddDays(r_.Between(14, 60));
    for (int kid : in) involve(kid, close, r_.Chance(0.8) ? "NEEDS_MET" : "OTHER");
    const int next = r_.Weighted({45, 15, 40});  // support, re-referral, nothing
    if (next == 0) Voluntary(close, in, depth + 1);
    if (next == 1) ChildProtection(close.AddDays(r_.Between(30, 330)), in, depth + 1);
    return;
  }

  const Date registered = t.AddDays(r_.Between(7, 28));
  const int months = r_.FromBands({{40, 3, 6}, {40, 6, 12}, {15, 12, 18}, {5, 18, 24}});
  const Date deregistered = registered.AddMonths(months).AddDays(r_.Between(0, 27));
  // improved at home, removed from risk (looked after), moved away, other
  const int outcome = r_.Weighted({64, 18, 6, 12});
  constexpr Code kReasons[] = {"IMPROVED_HOME", "REMOVED_FROM_RISK", "TRANSFER_OUT", "OTHER"};
  const Date close = outcome == 0 ? deregistered.AddDays(r_.Between(0, 28)) : deregistered;
  const Code close_reason = outcome == 0 ? "NEEDS_MET" : (outcome == 2 ? "MOVED_LA" : "OTHER");
  for (int kid : in) {
    ChildPlan& child = family_->children[static_cast<size_t>(kid)];
    RegistrationPlan registration;
    registration.date = registered;
    registration.conference_type =
        *child.dob > registered ? "PRE_BIRTH" : (r_.Chance(0.04) ? "TRANSFER_IN" : "INITIAL");
    registration.end = deregistered;
    registration.reason = kReasons[outcome];
    // The register is for children under 16.
    const Date sixteen = Birthday(kid, 16);
    if (sixteen < deregistered) {
      registration.end = std::max(sixteen, registered.AddDays(1));
      registration.reason = "AGE";
    }
    child.registrations.push_back(registration);
    involve(kid, close, close_reason);
  }
  if (outcome == 0) {
    const int next = r_.Weighted({50, 18, 32});  // support, re-referral, nothing
    if (next == 0) Voluntary(close, in, depth + 1);
    if (next == 1) ChildProtection(close.AddDays(r_.Between(30, 330)), in, depth + 1);
  } else if (outcome == 1) {
    // Accommodated, then de-registered at the next conference.
    const Date accommodated =
        std::max(registered.AddDays(1), deregistered.AddDays(-r_.Between(0, 42)));
    LookedAfter(accommodated, in, Entry::kFromProtection, depth + 1);
  } else if (outcome == 3 && r_.Chance(0.3)) {
    Voluntary(close, in, depth + 1);
  }
}

CareKind FamilyPlanner::ChooseKind(Entry entry, int age) {
  const double* w = entry == Entry::kFromProtection
                        ? kKindFromProtection
                        : (entry == Entry::kFromSupport ? kKindFromSupport : kKindReentry);
  // Residential care is for older children.
  const double residential = w[3] * (age < 10 ? 0 : (age < 12 ? 0.5 : 3.5));
  return static_cast<CareKind>(r_.Weighted({w[0], w[1], w[2], residential}));
}

void FamilyPlanner::LookedAfter(Date t, const std::vector<int>& kids, Entry entry, int depth) {
  if (t > context_.as_of || depth > kMaxDepth) return;
  std::vector<int> in;
  int youngest = 18;
  for (int kid : kids) {
    const Date dob = *family_->children[static_cast<size_t>(kid)].dob;
    if (dob > t) {
      // A baby accommodated at birth.
      if (dob <= t.AddDays(60)) {
        in.push_back(kid);
        youngest = 0;
      }
      continue;
    }
    const int age = *Age(kid, t);
    if (age >= 18 || (age >= 16 && !r_.Chance(0.35))) continue;
    if (kids.size() > 1 && r_.Chance(0.08)) continue;  // a sibling who stays at home
    in.push_back(kid);
    youngest = std::min(youngest, age);
  }
  if (in.empty()) return;
  const CareKind kind = ChooseKind(entry, youngest);
  if (in.size() == 1) {
    PlaceGroup(t, in, kind, Siblings::kNone, 0, depth);
  } else if (kind == CareKind::kHome || r_.Chance(kSiblingsTogether)) {
    PlaceGroup(t, in, kind, Siblings::kTogether, 0, depth);
  } else {
    // Placed apart: each child has a placement of their own (none of them at home).
    int group = 0;
    for (int kid : in) {
      CareKind own = ChooseKind(entry, Age(kid, t).value_or(0));
      if (own == CareKind::kHome) own = CareKind::kFoster;
      PlaceGroup(t, {kid}, own, Siblings::kApart, group++, depth);
    }
  }
}

void FamilyPlanner::PlaceGroup(Date start, const std::vector<int>& group, CareKind kind,
                               Siblings siblings, int group_index, int depth) {
  int youngest = 18;
  for (int kid : group) youngest = std::min(youngest, Age(kid, start).value_or(0));
  const CarePath path =
      DrawCarePath(kind, start, youngest, family_->number, group_index, carers_, r_);
  std::vector<int> remaining;
  for (int kid : group) {
    ChildPlan& child = family_->children[static_cast<size_t>(kid)];
    const Date from = std::max(start, *child.dob);
    const Date adult = Birthday(kid, 18);
    // Leaving care: at 16 or 17 (about two in three) or on the 18th birthday.
    Date leave = r_.Chance(0.68) ? Birthday(kid, 16).AddDays(r_.Between(0, 729)) : adult;
    if (leave > adult) leave = adult;
    if (leave <= from) leave = std::min(adult, from.AddDays(r_.Between(30, 365)));
    if (leave <= from || from >= path.end) continue;
    EpisodePlan episode = CutCarePath(path, from, leave);
    if (episode.placements.empty()) continue;
    const bool aged_out = leave < path.end;
    if (aged_out) {
      episode.destination =
          PickWeighted<Code>(r_,
                             {"CONTINUING_CARE", "INDEPENDENT", "SUPPORTED_ACCOM", "HOME_PARENTS",
                              "FRIENDS_RELATIVES", "CUSTODY", "OTHER"},
                             {25, 20, 25, 15, 10, 2, 3});
      // Supported lodgings (other community placement) before moving on.
      PlacementPlan& last = episode.placements.back();
      const int length = dates::DaysBetween(last.start, leave);
      if (!Is(episode.destination, "CONTINUING_CARE") && !Is(last.type, "HOME") && length > 120 &&
          r_.Chance(0.2)) {
        const Date lodgings = leave.AddDays(-r_.Between(60, std::min(270, length - 30)));
        last.end = lodgings;
        PlacementPlan p;
        p.start = lodgings;
        p.end = leave;
        p.type = "OTH_COMM";
        p.foster_type = "NA";
        p.carer_id = carers_.For("OTH_COMM", family_->number, kid, 0, r_);
        episode.placements.push_back(std::move(p));
      }
    }
    episode.siblings = siblings;
    episode.legal = DrawLegalReasons(episode, r_);
    const OptDate episode_end = episode.end;
    const Code destination = episode.destination;
    child.episodes.push_back(std::move(episode));
    Involve(kid, "LAC", from, episode_end, CloseReasonFor(destination));
    if (aged_out) {
      child.aftercare_from = leave;
      if (r_.Chance(0.85)) {
        const Date until = Birthday(kid, r_.Chance(0.3) ? 26 : 21);
        Date close = leave.AddMonths(r_.FromBands({{40, 6, 24}, {40, 24, 60}, {20, 60, 100}}));
        Code reason = PickWeighted<Code>(r_, {"DECLINED", "MOVED_LA", "NEEDS_MET"}, {50, 20, 30});
        if (close >= until) {
          close = until;
          reason = "AGE";
        }
        Involve(kid, "AFTERCARE", leave, close, reason);
      }
    } else {
      remaining.push_back(kid);
    }
  }
  if (remaining.empty()) return;
  const Date end = path.end;
  if (Is(path.destination, "HOME_PARENTS") || Is(path.destination, "FRIENDS_RELATIVES")) {
    const int next = r_.Weighted({22, 33, 45});  // back into care, support at home, nothing
    if (next == 0) {
      const Date back = end.AddDays(r_.FromBands({{60, 14, 183}, {40, 184, 365}}));
      LookedAfter(back, remaining, Entry::kReentry, depth + 1);
    }
    if (next == 1) Voluntary(end, remaining, depth + 1);
  } else if (Is(path.destination, "KINSHIP_CARE_ORDER")) {
    for (int kid : remaining) {
      Involve(kid, "KINSHIP_ORDER", end, end.AddMonths(r_.Between(12, 48)), "NEEDS_MET");
    }
  }
}

void FamilyPlanner::Disability(Date t, int kid) {
  if (t > context_.as_of) return;
  ChildPlan& child = family_->children[static_cast<size_t>(kid)];
  const Date adult = Birthday(kid, 18);
  Date close = adult;
  if (r_.Chance(0.6)) {
    // Supported until adulthood, mostly handed on to adult services.
    const bool transfer = r_.Chance(0.78);
    Involve(kid, "DISABILITY", t, adult, transfer ? "TRANSFER_ADULT" : "AGE");
    if (transfer && r_.Chance(0.9)) {
      const Date requested = adult.AddDays(-r_.FromBands({{65, 366, 700}, {35, 120, 365}}));
      if (requested > t) child.transition_requested = requested;
    }
  } else {
    close = t.AddMonths(r_.FromBands({{50, 12, 36}, {50, 36, 60}}));
    Involve(kid, "DISABILITY", t, close,
            PickWeighted<Code>(r_, {"NEEDS_MET", "MOVED_LA", "DECLINED"}, {50, 25, 25}));
    close = std::min(close, adult);
  }
  if (r_.Chance(0.35)) {
    const Date start = t.AddMonths(r_.Between(1, 6));
    const Date end = std::min(close, start.AddMonths(r_.FromBands({{50, 12, 36}, {50, 36, 72}})));
    std::optional<EpisodePlan> breaks =
        DrawShortBreaks(start, end, context_.data_start.AddDays(-60), carers_, r_);
    if (breaks.has_value()) child.episodes.push_back(std::move(*breaks));
  }
}

void FamilyPlanner::YoungCarer(Date t, int kid) {
  if (t > context_.as_of) return;
  const int months = r_.FromBands({{40, 12, 24}, {40, 24, 36}, {20, 36, 48}});
  Involve(kid, "YOUNG_CARER", t, t.AddMonths(months),
          PickWeighted<Code>(r_, {"NEEDS_MET", "DECLINED", "MOVED_LA", "OTHER"}, {60, 15, 10, 15}));
}

void FamilyPlanner::Other(Date t, const std::vector<int>& kids) {
  if (t > context_.as_of) return;
  for (int kid : Active(kids, t)) {
    Involve(kid, "OTHER", t, t.AddMonths(r_.Between(1, 8)), r_.Chance(0.8) ? "NEEDS_MET" : "OTHER");
  }
}

}  // namespace pif::sample::internal
