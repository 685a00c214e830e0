#include "pif/core/log.h"

#include <atomic>
#include <iostream>
#include <mutex>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "nlohmann/json.hpp"

namespace pif::log {
namespace {

struct State {
  std::mutex mutex;
  std::ostream* sink = &std::cerr;
  std::string service;
};

State& GlobalState() {
  static State* state = new State();
  return *state;
}

std::atomic<int> min_level{static_cast<int>(Level::kInfo)};

absl::string_view LevelName(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarning:
      return "warning";
    case Level::kError:
      return "error";
  }
  return "info";
}

}  // namespace

bool ParseLevel(absl::string_view text, Level* level) {
  for (Level candidate : {Level::kDebug, Level::kInfo, Level::kWarning, Level::kError}) {
    if (LevelName(candidate) == text) {
      *level = candidate;
      return true;
    }
  }
  return false;
}

void SetMinLevel(Level level) { min_level.store(static_cast<int>(level)); }

void SetService(std::string service) {
  State& state = GlobalState();
  std::lock_guard<std::mutex> lock(state.mutex);
  state.service = std::move(service);
}

void SetSink(std::ostream* sink) {
  State& state = GlobalState();
  std::lock_guard<std::mutex> lock(state.mutex);
  state.sink = sink;
}

absl::string_view KeyName(Key key) {
  switch (key) {
    case Key::kService:
      return "service";
    case Key::kMethod:
      return "method";
    case Key::kCode:
      return "code";
    case Key::kDurationMs:
      return "duration_ms";
    case Key::kCouncil:
      return "council";
    case Key::kBatchId:
      return "batch_id";
    case Key::kCount:
      return "count";
    case Key::kAddress:
      return "address";
    case Key::kVersion:
      return "version";
    case Key::kReference:
      return "reference";
    case Key::kError:
      return "error";
    case Key::kDatabase:
      return "database";
    case Key::kSqlState:
      return "sqlstate";
    case Key::kPort:
      return "port";
    case Key::kSignal:
      return "signal";
    case Key::kMode:
      return "mode";
    case Key::kCaller:
      return "caller";
  }
  return "unknown";
}

Event& Event::Str(Key key, absl::string_view value) {
  strings_.emplace_back(key, std::string(value));
  return *this;
}

Event& Event::Int(Key key, int64_t value) {
  ints_.emplace_back(key, value);
  return *this;
}

Event::~Event() {
  if (static_cast<int>(level_) < min_level.load()) return;
  State& state = GlobalState();
  nlohmann::json line;
  line["ts"] = absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(), absl::UTCTimeZone());
  line["level"] = LevelName(level_);
  line["event"] = std::string(event_);
  for (const auto& [key, value] : strings_) line[std::string(KeyName(key))] = value;
  for (const auto& [key, value] : ints_) line[std::string(KeyName(key))] = value;
  std::lock_guard<std::mutex> lock(state.mutex);
  if (!state.service.empty() && !line.contains("service")) line["service"] = state.service;
  // Invalid UTF-8 is replaced rather than thrown on: a log line must never crash the server.
  *state.sink << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  state.sink->flush();
}

}  // namespace pif::log
