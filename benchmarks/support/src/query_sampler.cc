#include "pif/bench/query_sampler.h"

#include <algorithm>
#include <iostream>

#include "absl/strings/ascii.h"
#include "absl/time/clock.h"
#include "pqxx/pqxx"

namespace pif::bench {
namespace {

std::string Folded(const std::string& query) {
  std::string folded;
  for (char c : query) {
    const bool space = absl::ascii_isspace(static_cast<unsigned char>(c));
    if (space && (folded.empty() || folded.back() == ' ')) continue;
    folded.push_back(space ? ' ' : c);
  }
  return folded;
}

}  // namespace

QuerySampler::QuerySampler(const std::string& server_conninfo, const std::string& dbname,
                           absl::Duration interval)
    : server_conninfo_(server_conninfo), dbname_(dbname), interval_(interval) {
  thread_ = std::thread([this] {
    try {
      pqxx::connection connection(server_conninfo_ + " dbname=postgres");
      connection.prepare("active",
                         "SELECT query FROM pg_stat_activity WHERE datname = $1 AND state = "
                         "'active' AND backend_type = 'client backend' AND pid <> "
                         "pg_backend_pid()");
      while (!stop_.load()) {
        pqxx::nontransaction tx(connection);
        const pqxx::result rows = tx.exec_prepared("active", dbname_);
        {
          absl::MutexLock lock(&mutex_);
          for (const auto& row : rows) ++counts_[Folded(row[0].c_str())];
        }
        tx.commit();
        absl::SleepFor(interval_);
      }
    } catch (const std::exception& error) {
      std::cerr << "query sampler stopped: " << error.what() << "\n";
    }
  });
}

QuerySampler::~QuerySampler() { Stop(); }

std::vector<std::pair<double, std::string>> QuerySampler::Stop(size_t prefix) {
  stop_.store(true);
  if (thread_.joinable()) thread_.join();
  absl::MutexLock lock(&mutex_);
  std::map<std::string, int64_t> by_prefix;
  for (const auto& [query, count] : counts_) by_prefix[query.substr(0, prefix)] += count;
  std::vector<std::pair<double, std::string>> profile;
  for (const auto& [query, count] : by_prefix) {
    profile.emplace_back(static_cast<double>(count) * absl::ToDoubleSeconds(interval_), query);
  }
  std::sort(profile.begin(), profile.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  return profile;
}

}  // namespace pif::bench
