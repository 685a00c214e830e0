// Section 5, delivery of key processes: 5.1 and 5.2 (indicators.md section 4).
#include "common.h"
#include "groups.h"

namespace pif::engine {
namespace {

using namespace rules;

// 5.1: SW and SW_CONTRIB assessments due in the period, completed on or before the due date.
void AssessmentsInTime(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  for (const SocialWorkAssessment& sw : snapshot.social_work_assessments()) {
    if (sw.withdrawn || !sw.due_date.has_value() || !period.Contains(*sw.due_date)) continue;
    const bool in_time = sw.completed_date.has_value() && *sw.completed_date <= *sw.due_date;
    const Assessment* a = sw.assessment;
    sink.Add(sw.assessment_id, sw.child, MembershipOf(true, in_time), [&] {
      return std::vector<std::string>{
          absl::StrCat(a->type, " assessment due ", Text(a->due_date), " (in the period)"),
          in_time ? absl::StrCat("completed ", Text(a->completed_date), ", on or before it")
                  : absl::StrCat("completed ", Text(a->completed_date), ", not by the due date")};
    });
  }
}

// 5.2: reviews in the period with a due date for the social work report, submitted in time.
void ReviewReportsInTime(const Snapshot& snapshot, const Period& period, UnitSink& sink) {
  for (const ChildTimeline& t : snapshot.ChildrenWith(kHasReviews)) {
    for (const Review* r : t.reviews) {
      if (!period.Contains(r->meeting_date) || !r->sw_due_date.has_value()) continue;
      const bool in_time =
          r->sw_submitted_date.has_value() && *r->sw_submitted_date <= *r->sw_due_date;
      sink.AddWithCategory(r->review_id, t.child, MembershipOf(true, in_time), "review_type",
                           r->type, [&] {
                             return std::vector<std::string>{
                                 absl::StrCat(r->type, " review on ", Text(r->meeting_date),
                                              ", report due ", Text(r->sw_due_date)),
                                 absl::StrCat("report submitted ", Text(r->sw_submitted_date),
                                              in_time ? ", in time" : ", not in time")};
                           });
    }
  }
}

}  // namespace

std::vector<Indicator> ProcessIndicators() {
  return {
      {Define("5.1", "Assessments completed within timescale", 5, Theme::kNone,
              UnitKind::kAssessment, Polarity::kHigherIsBetter,
              "D: SW and SW_CONTRIB assessments not WITHDRAWN with due_date in the period. N: "
              "completed_date recorded and on or before due_date."),
       AssessmentsInTime},
      {WithOwnDimensions(
           Define("5.2", "Review reports submitted within timescale", 5, Theme::kNone,
                  UnitKind::kReview, Polarity::kHigherIsBetter,
                  "D: reviews with meeting_date in the period and sw_due_date recorded. N: "
                  "sw_submitted_date recorded and on or before sw_due_date. Broken down by review "
                  "type."),
           {"review_type"}),
       ReviewReportsInTime},
  };
}

}  // namespace pif::engine
