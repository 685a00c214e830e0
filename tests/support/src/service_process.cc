#include "pif/testing/service_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "nlohmann/json.hpp"
#include "pif/testing/test_identity.h"

extern char** environ;

namespace pif::testing {

std::string BinaryPath(const std::string& name) {
  const char* build = std::getenv("PIF_BUILD_DIR");
  return BinaryPath(build != nullptr ? build : PIF_DEFAULT_BUILD_DIR, name);
}

std::string BinaryPath(const std::string& build_dir, const std::string& name) {
  const std::string folder = name == "pifctl" ? "tools/pifctl" : "services/" + name.substr(4);
  return absl::StrCat(build_dir, "/", folder, "/", name);
}

ServiceProcess::ServiceProcess(std::string binary, std::vector<std::string> args) {
  char path_template[] = "/tmp/pif-service-log-XXXXXX";
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
  if (pid_ > 0 && exit_status_ < 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  unlink(log_path_.c_str());
}

std::string ServiceProcess::Log() const {
  std::ifstream in(log_path_);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string ServiceProcess::LogTail(size_t bytes) const {
  const std::string log = Log();
  return log.size() <= bytes ? log : log.substr(log.size() - bytes);
}

std::vector<std::string> ServiceProcess::LogEvents(const std::string& event) const {
  std::vector<std::string> lines;
  for (absl::string_view line : absl::StrSplit(Log(), '\n', absl::SkipEmpty())) {
    nlohmann::json parsed = nlohmann::json::parse(line, nullptr, false);
    if (parsed.is_object() && parsed.value("event", "") == event) lines.emplace_back(line);
  }
  return lines;
}

absl::StatusOr<int> ServiceProcess::WaitUntilServing(absl::Duration timeout) {
  if (pid_ <= 0) return absl::InternalError("the process could not be started");
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    for (const std::string& line : LogEvents("serving")) {
      return nlohmann::json::parse(line).value("port", 0);
    }
    int status = 0;
    if (exit_status_ < 0 && waitpid(pid_, &status, WNOHANG) == pid_) {
      exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    if (exit_status_ >= 0) {
      return absl::FailedPreconditionError(
          absl::StrCat("exited with status ", exit_status_, " before serving; log:\n", Log()));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return absl::DeadlineExceededError(absl::StrCat("not serving in time; log:\n", Log()));
}

absl::StatusOr<int> ServiceProcess::WaitForExit(absl::Duration timeout) {
  // With no process, waitpid(-1) would wait for any child of the test.
  if (pid_ <= 0) return absl::InternalError("the process could not be started");
  const absl::Time deadline = absl::Now() + timeout;
  while (exit_status_ < 0 && absl::Now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (exit_status_ < 0) return absl::DeadlineExceededError("the process did not exit in time");
  return exit_status_;
}

absl::StatusOr<int> ServiceProcess::Terminate(absl::Duration timeout) {
  if (pid_ <= 0) return absl::InternalError("the process could not be started");
  if (exit_status_ < 0) kill(pid_, SIGTERM);
  return WaitForExit(timeout);
}

absl::StatusOr<int> ServiceProcess::Kill(absl::Duration timeout) {
  if (pid_ <= 0) return absl::InternalError("the process could not be started");
  if (exit_status_ < 0) kill(pid_, SIGKILL);
  return WaitForExit(timeout);
}

absl::Status ServiceProcess::Stop(absl::Duration timeout) {
  absl::StatusOr<int> status = Terminate(timeout);
  if (!status.ok()) return status.status();
  if (*status != 0) {
    return absl::InternalError(
        absl::StrCat("the service exited with status ", *status, "; log:\n", LogTail()));
  }
  return absl::OkStatus();
}

absl::Status MigrateDatabase(const std::string& binary, const std::string& database_url) {
  // ".../pif-intake" is the service "intake".
  const std::string name = std::filesystem::path(binary).filename().string();
  std::vector<std::string> args = {"--listen=127.0.0.1:0", "--database_url=" + database_url,
                                   "--drain_seconds=1", "--db_pool_size=1"};
  for (std::string& arg : TestIdentity::Get().ServiceArgs(name.substr(name.find('-') + 1))) {
    args.push_back(std::move(arg));
  }
  ServiceProcess service(binary, std::move(args));
  if (auto port = service.WaitUntilServing(); !port.ok()) return port.status();
  return service.Stop();
}

std::pair<int, std::string> RunCommand(const std::string& command) {
  std::string output;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return {-1, output};
  char buffer[4096];
  size_t read = 0;
  while ((read = fread(buffer, 1, sizeof(buffer), pipe)) > 0) output.append(buffer, read);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

}  // namespace pif::testing
