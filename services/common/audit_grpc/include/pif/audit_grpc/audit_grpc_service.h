// The gRPC adapter of the access audit, hosted by every service binary: ListAuditRecords over
// the service's own audit (pif.audit.v1.AuditService).
#pragma once

#include <memory>

#include "pif/audit/audit_log.h"
#include "pif/audit/v1/audit_service.grpc.pb.h"

namespace pif::audit {

// Implements pif.audit.v1.AuditService over an AuditReader: authorizes the caller (auditor, for
// the council named) through its CallScope, converts the request to an AuditQuery and the page
// back; errors through ToGrpcStatus.
class AuditGrpcService final : public v1::AuditService::Service {
 public:
  explicit AuditGrpcService(std::shared_ptr<AuditReader> reader);

  grpc::Status ListAuditRecords(grpc::ServerContext* context,
                                const v1::ListAuditRecordsRequest* request,
                                v1::ListAuditRecordsResponse* response) override;

 private:
  std::shared_ptr<AuditReader> reader_;
};

}  // namespace pif::audit
