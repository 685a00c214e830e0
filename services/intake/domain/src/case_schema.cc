#include "pif/intake/domain/case_schema.h"

#include "pif/submission/flat_record.h"

namespace pif::intake {
namespace {

using submission::Column;
using submission::ColumnKind;
using submission::FlatRecord;
using submission::RecordSchema;

Column Id(std::string name) { return Column{std::move(name), ColumnKind::kText, true, {}}; }
Column Text(std::string name) { return Column{std::move(name), ColumnKind::kText, false, {}}; }
// Free text a person typed (ethnic group, locality): longer than an id may be.
Column FreeText(std::string name) {
  Column c = Text(std::move(name));
  c.max_length = submission::kFreeTextMaxLength;
  return c;
}
Column Date(std::string name, bool required = false) {
  return Column{std::move(name), ColumnKind::kDate, required, {}};
}
Column DateTime(std::string name, bool required = false) {
  return Column{std::move(name), ColumnKind::kDateTime, required, {}};
}
Column Code(std::string name, std::vector<std::string> codes, bool required = false) {
  return Column{std::move(name), ColumnKind::kCode, required, std::move(codes)};
}
Column Flag(std::string name) { return Code(std::move(name), {"Y", "N"}); }
Column Integer(std::string name, double min, double max) {
  Column c{std::move(name), ColumnKind::kInteger, false, {}};
  c.min = min;
  c.max = max;
  return c;
}

// Rules shared by records that refer to a child.
submission::ParentRule PersonRule() {
  return {"person_id", "Child", "person_id", "PERSON_UNKNOWN"};
}

// An incident's end time is recorded for MISSING incidents only (case-data.md).
void EndOnlyWhenMissing(const FlatRecord& record, std::vector<FieldViolation>& violations) {
  const auto& type = record.Get("type");
  const auto& end = record.Get("end");
  if (end.has_value() && type.has_value() && *type != "MISSING") {
    violations.push_back({"end", "INCIDENT_END_NOT_MISSING",
                          "end " + *end + " is given for a " + *type +
                              " incident; an end time is recorded for MISSING incidents only"});
  }
}

submission::SubmissionSchema Build() {
  submission::SubmissionSchema schema;
  schema.service = "intake";
  std::vector<RecordSchema>& t = schema.types;

  RecordSchema child{"Child", "children.csv", "children", {}, {"person_id"}};
  child.columns = {Id("person_id"),          Date("dob"),
                   Date("expected_dob"),     Code("sex", {"M", "F", "X", "NK"}, true),
                   FreeText("ethnic_group"), Code("disability", {"Y", "N", "NK"}),
                   FreeText("locality"),     Text("family_group_id")};
  t.push_back(child);

  RecordSchema involvement{
      "Involvement", "involvements.csv", "involvements", {}, {"involvement_id"}};
  involvement.columns = {
      Id("involvement_id"),
      Id("person_id"),
      Date("open_date", true),
      Date("close_date"),
      Code("basis",
           {"VOL", "LAC", "CP", "PRE_BIRTH", "KINSHIP_ORDER", "AFTERCARE", "YOUNG_CARER",
            "DISABILITY", "OTHER"},
           true),
      Flag("has_current_plan"),
      Code("close_reason", {"NEEDS_MET", "TRANSFER_ADULT", "MOVED_LA", "AGE", "DECLINED", "OTHER"}),
      Code("exit_interview", {"DONE", "DECLINED", "NOT_OFFERED", "NA"})};
  involvement.order_rules = {{"open_date", "close_date", "INVOLVEMENT_CLOSE_BEFORE_OPEN"}};
  involvement.parents = {PersonRule()};
  t.push_back(involvement);

  RecordSchema allocation{"Allocation", "allocations.csv", "allocations", {}, {"allocation_id"}};
  allocation.columns = {Id("allocation_id"), Id("involvement_id"), Text("staff_id"),
                        Date("start_date", true), Date("end_date")};
  allocation.order_rules = {{"start_date", "end_date", "ALLOCATION_END_BEFORE_START"}};
  allocation.parents = {{"involvement_id", "Involvement", "involvement_id", "INVOLVEMENT_UNKNOWN"}};
  t.push_back(allocation);

  RecordSchema referral{"CpReferral", "cp_referrals.csv", "cp_referrals", {}, {"referral_id"}};
  referral.columns = {Id("referral_id"), Id("person_id"), Date("referral_date", true)};
  referral.parents = {PersonRule()};
  t.push_back(referral);

  RecordSchema registration{
      "CpRegistration", "cp_registrations.csv", "cp_registrations", {}, {"registration_id"}};
  registration.columns = {Id("registration_id"),
                          Id("person_id"),
                          Date("registration_date", true),
                          Code("conference_type", {"INITIAL", "PRE_BIRTH", "TRANSFER_IN"}),
                          Date("deregistration_date"),
                          Code("deregistration_reason", {"IMPROVED_HOME", "REMOVED_FROM_RISK",
                                                         "TRANSFER_OUT", "AGE", "DIED", "OTHER"})};
  registration.order_rules = {
      {"registration_date", "deregistration_date", "REGISTRATION_END_BEFORE_START"}};
  registration.parents = {PersonRule()};
  t.push_back(registration);

  RecordSchema episode{"CareEpisode", "care_episodes.csv", "care_episodes", {}, {"episode_id"}};
  episode.columns = {Id("episode_id"), Id("person_id"), Date("start_date", true), Date("end_date"),
                     Code("destination", {"HOME_PARENTS", "FRIENDS_RELATIVES", "KINSHIP_CARE_ORDER",
                                          "ADOPTED", "CONTINUING_CARE", "INDEPENDENT",
                                          "SUPPORTED_ACCOM", "CUSTODY", "OTHER", "NK"})};
  episode.order_rules = {{"start_date", "end_date", "EPISODE_END_BEFORE_START"}};
  episode.parents = {PersonRule()};
  episode.no_overlaps = {{"person_id", "start_date", "end_date", "EPISODE_OVERLAP"}};
  t.push_back(episode);

  RecordSchema legal{"LegalReason", "legal_reasons.csv", "legal_reasons", {}, {"legal_id"}};
  legal.columns = {
      Id("legal_id"), Id("episode_id"), Date("start_date", true), Date("end_date"),
      Code("code",
           {"S25", "CSO_HOME", "CSO_AWAY", "CSO_SECURE", "INTERIM", "PO", "PO_ADOPT", "OTHER"},
           true)};
  legal.order_rules = {{"start_date", "end_date", "LEGAL_REASON_END_BEFORE_START"}};
  legal.parents = {{"episode_id", "CareEpisode", "episode_id", "EPISODE_UNKNOWN"}};
  t.push_back(legal);

  RecordSchema placement{"Placement", "placements.csv", "placements", {}, {"placement_id"}};
  placement.columns = {
      Id("placement_id"),
      Id("episode_id"),
      Text("carer_id"),
      Date("start_date", true),
      Date("end_date"),
      Code("type",
           {"HOME", "KIN", "FOST_LA", "FOST_PURCH", "PROSP_ADOPT", "OTH_COMM", "RES_LA", "RES_VOL",
            "RES_SCHOOL", "SECURE", "CRISIS", "OTH_RES"},
           true),
      Code("foster_type", {"PERMANENT", "LONG_TERM", "INTERIM", "EMERGENCY", "SHORT_BREAK", "NA"}),
      Flag("short_break"),
      Flag("permanent_substitute"),
      Flag("outwith_approval")};
  placement.order_rules = {{"start_date", "end_date", "PLACEMENT_END_BEFORE_START"}};
  placement.parents = {{"episode_id", "CareEpisode", "episode_id", "EPISODE_UNKNOWN"}};
  placement.within_parents = {{"episode_id", "CareEpisode", "start_date", "end_date", "start_date",
                               "end_date", "PLACEMENT_OUTSIDE_EPISODE"}};
  placement.no_overlaps = {{"episode_id", "start_date", "end_date", "PLACEMENT_OVERLAP"}};
  t.push_back(placement);

  RecordSchema assessment{"Assessment", "assessments.csv", "assessments", {}, {"assessment_id"}};
  assessment.columns = {Id("assessment_id"),
                        Id("person_id"),
                        Code("type",
                             {"SW", "SW_CONTRIB", "HEALTH_LAC", "KINSHIP_CARER", "YCS", "EQUIP",
                              "TRANSITION", "DEV_REVIEW"},
                             true),
                        Date("requested_date"),
                        Date("due_date"),
                        Date("completed_date"),
                        Code("status", {"COMPLETE", "OPEN", "WITHDRAWN"}),
                        Code("child_views", {"RECORDED", "DECLINED", "NOT_ABLE", "NOT_RECORDED"}),
                        Flag("dev_concern")};
  assessment.order_rules = {
      {"requested_date", "completed_date", "ASSESSMENT_COMPLETED_BEFORE_REQUESTED"},
      {"requested_date", "due_date", "ASSESSMENT_DUE_BEFORE_REQUESTED"}};
  assessment.parents = {PersonRule()};
  t.push_back(assessment);

  RecordSchema need{"Need", "needs.csv", "needs", {}, {"need_id"}};
  need.columns = {Id("need_id"),
                  Id("assessment_id"),
                  Code("domain", {"HEALTH", "KINSHIP_SUPPORT", "EQUIP_ADAPT", "YC_SUPPORT"}, true),
                  Date("identified_date"),
                  Date("target_date"),
                  Code("status", {"MET", "IN_HAND", "NOT_MET"}),
                  Date("status_date")};
  need.order_rules = {{"identified_date", "target_date", "NEED_TARGET_BEFORE_IDENTIFIED"}};
  need.parents = {{"assessment_id", "Assessment", "assessment_id", "ASSESSMENT_UNKNOWN"}};
  t.push_back(need);

  RecordSchema review{"Review", "reviews.csv", "reviews", {}, {"review_id"}};
  review.columns = {Id("review_id"),
                    Id("person_id"),
                    Code("type", {"LAC", "CP_REVIEW", "CHILD_PLAN", "HEARING_REPORT"}, true),
                    Date("meeting_date", true),
                    Date("sw_due_date"),
                    Date("sw_submitted_date")};
  review.parents = {PersonRule()};
  t.push_back(review);

  RecordSchema item{"ReviewItem", "review_items.csv", "review_items", {}, {"review_id", "item"}};
  item.columns = {
      Id("review_id"),
      Code("item",
           {"HIGH_RISK", "SUPPORT_EFFECTIVE", "CONTACT_AS_PLANNED", "SUBSTANCE_MISUSE",
            "SKILLS_GOAL", "SELF_ESTEEM_GOAL", "ACTIVITY_IN_PLAN", "ACTIVITY_REGULAR",
            "PERM_PLAN_AWAY", "PARENT_PROG_DONE", "PARENTING_IMPROVED", "SIB_SEPARATION_PLANNED"},
           true),
      Code("value", {"YES", "NO", "PARTLY", "IMPROVED", "MAINTAINED", "DETERIORATED", "NA", "NK"},
           true)};
  item.parents = {{"review_id", "Review", "review_id", "REVIEW_UNKNOWN"}};
  t.push_back(item);

  RecordSchema incident{"Incident", "incidents.csv", "incidents", {}, {"incident_id"}};
  incident.columns = {Id("incident_id"), Id("person_id"),
                      Code("type",
                           {"MISSING", "SELF_HARM", "SUICIDE_ATTEMPT", "SUICIDE", "PREGNANCY",
                            "OFFENCE", "HOMELESS"},
                           true),
                      DateTime("start", true), DateTime("end")};
  incident.order_rules = {{"start", "end", "INCIDENT_END_BEFORE_START"}};
  incident.parents = {PersonRule()};
  incident.checks = {EndOnlyWhenMissing};
  t.push_back(incident);

  RecordSchema status{
      "StatusSnapshot", "status_snapshots.csv", "status_snapshots", {}, {"person_id", "as_at"}};
  status.columns = {Id("person_id"),
                    Date("as_at", true),
                    Flag("aftercare_eligible"),
                    Flag("aftercare_receiving"),
                    Code("econ", {"SCHOOL", "FE_HE", "TRAINING", "EMPLOYED", "VOLUNTARY_WORK",
                                  "UNEMPLOYED", "ILL_DISABLED", "CARING", "OTHER_INACTIVE", "NK"}),
                    Code("homeless_12m", {"Y", "N", "NK"}),
                    Flag("young_carer"),
                    Code("yc_support_accessed", {"Y", "N", "NA"}),
                    Code("acel_on_track", {"Y", "N", "NA"}),
                    Integer("leaver_scqf", 0, 12)};
  status.parents = {PersonRule()};
  t.push_back(status);

  RecordSchema survey{
      "SurveyResponse", "survey_responses.csv", "survey_responses", {}, {"response_id", "item"}};
  survey.columns = {Id("response_id"),
                    Text("person_id"),
                    Code("respondent", {"CHILD", "PARENT_CARER"}, true),
                    Date("survey_date", true),
                    Code("context", {"PERIODIC", "REVIEW", "EXIT"}),
                    Code("item",
                         {"SAFE_NOW", "SAFER_THAN_BEFORE", "TRUSTED_ADULT", "HEALTH_INFO",
                          "HEALTH_ACCESS", "HEALTH_CARE", "KNOWS_GOOD_AT", "REGULAR_ACTIVITY",
                          "LIFE_IMPROVED", "VIEWS_HEARD", "RESPECTED", "RESPONSIBLE_OPPS",
                          "P_VIEWS_HEARD", "P_SUPPORT_NEEDED", "ACCEPTED", "FAIR", "TAKE_PART"},
                         true),
                    Code("answer", {"YES", "PARTLY", "NO", "DK", "NA"}, true)};
  survey.parents = {PersonRule()};
  survey.agreements = {{"response_id",
                        {"person_id", "respondent", "survey_date", "context"},
                        "SURVEY_RESPONSE_INCONSISTENT"}};
  t.push_back(survey);
  return schema;
}

}  // namespace

const submission::SubmissionSchema& CaseSchema() {
  static const submission::SubmissionSchema* schema = new submission::SubmissionSchema(Build());
  return *schema;
}

}  // namespace pif::intake
