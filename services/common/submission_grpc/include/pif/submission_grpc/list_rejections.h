// The ListRejections rpc of any submission service (intake, workforce, reporting): checks the
// request, lists the council's kept rejections from the store and fills the response. Generic
// over the service's messages, which share their shape:
//   Request  { string council; string batch_id; bool include_cleared; int32 page_size;
//              string page_token; (a service's own filters, such as a record type) }
//   Response { repeated pif.common.v1.StoredRejection rejections; string next_page_token;
//              int64 open_count; }
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "pif/proto_util/paging.h"
#include "pif/submission/store.h"
#include "pif/submission_grpc/proto_conversions.h"
#include "pif/submission_grpc/request_checks.h"

namespace pif::submission_grpc {

// The page size of a ListRejections that asks for none, and the most one page holds.
inline constexpr int kDefaultRejectionPage = 100;
inline constexpr int kMaxRejectionPage = 1000;

// Lists the rejections of `request.council()` (checked first) into `response`: oldest batch
// first, by position within a batch, OPEN only unless `include_cleared`, one page of
// `page_size` (0 = 100, at most 1,000) from `page_token`. `record_type_of(request)` is asked
// after the council is checked and gives the schema record type to list ("" = every type), or
// INVALID_ARGUMENT for a filter the service does not know. `open_count` is the council's whole
// open figure (every batch, every type), whatever the filters. `read` (when given) sees every
// rejection listed, for the caller's access audit. Failures are returned as they are, for
// ToGrpcStatus.
template <typename Request, typename Response, typename RecordTypeOf>
absl::Status ListRejections(
    submission::SubmissionStore& store, const Request& request, RecordTypeOf record_type_of,
    Response* response,
    const std::function<void(const submission::StoredRejection&)>& read = nullptr) {
  if (absl::Status checked = CheckCouncil(request.council()); !checked.ok()) return checked;
  submission::RejectionFilter filter;
  filter.council = request.council();
  filter.batch_id = request.batch_id();
  filter.include_cleared = request.include_cleared();
  absl::StatusOr<std::string> record_type = record_type_of(request);
  if (!record_type.ok()) return record_type.status();
  filter.record_type = *record_type;
  absl::StatusOr<int> page_size =
      PageSize(request.page_size(), kDefaultRejectionPage, kMaxRejectionPage);
  if (!page_size.ok()) return page_size.status();
  filter.page_size = *page_size;
  filter.page_token = request.page_token();
  absl::StatusOr<submission::RejectionPage> page = store.ListRejections(filter);
  if (!page.ok()) return page.status();
  for (const submission::StoredRejection& rejection : page->rejections) {
    *response->add_rejections() = ToProto(rejection);
    if (read) read(rejection);
  }
  response->set_next_page_token(page->next_page_token);
  // The store counts the open rejections matching the filter; the contract's figure ignores
  // the batch and type filters.
  int64_t open_count = page->open_count;
  if (!filter.batch_id.empty() || !filter.record_type.empty()) {
    submission::RejectionFilter everything;
    everything.council = filter.council;
    everything.page_size = 1;
    absl::StatusOr<submission::RejectionPage> all = store.ListRejections(everything);
    if (!all.ok()) return all.status();
    open_count = all->open_count;
  }
  response->set_open_count(open_count);
  return absl::OkStatus();
}

// For a service with one record type (or no record type filter): every type.
template <typename Request>
absl::StatusOr<std::string> EveryRecordType(const Request&) {
  return std::string();
}

}  // namespace pif::submission_grpc
