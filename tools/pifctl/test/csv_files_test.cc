#include "csv_files.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_files.h"

namespace pif::ctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> NamesOf(const std::vector<const ContractFile*>& files) {
  std::vector<std::string> names;
  for (const ContractFile* file : files) names.push_back(file->file_name);
  return names;
}

TEST(ContractFilesTest, ListsTheIntakeFilesParentsFirstThenWorkforceThenReporting) {
  std::vector<std::string> names;
  std::vector<std::string> types;
  for (const ContractFile& file : ContractFiles()) {
    names.push_back(file.file_name);
    types.push_back(RecordTypeOf(file));
  }
  EXPECT_THAT(names, ElementsAre("children.csv", "involvements.csv", "allocations.csv",
                                 "cp_referrals.csv", "cp_registrations.csv", "care_episodes.csv",
                                 "legal_reasons.csv", "placements.csv", "assessments.csv",
                                 "needs.csv", "reviews.csv", "review_items.csv", "incidents.csv",
                                 "status_snapshots.csv", "survey_responses.csv", "staff.csv",
                                 "absences.csv", "self_evaluations.csv"));
  EXPECT_THAT(types,
              ElementsAre("Child", "Involvement", "Allocation", "CpReferral", "CpRegistration",
                          "CareEpisode", "LegalReason", "Placement", "Assessment", "Need", "Review",
                          "ReviewItem", "Incident", "StatusSnapshot", "SurveyResponse",
                          "StaffRecord", "Absence", "SelfEvaluation"));
}

TEST(ContractFilesTest, SendsCaseFilesToIntakeStaffAndAbsencesToWorkforceEvaluationsToReporting) {
  std::map<std::string, TargetService> target;
  for (const ContractFile& file : ContractFiles()) target[file.file_name] = file.target;
  EXPECT_EQ(target["children.csv"], TargetService::kIntake);
  EXPECT_EQ(target["survey_responses.csv"], TargetService::kIntake);
  EXPECT_EQ(target["staff.csv"], TargetService::kWorkforce);
  EXPECT_EQ(target["absences.csv"], TargetService::kWorkforce);
  EXPECT_EQ(target["self_evaluations.csv"], TargetService::kReporting);
  EXPECT_STREQ(TargetServiceName(TargetService::kWorkforce), "workforce");
}

// The columns are taken from the proto messages; this pins them to case-data.md's table.
TEST(ContractFilesTest, ColumnsAreExactlyTheContractFieldsOfEachFile) {
  const std::map<std::string, std::vector<std::string>> contract = {
      {"children.csv",
       {"person_id", "dob", "expected_dob", "sex", "ethnic_group", "disability", "locality",
        "family_group_id"}},
      {"involvements.csv",
       {"involvement_id", "person_id", "open_date", "close_date", "basis", "has_current_plan",
        "close_reason", "exit_interview"}},
      {"allocations.csv",
       {"allocation_id", "involvement_id", "staff_id", "start_date", "end_date"}},
      {"cp_referrals.csv", {"referral_id", "person_id", "referral_date"}},
      {"cp_registrations.csv",
       {"registration_id", "person_id", "registration_date", "conference_type",
        "deregistration_date", "deregistration_reason"}},
      {"care_episodes.csv", {"episode_id", "person_id", "start_date", "end_date", "destination"}},
      {"legal_reasons.csv", {"legal_id", "episode_id", "start_date", "end_date", "code"}},
      {"placements.csv",
       {"placement_id", "episode_id", "carer_id", "start_date", "end_date", "type", "foster_type",
        "short_break", "permanent_substitute", "outwith_approval"}},
      {"assessments.csv",
       {"assessment_id", "person_id", "type", "requested_date", "due_date", "completed_date",
        "status", "child_views", "dev_concern"}},
      {"needs.csv",
       {"need_id", "assessment_id", "domain", "identified_date", "target_date", "status",
        "status_date"}},
      {"reviews.csv",
       {"review_id", "person_id", "type", "meeting_date", "sw_due_date", "sw_submitted_date"}},
      {"review_items.csv", {"review_id", "item", "value"}},
      {"incidents.csv", {"incident_id", "person_id", "type", "start", "end"}},
      {"status_snapshots.csv",
       {"person_id", "as_at", "aftercare_eligible", "aftercare_receiving", "econ", "homeless_12m",
        "young_carer", "yc_support_accessed", "acel_on_track", "leaver_scqf"}},
      {"survey_responses.csv",
       {"response_id", "person_id", "respondent", "survey_date", "context", "item", "answer"}},
      {"staff.csv",
       {"staff_id", "valid_from", "valid_to", "role", "manager_level", "employment",
        "service_start_date", "fte", "sssc_status", "reg_qual_met", "nts_qual_met", "cpd_plan_date",
        "mgmt_qual"}},
      {"absences.csv", {"absence_id", "staff_id", "month", "type", "fte_days_lost"}},
      {"self_evaluations.csv",
       {"eval_id", "area", "qi_ref", "eval_date", "grade", "evidence", "approved_by"}},
  };
  ASSERT_EQ(contract.size(), ContractFiles().size());
  for (const ContractFile& file : ContractFiles()) {
    EXPECT_EQ(ColumnsOf(file), contract.at(file.file_name)) << file.file_name;
  }
}

