// Where a database's time goes, seen from outside: pg_stat_activity sampled at an interval and
// the active statements of the database's client backends tallied by their beginning. A coarse
// profile (one sample per interval) that needs no extension and no change to the service.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace pif::bench {

// Samples the active statements of database `dbname` until stopped.
class QuerySampler {
 public:
  // Starts sampling at once over its own connection to `server_conninfo`'s cluster.
  QuerySampler(const std::string& server_conninfo, const std::string& dbname,
               absl::Duration interval);
  // Stops sampling.
  ~QuerySampler();
  QuerySampler(const QuerySampler&) = delete;
  QuerySampler& operator=(const QuerySampler&) = delete;

  // Stops sampling (idempotent) and returns (seconds seen active, statement beginning), most
  // time first; statements are cut to `prefix` characters with whitespace runs folded.
  std::vector<std::pair<double, std::string>> Stop(size_t prefix = 110);

 private:
  std::string server_conninfo_;
  std::string dbname_;
  absl::Duration interval_;
  std::atomic<bool> stop_{false};
  absl::Mutex mutex_;
  std::map<std::string, int64_t> counts_;
  std::thread thread_;
};

}  // namespace pif::bench
