#include "pif/bench/bench_main.h"

#include <cstdlib>
#include <iostream>
#include <stdexcept>

#include "absl/strings/str_cat.h"

namespace pif::bench {

void AddEnvironmentFlags(FlagSet& flags, Environment* environment) {
  const char* test_pg = std::getenv("PIF_TEST_PG");
  if (test_pg != nullptr) environment->pg = test_pg;
  environment->build_dir = PIF_BENCH_BUILD_DIR;
  flags.AddString("pg", "PIF_BENCH_PG",
                  "libpq conninfo of a superuser on a local PostgreSQL cluster, without dbname "
                  "(fresh databases are created and dropped there)",
                  &environment->pg);
  flags.AddString("build_dir", "PIF_BUILD_DIR", "the build directory holding the service binaries",
                  &environment->build_dir);
}

void ParseOrExit(const FlagSet& flags, int argc, char** argv, const Environment& environment) {
  const absl::Status parsed =
      flags.Parse(std::vector<std::string>(argv, argv + argc), ProcessEnvironment());
  if (absl::IsNotFound(parsed)) {
    std::cout << parsed.message() << "\n";
    std::exit(0);
  }
  if (!parsed.ok()) {
    std::cerr << parsed.message() << "\n\n" << flags.Usage() << "\n";
    std::exit(2);
  }
  if (environment.pg.empty()) {
    std::cerr << "--pg (or PIF_BENCH_PG) is required, e.g. host=127.0.0.1 port=57432 "
                 "user=postgres\n";
    std::exit(2);
  }
}

void Fail(const std::string& what, const absl::Status& status) {
  throw std::runtime_error(absl::StrCat(what, ": ", status.ToString()));
}

int RunGuarded(int (*body)(int argc, char** argv), int argc, char** argv) {
  try {
    return body(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "benchmark failed: " << error.what() << "\n";
    return 1;
  }
}

}  // namespace pif::bench
