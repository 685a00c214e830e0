// Every record of the sample council satisfies the contract of case-data.md: unique ids and keys,
// references to existing parents, ends not before starts, no overlaps, placements inside their
// episodes, codes from the closed lists, and nothing recorded after the extraction date.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "gtest/gtest.h"
#include "pif/sample/council.h"

namespace pif::sample {
namespace {

using dates::Date;
using OptDate = std::optional<Date>;

// Collects contract violations; a test fails with the first few.
class Violations {
 public:
  void Add(const std::string& what) {
    if (count_++ < 20) text_ << "\n  " << what;
  }
  int count() const { return count_; }
  std::string text() const { return text_.str(); }

 private:
  int count_ = 0;
  std::ostringstream text_;
};

#define EXPECT_NO_VIOLATIONS(v) EXPECT_EQ((v).count(), 0) << (v).text()

bool In(const std::string& code, std::initializer_list<const char*> codes, bool required = false) {
  if (code.empty()) return !required;
  return std::any_of(codes.begin(), codes.end(), [&](const char* c) { return code == c; });
}

// [start, end) intervals of one owner, checked for overlaps.
using Intervals = std::map<std::string, std::vector<std::pair<Date, OptDate>>>;

void CheckNoOverlap(const Intervals& by_owner, const char* what, Violations& v) {
  for (auto [owner, spans] : by_owner) {
    std::sort(spans.begin(), spans.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t i = 1; i < spans.size(); ++i) {
      const OptDate& previous_end = spans[i - 1].second;
      if (!previous_end.has_value() || *previous_end > spans[i].first) {
        v.Add(std::string(what) + " of " + owner + " overlap at " + spans[i].first.ToString());
      }
    }
  }
}

void CheckOrder(const std::string& id, const OptDate& start, const OptDate& end, Violations& v) {
  if (start.has_value() && end.has_value() && *end < *start) {
    v.Add(id + ": " + end->ToString() + " is before " + start->ToString());
  }
}

template <typename T, typename Key>
void CheckUnique(const std::vector<T>& records, Key key, const char* what, Violations& v) {
  std::set<std::string> seen;
  for (const T& r : records) {
    const std::string k = key(r);
    if (k.empty()) v.Add(std::string(what) + ": empty id");
    if (!seen.insert(k).second) v.Add(std::string(what) + ": duplicate " + k);
  }
}

class InvariantsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    SampleOptions options;
    options.children = 5000;
    options.seed = 42;
    council_ = new SampleCouncil(GenerateSampleCouncil(options));
  }
  static void TearDownTestSuite() {
    delete council_;
    council_ = nullptr;
  }
  static const engine::CaseRecords& R() { return council_->records; }
  static SampleCouncil* council_;
};

SampleCouncil* InvariantsTest::council_ = nullptr;

