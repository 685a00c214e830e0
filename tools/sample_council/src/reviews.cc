#include <algorithm>

#include "events.h"
#include "timeline.h"

namespace pif::sample::internal {
namespace {

class ReviewWriter {
 public:
  ReviewWriter(EventSink& sink, const ChildPlan& child, const std::string& person)
      : sink_(sink), r_(sink.random), child_(child), person_(person) {}

  // A looked-after review: contact, permanence, risk, goals, activities, parenting, siblings.
  void LookedAfter(Date d, const EpisodePlan& episode) {
    const std::string id = Add("LAC", d);
    const int age = AgeOn(child_, d).value_or(0);
    const PlacementPlan* p = PlacementOn(child_, d);
    const bool home = p == nullptr || Is(p->type, "HOME");
    const bool residential = p != nullptr && IsResidential(p->type);
    if (!home) {
      Item(id, "CONTACT_AS_PLANNED",
           PickWeighted<Code>(r_, {"YES", "PARTLY", "NO", "NA"}, {72, 12, 11, 5}));
      Item(id, "PERM_PLAN_AWAY",
           p->permanent_substitute ? "YES"
                                   : PickWeighted<Code>(r_, {"NO", "YES", "NK"}, {70, 20, 10}));
    }
    if (home || r_.Chance(0.5)) Parenting(id);
    if (age >= 12 || (age >= 5 && r_.Chance(0.3))) {
      Risk(id, age >= 12 ? (residential ? 0.45 : 0.22) : 0.04);
    }
    if (age >= 10) {
      const double p_misuse = residential ? 0.2 : (age >= 14 ? 0.1 : 0.05);
      Item(id, "SUBSTANCE_MISUSE", r_.Chance(p_misuse) ? "YES" : (r_.Chance(0.95) ? "NO" : "NK"));
    }
    if (age >= 5) Goals(id);
    if (age >= 3) Activities(id);
    if (episode.siblings == Siblings::kApart) {
      Item(id, "SIB_SEPARATION_PLANNED", PickWeighted<Code>(r_, {"YES", "NO", "NK"}, {55, 35, 10}));
    } else if (episode.siblings == Siblings::kTogether && r_.Chance(0.5)) {
      Item(id, "SIB_SEPARATION_PLANNED", "NA");
    }
  }

  // A report for a children's hearing.
  void Hearing(Date d) {
    const std::string id = Add("HEARING_REPORT", d);
    const PlacementPlan* p = PlacementOn(child_, d);
    if (p != nullptr && !Is(p->type, "HOME")) {
      Item(id, "PERM_PLAN_AWAY", p->permanent_substitute ? "YES" : (r_.Chance(0.8) ? "NO" : "YES"));
    }
  }

  // A child protection review conference.
  void Protection(Date d) {
    const std::string id = Add("CP_REVIEW", d);
    Risk(id, 0.3);
    Parenting(id);
  }

  // A child's plan review (voluntary support, disability, young carers, aftercare...).
  void ChildsPlan(Date d, Code basis) {
    const std::string id = Add("CHILD_PLAN", d);
    const int age = AgeOn(child_, d).value_or(0);
    if (age >= 5) Goals(id);
    if (age >= 3) Activities(id);
    if (Is(basis, "VOL") && r_.Chance(0.6)) Parenting(id);
    if (age >= 12 && r_.Chance(0.5)) Risk(id, 0.1);
  }

 private:
  std::string Add(Code type, Date meeting) {
    engine::Review review;
    review.review_id = sink_.ids.review.Next();
    review.person_id = person_;
    review.type = type;
    review.meeting_date = meeting;
    if (!r_.Chance(0.04)) {
      // The social worker's report is due a week before (three days for a conference).
      const Date due = meeting.AddDays(Is(type, "CP_REVIEW") ? -3 : -7);
      review.sw_due_date = due;
      const int outcome = r_.Weighted({80, 14, 6});  // on time, late, never sent
      OptDate submitted;
      if (outcome == 0) submitted = due.AddDays(-r_.Between(0, 7));
      if (outcome == 1) submitted = due.AddDays(r_.Between(1, 10));
      if (submitted.has_value() && *submitted <= sink_.context.as_of) {
        review.sw_submitted_date = submitted;
      }
    }
    std::string id = review.review_id;
    sink_.records.reviews.push_back(std::move(review));
    return id;
  }

