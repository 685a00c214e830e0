// `pifctl indicators`: computes indicators for a council and period through the indicators
// service and prints them as JSON, CSV or a table.
#include <grpcpp/client_context.h>

#include <iostream>

#include "call_helpers.h"
#include "commands.h"
#include "figures_command.h"
#include "pif/core/default_addresses.h"
#include "pif/core/flags.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/status_mapping.h"
#include "pif/indicators/v1/indicators_service.grpc.pb.h"
#include "result_output.h"

namespace pif::ctl {
namespace {

// Exit status of a failed call.
constexpr int kCallFailed = 1;

// Prints a failed call: its code and message, and each field violation on its own line.
void PrintFailure(const grpc::Status& status, const std::string& address) {
  PrintCallFailure("pifctl indicators: ", status, "indicators", address);
}

}  // namespace

int RunIndicators(const std::vector<std::string>& args) {
  FlagSet flags("pifctl indicators");
  FiguresCommandParser parser(
      {"indicators", kDefaultIndicatorsAddress, "PIFCTL_INDICATORS_ADDRESS",
       "comma-separated indicator codes (\"1 S.1,5.1\"); empty = all",
       "apply the council's disclosure control (small counts shown as suppressed); "
       "without it every count is shown (internal use)"},
      flags, /*with_breakdowns=*/true);
  FiguresCommand command;
  if (std::optional<int> stop = parser.Parse(args, &command)) return *stop;

  indicators::v1::ComputeIndicatorsRequest request;
  request.set_council(command.council);
  *request.mutable_period() = command.period;
  for (const std::string& code : command.codes) request.add_codes(code);
  for (const std::string& dimension : command.breakdowns) {
    request.add_breakdown_dimensions(dimension);
  }
  request.set_disclosure_mode(command.published ? common::v1::DISCLOSURE_MODE_PUBLISHED
                                                : common::v1::DISCLOSURE_MODE_INTERNAL);

  auto stub = indicators::v1::IndicatorsService::NewStub(OpenChannel(command.address));
  grpc::ClientContext context;
  SetDeadline(command, context);
  indicators::v1::ComputeIndicatorsResponse response;
  const grpc::Status status = stub->ComputeIndicators(&context, request, &response);
  if (!status.ok()) {
    PrintFailure(status, command.address);
    return kCallFailed;
  }
  WriteResults(std::cout, command.format, {&response.provenance(), &response.results()});
  for (const common::v1::DataQualityNote& note : response.notes()) {
    std::cerr << "note: " << note.message() << " [" << note.code() << "]\n";
  }
  return 0;
}

}  // namespace pif::ctl
