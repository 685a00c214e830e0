// `pifctl import`: sends the contract CSV files of a directory to the services that take them.
#include <grpcpp/client_context.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "batch_id.h"
#include "caller_identity.h"
#include "command_args.h"
#include "commands.h"
#include "csv_files.h"
#include "import_driver.h"
#include "import_summary.h"
#include "pif/core/council.h"
#include "pif/core/default_addresses.h"
#include "pif/core/domain_status.h"
#include "pif/core/flags.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/status_mapping.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "progress.h"
#include "submission_stream.h"

namespace pif::ctl {
namespace {

constexpr int kExitAllAccepted = 0;
constexpr int kExitRejected = 1;
constexpr int kExitUsage = 2;
constexpr int kExitFailed = 3;

constexpr char kHelp[] =
    "\n"
    "Reads the CSV files of the data contract in DIR and sends each service its own: the case\n"
    "files (children.csv ... survey_responses.csv) to intake as one batch, then staff.csv and\n"
    "absences.csv to workforce as a second batch, then self_evaluations.csv to reporting as a\n"
    "third; each service validates every row. Prints each batch's counts and every rejected\n"
    "row as `FILE row N: FIELD: MESSAGE [RULE_CODE]`.\n"
    "The default batch id of each batch is derived from the council and that batch's files'\n"
    "names and contents, so running the same import again changes nothing (each service\n"
    "replays its first result).\n"
    "\n"
    "exit status: 0 every record accepted; 1 some rejected; 2 usage error; 3 import failed\n"
    "(nothing committed, or when the connection broke after the end of the batch, not known:\n"
    "run the same import again).\n";

// A service that takes contract files, and how to reach it: one entry of ServiceClients() each.
struct ServiceClient {
  TargetService target;
  std::string address_flag;
  std::string address_env;
  std::string default_address;
  std::string list_rejections_method;
  std::function<std::unique_ptr<SubmissionStream>(std::shared_ptr<grpc::Channel>, ChunkLimits)>
      open;
  // The service's record of a committed batch (its counts per record type); empty when the
  // service keeps none that a client can read.
  std::function<grpc::Status(std::shared_ptr<grpc::Channel>, const std::string& council,
                             const std::string& batch_id, common::v1::Batch*)>
      get_batch;
};

grpc::Status GetIntakeBatch(std::shared_ptr<grpc::Channel> channel, const std::string& council,
                            const std::string& batch_id, common::v1::Batch* batch) {
  auto stub = intake::v1::IntakeService::NewStub(std::move(channel));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  intake::v1::GetBatchRequest request;
  request.set_council(council);
  request.set_batch_id(batch_id);
  intake::v1::GetBatchResponse response;
  grpc::Status status = stub->GetBatch(&context, request, &response);
  if (status.ok()) *batch = response.batch();
  return status;
}

const std::vector<ServiceClient>& ServiceClients() {
  static const auto* const kClients = new std::vector<ServiceClient>{
      {TargetService::kIntake, "address", "PIFCTL_INTAKE_ADDRESS", kDefaultIntakeAddress,
       "pif.intake.v1.IntakeService/ListRejections", &OpenIntakeSubmission, &GetIntakeBatch},
      // WorkforceService has no GetBatch: a replayed workforce batch has no per-file counts.
      {TargetService::kWorkforce, "workforce_address", "PIFCTL_WORKFORCE_ADDRESS",
       kDefaultWorkforceAddress, "pif.workforce.v1.WorkforceService/ListRejections",
       &OpenWorkforceSubmission, nullptr},
      // ReportingService has no GetBatch: a replayed self-evaluation batch has no per-file
      // counts.
      {TargetService::kReporting, "reporting_address", "PIFCTL_REPORTING_ADDRESS",
       kDefaultReportingAddress, "pif.reporting.v1.ReportingService/ListRejections",
       &OpenReportingSubmission, nullptr},
  };
  return *kClients;
}

const ServiceClient* ClientFor(TargetService target) {
  for (const ServiceClient& client : ServiceClients()) {
    if (client.target == target) return &client;
  }
  return nullptr;
}

struct ImportFlags {
  std::string council;
  std::vector<std::string> addresses;  // one per ServiceClients() entry
  std::string batch_id;
  std::string source_system;
  std::string format = "text";
  int64_t chunk_records = 500;
  std::string progress = "auto";
  std::string directory;
  ProgressMode progress_mode = ProgressMode::kAuto;
};

int UsageError(const std::string& message) {
  std::cerr << "pifctl import: " << message << "\n(see pifctl import --help)\n";
  return kExitUsage;
}

// Parses and checks the arguments; returns an exit status when the command should stop.
std::optional<int> ParseFlags(const std::vector<std::string>& args, ImportFlags* flags) {
  FlagSet set("pifctl import DIR");
  set.AddString("council", "", "the council's 9-character GSS code, such as S12000033 (required)",
                &flags->council);
  flags->addresses.resize(ServiceClients().size());
  for (size_t i = 0; i < ServiceClients().size(); ++i) {
    const ServiceClient& client = ServiceClients()[i];
    flags->addresses[i] = client.default_address;
    set.AddString(client.address_flag, client.address_env,
                  absl::StrCat("host:port of the ", TargetServiceName(client.target), " service"),
                  &flags->addresses[i]);
  }
  set.AddString("batch_id", "",
                "the batch id (1 to 128 printable characters); default: derived from the council "
                "and the files' names and contents",
                &flags->batch_id);
  set.AddString("source_system", "", "free text naming the sending system, for the audit trail",
                &flags->source_system);
  set.AddString("format", "", "text or json", &flags->format);
  set.AddInt("chunk_records", "", "records per streamed message", &flags->chunk_records, 1, 100000);
  set.AddString("progress", "", "auto (on a terminal), always or never", &flags->progress);
  const SplitArgs split = SplitPositional(args);
  if (absl::Status parsed = ParseWithCallerIdentity(set, split.flags); !parsed.ok()) {
    if (absl::IsNotFound(parsed)) {
      std::cout << parsed.message() << kHelp;
      return kExitAllAccepted;
    }
    return UsageError(std::string(parsed.message()));
  }
  if (split.positional.size() != 1) {
    return UsageError(split.positional.empty()
                          ? "name the directory that holds the CSV files"
                          : "give exactly one directory (more than one argument is not a flag)");
  }
  flags->directory = split.positional[0];
  if (flags->council.empty()) return UsageError("--council is required, such as S12000033");
  if (!IsGssCode(flags->council)) {
    return UsageError(
        "--council must be a 9-character GSS code: an upper-case letter then 8 digits, such as "
        "S12000033");
  }
  if (flags->format != "text" && flags->format != "json") {
    return UsageError("--format must be text or json");
  }
  auto mode = ParseProgressMode(flags->progress);
  if (!mode.has_value()) return UsageError("--progress must be auto, always or never");
  flags->progress_mode = *mode;
  if (!flags->batch_id.empty() && !IsValidBatchId(flags->batch_id)) {
    return UsageError("--batch_id must be 1 to 128 printable ASCII characters");
  }
  return std::nullopt;
}

// Explains a failed call: what happened, and whether anything may have been committed.
void ReportFailure(const std::string& service, const std::string& address,
                   const BatchOutcome& outcome) {
  const grpc::Status& status = outcome.status;
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE) {
    std::cerr << "pifctl import: " << service << " at " << address
              << " is unreachable or unavailable: " << Printable(status.error_message()) << "\n";
  } else {
    std::cerr << "pifctl import: " << service << " at " << address << " failed the import ("
              << absl::StatusCodeToString(static_cast<absl::StatusCode>(status.error_code()))
              << "): " << Printable(status.error_message()) << "\n";
    for (const FieldViolation& violation : FieldViolationsOf(FromGrpcStatus(status))) {
      std::cerr << "  " << Printable(violation.field) << ": " << Printable(violation.message)
                << " [" << Printable(violation.rule_code) << "]\n";
    }
  }
  const bool in_doubt =
      outcome.end_sent && (status.error_code() == grpc::StatusCode::UNAVAILABLE ||
                           status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED ||
                           status.error_code() == grpc::StatusCode::CANCELLED ||
                           status.error_code() == grpc::StatusCode::UNKNOWN ||
                           status.error_code() == grpc::StatusCode::INTERNAL);
  if (in_doubt) {
    std::cerr << "The connection failed after the whole batch was sent, so it may or may not "
                 "have been committed. Run the same import again (same batch id): a committed "
                 "batch is replayed, never applied twice.\n";
  } else {
    std::cerr << "Nothing was committed.\n";
  }
}

// Sends one service's files as one batch and prints the result; returns the exit status.
int ImportInto(const ServiceClient& client, const std::string& address, const ImportFlags& flags,
               const std::vector<FileToSend>& files, const std::vector<SkippedFile>& skipped) {
  const std::string service = TargetServiceName(client.target);
  if (std::vector<csv::CsvError> errors = CheckHeaders(files); !errors.empty()) {
    for (const csv::CsvError& error : errors) std::cerr << error.ToString() << "\n";
    std::cerr << "pifctl import: stopped before sending anything; nothing was committed.\n";
    return kExitFailed;
  }
  std::string batch_id = flags.batch_id;
  if (batch_id.empty()) {
    std::vector<std::pair<std::string, std::string>> named;
    for (const FileToSend& file : files) named.emplace_back(file.contract->file_name, file.path);
    auto derived = BatchIdOfFiles(flags.council, named);
    if (!derived.ok()) {
      std::cerr << "pifctl import: " << derived.status().message() << "\n";
      return kExitFailed;
    }
    batch_id = *derived;
  }
  common::v1::BatchHeader header;
  header.set_council(flags.council);
  header.set_batch_id(batch_id);
  header.set_source_system(flags.source_system);

  std::shared_ptr<grpc::Channel> channel = OpenChannel(address);
  ChunkLimits limits;
  limits.max_records = flags.chunk_records;
  std::unique_ptr<SubmissionStream> stream = client.open(channel, limits);
  ProgressLine progress(&std::cerr,
                        ShouldShowProgress(flags.progress_mode, isatty(STDERR_FILENO) == 1));
  const BatchOutcome outcome = SubmitFiles(header, files, *stream, &progress);

  if (!outcome.file_errors.empty()) {
    for (const csv::CsvError& error : outcome.file_errors) std::cerr << error.ToString() << "\n";
    std::cerr << "pifctl import: stopped: the batch was cancelled, so nothing was committed.\n";
    return kExitFailed;
  }
  if (!outcome.status.ok()) {
    ReportFailure(service, address, outcome);
    return kExitFailed;
  }
  // Counts per file need the service's record of the batch when the reply cannot give them.
  common::v1::Batch audit;
  bool have_audit = false;
  std::string audit_error;
  if (outcome.summary.replayed() || outcome.summary.rejections_truncated()) {
    if (!client.get_batch) {
      audit_error = absl::StrCat("the ", service, " service keeps no per-file counts of a batch");
    } else {
      grpc::Status got = client.get_batch(channel, flags.council, batch_id, &audit);
      have_audit = got.ok();
      if (!got.ok()) audit_error = absl::StrCat("GetBatch failed: ", got.error_message());
    }
  }
  const ImportSummary summary =
      BuildImportSummary({service, address, client.list_rejections_method}, flags.council, outcome,
                         have_audit ? &audit : nullptr, audit_error, skipped);
  if (flags.format == "json") {
    std::cout << FormatSummaryJson(summary) << "\n";
  } else {
    std::cout << FormatSummaryText(summary);
  }
  return summary.rejected > 0 ? kExitRejected : kExitAllAccepted;
}

}  // namespace

