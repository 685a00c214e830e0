// Limits on the record streams of a service (SubmitRecords, ExportSnapshot): how many may be open
// at once, how long one may move no message, and how long one may stay open. Every open stream
// holds a database connection and a transaction, so without these a few idle callers could take
// every connection and stop the service for everyone else.
#pragma once

#include <grpcpp/server_context.h>

#include <memory>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "pif/core/server_options.h"

namespace pif::submission_grpc {

// The process's stream limits.
struct StreamLimits {
  // A stream that moves no message for this long is ended DEADLINE_EXCEEDED.
  absl::Duration idle = absl::Seconds(30);
  // A stream still open after this long is ended DEADLINE_EXCEEDED.
  absl::Duration max_duration = absl::Hours(1);
  // Streams open at once; one more is refused RESOURCE_EXHAUSTED.
  int max_concurrent = 4;
  // The retry hint of that refusal.
  absl::Duration retry_after = absl::Seconds(5);
};

// The limits the service's flags ask for (--stream_idle_seconds, --stream_max_seconds,
// --max_concurrent_streams).
StreamLimits StreamLimitsOf(const ServerOptions& options);

// Sets the process's limits; each service's main calls it before serving (tests too). Streams
// already open keep their slots.
void SetStreamLimits(const StreamLimits& limits);

// One open stream's slot and watchdog; ends the stream when a time limit passes.
class StreamTicket {
 public:
  StreamTicket(const StreamTicket&) = delete;
  StreamTicket& operator=(const StreamTicket&) = delete;
  // Stops the watchdog and frees the slot.
  ~StreamTicket();

  // Notes that a message moved (read or written), restarting the idle clock.
  void Touch();
  // Stops the watchdog for the rest of the stream (before a commit, so a stream the client was
  // told had timed out never commits); returns Ended().
  std::optional<absl::Status> Disarm();
  // Why the watchdog ended the stream (DEADLINE_EXCEEDED, already sent to the client); nullopt
  // while it has not.
  std::optional<absl::Status> Ended() const;

 private:
  friend absl::StatusOr<std::unique_ptr<StreamTicket>> EnterStream(
      const grpc::ServerContext& context, absl::string_view what);
  struct Watch;
  explicit StreamTicket(std::shared_ptr<Watch> watch);
  void StopWatch();
  std::shared_ptr<Watch> watch_;
};

// Takes one of the process's stream slots for the call of `context` (`what` names the stream in
// messages: "submission", "snapshot export"), and watches its idle and total time: when one
// passes, the call is ended with DEADLINE_EXCEEDED and a message saying which limit (the
// handler's pending Read or Write then fails, and what it staged is rolled back). When every
// slot is taken: RESOURCE_EXHAUSTED with a retry hint (ResourceExhaustedRetryAfter).
absl::StatusOr<std::unique_ptr<StreamTicket>> EnterStream(const grpc::ServerContext& context,
                                                          absl::string_view what);

}  // namespace pif::submission_grpc
