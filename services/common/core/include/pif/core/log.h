// Structured JSON-lines logging that cannot carry case data: event names are string literals and
// field keys come from a closed list of operational facts.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace pif::log {

// Severity of a log line.
enum class Level { kDebug, kInfo, kWarning, kError };

// The only keys a log line may carry. None of them may hold a child's or staff member's data.
enum class Key {
  kService,     // service name
  kMethod,      // full gRPC method name
  kCode,        // status code name
  kDurationMs,  // elapsed milliseconds
  kCouncil,     // council GSS code (public)
  kBatchId,     // client batch id (an opaque key chosen by the integrator)
  kCount,       // a number of records or items
  kAddress,     // a listening or peer address
  kVersion,     // a data, schema or definition version
  kReference,   // an error reference id given to the client
  kError,       // an error text written by pif code (never record values or SQL parameters)
  kDatabase,    // a database name
  kSqlState,    // a PostgreSQL SQLSTATE code
  kPort,        // a port number
  kSignal,      // a signal number
  kMode,        // a named operating mode ("mutual_tls", "plaintext")
  kCaller,      // the authenticated caller ("certificate=<common name>" or "anonymous")
};

// Parses "debug", "info", "warning" or "error"; returns false for anything else.
bool ParseLevel(absl::string_view text, Level* level);

// Sets the lowest level written (default info).
void SetMinLevel(Level level);

// Sets the service name stamped on every line.
void SetService(std::string service);

// Redirects output (default std::cerr); for tests. The stream must outlive all logging.
void SetSink(std::ostream* sink);

// One log line, written as a single JSON object when it goes out of scope.
class Event {
 public:
  // Starts a line; the event name must be a string literal such as "server_started".
  template <size_t N>
  Event(Level level, const char (&event)[N]) : level_(level), event_(event, N - 1) {}
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  ~Event();

  // Adds a text field.
  Event& Str(Key key, absl::string_view value);
  // Adds a number field.
  Event& Int(Key key, int64_t value);

 private:
  Level level_;
  absl::string_view event_;
  std::vector<std::pair<Key, std::string>> strings_;
  std::vector<std::pair<Key, int64_t>> ints_;
};

// The JSON name of a key ("duration_ms").
absl::string_view KeyName(Key key);

}  // namespace pif::log