int RunImport(const std::vector<std::string>& args) {
  ImportFlags flags;
  if (std::optional<int> stop = ParseFlags(args, &flags); stop.has_value()) return *stop;
  auto names = ListCsvFiles(flags.directory);
  if (!names.ok()) return UsageError(std::string(names.status().message()));
  auto contracts = MatchContractFiles(*names);
  if (!contracts.ok()) return UsageError(std::string(contracts.status().message()));

  std::vector<SkippedFile> skipped;
  std::vector<std::vector<FileToSend>> files_by_client(ServiceClients().size());
  for (const ContractFile* contract : *contracts) {
    const ServiceClient* client = ClientFor(contract->target);
    if (client == nullptr) {
      skipped.push_back(
          {contract->file_name, absl::StrCat("the ", TargetServiceName(contract->target),
                                             " import is not available yet")});
      continue;
    }
    const auto path = std::filesystem::path(flags.directory) / contract->file_name;
    files_by_client[static_cast<size_t>(client - ServiceClients().data())].push_back(
        {contract, path.string()});
  }
  int status = kExitAllAccepted;
  bool imported_any = false;
  std::vector<std::string> committed;  // the services whose batch is committed
  for (size_t i = 0; i < ServiceClients().size(); ++i) {
    if (files_by_client[i].empty()) continue;
    imported_any = true;
    // Skipped files are reported once, with the first batch.
    const int batch_status =
        ImportInto(ServiceClients()[i], flags.addresses[i], flags, files_by_client[i], skipped);
    skipped.clear();
    if (batch_status == kExitFailed) {
      if (!committed.empty()) {
        // "Nothing was committed" above is about this batch only.
        std::cerr << "The " << absl::StrJoin(committed, " and ")
                  << " batch above was committed; running the same import again replays it "
                     "and sends the rest.\n";
      }
      return kExitFailed;
    }
    committed.push_back(TargetServiceName(ServiceClients()[i].target));
    status = std::max(status, batch_status);
  }
  if (!imported_any) {
    for (const SkippedFile& file : skipped) {
      std::cerr << file.file << ": not imported: " << file.reason << "\n";
    }
    std::cerr << "pifctl import: nothing to import in " << flags.directory << "\n";
    return kExitFailed;
  }
  return status;
}

}  // namespace pif::ctl
