// Benchmark of the indicator engine against plain SQL (issue 4, "Performance"): the sample
// council's records for 100,000 children loaded with COPY into a fresh intake database; then
// 1 N.1, 1 S.1 and 5.1 for the CLAS year 2024-08-01 to 2025-07-31 (census date 2025-07-31)
// computed (a) by the engine over its in-memory snapshot and (b) by SQL written literally from
// the framework's definitions (as ListIndicators states them) and docs/indicators.md over intake's
// tables. Numerators and denominators must agree. Prints Markdown tables for docs/performance.md;
// exit status 1 when a figure differs.
//
//   pif_engine_vs_sql_bench --pg="host=127.0.0.1 port=57432 user=postgres" [--children=100000]
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "pif/bench/bench_main.h"
#include "pif/bench/copy_load.h"
#include "pif/bench/fresh_database.h"
#include "pif/bench/machine_stats.h"
#include "pif/bench/processes.h"
#include "pif/bench/sample_data.h"
#include "pif/engine/engine.h"
#include "pqxx/pqxx"

namespace pif::bench {
namespace {

constexpr char kPeriodFirst[] = "2024-08-01";
constexpr char kPeriodLast[] = "2025-07-31";  // the census date CD

// 1 S.1 (indicators.md section 2; section 8: same-day referrals are not repeats, a
// de-registration dated R does not count, exactly 365 days before counts, an empty reason
// counts). D: children with a CP referral dated in the period. N: those with an in-period
// referral R preceded, within [R - 365 days, R), by another CP referral of the child or by a
// de-registration of the child whose reason is not TRANSFER_OUT.
constexpr char kRepeatReferralSql[] = R"sql(
SELECT count(*) AS denominator, count(*) FILTER (WHERE repeat) AS numerator
FROM (
  SELECT r.person_id,
         bool_or(
           EXISTS (SELECT 1 FROM cp_referrals e
                   WHERE e.council = r.council AND e.person_id = r.person_id
                     AND e.referral_date >= r.referral_date - 365
                     AND e.referral_date < r.referral_date)
           OR EXISTS (SELECT 1 FROM cp_registrations g
                      WHERE g.council = r.council AND g.person_id = r.person_id
                        AND g.deregistration_date >= r.referral_date - 365
                        AND g.deregistration_date < r.referral_date
                        AND g.deregistration_reason IS DISTINCT FROM 'TRANSFER_OUT')) AS repeat
  FROM cp_referrals r
  WHERE r.council = $1 AND r.referral_date BETWEEN $2::date AND $3::date
  GROUP BY r.person_id) AS per_child
)sql";

// 1 N.1 (indicators.md section 2; section 8: the placements counted are those of the episode
// holding the child's accommodating placement at CD; "the placement at d" is the one with the
// latest start, then the greatest id in string order). D: children ACC(CD), i.e. with a
// placement covering CD (start <= CD < end, open end) whose type is not HOME and whose
// short_break is not Y. N: that placement's episode has >= 3 placements that are not short
// breaks (HOME included) starting on or before CD.
constexpr char kThreePlacementsSql[] = R"sql(
WITH accommodating_at_cd AS (
  SELECT DISTINCT ON (e.person_id) e.person_id, p.episode_id
  FROM placements p
  JOIN care_episodes e ON e.council = p.council AND e.episode_id = p.episode_id
  WHERE p.council = $1 AND p.type <> 'HOME' AND p.short_break IS DISTINCT FROM 'Y'
    AND p.start_date <= $2::date AND (p.end_date IS NULL OR p.end_date > $2::date)
  ORDER BY e.person_id, p.start_date DESC, p.placement_id COLLATE "C" DESC)
SELECT count(*) AS denominator, count(*) FILTER (WHERE placements >= 3) AS numerator
FROM (
  SELECT a.person_id,
         (SELECT count(*) FROM placements q
          WHERE q.council = $1 AND q.episode_id = a.episode_id
            AND q.short_break IS DISTINCT FROM 'Y' AND q.start_date <= $2::date) AS placements
  FROM accommodating_at_cd a) AS per_child
)sql";

