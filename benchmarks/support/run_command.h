// Runs a command-line tool (pifctl) to completion for a benchmark, with what it cost.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace pif::bench {

// How a command ended.
struct CommandResult {
  int exit_status = -1;
  std::string stdout_text;
  double wall_seconds = 0;
  double cpu_seconds = 0;  // user + system of the command itself
};

// Runs `binary` with `args`, stdout captured, stderr discarded, and waits for it.
absl::StatusOr<CommandResult> RunCommand(const std::string& binary,
                                         const std::vector<std::string>& args);

}  // namespace pif::bench
