#include "pif/bench/processes.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "pif/bench/machine_stats.h"

extern char** environ;

namespace pif::bench {

absl::StatusOr<CommandResult> RunMeasured(const std::string& binary,
                                          const std::vector<std::string>& args) {
  char path_template[] = "/tmp/pif-bench-stdout-XXXXXX";
  const int out = mkstemp(path_template);
  if (out < 0) return absl::InternalError("cannot create a file for the command's output");
  const int null = open("/dev/null", O_WRONLY);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, null, STDERR_FILENO);
  std::vector<std::string> argv_strings = {binary};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_strings) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const Stopwatch wall;
  pid_t pid = -1;
  const int spawned = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out);
  close(null);
  if (spawned != 0) {
    unlink(path_template);
    return absl::InternalError("cannot start " + binary);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  CommandResult result;
  result.wall_seconds = wall.Seconds();
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  result.cpu_seconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::ifstream in(path_template);
  std::stringstream text;
  text << in.rdbuf();
  result.stdout_text = text.str();
  unlink(path_template);
  return result;
}

std::vector<std::string> ServiceArgs(const std::string& service, std::vector<std::string> args) {
  for (std::string& arg : TestIdentity::Get().ServiceArgs(service)) args.push_back(std::move(arg));
  return args;
}

}  // namespace pif::bench
