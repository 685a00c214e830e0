#include "pif/reporting/domain/page.h"

namespace pif::reporting {

absl::StatusOr<PageWindow> WindowOf(const PageAsk& ask, int fallback, int max) {
  absl::StatusOr<int> size = PageSize(ask.page_size, fallback, max);
  if (!size.ok()) return size.status();
  absl::StatusOr<int64_t> offset = ParseOffsetPageToken(ask.page_token);
  if (!offset.ok()) return offset.status();
  return PageWindow{*size, *offset};
}

}  // namespace pif::reporting
