// The case records of one council as the engine sees them: plain structs mirroring
// the case data contract (pif/intake/domain/case_schema.h) field for field. Codes are the
// contract's text codes ("FOST_LA"); an empty string or an empty optional means "not recorded".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pif/dates/date.h"
#include "pif/dates/local_datetime.h"

namespace pif::engine {

using dates::Date;
using dates::LocalDateTime;

// A child or young person (children.csv).
struct Child {
  std::string person_id;
  std::optional<Date> dob;           // empty if unborn
  std::optional<Date> expected_dob;  // for unborn children
  std::string sex;                   // M, F, X, NK
  std::string ethnic_group;          // council's text code
  std::string disability;            // Y, N, NK
  std::string locality;              // council's text
  std::string family_group_id;       // children sharing a birth parent share it
};

// An open case on one basis (involvements.csv).
struct Involvement {
  std::string involvement_id;
  std::string person_id;
  Date open_date;
  std::optional<Date> close_date;
  std::string basis;             // VOL, LAC, CP, PRE_BIRTH, ...
  std::string has_current_plan;  // Y, N
  std::string close_reason;      // NEEDS_MET, TRANSFER_ADULT, ...
  std::string exit_interview;    // DONE, DECLINED, NOT_OFFERED, NA
};

// A worker allocated to an involvement (allocations.csv); empty staff_id = team or duty.
struct Allocation {
  std::string allocation_id;
  std::string involvement_id;
  std::string staff_id;
  Date start_date;
  std::optional<Date> end_date;
};

// A child protection referral (cp_referrals.csv).
struct CpReferral {
  std::string referral_id;
  std::string person_id;
  Date referral_date;
};

// A child protection register spell (cp_registrations.csv).
struct CpRegistration {
  std::string registration_id;
  std::string person_id;
  Date registration_date;
  std::string conference_type;  // INITIAL, PRE_BIRTH, TRANSFER_IN
  std::optional<Date> deregistration_date;
  std::string deregistration_reason;  // IMPROVED_HOME, ..., TRANSFER_OUT, ...
};

// A looked-after episode (care_episodes.csv).
struct CareEpisode {
  std::string episode_id;
  std::string person_id;
  Date start_date;
  std::optional<Date> end_date;
  std::string destination;  // HOME_PARENTS, FRIENDS_RELATIVES, KINSHIP_CARE_ORDER, ...
};

// The legal basis within an episode (legal_reasons.csv).
struct LegalReason {
  std::string legal_id;
  std::string episode_id;
  Date start_date;
  std::optional<Date> end_date;
  std::string code;  // S25, CSO_HOME, ...
};

// A placement within an episode (placements.csv).
struct Placement {
  std::string placement_id;
  std::string episode_id;
  std::string carer_id;
  Date start_date;
  std::optional<Date> end_date;
  std::string type;                  // HOME, KIN, FOST_LA, ...
  std::string foster_type;           // PERMANENT, ..., SHORT_BREAK, NA
  std::string short_break;           // Y, N
  std::string permanent_substitute;  // Y, N
  std::string outwith_approval;      // Y, N
};

// An assessment (assessments.csv).
struct Assessment {
  std::string assessment_id;
  std::string person_id;
  std::string
      type;  // SW, SW_CONTRIB, HEALTH_LAC, KINSHIP_CARER, YCS, EQUIP, TRANSITION, DEV_REVIEW
  std::optional<Date> requested_date;
  std::optional<Date> due_date;
  std::optional<Date> completed_date;
  std::string status;       // COMPLETE, OPEN, WITHDRAWN
  std::string child_views;  // RECORDED, DECLINED, NOT_ABLE, NOT_RECORDED
  std::string dev_concern;  // Y, N
};

// A need identified by an assessment (needs.csv).
struct Need {
  std::string need_id;
  std::string assessment_id;
  std::string domain;  // HEALTH, KINSHIP_SUPPORT, EQUIP_ADAPT, YC_SUPPORT
  std::optional<Date> identified_date;
  std::optional<Date> target_date;
  std::string status;  // MET, IN_HAND, NOT_MET
  std::optional<Date> status_date;
};

// A review meeting (reviews.csv).
struct Review {
  std::string review_id;
  std::string person_id;
  std::string type;  // LAC, CP_REVIEW, CHILD_PLAN, HEARING_REPORT
  Date meeting_date;
  std::optional<Date> sw_due_date;
  std::optional<Date> sw_submitted_date;
};

// A finding recorded at a review (review_items.csv); key (review_id, item).
struct ReviewItem {
  std::string review_id;
  std::string item;   // HIGH_RISK, SUPPORT_EFFECTIVE, ...
  std::string value;  // YES, NO, PARTLY, IMPROVED, MAINTAINED, DETERIORATED, NA, NK
};

// An incident (incidents.csv); times are Europe/London wall-clock.
struct Incident {
  std::string incident_id;
  std::string person_id;
  std::string type;  // MISSING, SELF_HARM, SUICIDE_ATTEMPT, SUICIDE, PREGNANCY, OFFENCE, HOMELESS
  LocalDateTime start = LocalDateTime::StartOf(Date());
  std::optional<LocalDateTime> end;  // MISSING only
};

// The status of a person as at a date (status_snapshots.csv); key (person_id, as_at).
struct StatusSnapshot {
  std::string person_id;
  Date as_at;
  std::string aftercare_eligible;   // Y, N
  std::string aftercare_receiving;  // Y, N
  std::string econ;                 // SCHOOL, FE_HE, ..., NK
  std::string homeless_12m;         // Y, N, NK
  std::string young_carer;          // Y, N
  std::string yc_support_accessed;  // Y, N, NA
  std::string acel_on_track;        // Y, N, NA
  std::optional<int> leaver_scqf;   // 0-12
};

// One answer in one returned questionnaire (survey_responses.csv); key (response_id, item).
struct SurveyAnswer {
  std::string response_id;
  std::string person_id;   // empty if anonymous
  std::string respondent;  // CHILD, PARENT_CARER
  Date survey_date;
  std::string context;  // PERIODIC, REVIEW, EXIT
  std::string item;     // SAFE_NOW, ...
  std::string answer;   // YES, PARTLY, NO, DK, NA
};

// Every case record of one council, as exported by intake at one data version.
struct CaseRecords {
  std::vector<Child> children;
  std::vector<Involvement> involvements;
  std::vector<Allocation> allocations;
  std::vector<CpReferral> cp_referrals;
  std::vector<CpRegistration> cp_registrations;
  std::vector<CareEpisode> care_episodes;
  std::vector<LegalReason> legal_reasons;
  std::vector<Placement> placements;
  std::vector<Assessment> assessments;
  std::vector<Need> needs;
  std::vector<Review> reviews;
  std::vector<ReviewItem> review_items;
  std::vector<Incident> incidents;
  std::vector<StatusSnapshot> status_snapshots;
  std::vector<SurveyAnswer> survey_answers;
};

}  // namespace pif::engine
