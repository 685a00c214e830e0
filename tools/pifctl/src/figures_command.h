// What `pifctl indicators` and `pifctl workforce` share: their flags, the checks of what was
// given, and the deadline of the call.
#pragma once

#include <grpcpp/client_context.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pif/common/v1/results.pb.h"
#include "pif/core/flags.h"
#include "result_output.h"

namespace pif::ctl {

// How one figures command differs from the other.
struct FiguresCommandText {
  std::string name;              // "indicators": the command, and the service it calls
  std::string default_address;   // host:port of that service
  std::string address_variable;  // "PIFCTL_INDICATORS_ADDRESS"
  std::string codes_help;        // the --codes help, with examples
  std::string published_help;    // the --published help
};

// A figures command as given on the command line, checked.
struct FiguresCommand {
  std::string address;
  std::string council;
  common::v1::Period period;
  std::vector<std::string> codes;
  std::vector<std::string> breakdowns;  // only when the command declared --breakdown
  bool published = false;
  OutputFormat format = OutputFormat::kJson;
  int64_t timeout_seconds = 300;
};

// Declares the shared flags (address, council, from, to, codes, published, format,
// timeout_seconds and the caller's TLS flags) on `flags`, filled into `command` by
// ParseFiguresCommand; `with_breakdowns` adds --breakdown.
class FiguresCommandParser {
 public:
  FiguresCommandParser(FiguresCommandText text, FlagSet& flags, bool with_breakdowns);

  // Parses `args`; nullopt to go on with `command` filled, otherwise the exit status to stop
  // with (0 after --help, 2 for a usage error, with the message printed).
  std::optional<int> Parse(const std::vector<std::string>& args, FiguresCommand* command);

 private:
  FiguresCommandText text_;
  FlagSet& flags_;
  std::string address_;
  std::string council_;
  std::string from_;
  std::string to_;
  std::string codes_;
  std::string breakdowns_;
  bool published_ = false;
  std::string format_ = "json";
  int64_t timeout_seconds_ = 300;
};

// Sets the command's deadline on `context`.
void SetDeadline(const FiguresCommand& command, grpc::ClientContext& context);

}  // namespace pif::ctl