TEST(MatchContractFilesTest, PutsTheFilesFoundInContractOrder) {
  auto matched = MatchContractFiles(
      {"survey_responses.csv", "placements.csv", "children.csv", "care_episodes.csv"});
  ASSERT_TRUE(matched.ok()) << matched.status();
  EXPECT_THAT(NamesOf(*matched), ElementsAre("children.csv", "care_episodes.csv", "placements.csv",
                                             "survey_responses.csv"));
}

TEST(MatchContractFilesTest, KeepsWorkforceAndReportingFilesForTheCallerToRoute) {
  auto matched = MatchContractFiles({"staff.csv", "children.csv", "self_evaluations.csv"});
  ASSERT_TRUE(matched.ok()) << matched.status();
  EXPECT_THAT(NamesOf(*matched), ElementsAre("children.csv", "staff.csv", "self_evaluations.csv"));
}

TEST(MatchContractFilesTest, RejectsEveryFileThatIsNotInTheContractNamingIt) {
  auto matched = MatchContractFiles({"children.csv", "placement.csv", "notes.csv"});
  ASSERT_FALSE(matched.ok());
  EXPECT_TRUE(absl::IsInvalidArgument(matched.status()));
  EXPECT_THAT(matched.status().message(), HasSubstr("notes.csv, placement.csv"));
  EXPECT_THAT(matched.status().message(), Not(HasSubstr("children.csv")));
}

TEST(MatchContractFilesTest, SuggestsTheContractNameWhenOnlyTheLetterCaseDiffers) {
  auto matched = MatchContractFiles({"Children.CSV"});
  ASSERT_FALSE(matched.ok());
  EXPECT_THAT(matched.status().message(), HasSubstr("Children.CSV (did you mean children.csv?)"));
}

TEST(MatchContractFilesTest, RejectsADirectoryWithoutAnyCsvFile) {
  auto matched = MatchContractFiles({});
  ASSERT_FALSE(matched.ok());
  EXPECT_THAT(matched.status().message(), HasSubstr("no CSV file found"));
}

TEST(ListCsvFilesTest, ListsRegularFilesEndingInCsvInAnyCase) {
  testing::TestDirectory dir;
  dir.Write("children.csv", "person_id\n");
  dir.Write("NOTES.CSV", "x\n");
  dir.Write("README.txt", "not csv\n");
  dir.Write("children.csv.bak", "person_id\n");
  std::filesystem::create_directory(std::filesystem::path(dir.path()) / "old.csv");
  auto names = ListCsvFiles(dir.path());
  ASSERT_TRUE(names.ok()) << names.status();
  EXPECT_THAT(*names, ElementsAre("NOTES.CSV", "children.csv"));
}

TEST(ListCsvFilesTest, RefusesAPathThatIsNotADirectory) {
  testing::TestDirectory dir;
  const std::string file = dir.Write("children.csv", "person_id\n");
  auto names = ListCsvFiles(file);
  ASSERT_FALSE(names.ok());
  EXPECT_THAT(names.status().message(), HasSubstr("is not a directory"));
  EXPECT_FALSE(ListCsvFiles(dir.path() + "/missing").ok());
}

}  // namespace
}  // namespace pif::ctl
