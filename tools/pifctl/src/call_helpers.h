// What the commands that call one service share: list and date flags, and printing a failed call.
#pragma once

#include <grpcpp/support/status.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "pif/common/v1/date.pb.h"

namespace pif::ctl {

// The comma-separated items of a flag, trimmed, empty ones dropped.
std::vector<std::string> ListOf(const std::string& text);

// Parses flag --`flag` (YYYY-MM-DD, required) into *out; INVALID_ARGUMENT naming the flag.
absl::Status SetDate(const std::string& text, const char* flag, common::v1::Date* out);

// Prints `prefix` then the failed call's code and message (naming `service` at `address` when
// it is unavailable) and each field violation on its own line, to stderr.
void PrintCallFailure(const std::string& prefix, const grpc::Status& status,
                      const std::string& service, const std::string& address);

}  // namespace pif::ctl
