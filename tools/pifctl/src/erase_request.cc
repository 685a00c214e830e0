#include "erase_request.h"

#include <openssl/evp.h>

#include <array>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "batch_id.h"
#include "pif/proto_util/dates.h"

namespace pif::ctl {
namespace {

// Bumped if the derivation ever changes, so old and new ids never collide by accident.
constexpr char kDerivation[] = "pifctl erase request id v1\n";

// The hex SHA-256 of `text`.
std::string HexSha256(const std::string& text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest.data(), &size, EVP_sha256(), nullptr);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest.data()), size));
}

}  // namespace

absl::StatusOr<intake::v1::EraseChildRequest> EraseRequestOf(const EraseFlags& flags) {
  for (const auto& [value, flag] :
       {std::pair{&flags.council, "council"}, std::pair{&flags.person_id, "person_id"},
        std::pair{&flags.reason, "reason"}}) {
    if (value->empty()) return absl::InvalidArgumentError(absl::StrCat("--", flag, " is required"));
  }
  intake::v1::EraseChildRequest request;
  request.set_council(flags.council);
  request.set_person_id(flags.person_id);
  request.set_reason(flags.reason);
  if (flags.request_id.empty()) {
    // Each value is preceded by its length, so no two different flag sets digest alike.
    const std::string text = absl::StrCat(kDerivation, flags.council.size(), ":", flags.council,
                                          "\n", flags.person_id.size(), ":", flags.person_id, "\n",
                                          flags.reason.size(), ":", flags.reason, "\n");
    request.set_request_id(absl::StrCat("pifctl-erase-", HexSha256(text)));
  } else if (!IsValidBatchId(flags.request_id)) {
    return absl::InvalidArgumentError("--request_id must be 1 to 128 printable ASCII characters");
  } else {
    request.set_request_id(flags.request_id);
  }
  return request;
}

void WriteErasure(std::ostream& out, const intake::v1::EraseChildResponse& response) {
  for (const intake::v1::RecordCount& count : response.erased()) {
    out << "erased  " << intake::v1::RecordType_Name(count.record_type()) << "  " << count.count()
        << "\n";
  }
  out << "rejections erased  " << response.rejection_count() << "\n"
      << "batch summaries redacted  " << response.batch_summary_count() << "\n"
      << "deletions redacted  " << response.deletion_count() << "\n"
      << "data version  " << response.data_version() << "\n"
      << "erased at  "
      << absl::FormatTime("%Y-%m-%dT%H:%M:%E*SZ", FromTimestamp(response.erased_at()),
                          absl::UTCTimeZone())
      << "\n";
}

}  // namespace pif::ctl