  void Item(const std::string& review, Code item, Code value) {
    sink_.records.review_items.push_back(engine::ReviewItem{review, item, value});
  }

  void Risk(const std::string& id, double p_high) {
    const bool high = r_.Chance(p_high);
    Item(id, "HIGH_RISK", high ? "YES" : "NO");
    if (high) {
      Item(id, "SUPPORT_EFFECTIVE",
           PickWeighted<Code>(r_, {"YES", "PARTLY", "NO", "NK"}, {55, 22, 18, 5}));
    }
  }

  void Parenting(const std::string& id) {
    const Code done = PickWeighted<Code>(r_, {"YES", "NO", "NA"}, {35, 50, 15});
    Item(id, "PARENT_PROG_DONE", done);
    if (Is(done, "YES")) {
      Item(id, "PARENTING_IMPROVED",
           PickWeighted<Code>(r_, {"YES", "PARTLY", "NO", "NK"}, {55, 20, 20, 5}));
    }
  }

  void Goals(const std::string& id) {
    for (Code item : {"SKILLS_GOAL", "SELF_ESTEEM_GOAL"}) {
      Item(id, item,
           PickWeighted<Code>(r_, {"IMPROVED", "MAINTAINED", "DETERIORATED", "NA", "NK"},
                              {38, 30, 12, 12, 8}));
    }
  }

  void Activities(const std::string& id) {
    const Code planned = PickWeighted<Code>(r_, {"YES", "NO", "NA"}, {68, 27, 5});
    Item(id, "ACTIVITY_IN_PLAN", planned);
    if (Is(planned, "YES")) {
      Item(id, "ACTIVITY_REGULAR", PickWeighted<Code>(r_, {"YES", "PARTLY", "NO"}, {70, 15, 15}));
    }
  }

  EventSink& sink_;
  Random& r_;
  const ChildPlan& child_;
  const std::string& person_;
};

}  // namespace

void AddReviews(EventSink& sink, const ChildPlan& child, const std::string& person_id) {
  const Context& c = sink.context;
  Random& r = sink.random;
  ReviewWriter w(sink, child, person_id);
  auto within = [&](Date d, const OptDate& end) {
    return d <= c.as_of && (!end.has_value() || d < *end);
  };

  for (const EpisodePlan& episode : child.episodes) {
    if (episode.short_breaks_only) continue;
    // Reviews six weeks in, three months later, then every six months.
    Date due = episode.start.AddDays(42);
    for (int k = 0; within(due, episode.end); ++k) {
      const Date d = std::max(episode.start, due.AddDays(r.Between(-5, 5)));
      if (c.InData(d) && within(d, episode.end)) w.LookedAfter(d, episode);
      due = due.AddMonths(k == 0 ? 3 : 6);
    }
    const bool compulsory = std::any_of(episode.legal.begin(), episode.legal.end(),
                                        [](const LegalPlan& l) { return !Is(l.code, "S25"); });
    if (compulsory) {
      for (Date d = episode.start.AddDays(r.Between(10, 35)); within(d, episode.end);
           d = d.AddMonths(12).AddDays(r.Between(-20, 20))) {
        if (c.InData(d)) w.Hearing(d);
      }
    }
  }
  for (const RegistrationPlan& registration : child.registrations) {
    for (Date d = registration.date.AddMonths(3); within(d, registration.end); d = d.AddMonths(6)) {
      if (c.InData(d)) w.Protection(d);
    }
  }
  for (const InvolvementPlan& involvement : child.involvements) {
    const Code basis = involvement.basis;
    int step = 0;
    if (Is(basis, "VOL") || Is(basis, "AFTERCARE")) step = 6;
    if (Is(basis, "DISABILITY") || Is(basis, "YOUNG_CARER") || Is(basis, "KINSHIP_ORDER") ||
        Is(basis, "OTHER")) {
      step = 12;
    }
    if (step == 0) continue;
    for (Date d = involvement.open.AddMonths(3); within(d, involvement.close);
         d = d.AddMonths(step)) {
      if (c.InData(d)) w.ChildsPlan(d, basis);
    }
  }
}

}  // namespace pif::sample::internal
