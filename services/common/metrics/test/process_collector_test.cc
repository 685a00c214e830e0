#include "process_collector.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <string>

#include "gtest/gtest.h"
#include "pif/metrics/metrics.h"

namespace pif {
namespace {

double Now() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

TEST(ProcessCollectorTest, ReportsEveryProcessMetricWithItsType) {
  const std::string text = Metrics("intake").RenderText();
  for (const char* family :
       {"# TYPE process_cpu_seconds_total counter\n",
        "# TYPE process_resident_memory_bytes gauge\n",
        "# TYPE process_virtual_memory_bytes gauge\n", "# TYPE process_open_fds gauge\n",
        "# TYPE process_max_fds gauge\n", "# TYPE process_start_time_seconds gauge\n"}) {
    EXPECT_NE(text.find(family), std::string::npos) << family << text;
  }
}

TEST(ProcessCollectorTest, MemoryIsThisProcesssOwn) {
  Metrics metrics("intake");
  const double resident = metrics.Value("process_resident_memory_bytes", {});
  const double virtual_bytes = metrics.Value("process_virtual_memory_bytes", {});
  EXPECT_GT(resident, 1024 * 1024);  // a test binary with gtest and prometheus-cpp loaded
  EXPECT_GE(virtual_bytes, resident);
  // Touching 64 MiB makes it resident.
  std::string block(64 << 20, 'x');
  EXPECT_GE(metrics.Value("process_resident_memory_bytes", {}), resident + (48 << 20));
  EXPECT_EQ(block[12345], 'x');
}

TEST(ProcessCollectorTest, CountsOpenFilesAgainstTheLimit) {
  Metrics metrics("intake");
  const double before = metrics.Value("process_open_fds", {});
  EXPECT_GE(before, 3);  // stdin, stdout, stderr at least
  const int fd = open("/dev/null", O_RDONLY);
  ASSERT_GE(fd, 0);
  EXPECT_EQ(metrics.Value("process_open_fds", {}), before + 1);
  close(fd);
  rlimit limit{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &limit), 0);
  EXPECT_EQ(metrics.Value("process_max_fds", {}), static_cast<double>(limit.rlim_cur));
}

TEST(ProcessCollectorTest, CpuTimeGrowsWithWorkAndStartTimeIsRecent) {
  Metrics metrics("intake");
  const double cpu_before = metrics.Value("process_cpu_seconds_total", {});
  const std::clock_t until = std::clock() + CLOCKS_PER_SEC / 5;  // 0.2 s of this thread's CPU
  volatile uint64_t spin = 0;
  while (std::clock() < until) spin = spin + 1;
  EXPECT_GE(metrics.Value("process_cpu_seconds_total", {}), cpu_before + 0.1);
  const double started = metrics.Value("process_start_time_seconds", {});
  // This test binary started moments ago (clock ticks are 1/100 s; boot time whole seconds).
  EXPECT_LE(started, Now() + 2);
  EXPECT_GE(started, Now() - 600);
}

}  // namespace
}  // namespace pif
