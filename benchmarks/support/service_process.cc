#include "service_process.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "nlohmann/json.hpp"

extern char** environ;

namespace pif::bench {

std::string BinaryPath(const std::string& build_dir, const std::string& name) {
  const std::string folder = name == "pifctl" ? "tools/pifctl" : "services/" + name.substr(4);
  return absl::StrCat(build_dir, "/", folder, "/", name);
}

ServiceProcess::ServiceProcess(const std::string& binary, const std::vector<std::string>& args) {
  char path_template[] = "/tmp/pif-bench-service-XXXXXX";
  const int fd = mkstemp(path_template);
  log_path_ = path_template;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fd, STDERR_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fd, STDOUT_FILENO);
  std::vector<std::string> argv_strings = {binary};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);
  if (posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
  posix_spawn_file_actions_destroy(&actions);
  close(fd);
}

ServiceProcess::~ServiceProcess() {
  if (pid_ > 0 && exit_status_ < 0 && !Stop(absl::Seconds(30)).ok() && exit_status_ < 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  unlink(log_path_.c_str());
}

std::string ServiceProcess::LogTail(size_t bytes) const {
  std::ifstream in(log_path_);
  std::stringstream text;
  text << in.rdbuf();
  const std::string log = text.str();
  return log.size() <= bytes ? log : log.substr(log.size() - bytes);
}

absl::StatusOr<int> ServiceProcess::WaitUntilServing(absl::Duration timeout) {
  if (pid_ <= 0) return absl::InternalError("the service could not be started");
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    std::ifstream in(log_path_);
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json parsed = nlohmann::json::parse(line, nullptr, false);
      if (parsed.is_object() && parsed.value("event", "") == "serving") {
        return parsed.value("port", 0);
      }
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return absl::FailedPreconditionError(
          absl::StrCat("exited with status ", exit_status_, " before serving; log:\n", LogTail()));
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  return absl::DeadlineExceededError(absl::StrCat("not serving in time; log:\n", LogTail()));
}

absl::Status ServiceProcess::Stop(absl::Duration timeout) {
  if (pid_ <= 0) return absl::OkStatus();
  if (exit_status_ < 0) {
    kill(pid_, SIGTERM);
    const absl::Time deadline = absl::Now() + timeout;
    while (exit_status_ < 0 && absl::Now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        break;
      }
      absl::SleepFor(absl::Milliseconds(20));
    }
  }
  if (exit_status_ < 0) return absl::DeadlineExceededError("the service did not stop in time");
  if (exit_status_ != 0) {
    return absl::InternalError(
        absl::StrCat("the service exited with status ", exit_status_, "; log:\n", LogTail()));
  }
  return absl::OkStatus();
}

absl::Status MigrateDatabase(const std::string& binary, const std::string& database_url) {
  ServiceProcess service(binary, {"--listen=127.0.0.1:0", "--database_url=" + database_url,
                                  "--drain_seconds=1", "--db_pool_size=1"});
  if (auto port = service.WaitUntilServing(); !port.ok()) return port.status();
  return service.Stop();
}

}  // namespace pif::bench
