#include "pif/bench/fresh_database.h"

#include <iostream>
#include <random>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "pif/bench/machine_stats.h"
#include "pqxx/pqxx"

namespace pif::bench {

FreshDatabase::FreshDatabase(std::string server_conninfo, absl::string_view prefix)
    : server_conninfo_(std::move(server_conninfo)) {
  static std::mt19937_64 generator{std::random_device{}()};
  name_ = absl::StrFormat("pif_bench_%s_%08x", prefix, static_cast<uint32_t>(generator()));
  pqxx::connection admin(server_conninfo_ + " dbname=postgres");
  pqxx::nontransaction tx(admin);
  tx.exec(absl::StrCat("CREATE DATABASE ", tx.quote_name(name_)));
}

FreshDatabase::~FreshDatabase() {
  if (keep_) {
    std::cerr << "kept database " << name_ << "\n";
    return;
  }
  try {
    pqxx::connection admin(server_conninfo_ + " dbname=postgres");
    pqxx::nontransaction tx(admin);
    tx.exec(absl::StrCat("DROP DATABASE IF EXISTS ", tx.quote_name(name_), " WITH (FORCE)"));
  } catch (const std::exception& error) {
    std::cerr << "could not drop database " << name_ << ": " << error.what() << "\n";
  }
}

std::string FreshDatabase::conninfo() const {
  return absl::StrCat(server_conninfo_, " dbname=", name_);
}

double BackendCpuSeconds(const std::string& server_conninfo, const std::string& dbname) {
  pqxx::connection admin(server_conninfo + " dbname=postgres");
  pqxx::nontransaction tx(admin);
  const pqxx::result pids = tx.exec_params(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'",
      dbname);
  double seconds = 0;
  for (const auto& row : pids) seconds += ProcessCpuSeconds(row[0].as<int>());
  return seconds;
}

}  // namespace pif::bench
