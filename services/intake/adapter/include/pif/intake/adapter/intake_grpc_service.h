// The gRPC adapter of the intake service: converts protos to store calls and statuses back.
#pragma once

#include <memory>

#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "pif/submission/store.h"

namespace pif::intake {

// Implements pif.intake.v1.IntakeService over a submission store of the case schema. Every rpc
// authorizes its caller first (a CallScope: token, roles, service identity, the council; the
// submission stream the header's council before anything is staged), then checks its council,
// reports errors through ToGrpcStatus, and never logs record values; what a call read or wrote
// (records, and the children of child-level reads) is noted on its CallScope for the access audit.
class IntakeGrpcService final : public v1::IntakeService::Service {
 public:
  // `store` must be a store over CaseSchema().
  explicit IntakeGrpcService(std::unique_ptr<submission::SubmissionStore> store);

  grpc::Status SubmitRecords(grpc::ServerContext* context,
                             grpc::ServerReader<v1::SubmitRecordsRequest>* reader,
                             v1::SubmitRecordsResponse* response) override;
  grpc::Status GetBatch(grpc::ServerContext* context, const v1::GetBatchRequest* request,
                        v1::GetBatchResponse* response) override;
  grpc::Status ListBatches(grpc::ServerContext* context, const v1::ListBatchesRequest* request,
                           v1::ListBatchesResponse* response) override;
  grpc::Status ListRejections(grpc::ServerContext* context,
                              const v1::ListRejectionsRequest* request,
                              v1::ListRejectionsResponse* response) override;
  grpc::Status GetRejection(grpc::ServerContext* context, const v1::GetRejectionRequest* request,
                            v1::GetRejectionResponse* response) override;
  grpc::Status ExportSnapshot(grpc::ServerContext* context,
                              const v1::ExportSnapshotRequest* request,
                              grpc::ServerWriter<v1::ExportSnapshotResponse>* writer) override;
  grpc::Status GetDataVersion(grpc::ServerContext* context,
                              const v1::GetDataVersionRequest* request,
                              v1::GetDataVersionResponse* response) override;
  grpc::Status DeleteRecord(grpc::ServerContext* context, const v1::DeleteRecordRequest* request,
                            v1::DeleteRecordResponse* response) override;
  grpc::Status EraseChild(grpc::ServerContext* context, const v1::EraseChildRequest* request,
                          v1::EraseChildResponse* response) override;

 private:
  std::unique_ptr<submission::SubmissionStore> store_;
};

}  // namespace pif::intake