// 5.1 (indicators.md section 4; section 8: WITHDRAWN left out, an empty status is not
// WITHDRAWN; "completed" means completed_date is recorded). Unit: assessment. D: SW and
// SW_CONTRIB assessments not WITHDRAWN with due_date in the period. N: completed_date recorded
// and on or before due_date.
constexpr char kAssessmentsInTimeSql[] = R"sql(
SELECT count(*) AS denominator,
       count(*) FILTER (WHERE a.completed_date IS NOT NULL AND a.completed_date <= a.due_date)
         AS numerator
FROM assessments a
WHERE a.council = $1 AND a.type IN ('SW', 'SW_CONTRIB')
  AND a.status IS DISTINCT FROM 'WITHDRAWN'
  AND a.due_date BETWEEN $2::date AND $3::date
)sql";

struct Query {
  const char* code;
  const char* sql;
  // Parameters: $1 council, then $2 the census date (true) or $2, $3 the period (false).
  bool census_only;
};

constexpr Query kQueries[] = {
    {"1 N.1", kThreePlacementsSql, true},
    {"1 S.1", kRepeatReferralSql, false},
    {"5.1", kAssessmentsInTimeSql, false},
};

pqxx::result Run(pqxx::transaction_base& tx, const Query& query, const std::string& prefix = "") {
  const std::string sql = prefix + query.sql;
  if (query.census_only) return tx.exec_params(sql, kCouncil, kPeriodLast);
  return tx.exec_params(sql, kCouncil, kPeriodFirst, kPeriodLast);
}

struct Options {
  Environment environment;
  int64_t children = 100000;
  int64_t seed = 20261126;
  int64_t repeat = 3;
  bool keep_databases = false;
};

// One indicator's figures and best times on both sides.
struct Comparison {
  std::string code;
  figures::Counts engine_counts;
  int64_t engine_unknown = 0;
  double engine_wall = 1e9;
  double engine_cpu = 1e9;
  figures::Counts sql_counts;
  double sql_wall = 1e9;
  double sql_backend_cpu = 1e9;
  bool sql_parallel = false;
  std::vector<double> sql_walls;
};

figures::Period ThePeriod() {
  return {*dates::ParseDate(kPeriodFirst), *dates::ParseDate(kPeriodLast)};
}

void ComputeWithEngine(const engine::Snapshot& snapshot, int repeat, Comparison* c) {
  engine::ComputeRequest request;
  request.period = ThePeriod();
  request.codes = {c->code};
  for (int r = 0; r < repeat; ++r) {
    const double cpu = SelfCpuSeconds();
    const Stopwatch wall;
    auto results = engine::Compute(snapshot, request);
    const double wall_seconds = wall.Seconds();
    const double cpu_seconds = SelfCpuSeconds() - cpu;
    if (!results.ok() || results->size() != 1) Fail("engine " + c->code, results.status());
    c->engine_counts = results->front().counts;
    c->engine_unknown = results->front().unknown;
    c->engine_wall = std::min(c->engine_wall, wall_seconds);
    c->engine_cpu = std::min(c->engine_cpu, cpu_seconds);
  }
}

void ComputeWithSql(pqxx::connection& connection, const Query& query, int repeat, Comparison* c) {
  pqxx::nontransaction tx(connection);
  const pid_t backend = connection.backendpid();
  std::string plan;
  for (const auto& row : Run(tx, query, "EXPLAIN ")) {
    absl::StrAppend(&plan, row[0].c_str(), "\n");
  }
  c->sql_parallel = plan.find("Gather") != std::string::npos;
  for (int r = 0; r < repeat; ++r) {
    const double cpu = ProcessCpuSeconds(backend);
    const Stopwatch wall;
    const pqxx::result result = Run(tx, query);
    const pqxx::row row = result.at(0);
    const double wall_seconds = wall.Seconds();
    c->sql_walls.push_back(wall_seconds);
    c->sql_wall = std::min(c->sql_wall, wall_seconds);
    c->sql_backend_cpu = std::min(c->sql_backend_cpu, ProcessCpuSeconds(backend) - cpu);
    c->sql_counts.denominator = row["denominator"].as<int64_t>();
    c->sql_counts.numerator = row["numerator"].as<int64_t>();
  }
}

