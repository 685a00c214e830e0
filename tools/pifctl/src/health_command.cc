#include <grpcpp/client_context.h>

#include <iostream>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "caller_identity.h"
#include "commands.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "pif/core/default_addresses.h"
#include "pif/core/flags.h"
#include "pif/grpc/channel.h"

namespace pif::ctl {
namespace {

// Asks `address` for the health of `service` ("" = the whole server); returns the status name.
std::string CheckOne(const std::string& address, const std::string& service,
                     absl::Duration timeout) {
  auto stub = grpc::health::v1::Health::NewStub(OpenChannel(address));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = stub->Check(&context, request, &response);
  if (!status.ok()) return "UNREACHABLE (" + status.error_message() + ")";
  return grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status());
}

}  // namespace

int RunHealth(const std::vector<std::string>& args) {
  std::string addresses = absl::StrJoin({kDefaultIntakeAddress, kDefaultIndicatorsAddress,
                                         kDefaultWorkforceAddress, kDefaultReportingAddress},
                                        ",");
  std::string service;
  int64_t timeout_ms = 2000;
  FlagSet flags("pifctl health");
  flags.AddString("address", "PIFCTL_ADDRESS", "comma-separated host:port of services to check",
                  &addresses);
  flags.AddString("service", "", "fully qualified service name; empty checks the whole server",
                  &service);
  flags.AddInt("timeout_ms", "", "how long to wait for each answer", &timeout_ms, 1, 600000);
  if (absl::Status parsed = ParseWithCallerIdentity(flags, args); !parsed.ok()) {
    const bool help = absl::IsNotFound(parsed);
    (help ? std::cout : std::cerr) << parsed.message() << "\n";
    return help ? 0 : 2;
  }
  bool all_serving = true;
  for (absl::string_view address : absl::StrSplit(addresses, ',', absl::SkipEmpty())) {
    const std::string result =
        CheckOne(std::string(address), service, absl::Milliseconds(timeout_ms));
    std::cout << address << "  " << result << "\n";
    all_serving = all_serving && result == "SERVING";
  }
  return all_serving ? 0 : 1;
}

}  // namespace pif::ctl
