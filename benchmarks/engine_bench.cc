// Benchmark of the indicator engine alone: every indicator with every breakdown, for synthetic
// councils of 10,000, 100,000 and 1,000,000 children (tools/sample_council). Prints a table for
// docs/performance.md. Usage: pif_engine_bench [--sizes=10000,100000,1000000] [--repeat=3]
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "pif/engine/engine.h"
#include "pif/sample/council.h"

namespace {

// Resident memory of this process now, in bytes (from /proc/self/statm).
int64_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  int64_t pages_total = 0;
  int64_t pages_resident = 0;
  statm >> pages_total >> pages_resident;
  return pages_resident * sysconf(_SC_PAGESIZE);
}

// CPU time of this process so far (user and system apart) and its minor page faults.
struct CpuUse {
  double user = 0;
  double system = 0;
  int64_t page_faults = 0;

  // Now.
  static CpuUse Now() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
    return CpuUse{seconds(usage.ru_utime), seconds(usage.ru_stime), usage.ru_minflt};
  }
  // One core's work (user + system), in seconds, whatever the load.
  double total() const { return user + system; }
  CpuUse operator-(const CpuUse& o) const {
    return CpuUse{user - o.user, system - o.system, page_faults - o.page_faults};
  }
};

// CPU time of this process (user + system), in seconds.
double CpuSeconds() { return CpuUse::Now().total(); }

int64_t RecordCount(const pif::engine::CaseRecords& r) {
  return static_cast<int64_t>(r.children.size() + r.involvements.size() + r.allocations.size() +
                              r.cp_referrals.size() + r.cp_registrations.size() +
                              r.care_episodes.size() + r.legal_reasons.size() +
                              r.placements.size() + r.assessments.size() + r.needs.size() +
                              r.reviews.size() + r.review_items.size() + r.incidents.size() +
                              r.status_snapshots.size() + r.survey_answers.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int64_t> sizes = {10000, 100000, 1000000};
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--sizes=", 0) == 0) {
      sizes.clear();
      for (absl::string_view part : absl::StrSplit(arg.substr(8), ',')) {
        int64_t size = 0;
        if (!absl::SimpleAtoi(part, &size)) {
          std::cerr << "bad size: " << std::string(part) << "\n";
          return 2;
        }
        sizes.push_back(size);
      }
    } else if (arg.rfind("--repeat=", 0) == 0) {
      repeat = std::stoi(arg.substr(9));
    } else {
      std::cerr << "usage: pif_engine_bench [--sizes=N,N,...] [--repeat=R]\n";
      return 2;
    }
  }
  std::printf(
      "| children | input records | snapshot build (s) | of which user / system (s) | page "
      "faults in the build | compute all (s, best of %d) | cpu per 100k children (s) | memory "
      "per record (bytes) |\n",
      repeat);
  std::printf("|---|---|---|---|---|---|---|---|\n");
  for (int64_t children : sizes) {
    pif::sample::SampleOptions options;
    options.children = children;
    options.seed = 20261126;
    const int64_t before = ResidentBytes();
    pif::engine::CaseRecords records = pif::sample::GenerateCouncil(options);
    const int64_t records_count = RecordCount(records);
    // Every size builds on a cold heap: the memory the generator freed goes back to the system
    // first, so no size is spared the first touch of fresh pages (below the allocator's mmap
    // threshold freed memory would be reused, above it never; that alone bent the growth).
    malloc_trim(0);
    const CpuUse build_start = CpuUse::Now();
    pif::engine::Snapshot snapshot(std::move(records));
    const CpuUse build = CpuUse::Now() - build_start;
    const double build_seconds = build.total();
    const int64_t after = ResidentBytes();

    pif::engine::ComputeRequest request;
    request.period = {*pif::dates::Date::FromYmd(2024, 8, 1),
                      *pif::dates::Date::FromYmd(2025, 7, 31)};
    request.breakdowns = {pif::engine::Dimension::kSex, pif::engine::Dimension::kAgeBand,
                          pif::engine::Dimension::kEthnicGroup, pif::engine::Dimension::kDisability,
                          pif::engine::Dimension::kLocality};
    double best = 1e9;
    int64_t checksum = 0;
    for (int r = 0; r < repeat; ++r) {
      const double start = CpuSeconds();
      auto results = pif::engine::Compute(snapshot, request);
      const double seconds = CpuSeconds() - start;
      if (!results.ok()) {
        std::cerr << results.status() << "\n";
        return 1;
      }
      best = std::min(best, seconds);
      checksum = 0;
      for (const auto& result : *results) checksum += result.counts.denominator;
    }
    std::printf("| %lld | %lld | %.3f | %.3f / %.3f | %lld | %.3f | %.3f | %lld |\n",
                static_cast<long long>(children), static_cast<long long>(records_count),
                build_seconds, build.user, build.system, static_cast<long long>(build.page_faults),
                best, (build_seconds + best) * 100000.0 / static_cast<double>(children),
                static_cast<long long>((after - before) / std::max<int64_t>(records_count, 1)));
    std::fflush(stdout);
    if (checksum == 0) std::cerr << "warning: every denominator is zero\n";
  }
  return 0;
}