TEST_F(InvariantsTest, IdsAndKeysAreUnique) {
  Violations v;
  CheckUnique(
      R().children, [](const auto& r) { return r.person_id; }, "children", v);
  CheckUnique(
      R().involvements, [](const auto& r) { return r.involvement_id; }, "involvements", v);
  CheckUnique(
      R().allocations, [](const auto& r) { return r.allocation_id; }, "allocations", v);
  CheckUnique(
      R().cp_referrals, [](const auto& r) { return r.referral_id; }, "referrals", v);
  CheckUnique(
      R().cp_registrations, [](const auto& r) { return r.registration_id; }, "registrations", v);
  CheckUnique(
      R().care_episodes, [](const auto& r) { return r.episode_id; }, "episodes", v);
  CheckUnique(
      R().legal_reasons, [](const auto& r) { return r.legal_id; }, "legal reasons", v);
  CheckUnique(
      R().placements, [](const auto& r) { return r.placement_id; }, "placements", v);
  CheckUnique(
      R().assessments, [](const auto& r) { return r.assessment_id; }, "assessments", v);
  CheckUnique(
      R().needs, [](const auto& r) { return r.need_id; }, "needs", v);
  CheckUnique(
      R().reviews, [](const auto& r) { return r.review_id; }, "reviews", v);
  CheckUnique(
      R().review_items, [](const auto& r) { return r.review_id + "/" + r.item; }, "review items",
      v);
  CheckUnique(
      R().incidents, [](const auto& r) { return r.incident_id; }, "incidents", v);
  CheckUnique(
      R().status_snapshots, [](const auto& r) { return r.person_id + "/" + r.as_at.ToString(); },
      "snapshots", v);
  CheckUnique(
      R().survey_answers, [](const auto& r) { return r.response_id + "/" + r.item; },
      "survey answers", v);
  CheckUnique(
      council_->staff, [](const auto& r) { return r.staff_id + "/" + r.valid_from.ToString(); },
      "staff", v);
  CheckUnique(
      council_->absences, [](const auto& r) { return r.absence_id; }, "absences", v);
  CheckUnique(
      council_->self_evaluations, [](const auto& r) { return r.eval_id; }, "self-evaluations", v);
  EXPECT_NO_VIOLATIONS(v);
}

TEST_F(InvariantsTest, EveryReferenceNamesAnExistingRecord) {
  Violations v;
  std::set<std::string> children, involvements, episodes, assessments, reviews, staff;
  for (const auto& r : R().children) children.insert(r.person_id);
  for (const auto& r : R().involvements) involvements.insert(r.involvement_id);
  for (const auto& r : R().care_episodes) episodes.insert(r.episode_id);
  for (const auto& r : R().assessments) assessments.insert(r.assessment_id);
  for (const auto& r : R().reviews) reviews.insert(r.review_id);
  for (const auto& r : council_->staff) staff.insert(r.staff_id);
  auto person = [&](const std::string& id, const char* what) {
    if (!children.count(id)) v.Add(std::string(what) + " names unknown person " + id);
  };
  for (const auto& r : R().involvements) person(r.person_id, "involvement");
  for (const auto& r : R().cp_referrals) person(r.person_id, "referral");
  for (const auto& r : R().cp_registrations) person(r.person_id, "registration");
  for (const auto& r : R().care_episodes) person(r.person_id, "episode");
  for (const auto& r : R().assessments) person(r.person_id, "assessment");
  for (const auto& r : R().reviews) person(r.person_id, "review");
  for (const auto& r : R().incidents) person(r.person_id, "incident");
  for (const auto& r : R().status_snapshots) person(r.person_id, "snapshot");
  for (const auto& r : R().survey_answers) {
    if (!r.person_id.empty()) person(r.person_id, "survey answer");
  }
  for (const auto& r : R().allocations) {
    if (!involvements.count(r.involvement_id)) v.Add("allocation of unknown " + r.involvement_id);
    if (!r.staff_id.empty() && !staff.count(r.staff_id))
      v.Add("allocation to unknown " + r.staff_id);
  }
  for (const auto& r : R().legal_reasons) {
    if (!episodes.count(r.episode_id)) v.Add("legal reason of unknown " + r.episode_id);
  }
  for (const auto& r : R().placements) {
    if (!episodes.count(r.episode_id)) v.Add("placement of unknown " + r.episode_id);
  }
  for (const auto& r : R().needs) {
    if (!assessments.count(r.assessment_id)) v.Add("need of unknown " + r.assessment_id);
  }
  for (const auto& r : R().review_items) {
    if (!reviews.count(r.review_id)) v.Add("item of unknown " + r.review_id);
  }
  for (const auto& r : council_->absences) {
    if (!staff.count(r.staff_id)) v.Add("absence of unknown " + r.staff_id);
  }
  EXPECT_NO_VIOLATIONS(v);
}

