#include "batch_id.h"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <memory>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace pif::ctl {
namespace {

// Bumped if the derivation ever changes, so old and new ids never collide by accident.
constexpr char kDerivation[] = "pifctl batch id v1\n";

// An incremental SHA-256 over OpenSSL's EVP interface.
class Sha256 {
 public:
  Sha256() : context_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) {
    EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr);
  }
  void Update(const void* data, size_t size) { EVP_DigestUpdate(context_.get(), data, size); }
  void Update(const std::string& text) { Update(text.data(), text.size()); }
  // The digest as 64 lower-case hex digits; the object is used up.
  std::string HexDigest() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_DigestFinal_ex(context_.get(), digest.data(), &size);
    return absl::BytesToHexString(
        absl::string_view(reinterpret_cast<const char*>(digest.data()), size));
  }

 private:
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context_;
};

// The hex SHA-256 of everything `in` holds.
absl::StatusOr<std::string> DigestOf(const std::string& name, std::istream& in) {
  Sha256 sha;
  std::array<char, 64 * 1024> buffer{};
  while (in) {
    in.read(buffer.data(), buffer.size());
    sha.Update(buffer.data(), static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) return absl::DataLossError(absl::StrCat("cannot read ", name));
  return sha.HexDigest();
}

}  // namespace

absl::StatusOr<std::string> BatchIdOf(
    const std::string& council, const std::vector<std::pair<std::string, std::istream*>>& files) {
  // Each file's content is digested on its own, so names and contents cannot run into each
  // other; names never hold a line break (they come from the contract's table).
  Sha256 sha;
  sha.Update(kDerivation);
  sha.Update(absl::StrCat("council ", council, "\n"));
  for (const auto& [name, in] : files) {
    auto digest = DigestOf(name, *in);
    if (!digest.ok()) return digest.status();
    sha.Update(absl::StrCat("file ", name, " ", *digest, "\n"));
  }
  return absl::StrCat("pifctl-", sha.HexDigest());
}

absl::StatusOr<std::string> BatchIdOfFiles(
    const std::string& council, const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::unique_ptr<std::ifstream>> streams;
  std::vector<std::pair<std::string, std::istream*>> inputs;
  for (const auto& [name, path] : files) {
    streams.push_back(std::make_unique<std::ifstream>(path, std::ios::binary));
    if (!*streams.back()) return absl::NotFoundError(absl::StrCat("cannot open ", path));
    inputs.emplace_back(name, streams.back().get());
  }
  return BatchIdOf(council, inputs);
}

bool IsValidBatchId(const std::string& batch_id) {
  if (batch_id.empty() || batch_id.size() > 128) return false;
  for (char c : batch_id) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

}  // namespace pif::ctl
