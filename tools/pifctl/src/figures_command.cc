#include "figures_command.h"

#include <iostream>
#include <utility>

#include "absl/time/clock.h"
#include "call_helpers.h"
#include "caller_identity.h"

namespace pif::ctl {
namespace {

// Exit status of a wrong command line.
constexpr int kUsageError = 2;

}  // namespace

FiguresCommandParser::FiguresCommandParser(FiguresCommandText text, FlagSet& flags,
                                           bool with_breakdowns)
    : text_(std::move(text)), flags_(flags), address_(text_.default_address) {
  flags_.AddString("address", text_.address_variable, "host:port of the " + text_.name + " service",
                   &address_);
  flags_.AddString("council", "PIFCTL_COUNCIL", "the council's 9-character GSS code (S12000033)",
                   &council_);
  flags_.AddString("from", "", "first day of the period, YYYY-MM-DD", &from_);
  flags_.AddString("to", "", "last day of the period (the census date), YYYY-MM-DD", &to_);
  flags_.AddString("codes", "", text_.codes_help, &codes_);
  if (with_breakdowns) {
    flags_.AddString(
        "breakdown", "",
        "comma-separated breakdowns: sex, age_band, ethnic_group, disability, locality",
        &breakdowns_);
  }
  flags_.AddBool("published", "", text_.published_help, &published_);
  flags_.AddString("format", "", "json, csv or table", &format_);
  flags_.AddInt("timeout_seconds", "", "how long to wait for the figures", &timeout_seconds_, 1,
                3600);
}

std::optional<int> FiguresCommandParser::Parse(const std::vector<std::string>& args,
                                               FiguresCommand* command) {
  const std::string prefix = "pifctl " + text_.name + ": ";
  if (absl::Status parsed = ParseWithCallerIdentity(flags_, args); !parsed.ok()) {
    const bool help = absl::IsNotFound(parsed);
    (help ? std::cout : std::cerr) << parsed.message() << "\n";
    return help ? 0 : kUsageError;
  }
  absl::StatusOr<OutputFormat> format = ParseOutputFormat(format_);
  if (!format.ok()) {
    std::cerr << prefix << format.status().message() << "\n";
    return kUsageError;
  }
  if (council_.empty()) {
    std::cerr << prefix << "--council is required\n";
    return kUsageError;
  }
  absl::Status dates = SetDate(from_, "from", command->period.mutable_first_day());
  if (dates.ok()) dates = SetDate(to_, "to", command->period.mutable_last_day());
  if (!dates.ok()) {
    std::cerr << prefix << dates.message() << "\n";
    return kUsageError;
  }
  command->address = address_;
  command->council = council_;
  command->codes = ListOf(codes_);
  command->breakdowns = ListOf(breakdowns_);
  command->published = published_;
  command->format = *format;
  command->timeout_seconds = timeout_seconds_;
  return std::nullopt;
}

void SetDeadline(const FiguresCommand& command, grpc::ClientContext& context) {
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(command.timeout_seconds)));
}

}  // namespace pif::ctl
