#include "pif/proto_util/paging.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "pif/core/domain_status.h"

namespace pif {
namespace {

constexpr char kPageTokenPrefix[] = "offset:";

}  // namespace

absl::StatusOr<int> PageSize(int32_t requested, int fallback, int max, const std::string& field) {
  if (requested < 0) {
    return InvalidField(
        field, "OUT_OF_RANGE",
        absl::StrCat(field, " must be 0 (the default, ", fallback, ") or 1 to ", max));
  }
  if (requested == 0) return fallback;
  return requested > max ? max : requested;
}

std::string OffsetPageToken(int64_t offset) { return absl::StrCat(kPageTokenPrefix, offset); }

absl::StatusOr<int64_t> ParseOffsetPageToken(const std::string& token, const std::string& field) {
  if (token.empty()) return 0;
  int64_t offset = -1;
  if (!absl::StartsWith(token, kPageTokenPrefix) ||
      !absl::SimpleAtoi(absl::string_view(token).substr(sizeof kPageTokenPrefix - 1), &offset) ||
      offset < 0) {
    return InvalidField(field, "MALFORMED_PAGE_TOKEN",
                        field +
                            " is not a token this service handed out; send the next_page_token "
                            "of the previous page, or nothing for the first page");
  }
  return offset;
}

}  // namespace pif
