// The processes a benchmark runs: service binaries (as the end-to-end tests run them) and
// command-line tools run to completion with what they cost.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/testing/service_process.h"
#include "pif/testing/test_identity.h"

namespace pif::bench {

// How a command ended.
struct CommandResult {
  int exit_status = -1;
  std::string stdout_text;
  double wall_seconds = 0;
  double cpu_seconds = 0;  // user + system of the command itself
};

// Runs `binary` with `args`, stdout captured, stderr discarded, waits for it and measures its
// wall and CPU time.
absl::StatusOr<CommandResult> RunMeasured(const std::string& binary,
                                          const std::vector<std::string>& args);

// The benchmarks run service binaries as the end-to-end tests do, with the same dev PKI and
// identity provider, and call them with tokens.
using testing::BinaryPath;
using testing::MigrateDatabase;
using testing::ServiceProcess;
using testing::TestIdentity;

// `args`, then what the binary of `service` ("intake") needs to start: its certificate, the CA
// and the identity provider of TestIdentity::Get().
std::vector<std::string> ServiceArgs(const std::string& service, std::vector<std::string> args);

}  // namespace pif::bench
