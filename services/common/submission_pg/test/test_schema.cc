#include "test_schema.h"

#include <string>
#include <utility>
#include <vector>

namespace pif::submission::test {
namespace {

Column Required(std::string name, ColumnKind kind = ColumnKind::kText,
                std::vector<std::string> codes = {}) {
  return Column{std::move(name), kind, true, std::move(codes)};
}

Column Optional(std::string name, ColumnKind kind = ColumnKind::kText,
                std::vector<std::string> codes = {}) {
  return Column{std::move(name), kind, false, std::move(codes)};
}

ParentRule OfAChild() { return {"person_id", "Child", "person_id", "PERSON_UNKNOWN"}; }

SubmissionSchema Build() {
  SubmissionSchema schema{"store tests", {}};
  RecordSchema child{"Child", "children.csv", "children", {}, {"person_id"}};
  Column locality = Optional("locality");
  locality.max_length = kFreeTextMaxLength;
  child.columns = {Required("person_id"), Optional("dob", ColumnKind::kDate),
                   Optional("expected_dob", ColumnKind::kDate),
                   Required("sex", ColumnKind::kCode, {"M", "F", "X", "NK"}), locality};

  RecordSchema episode{"CareEpisode", "care_episodes.csv", "care_episodes", {}, {"episode_id"}};
  episode.columns = {Required("episode_id"), Required("person_id"),
                     Required("start_date", ColumnKind::kDate),
                     Optional("end_date", ColumnKind::kDate)};
  episode.order_rules = {{"start_date", "end_date", "EPISODE_END_BEFORE_START"}};
  episode.parents = {OfAChild()};
  episode.no_overlaps = {{"person_id", "start_date", "end_date", "EPISODE_OVERLAP"}};

  RecordSchema placement{"Placement", "placements.csv", "placements", {}, {"placement_id"}};
  placement.columns = {Required("placement_id"), Required("episode_id"),
                       Required("start_date", ColumnKind::kDate),
                       Optional("end_date", ColumnKind::kDate),
                       Required("type", ColumnKind::kCode, {"FOST_LA", "KIN"})};
  placement.order_rules = {{"start_date", "end_date", "PLACEMENT_END_BEFORE_START"}};
  placement.parents = {{"episode_id", "CareEpisode", "episode_id", "EPISODE_UNKNOWN"}};
  placement.within_parents = {{"episode_id", "CareEpisode", "start_date", "end_date", "start_date",
                               "end_date", "PLACEMENT_OUTSIDE_EPISODE"}};
  placement.no_overlaps = {{"episode_id", "start_date", "end_date", "PLACEMENT_OVERLAP"}};

  RecordSchema review{"Review", "reviews.csv", "reviews", {}, {"review_id"}};
  review.columns = {Required("review_id"), Required("person_id"),
                    Required("type", ColumnKind::kCode, {"LAC"}),
                    Required("meeting_date", ColumnKind::kDate)};
  review.parents = {OfAChild()};

  RecordSchema item{"ReviewItem", "review_items.csv", "review_items", {}, {"review_id", "item"}};
  item.columns = {Required("review_id"), Required("item", ColumnKind::kCode, {"HIGH_RISK"}),
                  Required("value", ColumnKind::kCode, {"YES", "NO"})};
  item.parents = {{"review_id", "Review", "review_id", "REVIEW_UNKNOWN"}};

  RecordSchema incident{"Incident", "incidents.csv", "incidents", {}, {"incident_id"}};
  incident.columns = {Required("incident_id"), Required("person_id"),
                      Required("type", ColumnKind::kCode, {"MISSING"}),
                      Required("start", ColumnKind::kDateTime),
                      Optional("end", ColumnKind::kDateTime)};
  incident.order_rules = {{"start", "end", "INCIDENT_END_BEFORE_START"}};
  incident.parents = {OfAChild()};

  RecordSchema status{
      "StatusSnapshot", "status_snapshots.csv", "status_snapshots", {}, {"person_id", "as_at"}};
  Column scqf = Optional("leaver_scqf", ColumnKind::kInteger);
  scqf.min = 0;
  scqf.max = 12;
  status.columns = {Required("person_id"), Required("as_at", ColumnKind::kDate), scqf};
  status.parents = {OfAChild()};

  RecordSchema survey{
      "SurveyResponse", "survey_responses.csv", "survey_responses", {}, {"response_id", "item"}};
  survey.columns = {
      Required("response_id"),
      Optional("person_id"),
      Required("respondent", ColumnKind::kCode, {"CHILD", "PARENT_CARER"}),
      Required("survey_date", ColumnKind::kDate),
      Optional("context", ColumnKind::kCode, {"PERIODIC"}),
      Required("item", ColumnKind::kCode, {"SAFE_NOW", "TRUSTED_ADULT", "HEALTH_INFO", "FAIR"}),
      Required("answer", ColumnKind::kCode, {"YES", "NO"})};
  survey.parents = {OfAChild()};
  survey.agreements = {{"response_id",
                        {"person_id", "respondent", "survey_date", "context"},
                        "SURVEY_RESPONSE_INCONSISTENT"}};
  schema.types = {child, episode, placement, review, item, incident, status, survey};
  return schema;
}

}  // namespace

const SubmissionSchema& StoreTestSchema() {
  static const SubmissionSchema* const schema = new SubmissionSchema(Build());
  return *schema;
}

}  // namespace pif::submission::test
