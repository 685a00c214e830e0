// Throwaway certificates for mutual TLS tests, made with the openssl command.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace pif::testing {

// A certificate to make: `name`.pem and `name`.key, signed by the CA named `ca`.
struct TestParty {
  std::string name;
  std::string ca;
};

// Makes, in a new temporary directory, a self-signed CA per name in `cas` (`ca`.pem/.key) and a
// certificate per party, valid for 2 days, for 127.0.0.1 and localhost, usable by a server and a
// client (P-256 keys). Returns the directory, or an error with openssl's output.
absl::StatusOr<std::string> MakeTestCertificates(const std::vector<std::string>& cas,
                                                 const std::vector<TestParty>& parties);

}  // namespace pif::testing
