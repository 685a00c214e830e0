// The CSV files of the interchange contract (shared/spec/case-data.md): which files a directory
// may hold, the record type and columns of each, the service that takes it, and their order.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "google/protobuf/descriptor.h"

namespace pif::ctl {

// The service a contract file's records are sent to.
enum class TargetService { kIntake, kWorkforce, kReporting };

// The service's short name, as messages name it: "intake", "workforce", "reporting".
const char* TargetServiceName(TargetService target);

// One file of the contract. Its record type is the message's name and its allowed columns are
// the message's field names (docs/api.md: "one naming rule").
struct ContractFile {
  const char* file_name;                                // `placements.csv`
  const google::protobuf::Descriptor* (*descriptor)();  // pif.intake.v1.Placement
  TargetService target;
};

// Every contract file, parents before the records that refer to them (the intake files in
// RecordType order, then workforce, then reporting).
const std::vector<ContractFile>& ContractFiles();

// The record type of a file: the message name, for example `Placement`.
std::string RecordTypeOf(const ContractFile& file);

// The columns a file's header may name: the message's field names, in field order.
std::vector<std::string> ColumnsOf(const ContractFile& file);

// Matches the CSV file names found in a directory to the contract, in contract order.
// INVALID_ARGUMENT naming every file that is not a contract file (with a hint when only the
// letter case differs), or when there is no CSV file at all.
absl::StatusOr<std::vector<const ContractFile*>> MatchContractFiles(
    const std::vector<std::string>& csv_names);

// The names of the CSV files (regular files whose name ends in `.csv`, in any letter case)
// directly in `directory`. INVALID_ARGUMENT when it is not a readable directory.
absl::StatusOr<std::vector<std::string>> ListCsvFiles(const std::string& directory);

}  // namespace pif::ctl
