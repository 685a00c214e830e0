// `pifctl erase`: erases one child's records from a council's data in intake (EraseChild).
// Needs a token with the admin role for the council. Running the same command again (same
// council, person id and reason, or the same --request_id) replays the first answer.
#include <grpcpp/client_context.h>

#include <iostream>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "call_helpers.h"
#include "caller_identity.h"
#include "commands.h"
#include "erase_request.h"
#include "pif/core/default_addresses.h"
#include "pif/core/flags.h"
#include "pif/grpc/channel.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"

namespace pif::ctl {

int RunErase(const std::vector<std::string>& args) {
  std::string address = kDefaultIntakeAddress;
  EraseFlags erase;
  int64_t timeout_seconds = 300;
  FlagSet flags("pifctl erase");
  flags.AddString("address", "PIFCTL_INTAKE_ADDRESS", "host:port of the intake service", &address);
  flags.AddString("council", "", "the council (9-character GSS code)", &erase.council);
  flags.AddString("person_id", "", "the person id of the child to erase", &erase.person_id);
  flags.AddString("reason", "",
                  "why (for example the erasure request's reference; no personal details)",
                  &erase.reason);
  flags.AddString("request_id", "",
                  "an id for this erasure; empty = derived from council, person id and reason",
                  &erase.request_id);
  flags.AddInt("timeout_seconds", "", "how long to wait for the answer", &timeout_seconds, 1, 3600);
  if (absl::Status parsed = ParseWithCallerIdentity(flags, args); !parsed.ok()) {
    const bool help = absl::IsNotFound(parsed);
    (help ? std::cout : std::cerr) << parsed.message() << "\n";
    return help ? 0 : 2;
  }
  absl::StatusOr<intake::v1::EraseChildRequest> request = EraseRequestOf(erase);
  if (!request.ok()) {
    std::cerr << "pifctl erase: " << request.status().message() << "\n";
    return 2;
  }
  auto stub = intake::v1::IntakeService::NewStub(OpenChannel(address));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(timeout_seconds)));
  intake::v1::EraseChildResponse response;
  const grpc::Status status = stub->EraseChild(&context, *request, &response);
  if (!status.ok()) {
    PrintCallFailure("pifctl erase: ", status, "intake", address);
    return 1;
  }
  std::cout << "request id  " << request->request_id() << "\n";
  WriteErasure(std::cout, response);
  return 0;
}

}  // namespace pif::ctl
