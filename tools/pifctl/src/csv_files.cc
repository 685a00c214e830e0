#include "csv_files.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "pif/intake/v1/records.pb.h"
#include "pif/reporting/v1/self_evaluation.pb.h"
#include "pif/workforce/v1/records.pb.h"

namespace pif::ctl {
namespace {

namespace intake = ::pif::intake::v1;
namespace workforce = ::pif::workforce::v1;
namespace reporting = ::pif::reporting::v1;

// The contract file whose name equals `name` ignoring letter case, or nullptr.
const ContractFile* FindIgnoringCase(const std::string& name) {
  for (const ContractFile& file : ContractFiles()) {
    if (absl::EqualsIgnoreCase(file.file_name, name)) return &file;
  }
  return nullptr;
}

}  // namespace

const char* TargetServiceName(TargetService target) {
  switch (target) {
    case TargetService::kIntake:
      return "intake";
    case TargetService::kWorkforce:
      return "workforce";
    case TargetService::kReporting:
      return "reporting";
  }
  return "unknown";
}

const std::vector<ContractFile>& ContractFiles() {
  static const auto* const kFiles = new std::vector<ContractFile>{
      {"children.csv", &intake::Child::descriptor, TargetService::kIntake},
      {"involvements.csv", &intake::Involvement::descriptor, TargetService::kIntake},
      {"allocations.csv", &intake::Allocation::descriptor, TargetService::kIntake},
      {"cp_referrals.csv", &intake::CpReferral::descriptor, TargetService::kIntake},
      {"cp_registrations.csv", &intake::CpRegistration::descriptor, TargetService::kIntake},
      {"care_episodes.csv", &intake::CareEpisode::descriptor, TargetService::kIntake},
      {"legal_reasons.csv", &intake::LegalReason::descriptor, TargetService::kIntake},
      {"placements.csv", &intake::Placement::descriptor, TargetService::kIntake},
      {"assessments.csv", &intake::Assessment::descriptor, TargetService::kIntake},
      {"needs.csv", &intake::Need::descriptor, TargetService::kIntake},
      {"reviews.csv", &intake::Review::descriptor, TargetService::kIntake},
      {"review_items.csv", &intake::ReviewItem::descriptor, TargetService::kIntake},
      {"incidents.csv", &intake::Incident::descriptor, TargetService::kIntake},
      {"status_snapshots.csv", &intake::StatusSnapshot::descriptor, TargetService::kIntake},
      {"survey_responses.csv", &intake::SurveyResponse::descriptor, TargetService::kIntake},
      {"staff.csv", &workforce::StaffRecord::descriptor, TargetService::kWorkforce},
      {"absences.csv", &workforce::Absence::descriptor, TargetService::kWorkforce},
      {"self_evaluations.csv", &reporting::SelfEvaluation::descriptor, TargetService::kReporting},
  };
  return *kFiles;
}

std::string RecordTypeOf(const ContractFile& file) { return file.descriptor()->name(); }

std::vector<std::string> ColumnsOf(const ContractFile& file) {
  const google::protobuf::Descriptor* message = file.descriptor();
  std::vector<std::string> columns;
  columns.reserve(message->field_count());
  for (int i = 0; i < message->field_count(); ++i) columns.push_back(message->field(i)->name());
  return columns;
}

absl::StatusOr<std::vector<const ContractFile*>> MatchContractFiles(
    const std::vector<std::string>& csv_names) {
  if (csv_names.empty()) {
    return absl::InvalidArgumentError(
        "no CSV file found: expected files of the data contract such as children.csv");
  }
  std::vector<std::string> unknown;
  std::vector<const ContractFile*> matched;
  for (const ContractFile& file : ContractFiles()) {
    if (std::find(csv_names.begin(), csv_names.end(), file.file_name) != csv_names.end()) {
      matched.push_back(&file);
    }
  }
  std::vector<std::string> sorted_names = csv_names;
  std::sort(sorted_names.begin(), sorted_names.end());
  for (const std::string& name : sorted_names) {
    const ContractFile* near = FindIgnoringCase(name);
    if (near != nullptr && near->file_name == name) continue;
    unknown.push_back(
        near == nullptr ? name : absl::StrCat(name, " (did you mean ", near->file_name, "?)"));
  }
  if (!unknown.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("not a file of the data contract: ", absl::StrJoin(unknown, ", "),
                     "; rename or remove it (nothing was imported, so that no data is silently "
                     "left out)"));
  }
  return matched;
}

absl::StatusOr<std::vector<std::string>> ListCsvFiles(const std::string& directory) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(directory, error)) {
    return absl::InvalidArgumentError(absl::StrCat(directory, " is not a directory"));
  }
  fs::directory_iterator entries(directory, error);
  if (error) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot read directory ", directory, ": ", error.message()));
  }
  std::vector<std::string> names;
  while (!error && entries != fs::directory_iterator()) {
    const std::string name = entries->path().filename().string();
    std::error_code type_error;
    if (absl::EndsWithIgnoreCase(name, ".csv") && entries->is_regular_file(type_error)) {
      names.push_back(name);
    }
    entries.increment(error);
  }
  if (error) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot read directory ", directory, ": ", error.message()));
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace pif::ctl