TEST_F(InvariantsTest, NoEndIsBeforeItsStart) {
  Violations v;
  for (const auto& r : R().involvements) CheckOrder(r.involvement_id, r.open_date, r.close_date, v);
  for (const auto& r : R().allocations) CheckOrder(r.allocation_id, r.start_date, r.end_date, v);
  for (const auto& r : R().cp_registrations) {
    CheckOrder(r.registration_id, r.registration_date, r.deregistration_date, v);
  }
  for (const auto& r : R().care_episodes) CheckOrder(r.episode_id, r.start_date, r.end_date, v);
  for (const auto& r : R().legal_reasons) CheckOrder(r.legal_id, r.start_date, r.end_date, v);
  for (const auto& r : R().placements) CheckOrder(r.placement_id, r.start_date, r.end_date, v);
  for (const auto& r : R().assessments) {
    CheckOrder(r.assessment_id, r.requested_date, r.completed_date, v);
    CheckOrder(r.assessment_id, r.requested_date, r.due_date, v);
  }
  for (const auto& r : R().needs) CheckOrder(r.need_id, r.identified_date, r.target_date, v);
  for (const auto& r : R().incidents) {
    if (r.end.has_value() && *r.end < r.start) v.Add(r.incident_id + ": ends before it starts");
    if (r.end.has_value() && r.type != "MISSING") v.Add(r.incident_id + ": end on " + r.type);
  }
  for (const auto& r : council_->staff) {
    if (r.valid_to.has_value() && *r.valid_to <= r.valid_from) {
      v.Add(r.staff_id + ": row ends on or before " + r.valid_from.ToString());
    }
  }
  EXPECT_NO_VIOLATIONS(v);
}

TEST_F(InvariantsTest, EpisodesOfAChildPlacementsOfAnEpisodeAndStaffRowsDoNotOverlap) {
  Violations v;
  Intervals episodes, placements, staff;
  for (const auto& r : R().care_episodes)
    episodes[r.person_id].emplace_back(r.start_date, r.end_date);
  for (const auto& r : R().placements)
    placements[r.episode_id].emplace_back(r.start_date, r.end_date);
  for (const auto& r : council_->staff) staff[r.staff_id].emplace_back(r.valid_from, r.valid_to);
  CheckNoOverlap(episodes, "episodes", v);
  CheckNoOverlap(placements, "placements", v);
  CheckNoOverlap(staff, "staff rows", v);
  EXPECT_NO_VIOLATIONS(v);
}

TEST_F(InvariantsTest, PlacementsAndLegalReasonsLieWithinTheirEpisode) {
  Violations v;
  std::map<std::string, const engine::CareEpisode*> episodes;
  for (const auto& e : R().care_episodes) episodes[e.episode_id] = &e;
  auto within = [&](const std::string& id, const std::string& episode_id, Date start,
                    const OptDate& end) {
    const engine::CareEpisode& e = *episodes.at(episode_id);
    const bool inside = start >= e.start_date &&
                        (!e.end_date.has_value() || (end.has_value() && *end <= *e.end_date));
    if (!inside) v.Add(id + " is outside episode " + episode_id);
  };
  std::set<std::string> with_placements;
  for (const auto& p : R().placements) {
    within(p.placement_id, p.episode_id, p.start_date, p.end_date);
    with_placements.insert(p.episode_id);
  }
  for (const auto& l : R().legal_reasons)
    within(l.legal_id, l.episode_id, l.start_date, l.end_date);
  for (const auto& e : R().care_episodes) {
    if (!with_placements.count(e.episode_id)) v.Add(e.episode_id + " has no placement");
  }
  EXPECT_NO_VIOLATIONS(v);
}

