// Benchmark of intake's ingest path (issue 3, "Performance"): a million case records of the
// sample council streamed as typed records through a real pif-intake (fresh database), the
// server's resident memory sampled every 100 ms; the same rows loaded into the same tables of a
// second fresh intake database with PostgreSQL's COPY; the same files through `pifctl import`
// (--pifctl=false skips it); and the snapshot export of the million records. Prints Markdown
// tables for docs/performance.md; exit status 1 when a record was not accepted.
//
//   pif_intake_ingest_bench --pg="host=127.0.0.1 port=57432 user=postgres" [--repeat=3]
#include <grpcpp/client_context.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "nlohmann/json.hpp"
#include "pif/bench/bench_main.h"
#include "pif/bench/copy_load.h"
#include "pif/bench/fresh_database.h"
#include "pif/bench/intake_client.h"
#include "pif/bench/machine_stats.h"
#include "pif/bench/processes.h"
#include "pif/bench/query_sampler.h"
#include "pif/bench/sample_data.h"
#include "pif/grpc/channel.h"

namespace pif::bench {
namespace {

struct Options {
  Environment environment;
  int64_t records = 1000000;
  int64_t children = 40000;
  int64_t seed = 20261126;
  int64_t chunk_records = 1000;
  int64_t export_chunk_records = 5000;
  int64_t repeat = 1;
  bool pifctl = true;
  bool profile_queries = false;
  bool keep_databases = false;
};

// One load of the records by one path.
struct LoadRun {
  std::string path;
  int64_t records = 0;
  int64_t accepted = 0;
  int64_t rejected = 0;
  double wall_seconds = 0;
  double commit_seconds = -1;  // after the BatchEnd was sent; -1 when not known
  double service_cpu = -1;     // pif-intake; -1 when no service took part
  double postgres_cpu = 0;     // the database's backends
  double client_cpu = -1;      // the sending client
  int64_t rss_max = -1;        // pif-intake VmRSS, highest of the 100 ms samples
  int64_t rss_peak = -1;       // pif-intake VmHWM at the end (includes start-up)
  int64_t rss_before = -1;     // pif-intake VmRSS before the stream
  double load_before = 0;
  double load_after = 0;
  // With --profile_queries: seconds the database was seen running each statement.
  std::vector<std::pair<double, std::string>> query_profile;

  double Rate() const { return static_cast<double>(records) / wall_seconds; }
};

struct ExportRun {
  ExportResult result;
  double wall_seconds = 0;
  double service_cpu = 0;
  double postgres_cpu = 0;
  double client_cpu = 0;
  int64_t rss_max = -1;
  double load_before = 0;
  double load_after = 0;
};

std::vector<std::string> IntakeArgs(const std::string& conninfo) {
  return ServiceArgs("intake",
                     {"--listen=127.0.0.1:0", "--database_url=" + conninfo, "--drain_seconds=5"});
}

// A started pif-intake over a fresh database, with a stub as a council's system sending records
// (a submitter) and one as the indicators service reading the snapshot for an analyst.
struct RunningIntake {
  RunningIntake(const Options& options, absl::string_view prefix)
      : database(options.environment.pg, prefix),
        service(BinaryPath(options.environment.build_dir, "pif-intake"),
                IntakeArgs(database.conninfo())) {
    if (options.keep_databases) database.Keep();
    auto serving = service.WaitUntilServing();
    if (!serving.ok()) Fail("pif-intake did not start", serving.status());
    address = absl::StrCat("127.0.0.1:", *serving);
    const TestIdentity& identity = TestIdentity::Get();
    stub = intake::v1::IntakeService::NewStub(
        OpenChannel(address, identity.ClientOptionsFor({auth::Role::kSubmitter}, {kCouncil})));
    snapshot_stub = intake::v1::IntakeService::NewStub(OpenChannel(
        address, identity.ClientOptionsFor({auth::Role::kAnalyst}, {kCouncil}, "indicators")));
    // One call on each first, so the channels are connected before anything is timed.
    grpc::ClientContext list_context;
    intake::v1::ListBatchesRequest list;
    list.set_council(kCouncil);
    intake::v1::ListBatchesResponse batches;
    grpc::Status status = stub->ListBatches(&list_context, list, &batches);
    if (!status.ok()) Fail("ListBatches", absl::UnknownError(status.error_message()));
    grpc::ClientContext context;
    intake::v1::GetDataVersionRequest request;
    request.set_council(kCouncil);
    intake::v1::GetDataVersionResponse response;
    status = snapshot_stub->GetDataVersion(&context, request, &response);
    if (!status.ok()) Fail("GetDataVersion", absl::UnknownError(status.error_message()));
  }

