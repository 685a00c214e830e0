// A fixed-size pool of libpqxx connections to one service's own database.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "pqxx/pqxx"

namespace pif::pg {

// Server-side limits set on every connection the pool opens, so no statement and no forgotten
// transaction holds a connection (and its locks) without bound.
struct ConnectionLimits {
  // PostgreSQL's statement_timeout: a statement running longer is cancelled (SQLSTATE 57014).
  absl::Duration statement_timeout = absl::Seconds(120);
  // PostgreSQL's idle_in_transaction_session_timeout: a session idle inside a transaction
  // longer is ended by the server (its transaction rolled back, the connection replaced).
  absl::Duration idle_in_transaction_timeout = absl::Seconds(60);
};

// Hands out connections one caller at a time; a broken connection is replaced on next use.
class Pool {
 public:
  // A connection borrowed from the pool; returned when the lease is destroyed.
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();
    // The borrowed, open connection.
    pqxx::connection& operator*() const { return *connection_; }
    pqxx::connection* operator->() const { return connection_.get(); }

   private:
    friend class Pool;
    Lease(Pool* pool, std::unique_ptr<pqxx::connection> connection);
    Pool* pool_;
    std::unique_ptr<pqxx::connection> connection_;
  };

  // Opens `size` connections now, so a wrong address or password fails at start-up; every
  // connection (and every one opened later in a broken one's place) gets `limits`.
  static absl::StatusOr<std::unique_ptr<Pool>> Open(std::string conninfo, int size,
                                                    ConnectionLimits limits = {});

  // Borrows a connection, waiting up to `timeout` for one to come back; UNAVAILABLE on timeout
  // or when the database cannot be reached.
  absl::StatusOr<Lease> Acquire(absl::Duration timeout = absl::Seconds(30));

  // Number of connections idle in the pool now.
  int IdleCount() const;

  // How the pool's connections are used at one moment, for metrics.
  struct Stats {
    // The most connections the pool holds (--db_pool_size).
    int size = 0;
    // Open connections waiting in the pool for a caller.
    int idle = 0;
    // Connections lent to callers now.
    int in_use = 0;
    // Callers waiting in Acquire for a connection to come back.
    int waiting = 0;
  };
  // The pool's counts, taken together under its lock.
  Stats CurrentStats() const;

 private:
  Pool(std::string conninfo, int size, ConnectionLimits limits);
  // Opens one connection with the pool's limits set; throws what libpqxx throws.
  std::unique_ptr<pqxx::connection> Connect() const;
  void Return(std::unique_ptr<pqxx::connection> connection);

  const std::string conninfo_;
  const int size_;
  const ConnectionLimits limits_;
  mutable std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  int outstanding_ = 0;
  int waiting_ = 0;
};

// Turns a libpqxx exception into a status: UNAVAILABLE for a lost connection, ABORTED for a
// serialization failure or deadlock (retry the transaction), INTERNAL otherwise. The message
// never includes SQL text or parameters.
absl::Status StatusFromException(const std::exception& error);

}  // namespace pif::pg
