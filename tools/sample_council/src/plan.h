// The planned story of one sample family (who is involved, on what basis, looked after where and
// when), drawn before it is turned into contract records. Codes are the contract's text codes.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "pif/dates/date.h"

namespace pif::sample::internal {

using dates::Date;
using OptDate = std::optional<Date>;
// A contract code (a string literal); "" = not recorded.
using Code = const char*;

// True when `code` is `value`.
inline bool Is(Code code, const char* value) { return std::strcmp(code, value) == 0; }

// An involvement (open case) on one basis.
struct InvolvementPlan {
  Code basis = "";
  Date open;
  OptDate close;
  Code close_reason = "";
  Code has_current_plan = "";
};

// A child protection register spell.
struct RegistrationPlan {
  Date date;
  Code conference_type = "";
  OptDate end;
  Code reason = "";
};

// A placement of a looked-after episode.
struct PlacementPlan {
  Date start;
  OptDate end;
  Code type = "";
  Code foster_type = "";
  std::string carer_id;
  bool short_break = false;
  bool permanent_substitute = false;
  bool outwith_approval = false;
};

// A legal basis within an episode.
struct LegalPlan {
  Date start;
  OptDate end;
  Code code = "";
};

// Whether a looked-after child's brothers and sisters are looked after with them.
enum class Siblings { kNone, kTogether, kApart };

// A looked-after episode with its placements and legal reasons, contiguous from its start.
struct EpisodePlan {
  Date start;
  OptDate end;
  Code destination = "";
  std::vector<PlacementPlan> placements;
  std::vector<LegalPlan> legal;
  Siblings siblings = Siblings::kNone;
  // Every placement is a short break (the engine ignores such an episode).
  bool short_breaks_only = false;
};

// One child of the family: attributes and the structural part of their history.
struct ChildPlan {
  OptDate dob;           // the (planned) birth date; not yet born when after as_of
  OptDate expected_dob;  // recorded for children referred before birth
  Code sex = "";
  Code ethnic_group = "";
  Code disability = "";
  Code locality = "";
  std::string family_group_id;
  std::vector<InvolvementPlan> involvements;
  std::vector<Date> referrals;
  std::vector<RegistrationPlan> registrations;
  std::vector<EpisodePlan> episodes;
  // The day the child left care aged 15 or more, becoming eligible for aftercare.
  OptDate aftercare_from;
  // When a transition-to-adult-services assessment was requested.
  OptDate transition_requested;
};

// The kind of family case, as it first came to social work.
enum class FamilyType {
  kVoluntary,
  kChildProtection,
  kLookedAfter,
  kDisability,
  kYoungCarer,
  kOther,
};

// A family: children sharing a birth parent (or one child).
struct FamilyPlan {
  int64_t number = 0;
  FamilyType type = FamilyType::kVoluntary;
  std::vector<ChildPlan> children;
};

// The last day any involvement of the family is open (nullopt: one is still open).
OptDate FamilyEnd(const FamilyPlan& family, bool* has_involvement);

// Drops everything that starts after `as_of` and re-opens everything that ends after it, so the
// family looks as an extract taken on `as_of` would show it.
void ClipToAsOf(FamilyPlan& family, Date as_of);

}  // namespace pif::sample::internal
