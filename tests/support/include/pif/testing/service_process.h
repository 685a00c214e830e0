// A real service binary run as a child process, for end-to-end tests and benchmarks.
#pragma once

#include <sys/types.h>

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace pif::testing {

// Starts a binary with arguments, its stderr (the JSON log) captured in a file.
class ServiceProcess {
 public:
  // Spawns `binary` with `args`; the log goes to a temporary file.
  ServiceProcess(std::string binary, std::vector<std::string> args);
  // Kills the process if it is still running.
  ~ServiceProcess();
  ServiceProcess(const ServiceProcess&) = delete;
  ServiceProcess& operator=(const ServiceProcess&) = delete;

  // Waits for the "serving" log line and returns the gRPC port it names; an error with the log
  // tail when the process exits or the timeout passes first.
  absl::StatusOr<int> WaitUntilServing(absl::Duration timeout = absl::Seconds(30));
  // Sends SIGTERM and waits for the exit status; an error when it does not exit in time.
  absl::StatusOr<int> Terminate(absl::Duration timeout = absl::Seconds(30));
  // Sends SIGKILL (no drain, no clean-up: as a crash or an out-of-memory kill) and waits for the
  // process to end; returns 128 + 9.
  absl::StatusOr<int> Kill(absl::Duration timeout = absl::Seconds(30));
  // Waits for the process to exit on its own; returns its exit status.
  absl::StatusOr<int> WaitForExit(absl::Duration timeout = absl::Seconds(30));
  // Sends SIGTERM and waits; OK only when the process exited with status 0 (an error naming the
  // status, with the log's tail, otherwise).
  absl::Status Stop(absl::Duration timeout = absl::Seconds(30));
  // The process id (for /proc), -1 when it could not be started.
  pid_t pid() const { return pid_; }
  // Everything the process has logged so far.
  std::string Log() const;
  // The last `bytes` of the log.
  std::string LogTail(size_t bytes = 4000) const;
  // JSON log lines whose "event" equals `event`.
  std::vector<std::string> LogEvents(const std::string& event) const;

 private:
  pid_t pid_ = -1;
  std::string log_path_;
  int exit_status_ = -1;
};

// Runs a shell command; returns its exit status (-1 when it did not exit normally) and what it
// printed on stdout and stderr together.
std::pair<int, std::string> RunCommand(const std::string& command);

// Path of a built service binary, e.g. BinaryPath("pif-intake"), under PIF_BUILD_DIR.
std::string BinaryPath(const std::string& name);
// Path of a built binary (pif-intake, ..., pifctl) under `build_dir`.
std::string BinaryPath(const std::string& build_dir, const std::string& name);

// Starts `binary` (a service's, named pif-<service>) once over `database_url`, with the test
// identity's TLS and identity provider flags, creating and migrating its database; then stops it.
absl::Status MigrateDatabase(const std::string& binary, const std::string& database_url);

}  // namespace pif::testing
