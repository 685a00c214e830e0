#include "listen_address.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace pif {

absl::StatusOr<std::string> CivetListenAddress(absl::string_view listen) {
  const size_t colon = listen.rfind(':');
  int port = 0;
  if (colon == absl::string_view::npos || !absl::SimpleAtoi(listen.substr(colon + 1), &port) ||
      port < 0 || port > 65535) {
    return absl::InvalidArgumentError(absl::StrCat("'", listen, "' is not host:port"));
  }
  absl::string_view host = listen.substr(0, colon);
  if (host.empty()) host = "0.0.0.0";
  if (host == "localhost") host = "127.0.0.1";
  return absl::StrCat(host, ":", port);
}

}  // namespace pif