TEST_F(InvariantsTest, CodesComeFromTheClosedLists) {
  Violations v;
  auto check = [&](bool ok, const std::string& id, const char* field, const std::string& code) {
    if (!ok) v.Add(id + ": " + field + " '" + code + "'");
  };
  for (const auto& r : R().children) {
    check(In(r.sex, {"M", "F", "X", "NK"}, true), r.person_id, "sex", r.sex);
    check(In(r.disability, {"Y", "N", "NK"}), r.person_id, "disability", r.disability);
    check(r.dob.has_value() != r.expected_dob.has_value(), r.person_id, "dob", "");
  }
  for (const auto& r : R().involvements) {
    check(In(r.basis,
             {"VOL", "LAC", "CP", "PRE_BIRTH", "KINSHIP_ORDER", "AFTERCARE", "YOUNG_CARER",
              "DISABILITY", "OTHER"},
             true),
          r.involvement_id, "basis", r.basis);
    check(In(r.has_current_plan, {"Y", "N"}), r.involvement_id, "plan", r.has_current_plan);
    check(
        In(r.close_reason, {"NEEDS_MET", "TRANSFER_ADULT", "MOVED_LA", "AGE", "DECLINED", "OTHER"}),
        r.involvement_id, "close_reason", r.close_reason);
    check(In(r.exit_interview, {"DONE", "DECLINED", "NOT_OFFERED", "NA"}), r.involvement_id,
          "exit_interview", r.exit_interview);
  }
  for (const auto& r : R().cp_registrations) {
    check(In(r.conference_type, {"INITIAL", "PRE_BIRTH", "TRANSFER_IN"}), r.registration_id,
          "conference_type", r.conference_type);
    check(In(r.deregistration_reason,
             {"IMPROVED_HOME", "REMOVED_FROM_RISK", "TRANSFER_OUT", "AGE", "DIED", "OTHER"}),
          r.registration_id, "deregistration_reason", r.deregistration_reason);
  }
  for (const auto& r : R().care_episodes) {
    check(In(r.destination,
             {"HOME_PARENTS", "FRIENDS_RELATIVES", "KINSHIP_CARE_ORDER", "ADOPTED",
              "CONTINUING_CARE", "INDEPENDENT", "SUPPORTED_ACCOM", "CUSTODY", "OTHER", "NK"}),
          r.episode_id, "destination", r.destination);
  }
  for (const auto& r : R().legal_reasons) {
    check(In(r.code,
             {"S25", "CSO_HOME", "CSO_AWAY", "CSO_SECURE", "INTERIM", "PO", "PO_ADOPT", "OTHER"},
             true),
          r.legal_id, "code", r.code);
  }
  for (const auto& r : R().placements) {
    check(In(r.type,
             {"HOME", "KIN", "FOST_LA", "FOST_PURCH", "PROSP_ADOPT", "OTH_COMM", "RES_LA",
              "RES_VOL", "RES_SCHOOL", "SECURE", "CRISIS", "OTH_RES"},
             true),
          r.placement_id, "type", r.type);
    check(
        In(r.foster_type, {"PERMANENT", "LONG_TERM", "INTERIM", "EMERGENCY", "SHORT_BREAK", "NA"}),
        r.placement_id, "foster_type", r.foster_type);
    check(In(r.short_break, {"Y", "N"}), r.placement_id, "short_break", r.short_break);
    check(In(r.permanent_substitute, {"Y", "N"}), r.placement_id, "permanent_substitute",
          r.permanent_substitute);
    check(In(r.outwith_approval, {"Y", "N"}), r.placement_id, "outwith_approval",
          r.outwith_approval);
  }
  for (const auto& r : R().assessments) {
    check(In(r.type,
             {"SW", "SW_CONTRIB", "HEALTH_LAC", "KINSHIP_CARER", "YCS", "EQUIP", "TRANSITION",
              "DEV_REVIEW"},
             true),
          r.assessment_id, "type", r.type);
    check(In(r.status, {"COMPLETE", "OPEN", "WITHDRAWN"}), r.assessment_id, "status", r.status);
    check(In(r.child_views, {"RECORDED", "DECLINED", "NOT_ABLE", "NOT_RECORDED"}), r.assessment_id,
          "child_views", r.child_views);
    check(In(r.dev_concern, {"Y", "N"}), r.assessment_id, "dev_concern", r.dev_concern);
  }
  for (const auto& r : R().needs) {
    check(In(r.domain, {"HEALTH", "KINSHIP_SUPPORT", "EQUIP_ADAPT", "YC_SUPPORT"}, true), r.need_id,
          "domain", r.domain);
    check(In(r.status, {"MET", "IN_HAND", "NOT_MET"}), r.need_id, "status", r.status);
  }
  for (const auto& r : R().reviews) {
    check(In(r.type, {"LAC", "CP_REVIEW", "CHILD_PLAN", "HEARING_REPORT"}, true), r.review_id,
          "type", r.type);
  }
  for (const auto& r : R().review_items) {
    check(In(r.item,
             {"HIGH_RISK", "SUPPORT_EFFECTIVE", "CONTACT_AS_PLANNED", "SUBSTANCE_MISUSE",
              "SKILLS_GOAL", "SELF_ESTEEM_GOAL", "ACTIVITY_IN_PLAN", "ACTIVITY_REGULAR",
              "PERM_PLAN_AWAY", "PARENT_PROG_DONE", "PARENTING_IMPROVED", "SIB_SEPARATION_PLANNED"},
             true),
          r.review_id, "item", r.item);
    check(In(r.value, {"YES", "NO", "PARTLY", "IMPROVED", "MAINTAINED", "DETERIORATED", "NA", "NK"},
             true),
          r.review_id, "value", r.value);
  }
  for (const auto& r : R().incidents) {
    check(In(r.type,
             {"MISSING", "SELF_HARM", "SUICIDE_ATTEMPT", "SUICIDE", "PREGNANCY", "OFFENCE",
              "HOMELESS"},
             true),
          r.incident_id, "type", r.type);
  }
  for (const auto& r : R().status_snapshots) {
    const std::string id = r.person_id + "@" + r.as_at.ToString();
    check(In(r.aftercare_eligible, {"Y", "N"}), id, "aftercare_eligible", r.aftercare_eligible);
    check(In(r.aftercare_receiving, {"Y", "N"}), id, "aftercare_receiving", r.aftercare_receiving);
    check(In(r.econ, {"SCHOOL", "FE_HE", "TRAINING", "EMPLOYED", "VOLUNTARY_WORK", "UNEMPLOYED",
                      "ILL_DISABLED", "CARING", "OTHER_INACTIVE", "NK"}),
          id, "econ", r.econ);
    check(In(r.homeless_12m, {"Y", "N", "NK"}), id, "homeless_12m", r.homeless_12m);
    check(In(r.young_carer, {"Y", "N"}), id, "young_carer", r.young_carer);
    check(In(r.yc_support_accessed, {"Y", "N", "NA"}), id, "yc_support_accessed",
          r.yc_support_accessed);
    check(In(r.acel_on_track, {"Y", "N", "NA"}), id, "acel_on_track", r.acel_on_track);
    check(!r.leaver_scqf.has_value() || (*r.leaver_scqf >= 0 && *r.leaver_scqf <= 12), id,
          "leaver_scqf", "");
  }
  for (const auto& r : R().survey_answers) {
    check(In(r.respondent, {"CHILD", "PARENT_CARER"}, true), r.response_id, "respondent",
          r.respondent);
    check(In(r.context, {"PERIODIC", "REVIEW", "EXIT"}), r.response_id, "context", r.context);
    check(In(r.item,
             {"SAFE_NOW", "SAFER_THAN_BEFORE", "TRUSTED_ADULT", "HEALTH_INFO", "HEALTH_ACCESS",
              "HEALTH_CARE", "KNOWS_GOOD_AT", "REGULAR_ACTIVITY", "LIFE_IMPROVED", "VIEWS_HEARD",
              "RESPECTED", "RESPONSIBLE_OPPS", "P_VIEWS_HEARD", "P_SUPPORT_NEEDED", "ACCEPTED",
              "FAIR", "TAKE_PART"},
             true),
          r.response_id, "item", r.item);
    check(In(r.answer, {"YES", "PARTLY", "NO", "DK", "NA"}, true), r.response_id, "answer",
          r.answer);
  }
  for (const auto& r : council_->staff) {
    check(In(r.role, {"QSW", "FIELD_OTHER", "RESIDENTIAL", "MANAGER"}, true), r.staff_id, "role",
          r.role);
    check(In(r.manager_level, {"TEAM", "MIDDLE", "SENIOR", "NA"}), r.staff_id, "manager_level",
          r.manager_level);
    check(In(r.employment, {"EMPLOYEE", "AGENCY"}), r.staff_id, "employment", r.employment);
    check(r.fte > 0 && r.fte <= 1, r.staff_id, "fte", std::to_string(r.fte));
    check(In(r.sssc_status, {"REG", "REG_COND", "NOT_REG", "NA"}), r.staff_id, "sssc",
          r.sssc_status);
    check(In(r.reg_qual_met, {"Y", "N"}), r.staff_id, "reg_qual_met", r.reg_qual_met);
    check(In(r.nts_qual_met, {"Y", "N"}), r.staff_id, "nts_qual_met", r.nts_qual_met);
    check(In(r.mgmt_qual, {"Y", "N"}), r.staff_id, "mgmt_qual", r.mgmt_qual);
  }
  for (const auto& r : council_->absences) {
    check(In(r.type, {"SICK", "OTHER_UNPLANNED"}, true), r.absence_id, "type", r.type);
    check(r.fte_days_lost >= 0, r.absence_id, "fte_days_lost", std::to_string(r.fte_days_lost));
  }
  std::set<int> areas;
  for (const auto& r : council_->self_evaluations) {
    check(r.area >= 1 && r.area <= 10, r.eval_id, "area", std::to_string(r.area));
    check(r.grade >= 1 && r.grade <= 6, r.eval_id, "grade", std::to_string(r.grade));
    areas.insert(r.area);
  }
  EXPECT_EQ(areas.size(), 10u);
  EXPECT_NO_VIOLATIONS(v);
}