  FreshDatabase database;
  ServiceProcess service;
  std::string address;
  std::unique_ptr<intake::v1::IntakeService::Stub> stub;
  std::unique_ptr<intake::v1::IntakeService::Stub> snapshot_stub;
};

LoadRun StreamTyped(const Options& options, RunningIntake& intake,
                    const std::vector<intake::v1::SubmitRecordsRequest>& chunks, int run) {
  LoadRun load;
  load.path = absl::StrCat("gRPC SubmitRecords, typed, ", options.chunk_records, " per chunk");
  load.records = RecordsIn(chunks);
  const pid_t pid = intake.service.pid();
  load.rss_before = ResidentBytes(pid);
  const double service_cpu = ProcessCpuSeconds(pid);
  const double postgres_cpu = BackendCpuSeconds(options.environment.pg, intake.database.name());
  const double client_cpu = SelfCpuSeconds();
  load.load_before = LoadAverage1();
  std::unique_ptr<QuerySampler> queries;
  if (options.profile_queries) {
    queries = std::make_unique<QuerySampler>(options.environment.pg, intake.database.name(),
                                             absl::Milliseconds(100));
  }
  RssSampler sampler(pid, absl::Milliseconds(100));
  const Stopwatch wall;
  auto outcome = SubmitBatch(*intake.stub, kCouncil, absl::StrCat("bench-grpc-", run), chunks);
  load.wall_seconds = wall.Seconds();
  load.rss_max = sampler.Stop();
  if (queries != nullptr) load.query_profile = queries->Stop();
  if (!outcome.ok()) Fail("the gRPC stream failed", outcome.status());
  load.commit_seconds = load.wall_seconds - outcome->sent_seconds;
  const pif::common::v1::SubmissionSummary* summary = &outcome->summary;
  load.client_cpu = SelfCpuSeconds() - client_cpu;
  load.service_cpu = ProcessCpuSeconds(pid) - service_cpu;
  load.postgres_cpu =
      BackendCpuSeconds(options.environment.pg, intake.database.name()) - postgres_cpu;
  load.rss_peak = PeakResidentBytes(pid);
  load.load_after = LoadAverage1();
  load.accepted = summary->accepted_count();
  load.rejected = summary->rejected_count();
  return load;
}

ExportRun Export(const Options& options, RunningIntake& intake) {
  ExportRun run;
  const pid_t pid = intake.service.pid();
  const double service_cpu = ProcessCpuSeconds(pid);
  const double postgres_cpu = BackendCpuSeconds(options.environment.pg, intake.database.name());
  const double client_cpu = SelfCpuSeconds();
  run.load_before = LoadAverage1();
  RssSampler sampler(pid, absl::Milliseconds(100));
  const Stopwatch wall;
  auto result = ExportSnapshot(*intake.snapshot_stub, kCouncil,
                               static_cast<int>(options.export_chunk_records));
  run.wall_seconds = wall.Seconds();
  run.rss_max = sampler.Stop();
  if (!result.ok()) Fail("the snapshot export failed", result.status());
  run.result = *result;
  run.service_cpu = ProcessCpuSeconds(pid) - service_cpu;
  run.postgres_cpu =
      BackendCpuSeconds(options.environment.pg, intake.database.name()) - postgres_cpu;
  run.client_cpu = SelfCpuSeconds() - client_cpu;
  run.load_after = LoadAverage1();
  return run;
}

LoadRun Copy(const Options& options, const CopyData& data) {
  FreshDatabase database(options.environment.pg, "ingest_copy");
  if (options.keep_databases) database.Keep();
  const std::string intake_binary = BinaryPath(options.environment.build_dir, "pif-intake");
  if (absl::Status migrated = MigrateDatabase(intake_binary, database.conninfo()); !migrated.ok()) {
    Fail("migrating the COPY database", migrated);
  }
  LoadRun load;
  load.path = "PostgreSQL COPY (libpq, text format, one transaction)";
  load.records = data.rows;
  load.load_before = LoadAverage1();
  std::unique_ptr<QuerySampler> queries;
  if (options.profile_queries) {
    queries = std::make_unique<QuerySampler>(options.environment.pg, database.name(),
                                             absl::Milliseconds(100));
  }
  auto copied = CopyLoad(database.conninfo(), data);
  if (queries != nullptr) load.query_profile = queries->Stop();
  if (!copied.ok()) Fail("the COPY load failed", copied.status());
  load.load_after = LoadAverage1();
  load.wall_seconds = copied->wall_seconds;
  load.postgres_cpu = copied->backend_cpu_seconds;
  load.accepted = data.rows;
  return load;
}

LoadRun Pifctl(const Options& options, const std::string& dir, int64_t records, int run) {
  RunningIntake intake(options, "ingest_pifctl");
  LoadRun load;
  load.path =
      absl::StrCat("pifctl import (CSV, raw records, ", options.chunk_records, " per chunk)");
  load.records = records;
  const pid_t pid = intake.service.pid();
  load.rss_before = ResidentBytes(pid);
  const double service_cpu = ProcessCpuSeconds(pid);
  const double postgres_cpu = BackendCpuSeconds(options.environment.pg, intake.database.name());
  load.load_before = LoadAverage1();
  RssSampler sampler(pid, absl::Milliseconds(100));
  std::vector<std::string> args = {"import",
                                   dir,
                                   absl::StrCat("--council=", kCouncil),
                                   "--address=" + intake.address,
                                   "--format=json",
                                   "--progress=never",
                                   absl::StrCat("--chunk_records=", options.chunk_records),
                                   absl::StrCat("--batch_id=bench-pifctl-", run)};
  for (std::string& arg : TestIdentity::Get().PifctlArgs({auth::Role::kSubmitter}, {kCouncil})) {
    args.push_back(std::move(arg));
  }
  auto command = RunMeasured(BinaryPath(options.environment.build_dir, "pifctl"), args);
  load.rss_max = sampler.Stop();
  if (!command.ok()) Fail("pifctl import", command.status());
  load.wall_seconds = command->wall_seconds;
  load.client_cpu = command->cpu_seconds;
  load.service_cpu = ProcessCpuSeconds(pid) - service_cpu;
  load.postgres_cpu =
      BackendCpuSeconds(options.environment.pg, intake.database.name()) - postgres_cpu;
  load.rss_peak = PeakResidentBytes(pid);
  load.load_after = LoadAverage1();
  nlohmann::json summary = nlohmann::json::parse(command->stdout_text, nullptr, false);
  if (command->exit_status > 1 || !summary.is_object()) {
    Fail("pifctl import", absl::InternalError(absl::StrCat("exit status ", command->exit_status,
                                                           ": ", command->stdout_text)));
  }
  load.accepted = summary.value("accepted", int64_t{0});
  load.rejected = summary.value("rejected", int64_t{0});
  return load;
}

std::string Cpu(double seconds) { return seconds < 0 ? "-" : absl::StrFormat("%.1f", seconds); }

void PrintLoads(const std::vector<std::pair<int, LoadRun>>& loads) {
  std::printf(
      "| run | path | records | accepted / rejected | wall (s) | of which after BatchEnd (s) | "
      "records/s | pif-intake CPU (s) | PostgreSQL CPU (s) | client CPU (s) | pif-intake VmRSS "
      "before / max of 100 ms samples / VmHWM (MB) | load (1 min) before → after |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const auto& [run, load] : loads) {
    std::printf(
        "| %d | %s | %lld | %lld / %lld | %.1f | %s | %.0f | %s | %s | %s | %s / %s / %s | %.2f → "
        "%.2f |\n",
        run, load.path.c_str(), static_cast<long long>(load.records),
        static_cast<long long>(load.accepted), static_cast<long long>(load.rejected),
        load.wall_seconds, Cpu(load.commit_seconds).c_str(), load.Rate(),
        Cpu(load.service_cpu).c_str(), Cpu(load.postgres_cpu).c_str(), Cpu(load.client_cpu).c_str(),
        Megabytes(load.rss_before).c_str(), Megabytes(load.rss_max).c_str(),
        Megabytes(load.rss_peak).c_str(), load.load_before, load.load_after);
  }
}

}  // namespace
}  // namespace pif::bench

