// Benchmark of the whole ComputeIndicators rpc (issue 4, "Performance"): the sample council's
// records for 100,000 children imported through a real pif-intake (gRPC, typed records), then
// every indicator with every breakdown, INTERNAL, computed through a real pif-indicators over a
// fresh database: the first call (snapshot pulled from intake, computed, stored), the same call
// again (the stored result), and the call after a one-record batch (a new data version: pulled
// and computed again). Prints Markdown tables for docs/performance.md.
//
//   pif_compute_rpc_bench --pg="host=127.0.0.1 port=57432 user=postgres" [--repeat=3]
#include <grpcpp/client_context.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "pif/bench/bench_main.h"
#include "pif/bench/fresh_database.h"
#include "pif/bench/intake_client.h"
#include "pif/bench/machine_stats.h"
#include "pif/bench/processes.h"
#include "pif/bench/sample_data.h"
#include "pif/grpc/channel.h"
#include "pif/indicators/v1/indicators_service.grpc.pb.h"

namespace pif::bench {
namespace {

struct Options {
  Environment environment;
  int64_t children = 100000;
  int64_t seed = 20261126;
  int64_t chunk_records = 1000;
  int64_t repeat = 3;
  bool keep_databases = false;
};

// One ComputeIndicators call and what it cost.
struct Call {
  int run = 0;
  std::string what;
  double wall_seconds = 0;
  bool reused = false;
  int64_t data_version = 0;
  int results = 0;
  int64_t breakdown_cells = 0;
  int64_t response_bytes = 0;
  double indicators_cpu = 0;
  double intake_cpu = 0;
  double indicators_postgres_cpu = 0;
  double intake_postgres_cpu = 0;
  int64_t indicators_rss_after = -1;
  int64_t indicators_peak = -1;
  double load_before = 0;
  double load_after = 0;
};

common::v1::Date DateOf(int year, int month, int day) {
  common::v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

indicators::v1::ComputeIndicatorsRequest EveryIndicatorRequest() {
  indicators::v1::ComputeIndicatorsRequest request;
  request.set_council(kCouncil);
  *request.mutable_period()->mutable_first_day() = DateOf(2024, 8, 1);
  *request.mutable_period()->mutable_last_day() = DateOf(2025, 7, 31);
  for (const char* dimension : {"sex", "age_band", "ethnic_group", "disability", "locality"}) {
    request.add_breakdown_dimensions(dimension);
  }
  request.set_disclosure_mode(common::v1::DISCLOSURE_MODE_INTERNAL);
  return request;
}

Call Compute(indicators::v1::IndicatorsService::Stub& stub, const ServiceProcess& indicators,
             const ServiceProcess& intake, const Environment& environment,
             const std::string& indicators_db, const std::string& intake_db, int run,
             const std::string& what) {
  Call call;
  call.run = run;
  call.what = what;
  const double indicators_cpu = ProcessCpuSeconds(indicators.pid());
  const double intake_cpu = ProcessCpuSeconds(intake.pid());
  const double postgres_cpu = BackendCpuSeconds(environment.pg, indicators_db);
  const double intake_postgres_cpu = BackendCpuSeconds(environment.pg, intake_db);
  call.load_before = LoadAverage1();
  grpc::ClientContext context;
  indicators::v1::ComputeIndicatorsResponse response;
  const Stopwatch wall;
  const grpc::Status status = stub.ComputeIndicators(&context, EveryIndicatorRequest(), &response);
  call.wall_seconds = wall.Seconds();
  if (!status.ok()) Fail("ComputeIndicators", absl::UnknownError(status.error_message()));
  call.indicators_cpu = ProcessCpuSeconds(indicators.pid()) - indicators_cpu;
  call.intake_cpu = ProcessCpuSeconds(intake.pid()) - intake_cpu;
  call.indicators_postgres_cpu = BackendCpuSeconds(environment.pg, indicators_db) - postgres_cpu;
  call.intake_postgres_cpu = BackendCpuSeconds(environment.pg, intake_db) - intake_postgres_cpu;
  call.indicators_rss_after = ResidentBytes(indicators.pid());
  call.indicators_peak = PeakResidentBytes(indicators.pid());
  call.load_after = LoadAverage1();
  call.reused = response.reused();
  call.data_version = response.provenance().intake_data_version();
  call.results = response.results_size();
  for (const auto& result : response.results()) call.breakdown_cells += result.breakdowns_size();
  call.response_bytes = static_cast<int64_t>(response.ByteSizeLong());
  return call;
}

}  // namespace
}  // namespace pif::bench

namespace {

int Benchmark(int argc, char** argv) {
  using namespace pif::bench;
  Options options;
  pif::FlagSet flags("pif_compute_rpc_bench");
  AddEnvironmentFlags(flags, &options.environment);
  flags.AddInt("children", "", "children of the sample council", &options.children, 1, 10000000);
  flags.AddInt("seed", "", "seed of the sample council", &options.seed, 0, INT64_MAX);
  flags.AddInt("chunk_records", "", "records per SubmitRecords chunk message",
               &options.chunk_records, 1, 100000);
  flags.AddInt("repeat", "",
               "runs of the three calls, each with a fresh pif-indicators and database",
               &options.repeat, 1, 100);
  flags.AddBool("keep_databases", "", "leave the benchmark's databases in place",
                &options.keep_databases);
  ParseOrExit(flags, argc, argv, options.environment);
  const Environment& environment = options.environment;

  std::cerr << "generating the sample council (" << options.children << " children)\n";
  std::vector<pif::intake::v1::SubmitRecordsRequest> chunks;
  {
    pif::engine::CaseRecords records =
        SampleCaseRecords(options.children, static_cast<uint64_t>(options.seed));
    TempDir dir;
    if (absl::Status written = WriteCaseCsv(records, dir.path()); !written.ok()) {
      Fail("writing the CSV files", written);
    }
    auto typed = TypedChunks(dir.path(), options.chunk_records);
    if (!typed.ok()) Fail("reading the CSV files", typed.status());
    chunks = *std::move(typed);
  }
  const int64_t record_count = RecordsIn(chunks);

  FreshDatabase intake_db(environment.pg, "compute_intake");
  if (options.keep_databases) intake_db.Keep();
  ServiceProcess intake(
      BinaryPath(environment.build_dir, "pif-intake"),
      ServiceArgs("intake", {"--listen=127.0.0.1:0", "--database_url=" + intake_db.conninfo(),
                             "--drain_seconds=5"}));
  auto intake_port = intake.WaitUntilServing();
  if (!intake_port.ok()) Fail("pif-intake did not start", intake_port.status());
  const std::string intake_address = absl::StrCat("127.0.0.1:", *intake_port);
  // A council's system sends the records; an analyst computes (also a submitter: indicators reads
  // intake's open rejections on the analyst's behalf).
  auto intake_stub = pif::intake::v1::IntakeService::NewStub(pif::OpenChannel(
      intake_address,
      TestIdentity::Get().ClientOptionsFor({pif::auth::Role::kSubmitter}, {kCouncil})));

  std::cerr << "importing " << record_count << " records through pif-intake\n";
  const double import_load_before = LoadAverage1();
  const double import_intake_cpu = ProcessCpuSeconds(intake.pid());
  RssSampler import_rss(intake.pid(), absl::Milliseconds(100));
  const Stopwatch import_wall;
  auto imported = SubmitBatch(*intake_stub, kCouncil, "bench-import", chunks);
  const double import_seconds = import_wall.Seconds();
  const int64_t import_rss_max = import_rss.Stop();
  if (!imported.ok()) Fail("the import failed", imported.status());
  const double import_cpu = ProcessCpuSeconds(intake.pid()) - import_intake_cpu;
  const double import_load_after = LoadAverage1();
  // The one-record batches: the first child sent again (an upsert that changes nothing but the
  // data version, as a daily delta of one corrected record would).
  pif::intake::v1::SubmitRecordsRequest one_record;
  *one_record.mutable_chunk()->add_records() = chunks.front().chunk().records(0);
  chunks.clear();
  chunks.shrink_to_fit();

  std::vector<Call> calls;
  int64_t indicators_start_rss = -1;
  for (int run = 1; run <= options.repeat; ++run) {
    FreshDatabase indicators_db(environment.pg, "compute_indicators");
    if (options.keep_databases) indicators_db.Keep();
    ServiceProcess indicators(
        BinaryPath(environment.build_dir, "pif-indicators"),
        ServiceArgs("indicators",
                    {"--listen=127.0.0.1:0", "--database_url=" + indicators_db.conninfo(),
                     "--intake_address=" + intake_address, "--intake_deadline_seconds=600",
                     "--drain_seconds=5"}));
    auto port = indicators.WaitUntilServing();
    if (!port.ok()) Fail("pif-indicators did not start", port.status());
    indicators_start_rss = ResidentBytes(indicators.pid());
    auto stub = pif::indicators::v1::IndicatorsService::NewStub(pif::OpenChannel(
        absl::StrCat("127.0.0.1:", *port),
        TestIdentity::Get().ClientOptionsFor(
            {pif::auth::Role::kAnalyst, pif::auth::Role::kSubmitter}, {kCouncil})));
    std::cerr << "run " << run << ": first call\n";
    calls.push_back(Compute(*stub, indicators, intake, environment, indicators_db.name(),
                            intake_db.name(), run, "first (pull snapshot, compute, store)"));
    std::cerr << "run " << run << ": second call\n";
    calls.push_back(Compute(*stub, indicators, intake, environment, indicators_db.name(),
                            intake_db.name(), run, "second, same data (stored result)"));
    auto one =
        SubmitBatch(*intake_stub, kCouncil, absl::StrCat("bench-one-record-", run), {one_record});
    if (!one.ok()) Fail("the one-record batch failed", one.status());
    std::cerr << "run " << run << ": call after a one-record batch\n";
    calls.push_back(Compute(*stub, indicators, intake, environment, indicators_db.name(),
                            intake_db.name(), run,
                            "after a one-record batch (pull again, compute, store)"));
    if (absl::Status stopped = indicators.Stop(); !stopped.ok()) {
      Fail("stopping pif-indicators", stopped);
    }
  }

  std::printf(
      "## Whole ComputeIndicators rpc: %lld children, %lld records (sample council, seed "
      "%lld)\n\n",
      static_cast<long long>(options.children), static_cast<long long>(record_count),
      static_cast<long long>(options.seed));
  std::printf(
      "Machine: %s; pif-intake, pif-indicators and PostgreSQL on the same machine. Request: every "
      "indicator, breakdowns sex, age_band, ethnic_group, disability and locality, INTERNAL, "
      "period 2024-08-01 to 2025-07-31.\n\n",
      MachineText().c_str());
  std::printf(
      "Import through pif-intake (one batch, typed records, %lld per chunk): %.1f s (%.0f "
      "records/s), %lld accepted, %lld rejected; pif-intake CPU %.1f s, max VmRSS of 100 ms "
      "samples %s MB; load %.2f → %.2f.\n\n",
      static_cast<long long>(options.chunk_records), import_seconds,
      static_cast<double>(record_count) / import_seconds,
      static_cast<long long>(imported->summary.accepted_count()),
      static_cast<long long>(imported->summary.rejected_count()), import_cpu,
      Megabytes(import_rss_max).c_str(), import_load_before, import_load_after);
  std::printf(
      "| run | call | wall (s) | reused | intake data version | results / breakdown cells | "
      "response (MB) | pif-indicators CPU (s) | pif-intake CPU (s) | PostgreSQL CPU, intake's / "
      "indicators' database (s) | pif-indicators VmRSS after / VmHWM (MB) | load (1 min) before → "
      "after |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const Call& c : calls) {
    std::printf(
        "| %d | %s | %.2f | %s | %lld | %d / %lld | %.2f | %.2f | %.2f | %.2f / %.2f | %s / %s | "
        "%.2f → %.2f |\n",
        c.run, c.what.c_str(), c.wall_seconds, c.reused ? "yes" : "no",
        static_cast<long long>(c.data_version), c.results,
        static_cast<long long>(c.breakdown_cells), static_cast<double>(c.response_bytes) / 1e6,
        c.indicators_cpu, c.intake_cpu, c.intake_postgres_cpu, c.indicators_postgres_cpu,
        Megabytes(c.indicators_rss_after).c_str(), Megabytes(c.indicators_peak).c_str(),
        c.load_before, c.load_after);
  }
  std::printf("\npif-indicators VmRSS after start-up: %s MB.\n",
              Megabytes(indicators_start_rss).c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return pif::bench::RunGuarded(Benchmark, argc, argv); }
