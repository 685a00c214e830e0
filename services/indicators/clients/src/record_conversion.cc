#include "pif/indicators/clients/record_conversion.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/generated_enum_reflection.h"

namespace pif::indicators {
namespace {

using engine::Date;
using google::protobuf::EnumDescriptor;

// The contract's codes of an enum, by value number: each value's name without the enum's prefix
// ("SEX_M" -> "M"); the _UNSPECIFIED value (not recorded) and gaps are empty strings.
std::vector<std::string> CodesOf(const EnumDescriptor* descriptor) {
  const std::string& unspecified = descriptor->FindValueByNumber(0)->name();
  const size_t prefix = unspecified.size() - std::string("UNSPECIFIED").size();
  int largest = 0;
  for (int i = 0; i < descriptor->value_count(); ++i) {
    largest = std::max(largest, descriptor->value(i)->number());
  }
  std::vector<std::string> codes(static_cast<size_t>(largest) + 1);
  for (int i = 0; i < descriptor->value_count(); ++i) {
    const auto* value = descriptor->value(i);
    if (value->number() > 0)
      codes[static_cast<size_t>(value->number())] = value->name().substr(prefix);
  }
  return codes;
}

// The contract's code of an enum value (empty when not recorded), looked up once per enum type.
template <typename Enum>
const std::string& CodeOf(Enum value) {
  static const std::vector<std::string>* codes =
      new std::vector<std::string>(CodesOf(google::protobuf::GetEnumDescriptor<Enum>()));
  static const std::string* empty = new std::string();
  const int number = static_cast<int>(value);
  if (number < 0 || static_cast<size_t>(number) >= codes->size()) return *empty;
  return (*codes)[static_cast<size_t>(number)];
}

// Converts field by field, remembering the first problem with its field name.
class Converter {
 public:
  Converter(std::string type, std::string id) : type_(std::move(type)), id_(std::move(id)) {}

  Date Required(const common::v1::Date& d, const char* field) {
    std::optional<Date> date = Optional(true, d, field);
    return date.value_or(Date());
  }
  std::optional<Date> Optional(bool present, const common::v1::Date& d, const char* field) {
    if (!present) return std::nullopt;
    std::optional<Date> date = Date::FromYmd(d.year(), d.month(), d.day());
    if (!date.has_value()) Fail(field, "is not a calendar date");
    return date;
  }
  engine::LocalDateTime Time(const common::v1::LocalDateTime& t, const char* field) {
    Date day = Required(t.date(), field);
    auto value = engine::LocalDateTime::Of(day, t.hour(), t.minute(), t.second());
    if (!value.has_value()) {
      Fail(field, "is not a time of day");
      return engine::LocalDateTime::StartOf(day);
    }
    return *value;
  }
  absl::Status status() const { return status_; }

