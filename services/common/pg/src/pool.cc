#include "pif/pg/pool.h"

#include "absl/strings/str_cat.h"
#include "pif/core/log.h"

namespace pif::pg {

Pool::Lease::Lease(Pool* pool, std::unique_ptr<pqxx::connection> connection)
    : pool_(pool), connection_(std::move(connection)) {}

Pool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), connection_(std::move(other.connection_)) {
  other.pool_ = nullptr;
}

Pool::Lease::~Lease() {
  if (pool_ != nullptr) pool_->Return(std::move(connection_));
}

Pool::Pool(std::string conninfo, int size, ConnectionLimits limits)
    : conninfo_(std::move(conninfo)), size_(size), limits_(limits) {}

std::unique_ptr<pqxx::connection> Pool::Connect() const {
  auto connection = std::make_unique<pqxx::connection>(conninfo_);
  // Session settings, in milliseconds; set_config keeps them for the whole session.
  pqxx::nontransaction tx(*connection);
  tx.exec_params(
      "SELECT set_config('statement_timeout', $1, false),"
      " set_config('idle_in_transaction_session_timeout', $2, false)",
      std::to_string(absl::ToInt64Milliseconds(limits_.statement_timeout)),
      std::to_string(absl::ToInt64Milliseconds(limits_.idle_in_transaction_timeout)));
  tx.commit();
  return connection;
}

absl::StatusOr<std::unique_ptr<Pool>> Pool::Open(std::string conninfo, int size,
                                                 ConnectionLimits limits) {
  std::unique_ptr<Pool> pool(new Pool(std::move(conninfo), size, limits));
  try {
    for (int i = 0; i < size; ++i) pool->idle_.push_back(pool->Connect());
  } catch (const std::exception& error) {
    return StatusFromException(error);
  }
  return pool;
}

absl::StatusOr<Pool::Lease> Pool::Acquire(absl::Duration timeout) {
  std::unique_ptr<pqxx::connection> connection;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    const auto can_take = [&] {
      return !idle_.empty() || outstanding_ + static_cast<int>(idle_.size()) < size_;
    };
    bool available = can_take();
    if (!available) {
      ++waiting_;
      available = returned_.wait_for(lock, absl::ToChronoNanoseconds(timeout), can_take);
      --waiting_;
    }
    if (!available) {
      return absl::UnavailableError("no database connection became free in time; try again");
    }
    if (!idle_.empty()) {
      connection = std::move(idle_.back());
      idle_.pop_back();
    }
    ++outstanding_;
  }
  try {
    if (connection == nullptr || !connection->is_open()) {
      connection = Connect();
    }
  } catch (const std::exception& error) {
    std::lock_guard<std::mutex> lock(mutex_);
    --outstanding_;
    returned_.notify_one();
    return StatusFromException(error);
  }
  return Lease(this, std::move(connection));
}

void Pool::Return(std::unique_ptr<pqxx::connection> connection) {
  std::lock_guard<std::mutex> lock(mutex_);
  --outstanding_;
  // A connection that broke is dropped; Acquire opens a new one in its place.
  if (connection != nullptr && connection->is_open()) idle_.push_back(std::move(connection));
  returned_.notify_one();
}

int Pool::IdleCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int>(idle_.size());
}

Pool::Stats Pool::CurrentStats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  Stats stats;
  stats.size = size_;
  stats.idle = static_cast<int>(idle_.size());
  stats.in_use = outstanding_;
  stats.waiting = waiting_;
  return stats;
}

absl::Status StatusFromException(const std::exception& error) {
  if (dynamic_cast<const pqxx::broken_connection*>(&error) != nullptr) {
    log::Event(log::Level::kWarning, "database_unreachable")
        .Str(log::Key::kError, "broken connection");
    return absl::UnavailableError("the service's database cannot be reached; try again");
  }
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&error); sql != nullptr) {
    const std::string& state = sql->sqlstate();
    log::Event(log::Level::kError, "database_error").Str(log::Key::kSqlState, state);
    if (state == "57014") {
      return absl::DeadlineExceededError(
          "a database statement ran longer than the service's statement timeout; try again "
          "with less data or later");
    }
    if (state == "40001" || state == "40P01") {
      return absl::AbortedError("a concurrent change conflicted with this one; retry the call");
    }
    if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P03") {
      return absl::UnavailableError("the service's database cannot be reached; try again");
    }
    return absl::InternalError(absl::StrCat("database error, SQLSTATE ", state));
  }
  log::Event(log::Level::kError, "database_error").Str(log::Key::kError, "unclassified exception");
  return absl::InternalError("database error");
}

}  // namespace pif::pg
