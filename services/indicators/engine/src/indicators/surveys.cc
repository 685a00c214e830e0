// Section 2, impact on children and families: the survey indicators 2 S.4 - 2 INC.7
// (indicators.md section 3 and the "Surveys" decisions of section 8).
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_join.h"
#include "absl/types/span.h"
#include "common.h"
#include "groups.h"

namespace pif::engine {
namespace {

using namespace rules;

// What one survey indicator counts.
struct SurveyRule {
  // The items a response must answer (a row for each) to count.
  absl::Span<const absl::string_view> items;
  // The respondent types taken (CHILD, PARENT_CARER).
  bool child = true;
  bool parent = false;
  // 2 S.4: positive when either item is YES (otherwise every item must be YES).
  bool any_item_yes = false;
  // 2 N.10: only responses of a named child, looked after on the survey date, aged 5-17 then.
  bool looked_after_5_to_17 = false;
  // 2 R.5 together: each unit also carries the breakdown category respondent = its type.
  bool by_respondent = false;
};

// Why a response of a respondent did not count.
enum class Skip { kNone, kIncomplete, kAnonymous, kUnknownPerson, kNotLookedAfter, kAge };

// One respondent of one indicator and the responses it sent in the period.
struct Respondent {
  const SurveyResponse* first = nullptr;         // its first response (by id), for the unit id
  const ChildTimeline* timeline = nullptr;       // the person's timeline, when named and known
  const SurveyResponse* latest = nullptr;        // the latest response that counts
  int in_period = 0;                             // its in-period responses of the taken types
  int skipped = 0;                               // of them, responses that did not count
  const SurveyResponse* last_skipped = nullptr;  // the latest skipped one, with why
  Skip last_skip = Skip::kNone;
};

bool Taken(const SurveyRule& rule, absl::string_view respondent) {
  return (rule.child && respondent == "CHILD") || (rule.parent && respondent == "PARENT_CARER");
}

bool AnswersEveryItem(const SurveyRule& rule, const SurveyResponse& response) {
  for (absl::string_view item : rule.items) {
    if (response.AnswerTo(item) == nullptr) return false;
  }
  return true;
}

// The answer a response gives to an item it answers.
const std::string& AnswerTo(const SurveyResponse& response, absl::string_view item) {
  return *response.AnswerTo(item);
}

std::string SkipText(Skip skip, const SurveyRule& rule) {
  switch (skip) {
    case Skip::kIncomplete:
      return absl::StrCat("does not answer every item (", absl::StrJoin(rule.items, ", "), ")");
    case Skip::kAnonymous:
      return "is anonymous";
    case Skip::kUnknownPerson:
      return "names a person who is not a known child";
    case Skip::kNotLookedAfter:
      return "was returned on a day the child was not looked after";
    case Skip::kAge:
      return "was returned on a day the child was not aged 5-17";
    case Skip::kNone:
      break;
  }
  return "counts";
}

std::string Describe(const SurveyResponse& r) {
  return absl::StrCat("response ", r.response_id, " (", r.respondent, ", ", Text(r.survey_date),
                      r.context.empty() ? "" : ", ", r.context, ")");
}

// Evaluates one survey indicator: per respondent (type and person, or the response_id when
// anonymous) the latest in-period response answering every item decides.
void EvaluateSurvey(const SurveyRule& rule, const Snapshot& snapshot, const Period& period,
                    UnitSink& sink) {
  // Respondents (type and person, or the response when anonymous) in the order of their first
  // response (responses come by response_id), so that explanations come in a stable order.
  std::vector<Respondent> respondents;
  // A named respondent of a known child is found by the child's position among the timelines
  // (two slots per child: CHILD and PARENT_CARER), without hashing strings; an anonymous response
  // is its own respondent; a person_id that is not a known child (intake rejects these) falls
  // back to a map.
  const std::vector<ChildTimeline>& timelines = snapshot.children();
  std::vector<int32_t> slot;  // allocated at the first response taken
  absl::flat_hash_map<std::pair<absl::string_view, absl::string_view>, int32_t> strangers;
  for (const SurveyResponse& r : snapshot.survey_responses()) {
    if (!period.Contains(r.survey_date) || !Taken(rule, r.respondent)) continue;
    const bool anonymous = r.person_id.empty();
    const ChildTimeline* timeline = anonymous ? nullptr : r.timeline;
    int32_t* index = nullptr;
    if (timeline != nullptr) {
      if (slot.empty()) slot.assign(2 * timelines.size(), -1);
      index = &slot[2 * static_cast<size_t>(timeline - timelines.data()) +
                    (r.respondent == "CHILD" ? 0 : 1)];
    } else if (!anonymous) {
      index = &strangers.try_emplace(std::make_pair(r.respondent, r.person_id), -1).first->second;
    }
    if (index == nullptr || *index < 0) {
      if (index != nullptr) *index = static_cast<int32_t>(respondents.size());
      Respondent fresh;
      fresh.first = &r;
      fresh.timeline = timeline;
      respondents.push_back(fresh);
    }
    Respondent& who =
        index != nullptr ? respondents[static_cast<size_t>(*index)] : respondents.back();
    ++who.in_period;
    Skip skip = Skip::kNone;
    // Decision: for 2 N.10 the eligibility filters apply to each response before the latest is
    // chosen (section 8), so an ineligible later response never hides an eligible earlier one.
    if (rule.looked_after_5_to_17) {
      if (anonymous) {
        skip = Skip::kAnonymous;
      } else if (who.timeline == nullptr) {
        // Decision: a person_id that is not a known child (intake rejects these) cannot be
        // shown to be looked after, so the response is not eligible.
        skip = Skip::kUnknownPerson;
      } else if (!who.timeline->LookedAfterOn(r.survey_date)) {
        skip = Skip::kNotLookedAfter;
      } else {
        const std::optional<int> age = AgeOn(*who.timeline->child, r.survey_date);
        if (!age.has_value() || *age < 5 || *age > 17) skip = Skip::kAge;
      }
    }
    if (skip == Skip::kNone && !AnswersEveryItem(rule, r)) skip = Skip::kIncomplete;
    if (skip != Skip::kNone) {
      ++who.skipped;
      if (who.last_skipped == nullptr ||
          IsLater(r.survey_date, r.response_id, who.last_skipped->survey_date,
                  who.last_skipped->response_id)) {
        who.last_skipped = &r;
        who.last_skip = skip;
      }
      continue;
    }
    if (who.latest == nullptr ||
        IsLater(r.survey_date, r.response_id, who.latest->survey_date, who.latest->response_id)) {
      who.latest = &r;
    }
  }

  int64_t counted = 0;
  std::string unit_id;
  for (const Respondent& who : respondents) {
    const SurveyResponse& first = *who.first;
    if (first.person_id.empty()) {
      unit_id.assign(first.response_id.data(), first.response_id.size());
    } else {
      unit_id.assign(first.respondent.data(), first.respondent.size());
      unit_id.push_back('/');
      unit_id.append(first.person_id.data(), first.person_id.size());
    }
    const Child* child = who.timeline != nullptr ? who.timeline->child : nullptr;
    const SurveyResponse* r = who.latest;
    Membership membership = Membership::kOutside;
    absl::string_view unknown_item;  // the first item answered DK or NA
    if (r != nullptr) {
      ++counted;
      int yes = 0;
      for (absl::string_view item : rule.items) {
        const std::string& answer = AnswerTo(*r, item);
        if (answer == "DK" || answer == "NA") {
          unknown_item = item;
          break;
        }
        if (answer == "YES") ++yes;
      }
      if (!unknown_item.empty()) {
        // Decision: DK or NA on any item leaves the respondent out of D even where the other
        // item would decide (2 S.4 too, section 8); the respondent is counted as unknown.
        membership = Membership::kUnknown;
      } else {
        const bool positive =
            rule.any_item_yes ? yes > 0 : yes == static_cast<int>(rule.items.size());
        membership = MembershipOf(true, positive);
      }
    }
    auto reasons = [&] {
      std::vector<std::string> out;
      out.push_back(absl::StrCat(who.in_period, " response(s) in the period from this respondent"));
      if (who.last_skipped != nullptr) {
        out.push_back(absl::StrCat(who.skipped, " response(s) skipped; the latest skipped, ",
                                   Describe(*who.last_skipped), ", ",
                                   SkipText(who.last_skip, rule)));
      }
      if (r == nullptr) {
        out.push_back(
            "no response in the period counts, so the respondent is not in the indicator");
        return out;
      }
      std::vector<std::string> answers;
      for (absl::string_view item : rule.items) {
        answers.push_back(absl::StrCat(item, " = ", AnswerTo(*r, item)));
      }
      out.push_back(
          absl::StrCat(Describe(*r), " is the latest that counts: ", absl::StrJoin(answers, ", ")));
      if (membership == Membership::kUnknown) {
        out.push_back(absl::StrCat(unknown_item, " is answered ", AnswerTo(*r, unknown_item),
                                   ", so the respondent is left out of the denominator"));
      } else if (membership == Membership::kNumerator) {
        out.push_back(rule.any_item_yes ? "an item is answered YES" : "every item is answered YES");
      } else {
        out.push_back(rule.any_item_yes ? "no item is answered YES"
                                        : "not every item is answered YES");
      }
      return out;
    };
    if (rule.by_respondent) {
      sink.AddWithCategory(unit_id, child, membership, "respondent", first.respondent, reasons);
    } else {
      sink.Add(unit_id, child, membership, reasons);
    }
  }
  // Decision: "responses" counts the responses that count, one per respondent whose latest
  // complete response was taken: those in D plus those left out for DK or NA (so responses =
  // D + unknown). Always reported, zero included.
  sink.AddSupplementary("responses", static_cast<double>(counted));
}

constexpr absl::string_view kS4[] = {"SAFE_NOW", "SAFER_THAN_BEFORE"};
constexpr absl::string_view kN10[] = {"TRUSTED_ADULT"};
constexpr absl::string_view kH6[] = {"HEALTH_INFO", "HEALTH_ACCESS", "HEALTH_CARE"};
constexpr absl::string_view kACH5[] = {"KNOWS_GOOD_AT"};
constexpr absl::string_view kACT2[] = {"REGULAR_ACTIVITY"};
constexpr absl::string_view kR5[] = {"LIFE_IMPROVED"};
constexpr absl::string_view kR6[] = {"VIEWS_HEARD", "RESPECTED", "RESPONSIBLE_OPPS"};
constexpr absl::string_view kR7[] = {"P_VIEWS_HEARD", "P_SUPPORT_NEEDED"};
constexpr absl::string_view kINC7[] = {"ACCEPTED", "FAIR", "TAKE_PART"};

// 2 S.4: children feel safe now or safer than before (either item YES).
void FeelSafe(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  SurveyRule rule{kS4};
  rule.any_item_yes = true;
  EvaluateSurvey(rule, snapshot, period, sink);
}

// 2 N.10: named looked-after children aged 5-17 who have a trusted adult.
void TrustedAdult(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  SurveyRule rule{kN10};
  rule.looked_after_5_to_17 = true;
  EvaluateSurvey(rule, snapshot, period, sink);
}

// 2 H.6: children have information, access and care for a healthy life (all three YES).
void HealthyLife(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  EvaluateSurvey(SurveyRule{kH6}, snapshot, period, sink);
}

// 2 ACH.5: children can say what they are good at.
void KnowsGoodAt(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  EvaluateSurvey(SurveyRule{kACH5}, snapshot, period, sink);
}

// 2 ACT.2: children take part in a regular activity.
void RegularActivity(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  EvaluateSurvey(SurveyRule{kACT2}, snapshot, period, sink);
}

// 2 R.5: children and parents or carers together say support improved their lives.
void LifeImprovedAll(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  SurveyRule rule{kR5};
  rule.parent = true;
  rule.by_respondent = true;
  EvaluateSurvey(rule, snapshot, period, sink);
}

// 2 R.5 child: children say support improved their lives.
void LifeImprovedChild(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  EvaluateSurvey(SurveyRule{kR5}, snapshot, period, sink);
}

// 2 R.5 parent: parents or carers say support improved their lives.
void LifeImprovedParent(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  SurveyRule rule{kR5};
  rule.child = false;
  rule.parent = true;
  EvaluateSurvey(rule, snapshot, period, sink);
}

// 2 R.6: children's views heard, treated with respect, given responsibility (all three YES).
void ViewsHeard(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  EvaluateSurvey(SurveyRule{kR6}, snapshot, period, sink);
}

// 2 R.7: parents and carers heard and given the support they needed (both YES).
void ParentsHeard(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  SurveyRule rule{kR7};
  rule.child = false;
  rule.parent = true;
  EvaluateSurvey(rule, snapshot, period, sink);
}

// 2 INC.7: children feel accepted, treated fairly and able to take part (all three YES).
void Included(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  EvaluateSurvey(SurveyRule{kINC7}, snapshot, period, sink);
}

constexpr char kCommon[] =
    " Responses with survey_date in the period; per respondent (type and person, or the "
    "response_id when anonymous) only the latest response answering every item counts; DK or NA "
    "on any item leaves the respondent out of D (unknown). The number of responses counted is "
    "reported too.";

IndicatorDefinition Survey(std::string code, std::string title, Theme theme, std::string rule) {
  return WithSupplementary(Define(std::move(code), std::move(title), 2, theme,
                                  UnitKind::kRespondent, Polarity::kHigherIsBetter, rule + kCommon),
                           {"responses"});
}

}  // namespace

std::vector<Indicator> SurveyIndicators() {
  return {
      {Survey("2 S.4", "Children feel safe or safer", Theme::kSafe,
              "D: CHILD respondents answering SAFE_NOW and SAFER_THAN_BEFORE. N: either is YES."),
       FeelSafe},
      {Survey("2 N.10", "Looked-after children with a trusted adult", Theme::kNurtured,
              "D: named CHILD respondents, looked after on the survey date and aged 5-17 then "
              "(filters applied to each response before the latest is chosen), answering "
              "TRUSTED_ADULT. N: it is YES."),
       TrustedAdult},
      {Survey("2 H.6", "Information, access and care for a healthy life", Theme::kHealthy,
              "D: CHILD respondents answering HEALTH_INFO, HEALTH_ACCESS and HEALTH_CARE. N: "
              "every item is YES."),
       HealthyLife},
      {Survey("2 ACH.5", "Children can say what they are good at", Theme::kAchieving,
              "D: CHILD respondents answering KNOWS_GOOD_AT. N: it is YES."),
       KnowsGoodAt},
      {Survey("2 ACT.2", "Children take part in a regular activity", Theme::kActive,
              "D: CHILD respondents answering REGULAR_ACTIVITY. N: it is YES."),
       RegularActivity},
      {WithOwnDimensions(
           Survey("2 R.5", "Lives improved by support (children and parents or carers)",
                  Theme::kRespected,
                  "D: CHILD and PARENT_CARER respondents answering LIFE_IMPROVED (a child and a "
                  "parent "
                  "about the same child are two respondents); broken down by respondent. N: it is "
                  "YES."),
           {"respondent"}),
       LifeImprovedAll},
      {Survey("2 R.5 child", "Lives improved by support (children)", Theme::kRespected,
              "D: CHILD respondents answering LIFE_IMPROVED. N: it is YES."),
       LifeImprovedChild},
      {Survey("2 R.5 parent", "Lives improved by support (parents and carers)", Theme::kRespected,
              "D: PARENT_CARER respondents answering LIFE_IMPROVED. N: it is YES."),
       LifeImprovedParent},
      {Survey("2 R.6", "Views heard, treated with respect, given responsibility", Theme::kRespected,
              "D: CHILD respondents answering VIEWS_HEARD, RESPECTED and RESPONSIBLE_OPPS. N: "
              "every item is YES."),
       ViewsHeard},
      {Survey("2 R.7", "Parents and carers heard and supported", Theme::kRespected,
              "D: PARENT_CARER respondents answering P_VIEWS_HEARD and P_SUPPORT_NEEDED. N: both "
              "are YES."),
       ParentsHeard},
      {Survey("2 INC.7", "Children accepted, treated fairly, able to take part", Theme::kIncluded,
              "D: CHILD respondents answering ACCEPTED, FAIR and TAKE_PART. N: every item is YES."),
       Included},
  };
}

}  // namespace pif::engine
