#include "realize.h"

#include "timeline.h"

namespace pif::sample::internal {
namespace {

std::string Flag(bool value) { return value ? "Y" : "N"; }

// The exit interview of a closed involvement: offered to children of 8 or more.
Code ExitInterview(const ChildPlan& child, const InvolvementPlan& involvement, Random& r) {
  if (!involvement.close.has_value()) return "";
  const std::optional<int> age = AgeOn(child, *involvement.close);
  if (age.has_value() && *age >= 8) {
    return PickWeighted<Code>(r, {"DONE", "DECLINED", "NOT_OFFERED"}, {45, 20, 35});
  }
  return r.Chance(0.8) ? "NA" : "NOT_OFFERED";
}

void RealizeChild(const ChildPlan& plan, const std::string& person_id, EventSink& sink) {
  engine::CaseRecords& out = sink.records;
  Ids& ids = sink.ids;
  Random& r = sink.random;
  const Date as_of = sink.context.as_of;

  engine::Child child;
  child.person_id = person_id;
  const bool unborn = !plan.dob.has_value() || *plan.dob > as_of;
  if (unborn) {
    child.expected_dob = plan.expected_dob.has_value() ? plan.expected_dob : plan.dob;
    child.sex = r.Chance(0.7) ? "NK" : plan.sex;
  } else {
    child.dob = plan.dob;
    child.sex = plan.sex;
  }
  child.ethnic_group = plan.ethnic_group;
  child.disability = unborn ? "NK" : plan.disability;
  child.locality = plan.locality;
  child.family_group_id = plan.family_group_id;
  out.children.push_back(std::move(child));

  for (const InvolvementPlan& i : plan.involvements) {
    out.involvements.push_back(engine::Involvement{ids.involvement.Next(), person_id, i.open,
                                                   i.close, i.basis, i.has_current_plan,
                                                   i.close_reason, ExitInterview(plan, i, r)});
  }
  for (Date d : plan.referrals) {
    out.cp_referrals.push_back(engine::CpReferral{ids.referral.Next(), person_id, d});
  }
  for (const RegistrationPlan& g : plan.registrations) {
    out.cp_registrations.push_back(engine::CpRegistration{
        ids.registration.Next(), person_id, g.date, g.conference_type, g.end, g.reason});
  }
  for (const EpisodePlan& e : plan.episodes) {
    const std::string episode_id = ids.episode.Next();
    out.care_episodes.push_back(
        engine::CareEpisode{episode_id, person_id, e.start, e.end, e.destination});
    for (const LegalPlan& l : e.legal) {
      out.legal_reasons.push_back(
          engine::LegalReason{ids.legal.Next(), episode_id, l.start, l.end, l.code});
    }
    for (const PlacementPlan& p : e.placements) {
      out.placements.push_back(engine::Placement{
          ids.placement.Next(), episode_id, p.carer_id, p.start, p.end, p.type, p.foster_type,
          Flag(p.short_break), Flag(p.permanent_substitute), Flag(p.outwith_approval)});
    }
  }
  AddAssessments(sink, plan, person_id);
  AddReviews(sink, plan, person_id);
  AddIncidents(sink, plan, person_id);
  AddSnapshots(sink, plan, person_id);
}

}  // namespace

FamilyCase RealizeFamily(const FamilyPlan& family, EventSink& sink, Caseload& caseload) {
  FamilyCase result;
  result.type = family.type;
  result.first_involvement = sink.records.involvements.size();
  std::vector<std::string> person_ids;
  person_ids.reserve(family.children.size());
  for (const ChildPlan& child : family.children) {
    person_ids.push_back(sink.ids.child.Next());
    RealizeChild(child, person_ids.back(), sink);
    caseload.AddChild(child);
  }
  AddSurveys(sink, family, person_ids);
  result.end_involvement = sink.records.involvements.size();
  return result;
}

}  // namespace pif::sample::internal
