// One page of a list: the page a caller asks for, the rows to ask a store for (one more than the
// page, so the extra row tells whether another page follows), and the page handed back.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/proto_util/paging.h"

namespace pif::reporting {

// The page a list rpc asks for, as sent.
struct PageAsk {
  // 0: the list's default size; above the list's maximum: the maximum.
  int32_t page_size = 0;
  // "" for the first page, otherwise a next_page_token this service handed out.
  std::string page_token;
};

// The rows of one page: `size` rows from `offset`.
struct PageWindow {
  int size = 0;
  int64_t offset = 0;
  // The rows to ask the store for: one more than the page.
  int limit() const { return size + 1; }
};

// One page of a list and the token of the next ("" when this is the last).
template <typename Item>
struct Page {
  std::vector<Item> items;
  std::string next_page_token;
};

// The window of `ask` for a list of `fallback` rows a page by default and `max` at most;
// INVALID_ARGUMENT naming page_size or page_token when either is not one this service accepts.
absl::StatusOr<PageWindow> WindowOf(const PageAsk& ask, int fallback, int max);

// The page of `rows`, the store's answer to `window.limit()` rows from `window.offset`.
template <typename Item>
Page<Item> PageOf(std::vector<Item> rows, const PageWindow& window) {
  Page<Item> page;
  const bool more = rows.size() > static_cast<size_t>(window.size);
  if (more) rows.resize(static_cast<size_t>(window.size));
  page.items = std::move(rows);
  if (more) page.next_page_token = OffsetPageToken(window.offset + window.size);
  return page;
}

}  // namespace pif::reporting