namespace {

int Benchmark(int argc, char** argv) {
  using namespace pif::bench;
  Options options;
  pif::FlagSet flags("pif_intake_ingest_bench");
  AddEnvironmentFlags(flags, &options.environment);
  flags.AddInt("records", "",
               "records to stream: the first N of the sample council in contract "
               "order",
               &options.records, 1, 100000000);
  flags.AddInt("children", "",
               "children of the sample council (about 26 records each; enough "
               "for --records)",
               &options.children, 1, 10000000);
  flags.AddInt("seed", "", "seed of the sample council", &options.seed, 0, INT64_MAX);
  flags.AddInt("chunk_records", "", "records per SubmitRecords chunk message",
               &options.chunk_records, 1, 100000);
  flags.AddInt("export_chunk_records", "",
               "records per ExportSnapshot message (as pif-indicators asks)",
               &options.export_chunk_records, 1, 10000);
  flags.AddInt("repeat", "", "runs of every path, each over fresh databases", &options.repeat, 1,
               100);
  flags.AddBool("pifctl", "", "also import the same CSV files with `pifctl import`",
                &options.pifctl);
  flags.AddBool("profile_queries", "",
                "sample pg_stat_activity every 100 ms during the gRPC stream and print where "
                "PostgreSQL's time went",
                &options.profile_queries);
  flags.AddBool("keep_databases", "", "leave the benchmark's databases in place",
                &options.keep_databases);
  ParseOrExit(flags, argc, argv, options.environment);

  std::cerr << "generating the sample council (" << options.children << " children)\n";
  pif::engine::CaseRecords records =
      SampleCaseRecords(options.children, static_cast<uint64_t>(options.seed));
  const int64_t generated = CountRecords(records);
  if (generated < options.records) {
    std::cerr << "the sample council of " << options.children << " children has only " << generated
              << " records; raise --children\n";
    return 2;
  }
  KeepFirstRecords(options.records, &records);
  TempDir dir;
  if (absl::Status written = WriteCaseCsv(records, dir.path()); !written.ok()) {
    Fail("writing the CSV files", written);
  }
  records = {};  // the files are the source from here on
  std::cerr << "building the typed chunks and the COPY rows\n";
  auto chunks = TypedChunks(dir.path(), options.chunk_records);
  if (!chunks.ok()) Fail("reading the CSV files", chunks.status());
  auto copy_data = BuildCopyData(dir.path(), kCouncil);
  if (!copy_data.ok()) Fail("reading the CSV files", copy_data.status());

  std::printf(
      "## Intake ingest: %lld records (the first %lld of a %lld-children sample council, "
      "seed %lld, in contract order)\n\n",
      static_cast<long long>(RecordsIn(*chunks)), static_cast<long long>(options.records),
      static_cast<long long>(options.children), static_cast<long long>(options.seed));
  std::printf("Machine: %s; PostgreSQL on the same machine. Start: %s.\n\n", MachineText().c_str(),
              LoadText().c_str());
  std::printf("| table | rows |\n|---|---|\n");
  for (const CopyTable& table : copy_data->tables) {
    std::printf("| %s | %lld |\n", table.table.c_str(), static_cast<long long>(table.rows));
  }
  std::printf("\n");
  std::fflush(stdout);

  std::vector<std::pair<int, LoadRun>> loads;
  std::vector<std::pair<int, ExportRun>> exports;
  std::vector<std::tuple<int, double, double, double, double>> ratios;
  bool every_record_accepted = true;
  for (int run = 1; run <= options.repeat; ++run) {
    std::cerr << "run " << run << ": gRPC stream\n";
    LoadRun grpc_load;
    {
      RunningIntake intake(options, "ingest_grpc");
      grpc_load = StreamTyped(options, intake, *chunks, run);
      std::cerr << "run " << run << ": snapshot export\n";
      exports.emplace_back(run, Export(options, intake));
      if (absl::Status stopped = intake.service.Stop(); !stopped.ok()) {
        Fail("stopping pif-intake", stopped);
      }
    }
    std::cerr << "run " << run << ": COPY\n";
    LoadRun copy_load = Copy(options, *copy_data);
    ratios.emplace_back(run, grpc_load.Rate(), copy_load.Rate(),
                        grpc_load.service_cpu + grpc_load.postgres_cpu, copy_load.postgres_cpu);
    every_record_accepted =
        every_record_accepted && grpc_load.rejected == 0 && grpc_load.accepted == grpc_load.records;
    loads.emplace_back(run, grpc_load);
    loads.emplace_back(run, copy_load);
    if (options.pifctl) {
      std::cerr << "run " << run << ": pifctl import\n";
      LoadRun pifctl_load = Pifctl(options, dir.path(), RecordsIn(*chunks), run);
      every_record_accepted = every_record_accepted && pifctl_load.rejected == 0 &&
                              pifctl_load.accepted == pifctl_load.records;
      loads.emplace_back(run, pifctl_load);
    }
  }

  std::printf("### Loads\n\n");
  PrintLoads(loads);
  for (const auto& [run, load] : loads) {
    if (load.query_profile.empty()) continue;
    std::printf(
        "\n#### Run %d, %s: statements PostgreSQL was running (pg_stat_activity every 100 "
        "ms)\n\n| seconds seen | statement (beginning) |\n|---|---|\n",
        run, load.path.c_str());
    double rest = 0;
    double total = 0;
    for (const auto& [seconds, query] : load.query_profile) {
      total += seconds;
      if (seconds < 0.1) {
        rest += seconds;
        continue;
      }
      std::string cell = query;
      for (char& c : cell) {
        if (c == '|') c = '/';
      }
      std::printf("| %.1f | `%s` |\n", seconds, cell.c_str());
    }
    std::printf("| %.1f | every other statement (each under 0.1 s) |\n| %.1f | all |\n", rest,
                total);
  }
  std::printf("\n### gRPC against COPY (target: gRPC at least 0.5 of COPY's rate)\n\n");
  std::printf(
      "| run | gRPC records/s | COPY records/s | gRPC / COPY (wall) | target met | server CPU per "
      "1M records, gRPC: intake + PostgreSQL (s) | COPY: PostgreSQL (s) | COPY / gRPC (CPU) |\n");
  std::printf("|---|---|---|---|---|---|---|---|\n");
  const double million = 1e6 / static_cast<double>(RecordsIn(*chunks));
  for (const auto& [run, grpc_rate, copy_rate, grpc_cpu, copy_cpu] : ratios) {
    std::printf("| %d | %.0f | %.0f | %.2f | %s | %.1f | %.1f | %.2f |\n", run, grpc_rate,
                copy_rate, grpc_rate / copy_rate, grpc_rate / copy_rate >= 0.5 ? "yes" : "NO",
                grpc_cpu * million, copy_cpu * million, copy_cpu / grpc_cpu);
  }
  std::printf("\n### Server memory during the stream (target: under 300 MB resident)\n\n");
  std::printf("| run | path | max VmRSS, 100 ms samples (MB) | target met |\n|---|---|---|---|\n");
  for (const auto& [run, load] : loads) {
    if (load.rss_max < 0) continue;
    std::printf("| %d | %s | %s | %s |\n", run, load.path.c_str(), Megabytes(load.rss_max).c_str(),
                load.rss_max < 300 * 1000 * 1000 ? "yes" : "NO");
  }
  std::printf("\n### Snapshot export (ExportSnapshot, %lld records per message)\n\n",
              static_cast<long long>(options.export_chunk_records));
  std::printf(
      "| run | records | messages | MB | wall (s) | records/s | MB/s | pif-intake CPU (s) | "
      "PostgreSQL CPU (s) | client CPU (s) | pif-intake max VmRSS (MB) | load (1 min) before → "
      "after |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const auto& [run, e] : exports) {
    std::printf(
        "| %d | %lld | %lld | %.1f | %.1f | %.0f | %.1f | %.1f | %.1f | %.1f | %s | %.2f → %.2f "
        "|\n",
        run, static_cast<long long>(e.result.records), static_cast<long long>(e.result.messages),
        static_cast<double>(e.result.bytes) / 1e6, e.wall_seconds,
        static_cast<double>(e.result.records) / e.wall_seconds,
        static_cast<double>(e.result.bytes) / 1e6 / e.wall_seconds, e.service_cpu, e.postgres_cpu,
        e.client_cpu, Megabytes(e.rss_max).c_str(), e.load_before, e.load_after);
  }
  if (!every_record_accepted) {
    std::printf("\n**Not every record was accepted: see the accepted / rejected column.**\n");
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return pif::bench::RunGuarded(Benchmark, argc, argv); }