// Best time of a bare pass over every child timeline that reads the three lists these
// indicators start from: the floor under any indicator that visits every child.
double BarePassSeconds(const engine::Snapshot& snapshot, int repeat, int64_t* checksum) {
  double best = 1e9;
  for (int r = 0; r < repeat; ++r) {
    const Stopwatch wall;
    int64_t sum = 0;
    for (const engine::ChildTimeline& t : snapshot.children()) {
      sum += static_cast<int64_t>(t.referrals.size() + t.placements.size() + t.assessments.size());
    }
    best = std::min(best, wall.Seconds());
    *checksum = sum;
  }
  return best;
}

std::string Ms(double seconds) { return absl::StrFormat("%.2f", seconds * 1000); }

}  // namespace
}  // namespace pif::bench

namespace {

int Benchmark(int argc, char** argv) {
  using namespace pif::bench;
  Options options;
  pif::FlagSet flags("pif_engine_vs_sql_bench");
  AddEnvironmentFlags(flags, &options.environment);
  flags.AddInt("children", "", "children of the sample council", &options.children, 1, 10000000);
  flags.AddInt("seed", "", "seed of the sample council", &options.seed, 0, INT64_MAX);
  flags.AddInt("repeat", "", "runs of each computation and query (the best is reported)",
               &options.repeat, 1, 100);
  flags.AddBool("keep_databases", "", "leave the benchmark's database in place",
                &options.keep_databases);
  ParseOrExit(flags, argc, argv, options.environment);
  const int repeat = static_cast<int>(options.repeat);

  std::cerr << "generating the sample council (" << options.children << " children)\n";
  pif::engine::CaseRecords records =
      SampleCaseRecords(options.children, static_cast<uint64_t>(options.seed));
  const int64_t record_count = CountRecords(records);
  TempDir dir;
  if (absl::Status written = WriteCaseCsv(records, dir.path()); !written.ok()) {
    Fail("writing the CSV files", written);
  }
  std::cerr << "loading the records into a fresh intake database with COPY\n";
  FreshDatabase database(options.environment.pg, "engine_vs_sql");
  if (options.keep_databases) database.Keep();
  if (absl::Status migrated = MigrateDatabase(
          BinaryPath(options.environment.build_dir, "pif-intake"), database.conninfo());
      !migrated.ok()) {
    Fail("migrating the database", migrated);
  }
  double copy_seconds = 0;
  double analyze_seconds = 0;
  {
    auto data = BuildCopyData(dir.path(), kCouncil);
    if (!data.ok()) Fail("reading the CSV files", data.status());
    auto copied = CopyLoad(database.conninfo(), *data);
    if (!copied.ok()) Fail("the COPY load failed", copied.status());
    copy_seconds = copied->wall_seconds;
    pqxx::connection connection(database.conninfo());
    pqxx::nontransaction tx(connection);
    const Stopwatch analyze;
    tx.exec("VACUUM ANALYZE");
    analyze_seconds = analyze.Seconds();
  }

  std::cerr << "building the engine's snapshot\n";
  const std::string load_before = LoadText();
  const double build_cpu_start = SelfCpuSeconds();
  const Stopwatch build_wall;
  auto owned_snapshot = std::make_unique<const pif::engine::Snapshot>(std::move(records));
  const pif::engine::Snapshot& snapshot = *owned_snapshot;
  const double build_wall_seconds = build_wall.Seconds();
  const double build_cpu_seconds = SelfCpuSeconds() - build_cpu_start;

  std::vector<Comparison> comparisons;
  pqxx::connection connection(database.conninfo());
  for (const Query& query : kQueries) {
    Comparison& c = comparisons.emplace_back();
    c.code = query.code;
    std::cerr << "computing " << c.code << "\n";
    ComputeWithEngine(snapshot, repeat, &c);
    ComputeWithSql(connection, query, repeat, &c);
  }
  int64_t checksum = 0;
  const double bare_pass = BarePassSeconds(snapshot, repeat, &checksum);
  const size_t timelines = snapshot.children().size();
  const std::string load_after = LoadText();
  const double free_cpu_start = SelfCpuSeconds();
  const Stopwatch free_wall;
  owned_snapshot.reset();
  const double free_wall_seconds = free_wall.Seconds();
  const double free_cpu_seconds = SelfCpuSeconds() - free_cpu_start;

  std::printf("## Engine against SQL: %lld children, %lld records (sample council, seed %lld)\n\n",
              static_cast<long long>(options.children), static_cast<long long>(record_count),
              static_cast<long long>(options.seed));
  std::printf(
      "Machine: %s; PostgreSQL 15 on the same machine (default settings of the benchmark "
      "cluster). Period %s to %s, census date %s. At the start of the computations: %s; at "
      "the end: %s. Records loaded with COPY in %.1f s, then VACUUM ANALYZE (%.1f s).\n\n",
      MachineText().c_str(), kPeriodFirst, kPeriodLast, kPeriodLast, load_before.c_str(),
      load_after.c_str(), copy_seconds, analyze_seconds);
  std::printf(
      "Engine snapshot build (once, shared by every indicator): %.3f s wall, %.3f s CPU. "
      "Destroying it afterwards: %.3f s wall, %.3f s CPU.\n\n",
      build_wall_seconds, build_cpu_seconds, free_wall_seconds, free_cpu_seconds);
  std::printf(
      "| indicator | engine N / D (unknown) | SQL N / D | agree | engine best of %d (ms wall / "
      "ms CPU) | SQL best of %d (ms wall / ms backend CPU, 10 ms ticks) | SQL runs (ms) | SQL plan "
      "parallel | "
      "SQL / engine (wall) | target >= 10x |\n",
      repeat, repeat);
  std::printf("|---|---|---|---|---|---|---|---|---|---|\n");
  bool all_agree = true;
  double engine_total = 0;
  double sql_total = 0;
  for (const Comparison& c : comparisons) {
    const bool agree = c.engine_counts.numerator == c.sql_counts.numerator &&
                       c.engine_counts.denominator == c.sql_counts.denominator;
    all_agree = all_agree && agree;
    engine_total += c.engine_wall;
    sql_total += c.sql_wall;
    std::string runs;
    for (double wall : c.sql_walls) absl::StrAppend(&runs, runs.empty() ? "" : ", ", Ms(wall));
    const double ratio = c.sql_wall / c.engine_wall;
    std::printf(
        "| %s | %lld / %lld (%lld) | %lld / %lld | %s | %s / %s | %s / %s | %s | %s | "
        "%.0fx | %s |\n",
        c.code.c_str(), static_cast<long long>(c.engine_counts.numerator),
        static_cast<long long>(c.engine_counts.denominator),
        static_cast<long long>(c.engine_unknown), static_cast<long long>(c.sql_counts.numerator),
        static_cast<long long>(c.sql_counts.denominator), agree ? "yes" : "**NO**",
        Ms(c.engine_wall).c_str(), Ms(c.engine_cpu).c_str(), Ms(c.sql_wall).c_str(),
        Ms(c.sql_backend_cpu).c_str(), runs.c_str(), c.sql_parallel ? "yes" : "no", ratio,
        ratio >= 10 ? "yes" : "NO");
  }
  std::printf("| all three | | | %s | %s | %s | | | %.0fx | %s |\n", all_agree ? "yes" : "**NO**",
              Ms(engine_total).c_str(), Ms(sql_total).c_str(), sql_total / engine_total,
              sql_total / engine_total >= 10 ? "yes" : "NO");
  std::printf(
      "\nWith the snapshot build counted against the three computations: engine %.0f ms, SQL %.0f "
      "ms (%.1fx).\n",
      (engine_total + build_wall_seconds) * 1000, sql_total * 1000,
      sql_total / (engine_total + build_wall_seconds));
  std::printf(
      "\nA bare pass over the %zu child timelines, reading the sizes of their referral, placement "
      "and assessment lists (%lld entries), takes %s ms (best of %d): the floor of an indicator "
      "that visits every child.\n",
      timelines, static_cast<long long>(checksum), Ms(bare_pass).c_str(), repeat);
  if (!all_agree) {
    std::printf("\n**The engine and SQL disagree: see the rows marked NO.**\n");
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return pif::bench::RunGuarded(Benchmark, argc, argv); }
