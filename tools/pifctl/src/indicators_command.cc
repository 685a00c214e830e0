// `pifctl indicators`: computes indicators for a council and period through the indicators
// service and prints them as JSON, CSV or a table.
#include <grpcpp/client_context.h>

#include <iostream>

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
#include "pif/indicators/v1/indicators_service.grpc.pb.h"
#include "result_output.h"

namespace pif::ctl {
namespace {

// Exit statuses: the call failed, or the command line was wrong.
constexpr int kCallFailed = 1;
constexpr int kUsageError = 2;

// Prints a failed call: its code and message, and each field violation on its own line.
void PrintFailure(const grpc::Status& status, const std::string& address) {
  PrintCallFailure("pifctl indicators: ", status, "indicators", address);
}

}  // namespace

int RunIndicators(const std::vector<std::string>& args) {
  std::string address = "127.0.0.1:50052";
  std::string council;
  std::string from;
  std::string to;
  std::string codes;
  std::string breakdowns;
  bool published = false;
  std::string format_text = "json";
  int64_t timeout_seconds = 300;
  FlagSet flags("pifctl indicators");
  flags.AddString("address", "PIFCTL_INDICATORS_ADDRESS", "host:port of the indicators service",
                  &address);
  flags.AddString("council", "PIFCTL_COUNCIL", "the council's 9-character GSS code (S12000033)",
                  &council);
  flags.AddString("from", "", "first day of the period, YYYY-MM-DD", &from);
  flags.AddString("to", "", "last day of the period (the census date), YYYY-MM-DD", &to);
  flags.AddString("codes", "", "comma-separated indicator codes (\"1 S.1,5.1\"); empty = all",
                  &codes);
  flags.AddString("breakdown", "",
                  "comma-separated breakdowns: sex, age_band, ethnic_group, disability, locality",
                  &breakdowns);
  flags.AddBool("published", "",
                "apply the council's disclosure control (small counts shown as suppressed); "
                "without it every count is shown (internal use)",
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
    std::cerr << "pifctl indicators: " << format.status().message() << "\n";
    return kUsageError;
  }

  indicators::v1::ComputeIndicatorsRequest request;
  if (council.empty()) {
    std::cerr << "pifctl indicators: --council is required\n";
    return kUsageError;
  }
  request.set_council(council);
  absl::Status dates_ok = SetDate(from, "from", request.mutable_period()->mutable_first_day());
  if (dates_ok.ok()) dates_ok = SetDate(to, "to", request.mutable_period()->mutable_last_day());
  if (!dates_ok.ok()) {
    std::cerr << "pifctl indicators: " << dates_ok.message() << "\n";
    return kUsageError;
  }
  for (const std::string& code : ListOf(codes)) request.add_codes(code);
  for (const std::string& dimension : ListOf(breakdowns)) {
    request.add_breakdown_dimensions(dimension);
  }
  request.set_disclosure_mode(published ? common::v1::DISCLOSURE_MODE_PUBLISHED
                                        : common::v1::DISCLOSURE_MODE_INTERNAL);

  auto stub = indicators::v1::IndicatorsService::NewStub(OpenChannel(address));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(timeout_seconds)));
  indicators::v1::ComputeIndicatorsResponse response;
  const grpc::Status status = stub->ComputeIndicators(&context, request, &response);
  if (!status.ok()) {
    PrintFailure(status, address);
    return kCallFailed;
  }
  WriteResults(std::cout, *format, {&response.provenance(), &response.results()});
  for (const common::v1::DataQualityNote& note : response.notes()) {
    std::cerr << "note: " << note.message() << " [" << note.code() << "]\n";
  }
  return 0;
}

}  // namespace pif::ctl
