// `pifctl workforce`: computes the workforce figures (7.1 to 7.7 and 9.1) for a council and
// period through the workforce service and prints them in the shape `pifctl indicators` uses.
#include <grpcpp/client_context.h>

#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "call_helpers.h"
#include "commands.h"
#include "figures_command.h"
#include "pif/core/default_addresses.h"
#include "pif/core/flags.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/status_mapping.h"
#include "pif/workforce/v1/workforce_service.grpc.pb.h"
#include "result_output.h"

namespace pif::ctl {
namespace {

// Exit status of a failed call.
constexpr int kCallFailed = 1;

// Prints a failed call: its code and message, and each field violation on its own line.
void PrintFailure(const grpc::Status& status, const std::string& address) {
  PrintCallFailure("pifctl workforce: ", status, "workforce", address);
}

// A supplementary figure as text: `5.4 years`, `c` when suppressed or withheld.
std::string FigureText(const common::v1::SupplementaryFigure& figure) {
  if (figure.has_count()) {
    return figure.count().count_case() == common::v1::Count::kValue
               ? absl::StrCat(figure.count().value())
               : "c";
  }
  if (figure.measure().measure_case() == common::v1::Measure::kValue) {
    return absl::StrFormat("%.1f %s", figure.measure().value(), figure.unit());
  }
  return figure.measure().withheld() == common::v1::WITHHOLD_REASON_NO_DENOMINATOR ? "none" : "c";
}

}  // namespace

int RunWorkforce(const std::vector<std::string>& args) {
  FlagSet flags("pifctl workforce");
  FiguresCommandParser parser(
      {"workforce", kDefaultWorkforceAddress, "PIFCTL_WORKFORCE_ADDRESS",
       "comma-separated figure codes (\"7.1,7.4a,9.1\"); empty = all",
       "apply disclosure control (small counts shown as suppressed, rates of small "
       "groups withheld); without it every figure is shown (internal use)"},
      flags, /*with_breakdowns=*/false);
  FiguresCommand command;
  if (std::optional<int> stop = parser.Parse(args, &command)) return *stop;

  workforce::v1::ComputeWorkforceRequest request;
  request.set_council(command.council);
  *request.mutable_period() = command.period;
  for (const std::string& code : command.codes) request.add_codes(code);
  request.set_disclosure_mode(command.published ? common::v1::DISCLOSURE_MODE_PUBLISHED
                                                : common::v1::DISCLOSURE_MODE_INTERNAL);

  auto stub = workforce::v1::WorkforceService::NewStub(OpenChannel(command.address));
  grpc::ClientContext context;
  SetDeadline(command, context);
  workforce::v1::ComputeWorkforceResponse response;
  const grpc::Status status = stub->ComputeWorkforce(&context, request, &response);
  if (!status.ok()) {
    PrintFailure(status, command.address);
    return kCallFailed;
  }
  // The printer quotes the provenance's intake data version as the document's `data_version`;
  // the data these figures were computed from is the workforce data (7.4's intake version is in
  // the gRPC response's provenance).
  common::v1::Provenance provenance = response.provenance();
  provenance.set_intake_data_version(provenance.workforce_data_version());
  WriteResults(std::cout, command.format, {&provenance, &response.results()});
  // Supplementary figures (median, agency headcount, days lost ...) are not in the document.
  for (const common::v1::IndicatorResult& result : response.results()) {
    for (const common::v1::SupplementaryFigure& figure : result.supplementary()) {
      std::cerr << "figure: " << result.code() << " " << figure.label() << ": "
                << FigureText(figure) << " [" << figure.name() << "]\n";
    }
  }
  for (const common::v1::DataQualityNote& note : response.notes()) {
    std::cerr << "note: " << note.message() << " [" << note.code() << "]\n";
  }
  return 0;
}

}  // namespace pif::ctl
