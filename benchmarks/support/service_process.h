// A pif service binary run as a child process for a benchmark, its JSON log kept in a file.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace pif::bench {

// The path of a built binary under `build_dir`: pif-intake, pif-indicators or pifctl.
std::string BinaryPath(const std::string& build_dir, const std::string& name);

// A running service binary; stopped (SIGTERM, then SIGKILL) when destroyed.
class ServiceProcess {
 public:
  // Spawns `binary` with `args`; stdout and stderr go to a temporary log file.
  ServiceProcess(const std::string& binary, const std::vector<std::string>& args);
  ~ServiceProcess();
  ServiceProcess(const ServiceProcess&) = delete;
  ServiceProcess& operator=(const ServiceProcess&) = delete;

  // Waits for the "serving" log line and returns the gRPC port it names; an error with the
  // log's tail when the process exits or `timeout` passes first.
  absl::StatusOr<int> WaitUntilServing(absl::Duration timeout = absl::Seconds(60));
  // Sends SIGTERM and waits for the exit; an error naming the status when it is not 0.
  absl::Status Stop(absl::Duration timeout = absl::Seconds(60));
  // The process id (for /proc), -1 when it could not be started.
  pid_t pid() const { return pid_; }
  // The last `bytes` of the log.
  std::string LogTail(size_t bytes = 4000) const;

 private:
  pid_t pid_ = -1;
  int exit_status_ = -1;
  std::string log_path_;
};

// Starts `binary` once over `database_url` (creating and migrating its database) and stops it.
absl::Status MigrateDatabase(const std::string& binary, const std::string& database_url);

}  // namespace pif::bench
