// `pifctl workforce`: computes the workforce figures (7.1 to 7.7 and 9.1) for a council and
// period through the workforce service and prints them in the shape `pifctl indicators` uses.
#include <grpcpp/client_context.h>

#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "call_helpers.h"
#include "caller_identity.h"
#include "commands.h"
#include "pif/core/domain_status.h"
#include "pif/core/flags.h"
#include "pif/dates/date.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/status_mapping.h"
#include "pif/workforce/v1/workforce_service.grpc.pb.h"
#include "result_output.h"

namespace pif::ctl {
namespace {

// Exit statuses: the call failed, or the command line was wrong.
constexpr int kCallFailed = 1;
constexpr int kUsageError = 2;

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
  std::string address = "127.0.0.1:50053";
  std::string council;
  std::string from;
  std::string to;
  std::string codes;
  bool published = false;
  std::string format_text = "json";
  int64_t timeout_seconds = 300;
  FlagSet flags("pifctl workforce");
  flags.AddString("address", "PIFCTL_WORKFORCE_ADDRESS", "host:port of the workforce service",
                  &address);
  flags.AddString("council", "PIFCTL_COUNCIL", "the council's 9-character GSS code (S12000033)",
                  &council);
  flags.AddString("from", "", "first day of the period, YYYY-MM-DD", &from);
  flags.AddString("to", "", "last day of the period (the census date), YYYY-MM-DD", &to);
  flags.AddString("codes", "", "comma-separated figure codes (\"7.1,7.4a,9.1\"); empty = all",
                  &codes);
  flags.AddBool("published", "",
                "apply disclosure control (small counts shown as suppressed, rates of small "
                "groups withheld); without it every figure is shown (internal use)",
                &published);
  flags.AddString("format", "", "json, csv or table", &format_text);
  flags.AddInt("timeout_seconds", "", "how long to wait for the figures", &timeout_seconds, 1,
               3600);
  if (absl::Status parsed = ParseWithCallerIdentity(flags, args); !parsed.ok()) {
    const bool help = absl::IsNotFound(parsed);
    (help ? std::cout : std::cerr) << parsed.message() << "\n";
    return help ? 0 : kUsageError;
  }
  absl::StatusOr<OutputFormat> format = ParseOutputFormat(format_text);
  if (!format.ok()) {
    std::cerr << "pifctl workforce: " << format.status().message() << "\n";
    return kUsageError;
  }

  workforce::v1::ComputeWorkforceRequest request;
  if (council.empty()) {
    std::cerr << "pifctl workforce: --council is required\n";
    return kUsageError;
  }
  request.set_council(council);
  absl::Status dates_ok = SetDate(from, "from", request.mutable_period()->mutable_first_day());
  if (dates_ok.ok()) dates_ok = SetDate(to, "to", request.mutable_period()->mutable_last_day());
  if (!dates_ok.ok()) {
    std::cerr << "pifctl workforce: " << dates_ok.message() << "\n";
    return kUsageError;
  }
  for (const std::string& code : ListOf(codes)) request.add_codes(code);
  request.set_disclosure_mode(published ? common::v1::DISCLOSURE_MODE_PUBLISHED
                                        : common::v1::DISCLOSURE_MODE_INTERNAL);

  auto stub = workforce::v1::WorkforceService::NewStub(OpenChannel(address));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(timeout_seconds)));
  workforce::v1::ComputeWorkforceResponse response;
  const grpc::Status status = stub->ComputeWorkforce(&context, request, &response);
  if (!status.ok()) {
    PrintFailure(status, address);
    return kCallFailed;
  }
  // The printer quotes the provenance's intake data version as the document's `data_version`;
  // the data these figures were computed from is the workforce data (7.4's intake version is in
  // the gRPC response's provenance).
  common::v1::Provenance provenance = response.provenance();
  provenance.set_intake_data_version(provenance.workforce_data_version());
  WriteResults(std::cout, *format, {&provenance, &response.results()});
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
