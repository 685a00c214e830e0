// The --metrics_listen flag turned into the address civetweb (prometheus::Exposer) listens on.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace pif {

// civetweb's form of a host:port address: "127.0.0.1:9451" and "[::1]:0" stay as they are,
// "localhost" becomes 127.0.0.1 and an empty host every IPv4 interface ("0.0.0.0:9451").
// INVALID_ARGUMENT when the port is missing or not a number in 0..65535.
absl::StatusOr<std::string> CivetListenAddress(absl::string_view listen);

}  // namespace pif
