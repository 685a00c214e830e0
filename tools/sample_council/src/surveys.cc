#include <algorithm>

#include "absl/types/span.h"
#include "events.h"
#include "timeline.h"

namespace pif::sample::internal {
namespace {

// The items of a questionnaire that answer one indicator.
struct Group {
  Code items[3];
  size_t size;
};

// The children's questionnaire, in groups answering one indicator each (indicators.md section 3).
constexpr Group kChildGroups[] = {
    {{"SAFE_NOW", "SAFER_THAN_BEFORE", ""}, 2},
    {{"TRUSTED_ADULT", "", ""}, 1},
    {{"HEALTH_INFO", "HEALTH_ACCESS", "HEALTH_CARE"}, 3},
    {{"KNOWS_GOOD_AT", "", ""}, 1},
    {{"REGULAR_ACTIVITY", "", ""}, 1},
    {{"LIFE_IMPROVED", "", ""}, 1},
    {{"VIEWS_HEARD", "RESPECTED", "RESPONSIBLE_OPPS"}, 3},
    {{"ACCEPTED", "FAIR", "TAKE_PART"}, 3},
};

// The parents' and carers' questionnaire.
constexpr Group kParentGroups[] = {
    {{"LIFE_IMPROVED", "", ""}, 1},
    {{"P_VIEWS_HEARD", "P_SUPPORT_NEEDED", ""}, 2},
};

// Records one returned questionnaire: every item of most, some items of the rest.
void Respond(EventSink& sink, const std::string& person_id, Code respondent, Date d,
             absl::Span<const Group> groups) {
  Random& r = sink.random;
  const std::string id = sink.ids.response.Next();
  const std::string person = r.Chance(0.15) ? "" : person_id;  // anonymous
  const Code context = PickWeighted<Code>(r, {"REVIEW", "PERIODIC", "EXIT"}, {45, 40, 15});
  const bool unhappy = r.Chance(0.25);
  const bool full = r.Chance(0.7);
  std::vector<const Group*> chosen;
  for (const Group& group : groups) {
    if (full || r.Chance(0.5)) chosen.push_back(&group);
  }
  if (chosen.empty()) chosen.push_back(&groups[0]);
  for (const Group* group : chosen) {
    // A few partial questionnaires skip an item of a group (that indicator is then unanswered).
    size_t n = group->size;
    if (!full && n > 1 && r.Chance(0.1)) --n;
    for (size_t i = 0; i < n; ++i) {
      const Code answer =
          unhappy ? PickWeighted<Code>(r, {"YES", "PARTLY", "NO", "DK", "NA"}, {30, 25, 35, 7, 3})
                  : PickWeighted<Code>(r, {"YES", "PARTLY", "NO", "DK", "NA"}, {62, 15, 12, 8, 3});
      sink.records.survey_answers.push_back(
          engine::SurveyAnswer{id, person, respondent, d, context, group->items[i], answer});
    }
  }
}

}  // namespace

void AddSurveys(EventSink& sink, const FamilyPlan& family,
                const std::vector<std::string>& person_ids) {
  const Context& c = sink.context;
  Random& r = sink.random;
  for (int k = 0;; ++k) {
    // One survey round a year.
    const Date last = c.as_of.AddMonths(-12 * k);
    if (last < c.data_start) break;
    const Date first = std::max(c.data_start, c.as_of.AddMonths(-12 * (k + 1)).AddDays(1));
    int youngest = -1;
    Date parent_day = r.DateBetween(first, last);
    for (size_t i = 0; i < family.children.size(); ++i) {
      const ChildPlan& child = family.children[i];
      const Date d = r.DateBetween(first, last);
      const std::optional<int> age = AgeOn(child, d);
      if (age.has_value() && *age >= 8 && *age <= 17 && OpenOn(child, d) && r.Chance(0.35)) {
        Respond(sink, person_ids[i], "CHILD", d, kChildGroups);
      }
      if (AgeOn(child, parent_day).has_value() && OpenOn(child, parent_day)) {
        if (youngest < 0 || *family.children[static_cast<size_t>(youngest)].dob < *child.dob) {
          youngest = static_cast<int>(i);
        }
      }
    }
    if (youngest >= 0 && r.Chance(0.3)) {
      Respond(sink, person_ids[static_cast<size_t>(youngest)], "PARENT_CARER", parent_day,
              kParentGroups);
    }
  }
}

}  // namespace pif::sample::internal
