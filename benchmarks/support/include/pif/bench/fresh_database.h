// Fresh PostgreSQL databases on the benchmark's cluster, and what their backends cost.
#pragma once

#include <string>

#include "absl/strings/string_view.h"

namespace pif::bench {

// An empty database named pif_bench_<prefix>_<random>, dropped when destroyed unless kept.
class FreshDatabase {
 public:
  // Creates the database on the cluster `server_conninfo` reaches (as a superuser).
  FreshDatabase(std::string server_conninfo, absl::string_view prefix);
  // Drops the database (WITH FORCE) unless Keep() was called.
  ~FreshDatabase();
  FreshDatabase(const FreshDatabase&) = delete;
  FreshDatabase& operator=(const FreshDatabase&) = delete;

  // The database name.
  const std::string& name() const { return name_; }
  // The conninfo that reaches this database.
  std::string conninfo() const;
  // Leaves the database in place after the benchmark, to inspect it.
  void Keep() { keep_ = true; }

 private:
  std::string server_conninfo_;
  std::string name_;
  bool keep_ = false;
};

// CPU seconds used so far by the client backends connected to database `dbname` (summed from
// /proc for the pids pg_stat_activity lists; the cluster must run on this machine). Backends
// that disconnected earlier are not counted, so measure while a pool keeps its connections.
double BackendCpuSeconds(const std::string& server_conninfo, const std::string& dbname);

}  // namespace pif::bench
