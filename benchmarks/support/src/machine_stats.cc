#include "pif/bench/machine_stats.h"

#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"

namespace pif::bench {
namespace {

// The value in kB of a "Name:   1234 kB" line of /proc/PID/status, in bytes; -1 when absent.
int64_t StatusBytes(pid_t pid, const std::string& name) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(name + ":", 0) != 0) continue;
    std::istringstream fields(line.substr(name.size() + 1));
    int64_t kilobytes = -1;
    fields >> kilobytes;
    return kilobytes < 0 ? -1 : kilobytes * 1024;
  }
  return -1;
}

}  // namespace

std::string LoadText() {
  std::ifstream loadavg("/proc/loadavg");
  std::string one, five, fifteen;
  loadavg >> one >> five >> fifteen;
  return absl::StrFormat("load %s %s %s on %d cores", one, five, fifteen,
                         static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN)));
}

double LoadAverage1() {
  std::ifstream loadavg("/proc/loadavg");
  double one = 0;
  loadavg >> one;
  return one;
}

std::string MachineText() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  std::string model = "unknown CPU";
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("model name", 0) == 0 && line.find(':') != std::string::npos) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  }
  const double memory_gb = static_cast<double>(sysconf(_SC_PHYS_PAGES)) *
                           static_cast<double>(sysconf(_SC_PAGESIZE)) / 1e9;
  std::ifstream release("/proc/sys/kernel/osrelease");
  std::string kernel;
  release >> kernel;
  return absl::StrFormat("%d cores (%s), %.1f GB memory, Linux %s",
                         static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN)), model, memory_gb, kernel);
}

double ProcessCpuSeconds(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // The command name (field 2) may hold spaces; the fields after its closing ')' start at 3.
  const size_t close = text.rfind(')');
  if (close == std::string::npos) return 0;
  std::vector<std::string> fields = absl::StrSplit(text.substr(close + 2), ' ');
  // utime and stime are fields 14 and 15, i.e. positions 11 and 12 after field 2.
  if (fields.size() < 13) return 0;
  int64_t user = 0;
  int64_t system = 0;
  if (!absl::SimpleAtoi(fields[11], &user) || !absl::SimpleAtoi(fields[12], &system)) return 0;
  return static_cast<double>(user + system) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double SelfCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

int64_t ResidentBytes(pid_t pid) { return StatusBytes(pid, "VmRSS"); }

int64_t PeakResidentBytes(pid_t pid) { return StatusBytes(pid, "VmHWM"); }

std::string Megabytes(int64_t bytes) {
  if (bytes < 0) return "-";
  return absl::StrFormat("%.1f", static_cast<double>(bytes) / 1e6);
}

RssSampler::RssSampler(pid_t pid, absl::Duration interval) : pid_(pid), interval_(interval) {
  thread_ = std::thread([this] {
    while (!stop_.load()) {
      const int64_t bytes = ResidentBytes(pid_);
      if (bytes > max_bytes_.load()) max_bytes_.store(bytes);
      ++samples_;
      absl::SleepFor(interval_);
    }
  });
}

RssSampler::~RssSampler() { Stop(); }

int64_t RssSampler::Stop() {
  stop_.store(true);
  if (thread_.joinable()) thread_.join();
  return max_bytes_.load();
}

}  // namespace pif::bench
