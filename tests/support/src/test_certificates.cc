#include "pif/testing/test_certificates.h"

#include <stdlib.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"

namespace pif::testing {

absl::StatusOr<std::string> MakeTestCertificates(const std::vector<std::string>& cas,
                                                 const std::vector<TestParty>& parties) {
  char pattern[] = "/tmp/pif-certs-XXXXXX";
  const char* made = mkdtemp(pattern);
  if (made == nullptr) return absl::InternalError("cannot make a temporary directory");
  const std::string dir = made;
  std::ofstream(dir + "/party.ext") << "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                                    << "extendedKeyUsage=serverAuth,clientAuth\n";
  const std::string key = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
  std::string script = absl::StrCat("cd '", dir, "' && set -e");
  for (const std::string& ca : cas) {
    absl::StrAppend(&script, " && openssl req -x509 ", key, " -keyout ", ca, ".key -out ", ca,
                    ".pem -days 2 -subj '/CN=", ca, "'");
  }
  for (const TestParty& party : parties) {
    absl::StrAppend(&script, " && openssl req ", key, " -keyout ", party.name, ".key -out ",
                    party.name, ".csr -subj '/CN=", party.name, "' && openssl x509 -req -in ",
                    party.name, ".csr -CA ", party.ca, ".pem -CAkey ", party.ca,
                    ".key -CAcreateserial -days 2 -extfile party.ext -out ", party.name, ".pem");
  }
  absl::StrAppend(&script, " > openssl.log 2>&1");
  if (std::system(script.c_str()) != 0) {
    std::ifstream log(dir + "/openssl.log");
    std::stringstream text;
    text << log.rdbuf();
    return absl::InternalError(
        absl::StrCat("openssl could not make test certificates in ", dir, ": ", text.str()));
  }
  return dir;
}

}  // namespace pif::testing
