// Small readable fixtures for engine tests: dates from text and records with few arguments.
#pragma once

#include <string>

#include "gtest/gtest.h"
#include "pif/dates/local_datetime.h"
#include "pif/engine/engine.h"

namespace pif::engine::testing {

// A date from YYYY-MM-DD; aborts the test binary on a typo.
inline Date D(const std::string& text) {
  auto date = dates::ParseDate(text);
  if (!date.ok()) {
    ADD_FAILURE() << "bad date in test: " << text;
    return Date();
  }
  return *date;
}

// An optional date: empty text means not recorded.
inline std::optional<Date> OD(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return D(text);
}

// A local date-time from YYYY-MM-DDTHH:MM[:SS].
inline LocalDateTime DT(const std::string& text) {
  auto value = dates::ParseLocalDateTime(text);
  if (!value.ok()) ADD_FAILURE() << "bad date-time in test: " << text;
  return value.ok() ? *value : LocalDateTime::StartOf(Date());
}

// Builds CaseRecords a record at a time; each Add returns the record for further fields.
class RecordsBuilder {
 public:
  Child& AddChild(const std::string& id, const std::string& dob = "2010-06-15",
                  const std::string& sex = "F") {
    records_.children.push_back(Child{id, OD(dob), std::nullopt, sex, "", "", "", ""});
    return records_.children.back();
  }
  CareEpisode& AddEpisode(const std::string& id, const std::string& person,
                          const std::string& start, const std::string& end = "",
                          const std::string& destination = "") {
    records_.care_episodes.push_back(CareEpisode{id, person, D(start), OD(end), destination});
    return records_.care_episodes.back();
  }
  Placement& AddPlacement(const std::string& id, const std::string& episode,
                          const std::string& type, const std::string& start,
                          const std::string& end = "") {
    Placement p;
    p.placement_id = id;
    p.episode_id = episode;
    p.type = type;
    p.start_date = D(start);
    p.end_date = OD(end);
    p.short_break = "N";
    records_.placements.push_back(p);
    return records_.placements.back();
  }
  CpReferral& AddReferral(const std::string& id, const std::string& person,
                          const std::string& date) {
    records_.cp_referrals.push_back(CpReferral{id, person, D(date)});
    return records_.cp_referrals.back();
  }
  CpRegistration& AddRegistration(const std::string& id, const std::string& person,
                                  const std::string& start, const std::string& end = "",
                                  const std::string& reason = "") {
    records_.cp_registrations.push_back(
        CpRegistration{id, person, D(start), "INITIAL", OD(end), reason});
    return records_.cp_registrations.back();
  }
  Involvement& AddInvolvement(const std::string& id, const std::string& person,
                              const std::string& basis, const std::string& open,
                              const std::string& close = "") {
    Involvement i;
    i.involvement_id = id;
    i.person_id = person;
    i.basis = basis;
    i.open_date = D(open);
    i.close_date = OD(close);
    records_.involvements.push_back(i);
    return records_.involvements.back();
  }
  Allocation& AddAllocation(const std::string& id, const std::string& involvement,
                            const std::string& staff, const std::string& start,
                            const std::string& end = "") {
    records_.allocations.push_back(Allocation{id, involvement, staff, D(start), OD(end)});
    return records_.allocations.back();
  }
  Assessment& AddAssessment(const std::string& id, const std::string& person,
                            const std::string& type) {
    Assessment a;
    a.assessment_id = id;
    a.person_id = person;
    a.type = type;
    records_.assessments.push_back(a);
    return records_.assessments.back();
  }
  Need& AddNeed(const std::string& id, const std::string& assessment, const std::string& domain,
                const std::string& status) {
    Need n;
    n.need_id = id;
    n.assessment_id = assessment;
    n.domain = domain;
    n.status = status;
    records_.needs.push_back(n);
    return records_.needs.back();
  }
  Review& AddReview(const std::string& id, const std::string& person, const std::string& type,
                    const std::string& meeting) {
    Review r;
    r.review_id = id;
    r.person_id = person;
    r.type = type;
    r.meeting_date = D(meeting);
    records_.reviews.push_back(r);
    return records_.reviews.back();
  }
  ReviewItem& AddFinding(const std::string& review, const std::string& item,
                         const std::string& value) {
    records_.review_items.push_back(ReviewItem{review, item, value});
    return records_.review_items.back();
  }
  Incident& AddIncident(const std::string& id, const std::string& person, const std::string& type,
                        const std::string& start, const std::string& end = "") {
    Incident i;
    i.incident_id = id;
    i.person_id = person;
    i.type = type;
    i.start = DT(start);
    if (!end.empty()) i.end = DT(end);
    records_.incidents.push_back(i);
    return records_.incidents.back();
  }
  StatusSnapshot& AddStatus(const std::string& person, const std::string& as_at) {
    StatusSnapshot s;
    s.person_id = person;
    s.as_at = D(as_at);
    records_.status_snapshots.push_back(s);
    return records_.status_snapshots.back();
  }
  SurveyAnswer& AddAnswer(const std::string& response, const std::string& person,
                          const std::string& respondent, const std::string& date,
                          const std::string& item, const std::string& answer) {
    records_.survey_answers.push_back(
        SurveyAnswer{response, person, respondent, D(date), "PERIODIC", item, answer});
    return records_.survey_answers.back();
  }

  // The records built so far (the builder can keep adding afterwards).
  CaseRecords Build() const { return records_; }

 private:
  CaseRecords records_;
};

// The CLAS year 1 August `year` to 31 July `year + 1`.
inline Period ClasYear(int year) {
  return Period{D(std::to_string(year) + "-08-01"), D(std::to_string(year + 1) + "-07-31")};
}

// Computes one indicator (with every breakdown) and returns its result; fails the test on error.
inline IndicatorResult ComputeOne(const CaseRecords& records, const std::string& code,
                                  const Period& period) {
  Snapshot snapshot(records);
  ComputeRequest request;
  request.period = period;
  request.codes = {code};
  request.breakdowns = {Dimension::kSex, Dimension::kAgeBand, Dimension::kEthnicGroup,
                        Dimension::kDisability, Dimension::kLocality};
  auto results = Compute(snapshot, request);
  if (!results.ok() || results->size() != 1) {
    ADD_FAILURE() << "compute failed: " << results.status();
    return IndicatorResult{};
  }
  return results->front();
}

// The reasons the engine gives for one unit (or person) of an indicator.
inline std::vector<UnitExplanation> ExplainOne(const CaseRecords& records, const std::string& code,
                                               const Period& period, const std::string& unit) {
  Snapshot snapshot(records);
  auto units = Explain(snapshot, period, code, unit);
  if (!units.ok()) {
    ADD_FAILURE() << "explain failed: " << units.status();
    return {};
  }
  return *units;
}

}  // namespace pif::engine::testing