TEST_F(InvariantsTest, TheAnswersOfOneQuestionnaireAgree) {
  Violations v;
  std::map<std::string, const engine::SurveyAnswer*> first;
  for (const auto& a : R().survey_answers) {
    const auto [it, inserted] = first.emplace(a.response_id, &a);
    const engine::SurveyAnswer& f = *it->second;
    if (!inserted && (f.person_id != a.person_id || f.respondent != a.respondent ||
                      f.survey_date != a.survey_date || f.context != a.context)) {
      v.Add(a.response_id + " disagrees about " + a.item);
    }
  }
  EXPECT_NO_VIOLATIONS(v);
}

TEST_F(InvariantsTest, NothingHappensAfterTheExtractionDate) {
  Violations v;
  const Date as_of = DefaultAsOf();
  auto check = [&](const OptDate& d, const std::string& id) {
    if (d.has_value() && *d > as_of) v.Add(id + " on " + d->ToString());
  };
  for (const auto& r : R().children) check(r.dob, r.person_id);
  for (const auto& r : R().involvements) {
    check(r.open_date, r.involvement_id);
    check(r.close_date, r.involvement_id);
  }
  for (const auto& r : R().allocations) check(r.end_date, r.allocation_id);
  for (const auto& r : R().cp_referrals) check(r.referral_date, r.referral_id);
  for (const auto& r : R().cp_registrations) check(r.deregistration_date, r.registration_id);
  for (const auto& r : R().care_episodes) check(r.end_date, r.episode_id);
  for (const auto& r : R().placements) check(r.end_date, r.placement_id);
  for (const auto& r : R().legal_reasons) check(r.end_date, r.legal_id);
  for (const auto& r : R().assessments) {
    check(r.requested_date, r.assessment_id);
    check(r.completed_date, r.assessment_id);
  }
  for (const auto& r : R().needs) check(r.status_date, r.need_id);
  for (const auto& r : R().reviews) {
    check(r.meeting_date, r.review_id);
    check(r.sw_submitted_date, r.review_id);
  }
  for (const auto& r : R().incidents) {
    check(r.start.date(), r.incident_id);
    if (r.end.has_value()) check(r.end->date(), r.incident_id);
  }
  for (const auto& r : R().status_snapshots) check(r.as_at, r.person_id);
  for (const auto& r : R().survey_answers) check(r.survey_date, r.response_id);
  for (const auto& r : council_->staff) {
    check(r.valid_from, r.staff_id);
    check(r.valid_to, r.staff_id);
    check(r.cpd_plan_date, r.staff_id);
  }
  for (const auto& r : council_->absences) check(r.month.first_day(), r.absence_id);
  for (const auto& r : council_->self_evaluations) check(r.eval_date, r.eval_id);
  EXPECT_NO_VIOLATIONS(v);
}

