#include "pif/submission_grpc/stream_limits.h"

#include <grpc/grpc.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "absl/strings/str_cat.h"
#include "pif/core/domain_status.h"
#include "pif/core/log.h"

namespace pif::submission_grpc {
namespace {

// The process's limits and the number of streams open now.
struct Gate {
  std::mutex mutex;
  StreamLimits limits;
  int open = 0;
};

Gate& TheGate() {
  static Gate* gate = new Gate();
  return *gate;
}

}  // namespace

// The watchdog's state, shared with its thread.
struct StreamTicket::Watch {
  std::mutex mutex;
  std::condition_variable changed;
  grpc_call* call = nullptr;
  std::string what;
  StreamLimits limits;
  absl::Time started;
  absl::Time last_moved;
  bool stopping = false;
  std::optional<absl::Status> ended;
  std::thread thread;

  // Waits until a limit passes (then cancels the call with its status) or the ticket stops.
  void Run() {
    std::unique_lock<std::mutex> lock(mutex);
    while (!stopping) {
      const absl::Time now = absl::Now();
      const absl::Time idle_end = last_moved + limits.idle;
      const absl::Time total_end = started + limits.max_duration;
      if (now >= idle_end || now >= total_end) {
        const bool idle = idle_end <= total_end;
        const std::string message =
            idle ? absl::StrCat("the ", what, " moved no message for ",
                                absl::FormatDuration(limits.idle),
                                " (the stream idle limit); it was ended and nothing was committed")
                 : absl::StrCat("the ", what, " stayed open longer than ",
                                absl::FormatDuration(limits.max_duration),
                                " (the stream duration limit); it was ended and nothing was "
                                "committed");
        ended = absl::DeadlineExceededError(message);
        log::Event(log::Level::kWarning, "stream_limit_reached")
            .Str(log::Key::kError, idle ? "idle" : "duration");
        // Thread-safe; sends the status to the client and fails the handler's pending Read/Write.
        if (call != nullptr) {
          grpc_call_cancel_with_status(call, GRPC_STATUS_DEADLINE_EXCEEDED, message.c_str(),
                                       nullptr);
        }
        return;
      }
      changed.wait_for(lock, absl::ToChronoNanoseconds(std::min(idle_end, total_end) - now));
    }
  }
};

StreamLimits StreamLimitsOf(const ServerOptions& options) {
  StreamLimits limits;
  limits.idle = absl::Seconds(options.stream_idle_seconds);
  limits.max_duration = absl::Seconds(options.stream_max_seconds);
  limits.max_concurrent = static_cast<int>(StreamCapOf(options));
  return limits;
}

void SetStreamLimits(const StreamLimits& limits) {
  Gate& gate = TheGate();
  std::lock_guard<std::mutex> lock(gate.mutex);
  gate.limits = limits;
}

StreamTicket::StreamTicket(std::shared_ptr<Watch> watch) : watch_(std::move(watch)) {}

void StreamTicket::StopWatch() {
  {
    std::lock_guard<std::mutex> lock(watch_->mutex);
    watch_->stopping = true;
  }
  watch_->changed.notify_all();
  if (watch_->thread.joinable()) watch_->thread.join();
}

std::optional<absl::Status> StreamTicket::Disarm() {
  StopWatch();
  return Ended();
}

StreamTicket::~StreamTicket() {
  StopWatch();
  Gate& gate = TheGate();
  std::lock_guard<std::mutex> lock(gate.mutex);
  --gate.open;
}

void StreamTicket::Touch() {
  std::lock_guard<std::mutex> lock(watch_->mutex);
  watch_->last_moved = absl::Now();
}

std::optional<absl::Status> StreamTicket::Ended() const {
  std::lock_guard<std::mutex> lock(watch_->mutex);
  return watch_->ended;
}

absl::StatusOr<std::unique_ptr<StreamTicket>> EnterStream(const grpc::ServerContext& context,
                                                          absl::string_view what) {
  auto watch = std::make_shared<StreamTicket::Watch>();
  {
    Gate& gate = TheGate();
    std::lock_guard<std::mutex> lock(gate.mutex);
    if (gate.open >= gate.limits.max_concurrent) {
      log::Event(log::Level::kWarning, "stream_refused").Int(log::Key::kCount, gate.open);
      return ResourceExhaustedRetryAfter(
          absl::StrCat("the service already has ", gate.open,
                       " record streams open, its limit; try the ", what, " again later"),
          gate.limits.retry_after);
    }
    ++gate.open;
    watch->limits = gate.limits;
  }
  // Cancelling is the only use of the call, and it is thread-safe.
  watch->call = const_cast<grpc::ServerContext&>(context).c_call();
  watch->what = std::string(what);
  watch->started = absl::Now();
  watch->last_moved = watch->started;
  std::unique_ptr<StreamTicket> ticket(new StreamTicket(watch));
  watch->thread = std::thread([watch] { watch->Run(); });
  return ticket;
}

}  // namespace pif::submission_grpc
