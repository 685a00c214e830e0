#include "process_collector.h"

#include <dirent.h>
#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <string>

#include "proc_stat.h"

namespace pif {
namespace {

std::optional<std::string> ReadFile(const char* path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Entries of /proc/self/fd (the descriptor used to read it included, as other clients count).
std::optional<double> OpenFds() {
  DIR* dir = opendir("/proc/self/fd");
  if (dir == nullptr) return std::nullopt;
  double count = 0;
  while (const dirent* entry = readdir(dir)) {
    if (entry->d_name[0] != '.') ++count;
  }
  closedir(dir);
  return count;
}

std::optional<double> MaxFds() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return std::nullopt;
  if (limit.rlim_cur == RLIM_INFINITY) return std::numeric_limits<double>::infinity();
  return static_cast<double>(limit.rlim_cur);
}

void Add(std::vector<prometheus::MetricFamily>& out, const char* name, const char* help,
         prometheus::MetricType type, double value) {
  prometheus::MetricFamily family;
  family.name = name;
  family.help = help;
  family.type = type;
  prometheus::ClientMetric series;
  if (type == prometheus::MetricType::Counter) {
    series.counter.value = value;
  } else {
    series.gauge.value = value;
  }
  family.metric.push_back(series);
  out.push_back(std::move(family));
}

}  // namespace

std::vector<prometheus::MetricFamily> ProcessCollector::Collect() const {
  using prometheus::MetricType;
  std::vector<prometheus::MetricFamily> out;
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  const double page_bytes = static_cast<double>(sysconf(_SC_PAGESIZE));
  const std::optional<std::string> stat_text = ReadFile("/proc/self/stat");
  const std::optional<ProcStat> stat =
      stat_text ? ParseProcStat(*stat_text) : std::optional<ProcStat>();
  if (stat && ticks > 0) {
    Add(out, "process_cpu_seconds_total", "Total user and system CPU time spent in seconds.",
        MetricType::Counter, static_cast<double>(stat->utime_ticks + stat->stime_ticks) / ticks);
    Add(out, "process_virtual_memory_bytes", "Virtual memory size in bytes.", MetricType::Gauge,
        static_cast<double>(stat->virtual_bytes));
    Add(out, "process_resident_memory_bytes", "Resident memory size in bytes.", MetricType::Gauge,
        static_cast<double>(stat->resident_pages) * page_bytes);
    const std::optional<std::string> system = ReadFile("/proc/stat");
    if (const std::optional<int64_t> boot = system ? ParseBootTime(*system) : std::nullopt) {
      Add(out, "process_start_time_seconds",
          "Start time of the process since unix epoch in seconds.", MetricType::Gauge,
          static_cast<double>(*boot) + static_cast<double>(stat->start_ticks) / ticks);
    }
  }
  if (const std::optional<double> open = OpenFds()) {
    Add(out, "process_open_fds", "Number of open file descriptors.", MetricType::Gauge, *open);
  }
  if (const std::optional<double> max = MaxFds()) {
    Add(out, "process_max_fds", "Maximum number of open file descriptors.", MetricType::Gauge,
        *max);
  }
  return out;
}

}  // namespace pif