TEST_F(InvariantsTest, NamedWorkersAreSocialWorkStaffInPostWhenAllocated) {
  Violations v;
  std::map<std::string, std::vector<const StaffRow*>> rows;
  for (const auto& r : council_->staff) rows[r.staff_id].push_back(&r);
  for (const auto& a : R().allocations) {
    if (a.staff_id.empty()) continue;
    const StaffRow* in_force = nullptr;
    for (const StaffRow* r : rows[a.staff_id]) {
      if (r->valid_from <= a.start_date && (!r->valid_to || a.start_date < *r->valid_to))
        in_force = r;
    }
    if (in_force == nullptr) {
      v.Add(a.allocation_id + ": " + a.staff_id + " not in post on " + a.start_date.ToString());
    } else if (in_force->role != "QSW" && in_force->role != "FIELD_OTHER") {
      v.Add(a.allocation_id + ": " + a.staff_id + " is " + in_force->role);
    }
  }
  EXPECT_NO_VIOLATIONS(v);
}

TEST_F(InvariantsTest, EveryCodeThatCanBeUsedIsUsed) {
  std::map<std::string, std::set<std::string>> used;
  for (const auto& r : R().involvements) used["basis"].insert(r.basis);
  for (const auto& r : R().cp_registrations) used["conference"].insert(r.conference_type);
  for (const auto& r : R().care_episodes) used["destination"].insert(r.destination);
  for (const auto& r : R().legal_reasons) used["legal"].insert(r.code);
  for (const auto& r : R().placements) used["placement"].insert(r.type);
  for (const auto& r : R().placements) used["foster_type"].insert(r.foster_type);
  for (const auto& r : R().assessments) used["assessment"].insert(r.type);
  for (const auto& r : R().needs) used["domain"].insert(r.domain);
  for (const auto& r : R().reviews) used["review"].insert(r.type);
  for (const auto& r : R().review_items) used["item"].insert(r.item);
  for (const auto& r : R().incidents) used["incident"].insert(r.type);
  for (const auto& r : R().survey_answers) used["survey item"].insert(r.item);
  for (const auto& r : R().survey_answers) used["answer"].insert(r.answer);
  for (const auto& r : council_->staff) used["role"].insert(r.role);
  const std::map<std::string, size_t> expected = {
      {"basis", 9},        {"conference", 3}, {"destination", 11},  // incl. empty (still open)
      {"legal", 8},        {"placement", 12}, {"foster_type", 6},  {"assessment", 8}, {"domain", 4},
      {"review", 4},       {"item", 12},      {"incident", 6},  // no SUICIDE in the sample
      {"survey item", 17}, {"answer", 5},     {"role", 4}};
  for (const auto& [field, count] : expected) {
    std::string codes;
    for (const std::string& c : used[field]) codes += " '" + c + "'";
    EXPECT_EQ(used[field].size(), count) << field << ":" << codes;
  }
}

}  // namespace
}  // namespace pif::sample
