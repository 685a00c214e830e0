// What every benchmark's main shares: the flags naming PostgreSQL and the built binaries, and
// failing in a way that still stops the services and drops the databases it started.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "pif/core/flags.h"

namespace pif::bench {

// Where the benchmark runs.
struct Environment {
  // libpq conninfo of a superuser on a local PostgreSQL cluster (no dbname).
  std::string pg;
  // The build directory holding the service binaries.
  std::string build_dir;
};

// Declares --pg (PIF_BENCH_PG, falling back to PIF_TEST_PG) and --build_dir (PIF_BUILD_DIR,
// default: the build tree this benchmark was built in).
void AddEnvironmentFlags(FlagSet& flags, Environment* environment);

// Parses argv with `flags`; prints the usage and exits (0 for --help, 2 for a bad flag or a
// missing --pg) instead of returning when the arguments are not usable.
void ParseOrExit(const FlagSet& flags, int argc, char** argv, const Environment& environment);

// Stops the benchmark: throws, so that the services, databases and files it started are cleaned
// up on the way out of RunGuarded.
[[noreturn]] void Fail(const std::string& what, const absl::Status& status);

// Runs a benchmark's body; an exception (a Fail or a database error) is printed and gives exit
// status 1 after every object the body made was destroyed.
int RunGuarded(int (*body)(int argc, char** argv), int argc, char** argv);

}  // namespace pif::bench
