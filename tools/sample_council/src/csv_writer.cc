#include "pif/sample/csv_writer.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "pif/csv/csv_writer.h"

namespace pif::sample {
namespace {

using Cells = std::vector<std::string>;

std::string D(const std::optional<dates::Date>& d) { return d.has_value() ? d->ToString() : ""; }

std::string DT(const std::optional<dates::LocalDateTime>& t) {
  return t.has_value() ? t->ToString() : "";
}

// A decimal without trailing zeros ("1", "0.8", "2.5").
std::string Decimal(double value, int places) {
  std::string text = absl::StrFormat("%.*f", places, value);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

// Writes one file: the header, then one row per record.
template <typename T>
absl::Status WriteFile(const std::filesystem::path& dir, const char* name, const Cells& header,
                       const std::vector<T>& records, const std::function<Cells(const T&)>& row) {
  const std::filesystem::path path = dir / name;
  std::vector<char> buffer(1 << 20);
  std::ofstream out;
  out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  out.open(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    return absl::UnavailableError(
        absl::StrCat("cannot write ", path.string(), ": ", std::strerror(errno)));
  }
  csv::WriteCsvRow(out, header);
  for (const T& record : records) csv::WriteCsvRow(out, row(record));
  out.close();
  if (!out) return absl::DataLossError(absl::StrCat("error writing ", path.string()));
  return absl::OkStatus();
}

}  // namespace

absl::Status WriteCouncilCsv(const engine::CaseRecords& r, const std::vector<StaffRow>& staff,
                             const std::vector<AbsenceRow>& absences,
                             const std::vector<SelfEvaluationRow>& self_evaluations,
                             const std::string& dir_name) {
  const std::filesystem::path dir(dir_name);
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    return absl::UnavailableError(absl::StrCat("cannot create ", dir_name, ": ", error.message()));
  }
  using namespace engine;
  absl::Status s =
      WriteFile<Child>(dir, "children.csv",
                       {"person_id", "dob", "expected_dob", "sex", "ethnic_group", "disability",
                        "locality", "family_group_id"},
                       r.children, [](const Child& c) -> Cells {
                         return {c.person_id,  D(c.dob),   D(c.expected_dob), c.sex, c.ethnic_group,
                                 c.disability, c.locality, c.family_group_id};
                       });
  if (s.ok()) {
    s = WriteFile<Involvement>(dir, "involvements.csv",
                               {"involvement_id", "person_id", "open_date", "close_date", "basis",
                                "has_current_plan", "close_reason", "exit_interview"},
                               r.involvements, [](const Involvement& i) -> Cells {
                                 return {i.involvement_id, i.person_id,     D(i.open_date),
                                         D(i.close_date),  i.basis,         i.has_current_plan,
                                         i.close_reason,   i.exit_interview};
                               });
  }
  if (s.ok()) {
    s = WriteFile<Allocation>(
        dir, "allocations.csv",
        {"allocation_id", "involvement_id", "staff_id", "start_date", "end_date"}, r.allocations,
        [](const Allocation& a) -> Cells {
          return {a.allocation_id, a.involvement_id, a.staff_id, D(a.start_date), D(a.end_date)};
        });
  }
  if (s.ok()) {
    s = WriteFile<CpReferral>(dir, "cp_referrals.csv",
                              {"referral_id", "person_id", "referral_date"}, r.cp_referrals,
                              [](const CpReferral& c) -> Cells {
                                return {c.referral_id, c.person_id, D(c.referral_date)};
                              });
  }
  if (s.ok()) {
    s = WriteFile<CpRegistration>(
        dir, "cp_registrations.csv",
        {"registration_id", "person_id", "registration_date", "conference_type",
         "deregistration_date", "deregistration_reason"},
        r.cp_registrations, [](const CpRegistration& g) -> Cells {
          return {g.registration_id,        g.person_id,
                  D(g.registration_date),   g.conference_type,
                  D(g.deregistration_date), g.deregistration_reason};
        });
  }
  if (s.ok()) {
    s = WriteFile<CareEpisode>(
        dir, "care_episodes.csv",
        {"episode_id", "person_id", "start_date", "end_date", "destination"}, r.care_episodes,
        [](const CareEpisode& e) -> Cells {
          return {e.episode_id, e.person_id, D(e.start_date), D(e.end_date), e.destination};
        });
  }
  if (s.ok()) {
    s = WriteFile<LegalReason>(
        dir, "legal_reasons.csv", {"legal_id", "episode_id", "start_date", "end_date", "code"},
        r.legal_reasons, [](const LegalReason& l) -> Cells {
          return {l.legal_id, l.episode_id, D(l.start_date), D(l.end_date), l.code};
        });
  }
  if (s.ok()) {
    s = WriteFile<Placement>(
        dir, "placements.csv",
        {"placement_id", "episode_id", "carer_id", "start_date", "end_date", "type", "foster_type",
         "short_break", "permanent_substitute", "outwith_approval"},
        r.placements, [](const Placement& p) -> Cells {
          return {p.placement_id,    p.episode_id,  p.carer_id,
                  D(p.start_date),   D(p.end_date), p.type,
                  p.foster_type,     p.short_break, p.permanent_substitute,
                  p.outwith_approval};
        });
  }
  if (s.ok()) {
    s = WriteFile<Assessment>(
        dir, "assessments.csv",
        {"assessment_id", "person_id", "type", "requested_date", "due_date", "completed_date",
         "status", "child_views", "dev_concern"},
        r.assessments, [](const Assessment& a) -> Cells {
          return {a.assessment_id, a.person_id,         a.type,   D(a.requested_date),
                  D(a.due_date),   D(a.completed_date), a.status, a.child_views,
                  a.dev_concern};
        });
  }
  if (s.ok()) {
    s = WriteFile<Need>(
        dir, "needs.csv",
        {"need_id", "assessment_id", "domain", "identified_date", "target_date", "status",
         "status_date"},
        r.needs, [](const Need& n) -> Cells {
          return {n.need_id,        n.assessment_id, n.domain,        D(n.identified_date),
                  D(n.target_date), n.status,        D(n.status_date)};
        });
  }
  if (s.ok()) {
    s = WriteFile<Review>(
        dir, "reviews.csv",
        {"review_id", "person_id", "type", "meeting_date", "sw_due_date", "sw_submitted_date"},
        r.reviews, [](const Review& v) -> Cells {
          return {v.review_id,       v.person_id,      v.type,
                  D(v.meeting_date), D(v.sw_due_date), D(v.sw_submitted_date)};
        });
  }
  if (s.ok()) {
    s = WriteFile<ReviewItem>(dir, "review_items.csv", {"review_id", "item", "value"},
                              r.review_items, [](const ReviewItem& i) -> Cells {
                                return {i.review_id, i.item, i.value};
                              });
  }
  if (s.ok()) {
    s = WriteFile<Incident>(
        dir, "incidents.csv", {"incident_id", "person_id", "type", "start", "end"}, r.incidents,
        [](const Incident& i) -> Cells {
          return {i.incident_id, i.person_id, i.type, i.start.ToString(), DT(i.end)};
        });
  }
  if (s.ok()) {
    s = WriteFile<StatusSnapshot>(
        dir, "status_snapshots.csv",
        {"person_id", "as_at", "aftercare_eligible", "aftercare_receiving", "econ", "homeless_12m",
         "young_carer", "yc_support_accessed", "acel_on_track", "leaver_scqf"},
        r.status_snapshots, [](const StatusSnapshot& t) -> Cells {
          return {t.person_id,
                  D(t.as_at),
                  t.aftercare_eligible,
                  t.aftercare_receiving,
                  t.econ,
                  t.homeless_12m,
                  t.young_carer,
                  t.yc_support_accessed,
                  t.acel_on_track,
                  t.leaver_scqf.has_value() ? absl::StrCat(*t.leaver_scqf) : ""};
        });
  }
  if (s.ok()) {
    s = WriteFile<SurveyAnswer>(
        dir, "survey_responses.csv",
        {"response_id", "person_id", "respondent", "survey_date", "context", "item", "answer"},
        r.survey_answers, [](const SurveyAnswer& a) -> Cells {
          return {a.response_id, a.person_id, a.respondent, D(a.survey_date),
                  a.context,     a.item,      a.answer};
        });
  }
  if (s.ok()) {
    s = WriteFile<StaffRow>(
        dir, "staff.csv",
        {"staff_id", "valid_from", "valid_to", "role", "manager_level", "employment",
         "service_start_date", "fte", "sssc_status", "reg_qual_met", "nts_qual_met",
         "cpd_plan_date", "mgmt_qual"},
        staff, [](const StaffRow& f) -> Cells {
          return {f.staff_id,      D(f.valid_from), D(f.valid_to),           f.role,
                  f.manager_level, f.employment,    D(f.service_start_date), Decimal(f.fte, 2),
                  f.sssc_status,   f.reg_qual_met,  f.nts_qual_met,          D(f.cpd_plan_date),
                  f.mgmt_qual};
        });
  }
  if (s.ok()) {
    s = WriteFile<AbsenceRow>(dir, "absences.csv",
                              {"absence_id", "staff_id", "month", "type", "fte_days_lost"},
                              absences, [](const AbsenceRow& a) -> Cells {
                                return {a.absence_id, a.staff_id, a.month.ToString(), a.type,
                                        Decimal(a.fte_days_lost, 1)};
                              });
  }
  if (s.ok()) {
    s = WriteFile<SelfEvaluationRow>(
        dir, "self_evaluations.csv",
        {"eval_id", "area", "qi_ref", "eval_date", "grade", "evidence", "approved_by"},
        self_evaluations, [](const SelfEvaluationRow& e) -> Cells {
          return {e.eval_id,
                  absl::StrCat(e.area),
                  e.qi_ref,
                  e.eval_date.ToString(),
                  absl::StrCat(e.grade),
                  e.evidence,
                  e.approved_by};
        });
  }
  return s;
}

absl::Status WriteCouncilCsv(const SampleCouncil& council, const std::string& dir) {
  return WriteCouncilCsv(council.records, council.staff, council.absences, council.self_evaluations,
                         dir);
}

std::vector<std::pair<std::string, int64_t>> RecordCounts(const SampleCouncil& council) {
  const engine::CaseRecords& r = council.records;
  auto n = [](const auto& v) { return static_cast<int64_t>(v.size()); };
  return {
      {"children.csv", n(r.children)},
      {"involvements.csv", n(r.involvements)},
      {"allocations.csv", n(r.allocations)},
      {"cp_referrals.csv", n(r.cp_referrals)},
      {"cp_registrations.csv", n(r.cp_registrations)},
      {"care_episodes.csv", n(r.care_episodes)},
      {"legal_reasons.csv", n(r.legal_reasons)},
      {"placements.csv", n(r.placements)},
      {"assessments.csv", n(r.assessments)},
      {"needs.csv", n(r.needs)},
      {"reviews.csv", n(r.reviews)},
      {"review_items.csv", n(r.review_items)},
      {"incidents.csv", n(r.incidents)},
      {"status_snapshots.csv", n(r.status_snapshots)},
      {"survey_responses.csv", n(r.survey_answers)},
      {"staff.csv", n(council.staff)},
      {"absences.csv", n(council.absences)},
      {"self_evaluations.csv", n(council.self_evaluations)},
  };
}

}  // namespace pif::sample
