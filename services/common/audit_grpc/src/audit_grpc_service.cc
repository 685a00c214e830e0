#include "pif/audit_grpc/audit_grpc_service.h"

#include <utility>

#include "pif/core/domain_status.h"
#include "pif/grpc/call_scope.h"
#include "pif/grpc/status_mapping.h"
#include "pif/proto_util/dates.h"
#include "pif/proto_util/paging.h"

namespace pif::audit {
namespace {

constexpr int kDefaultPage = 200;
constexpr int kMaxPage = 1000;

// The query a request asks for; INVALID_ARGUMENT naming the field it cannot be.
absl::StatusOr<AuditQuery> QueryOf(const v1::ListAuditRecordsRequest& request) {
  AuditQuery query;
  query.council = request.council();
  if (!request.has_since()) {
    return InvalidField("since", "REQUIRED_FIELD_MISSING",
                        "since is required: the time from which to list the audit");
  }
  query.since = FromTimestamp(request.since());
  if (request.has_until()) query.until = FromTimestamp(request.until());
  absl::StatusOr<int> limit = PageSize(request.page_size(), kDefaultPage, kMaxPage);
  if (!limit.ok()) return limit.status();
  query.limit = *limit;
  absl::StatusOr<int64_t> offset = ParseOffsetPageToken(request.page_token());
  if (!offset.ok()) return offset.status();
  query.offset = *offset;
  return query;
}

void ToProto(const AuditRecord& record, v1::AuditRecord* out) {
  out->set_audit_id(record.audit_id);
  *out->mutable_at() = ToTimestamp(record.at);
  out->set_service(record.service);
  out->set_method(record.method);
  out->set_caller(record.caller);
  out->set_peer(record.peer);
  out->set_council(record.council);
  out->set_code(record.code);
  out->set_records_read(record.records_read);
  out->set_records_written(record.records_written);
  for (const std::string& child : record.children) out->add_children(child);
  out->set_duration_ms(record.duration_ms);
}

}  // namespace

AuditGrpcService::AuditGrpcService(std::shared_ptr<AuditReader> reader)
    : reader_(std::move(reader)) {}

grpc::Status AuditGrpcService::ListAuditRecords(grpc::ServerContext* context,
                                                const v1::ListAuditRecordsRequest* request,
                                                v1::ListAuditRecordsResponse* response) {
  CallScope call(*context);
  if (absl::Status allowed = call.Authorize(request->council()); !allowed.ok()) {
    return ToGrpcStatus(allowed);
  }
  absl::StatusOr<AuditQuery> query = QueryOf(*request);
  if (!query.ok()) return ToGrpcStatus(query.status());
  absl::StatusOr<AuditPage> page = reader_->List(*query);
  if (!page.ok()) return ToGrpcStatus(page.status());
  for (const AuditRecord& record : page->records) ToProto(record, response->add_records());
  if (page->more) {
    response->set_next_page_token(
        OffsetPageToken(query->offset + static_cast<int64_t>(page->records.size())));
  }
  call.NoteRecords(static_cast<int64_t>(page->records.size()), 0);
  return grpc::Status::OK;
}

}  // namespace pif::audit
