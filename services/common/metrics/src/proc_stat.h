// Parsing of the /proc files the process metrics are read from (proc(5)).
#pragma once

#include <cstdint>
#include <optional>

#include "absl/strings/string_view.h"

namespace pif {

// The fields of /proc/<pid>/stat the process metrics use, in the kernel's units.
struct ProcStat {
  // User and system CPU time, in clock ticks (fields 14 and 15).
  uint64_t utime_ticks = 0;
  uint64_t stime_ticks = 0;
  // Start time after system boot, in clock ticks (field 22).
  uint64_t start_ticks = 0;
  // Virtual memory size in bytes (field 23).
  uint64_t virtual_bytes = 0;
  // Resident set size in pages (field 24).
  uint64_t resident_pages = 0;
};

// Parses the text of /proc/<pid>/stat; nullopt when it is not in the documented form. The command
// name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
std::optional<ProcStat> ParseProcStat(absl::string_view text);

// The boot time (seconds since the epoch) from the "btime" line of /proc/stat; nullopt if absent.
std::optional<int64_t> ParseBootTime(absl::string_view text);

}  // namespace pif
