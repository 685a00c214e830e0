// The event records of a child's history (assessments and needs, reviews and their findings,
// incidents, status snapshots, survey responses), drawn from the planned story and recorded from
// the data start to the extraction date.
#pragma once

#include <string>
#include <vector>

#include "context.h"
#include "ids.h"
#include "pif/engine/records.h"
#include "plan.h"
#include "random.h"

namespace pif::sample::internal {

// Where event generators write, and what they draw with.
struct EventSink {
  const Context& context;
  Ids& ids;
  engine::CaseRecords& records;
  Random& random;
};

// Social work assessments of every involvement (and yearly re-assessments), health assessments
// when accommodated, kinship carer assessments, developmental reviews of under-fives, young carer
// statements, equipment and transition assessments, with the needs they identify.
void AddAssessments(EventSink& sink, const ChildPlan& child, const std::string& person_id);

// Looked-after reviews, hearing reports, child protection reviews and child's plan reviews with
// the social worker's report dates and the findings recorded at them.
void AddReviews(EventSink& sink, const ChildPlan& child, const std::string& person_id);

// Missing episodes, self-harm, suicide attempts, offences and pregnancies, at rates that depend
// on age and on where the child lives.
void AddIncidents(EventSink& sink, const ChildPlan& child, const std::string& person_id);

// Yearly status snapshots of looked-after children, care leavers and young carers (and the
// HOMELESS incidents behind a homeless_12m = Y).
void AddSnapshots(EventSink& sink, const ChildPlan& child, const std::string& person_id);

// Questionnaires returned by children of the family and by their parents or carers.
void AddSurveys(EventSink& sink, const FamilyPlan& family,
                const std::vector<std::string>& person_ids);

}  // namespace pif::sample::internal
