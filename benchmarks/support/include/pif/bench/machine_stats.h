// What the machine and a process are doing while a benchmark runs: load average, CPU time and
// resident memory, read from /proc so any process on this machine can be measured.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

#include "absl/time/time.h"

namespace pif::bench {

// "load 4.40 4.12 3.90 on 2 cores": the 1, 5 and 15 minute load averages and the online CPUs.
std::string LoadText();

// The 1-minute load average.
double LoadAverage1();

// "2 cores (Intel Xeon ...), 24.1 GB memory, Linux 6.1.0": what the figures were measured on.
std::string MachineText();

// CPU seconds (user + system) process `pid` has used so far; 0 when it is gone.
double ProcessCpuSeconds(pid_t pid);

// CPU seconds (user + system) this process has used so far, all threads.
double SelfCpuSeconds();

// Resident bytes of `pid` now (VmRSS); -1 when the process is gone.
int64_t ResidentBytes(pid_t pid);

// Highest resident bytes of `pid` since it started (VmHWM); -1 when the process is gone.
int64_t PeakResidentBytes(pid_t pid);

// Megabytes (10^6 bytes) as text with one decimal, "-" for a negative size.
std::string Megabytes(int64_t bytes);

// Reads VmRSS of one process every `interval` on its own thread and keeps the highest value.
class RssSampler {
 public:
  // Starts sampling `pid` at once.
  RssSampler(pid_t pid, absl::Duration interval);
  // Stops sampling.
  ~RssSampler();
  RssSampler(const RssSampler&) = delete;
  RssSampler& operator=(const RssSampler&) = delete;

  // Stops sampling (idempotent) and returns the highest VmRSS seen, in bytes.
  int64_t Stop();
  // How many samples were taken.
  int64_t samples() const { return samples_.load(); }

 private:
  pid_t pid_;
  absl::Duration interval_;
  std::atomic<bool> stop_{false};
  std::atomic<int64_t> max_bytes_{0};
  std::atomic<int64_t> samples_{0};
  std::thread thread_;
};

// Wall-clock seconds (monotonic) since construction.
class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  // Seconds elapsed.
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

}  // namespace pif::bench