 private:
  void Fail(const char* field, const char* problem) {
    if (!status_.ok()) return;
    status_ = absl::InvalidArgumentError(
        absl::StrCat("intake sent ", type_, " ", id_, " whose ", field, " ", problem));
  }
  std::string type_;
  std::string id_;
  absl::Status status_;
};

absl::Status Append(const intake::v1::Child& r, engine::CaseRecords* out) {
  Converter c("Child", r.person_id());
  engine::Child child;
  child.person_id = r.person_id();
  child.dob = c.Optional(r.has_dob(), r.dob(), "dob");
  child.expected_dob = c.Optional(r.has_expected_dob(), r.expected_dob(), "expected_dob");
  child.sex = CodeOf(r.sex());
  child.ethnic_group = r.ethnic_group();
  child.disability = CodeOf(r.disability());
  child.locality = r.locality();
  child.family_group_id = r.family_group_id();
  out->children.push_back(std::move(child));
  return c.status();
}

absl::Status Append(const intake::v1::Involvement& r, engine::CaseRecords* out) {
  Converter c("Involvement", r.involvement_id());
  engine::Involvement v;
  v.involvement_id = r.involvement_id();
  v.person_id = r.person_id();
  v.open_date = c.Required(r.open_date(), "open_date");
  v.close_date = c.Optional(r.has_close_date(), r.close_date(), "close_date");
  v.basis = CodeOf(r.basis());
  v.has_current_plan = CodeOf(r.has_current_plan());
  v.close_reason = CodeOf(r.close_reason());
  v.exit_interview = CodeOf(r.exit_interview());
  out->involvements.push_back(std::move(v));
  return c.status();
}

absl::Status Append(const intake::v1::Allocation& r, engine::CaseRecords* out) {
  Converter c("Allocation", r.allocation_id());
  out->allocations.push_back(engine::Allocation{
      r.allocation_id(), r.involvement_id(), r.staff_id(), c.Required(r.start_date(), "start_date"),
      c.Optional(r.has_end_date(), r.end_date(), "end_date")});
  return c.status();
}

absl::Status Append(const intake::v1::CpReferral& r, engine::CaseRecords* out) {
  Converter c("CpReferral", r.referral_id());
  out->cp_referrals.push_back(engine::CpReferral{r.referral_id(), r.person_id(),
                                                 c.Required(r.referral_date(), "referral_date")});
  return c.status();
}

absl::Status Append(const intake::v1::CpRegistration& r, engine::CaseRecords* out) {
  Converter c("CpRegistration", r.registration_id());
  out->cp_registrations.push_back(engine::CpRegistration{
      r.registration_id(), r.person_id(), c.Required(r.registration_date(), "registration_date"),
      CodeOf(r.conference_type()),
      c.Optional(r.has_deregistration_date(), r.deregistration_date(), "deregistration_date"),
      CodeOf(r.deregistration_reason())});
  return c.status();
}

absl::Status Append(const intake::v1::CareEpisode& r, engine::CaseRecords* out) {
  Converter c("CareEpisode", r.episode_id());
  out->care_episodes.push_back(engine::CareEpisode{
      r.episode_id(), r.person_id(), c.Required(r.start_date(), "start_date"),
      c.Optional(r.has_end_date(), r.end_date(), "end_date"), CodeOf(r.destination())});
  return c.status();
}

absl::Status Append(const intake::v1::LegalReason& r, engine::CaseRecords* out) {
  Converter c("LegalReason", r.legal_id());
  out->legal_reasons.push_back(engine::LegalReason{
      r.legal_id(), r.episode_id(), c.Required(r.start_date(), "start_date"),
      c.Optional(r.has_end_date(), r.end_date(), "end_date"), CodeOf(r.code())});
  return c.status();
}

absl::Status Append(const intake::v1::Placement& r, engine::CaseRecords* out) {
  Converter c("Placement", r.placement_id());
  engine::Placement p;
  p.placement_id = r.placement_id();
  p.episode_id = r.episode_id();
  p.carer_id = r.carer_id();
  p.start_date = c.Required(r.start_date(), "start_date");
  p.end_date = c.Optional(r.has_end_date(), r.end_date(), "end_date");
  p.type = CodeOf(r.type());
  p.foster_type = CodeOf(r.foster_type());
  p.short_break = CodeOf(r.short_break());
  p.permanent_substitute = CodeOf(r.permanent_substitute());
  p.outwith_approval = CodeOf(r.outwith_approval());
  out->placements.push_back(std::move(p));
  return c.status();
}

absl::Status Append(const intake::v1::Assessment& r, engine::CaseRecords* out) {
  Converter c("Assessment", r.assessment_id());
  engine::Assessment a;
  a.assessment_id = r.assessment_id();
  a.person_id = r.person_id();
  a.type = CodeOf(r.type());
  a.requested_date = c.Optional(r.has_requested_date(), r.requested_date(), "requested_date");
  a.due_date = c.Optional(r.has_due_date(), r.due_date(), "due_date");
  a.completed_date = c.Optional(r.has_completed_date(), r.completed_date(), "completed_date");
  a.status = CodeOf(r.status());
  a.child_views = CodeOf(r.child_views());
  a.dev_concern = CodeOf(r.dev_concern());
  out->assessments.push_back(std::move(a));
  return c.status();
}

absl::Status Append(const intake::v1::Need& r, engine::CaseRecords* out) {
  Converter c("Need", r.need_id());
  engine::Need n;
  n.need_id = r.need_id();
  n.assessment_id = r.assessment_id();
  n.domain = CodeOf(r.domain());
  n.identified_date = c.Optional(r.has_identified_date(), r.identified_date(), "identified_date");
  n.target_date = c.Optional(r.has_target_date(), r.target_date(), "target_date");
  n.status = CodeOf(r.status());
  n.status_date = c.Optional(r.has_status_date(), r.status_date(), "status_date");
  out->needs.push_back(std::move(n));
  return c.status();
}

absl::Status Append(const intake::v1::Review& r, engine::CaseRecords* out) {
  Converter c("Review", r.review_id());
  engine::Review v;
  v.review_id = r.review_id();
  v.person_id = r.person_id();
  v.type = CodeOf(r.type());
  v.meeting_date = c.Required(r.meeting_date(), "meeting_date");
  v.sw_due_date = c.Optional(r.has_sw_due_date(), r.sw_due_date(), "sw_due_date");
  v.sw_submitted_date =
      c.Optional(r.has_sw_submitted_date(), r.sw_submitted_date(), "sw_submitted_date");
  out->reviews.push_back(std::move(v));
  return c.status();
}

absl::Status Append(const intake::v1::ReviewItem& r, engine::CaseRecords* out) {
  out->review_items.push_back(
      engine::ReviewItem{r.review_id(), CodeOf(r.item()), CodeOf(r.value())});
  return absl::OkStatus();
}

absl::Status Append(const intake::v1::Incident& r, engine::CaseRecords* out) {
  Converter c("Incident", r.incident_id());
  engine::Incident i;
  i.incident_id = r.incident_id();
  i.person_id = r.person_id();
  i.type = CodeOf(r.type());
  i.start = c.Time(r.start(), "start");
  if (r.has_end()) i.end = c.Time(r.end(), "end");
  out->incidents.push_back(std::move(i));
  return c.status();
}

absl::Status Append(const intake::v1::StatusSnapshot& r, engine::CaseRecords* out) {
  Converter c("StatusSnapshot", r.person_id());
  engine::StatusSnapshot s;
  s.person_id = r.person_id();
  s.as_at = c.Required(r.as_at(), "as_at");
  s.aftercare_eligible = CodeOf(r.aftercare_eligible());
  s.aftercare_receiving = CodeOf(r.aftercare_receiving());
  s.econ = CodeOf(r.econ());
  s.homeless_12m = CodeOf(r.homeless_12m());
  s.young_carer = CodeOf(r.young_carer());
  s.yc_support_accessed = CodeOf(r.yc_support_accessed());
  s.acel_on_track = CodeOf(r.acel_on_track());
  if (r.has_leaver_scqf()) s.leaver_scqf = r.leaver_scqf();
  out->status_snapshots.push_back(std::move(s));
  return c.status();
}

absl::Status Append(const intake::v1::SurveyResponse& r, engine::CaseRecords* out) {
  Converter c("SurveyResponse", r.response_id());
  out->survey_answers.push_back(
      engine::SurveyAnswer{r.response_id(), r.person_id(), CodeOf(r.respondent()),
                           c.Required(r.survey_date(), "survey_date"), CodeOf(r.context()),
                           CodeOf(r.item()), CodeOf(r.answer())});
  return c.status();
}

}  // namespace

absl::Status AppendRecord(const intake::v1::Record& record, engine::CaseRecords* records) {
  using R = intake::v1::Record;
  switch (record.record_case()) {
    case R::kChild:
      return Append(record.child(), records);
    case R::kInvolvement:
      return Append(record.involvement(), records);
    case R::kAllocation:
      return Append(record.allocation(), records);
    case R::kCpReferral:
      return Append(record.cp_referral(), records);
    case R::kCpRegistration:
      return Append(record.cp_registration(), records);
    case R::kCareEpisode:
      return Append(record.care_episode(), records);
    case R::kLegalReason:
      return Append(record.legal_reason(), records);
    case R::kPlacement:
      return Append(record.placement(), records);
    case R::kAssessment:
      return Append(record.assessment(), records);
    case R::kNeed:
      return Append(record.need(), records);
    case R::kReview:
      return Append(record.review(), records);
    case R::kReviewItem:
      return Append(record.review_item(), records);
    case R::kIncident:
      return Append(record.incident(), records);
    case R::kStatusSnapshot:
      return Append(record.status_snapshot(), records);
    case R::kSurveyResponse:
      return Append(record.survey_response(), records);
    case R::RECORD_NOT_SET:
      break;
  }
  return absl::InvalidArgumentError("intake sent a snapshot record with no record set");
}

}  // namespace pif::indicators
