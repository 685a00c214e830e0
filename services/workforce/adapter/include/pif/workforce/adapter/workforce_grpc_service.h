// The gRPC adapter of the workforce service: converts protos to store and computation calls and
// statuses back.
#pragma once

#include <memory>

#include "pif/submission/store.h"
#include "pif/workforce/domain/workforce_computation.h"
#include "pif/workforce/v1/workforce_service.grpc.pb.h"

namespace pif::workforce {

// Implements pif.workforce.v1.WorkforceService over a submission store of the workforce schema
// and a WorkforceComputation. Every rpc authorizes its caller first (a CallScope; INTERNAL
// figures by the domain's CheckFiguresAccess), then checks its council, reports errors through
// ToGrpcStatus, and never logs record values.
class WorkforceGrpcService : public v1::WorkforceService::Service {
 public:
  // `store` must be a store over WorkforceSchema(), and the one `computation` reads; both must
  // outlive the service.
  WorkforceGrpcService(submission::SubmissionStore& store, WorkforceComputation& computation);

  grpc::Status SubmitRecords(grpc::ServerContext* context,
                             grpc::ServerReader<v1::SubmitRecordsRequest>* reader,
                             v1::SubmitRecordsResponse* response) override;
  grpc::Status ListRejections(grpc::ServerContext* context,
                              const v1::ListRejectionsRequest* request,
                              v1::ListRejectionsResponse* response) override;
  grpc::Status GetRejection(grpc::ServerContext* context, const v1::GetRejectionRequest* request,
                            v1::GetRejectionResponse* response) override;
  grpc::Status GetDataVersion(grpc::ServerContext* context,
                              const v1::GetDataVersionRequest* request,
                              v1::GetDataVersionResponse* response) override;
  grpc::Status ComputeWorkforce(grpc::ServerContext* context,
                                const v1::ComputeWorkforceRequest* request,
                                v1::ComputeWorkforceResponse* response) override;

 private:
  submission::SubmissionStore& store_;
  WorkforceComputation& computation_;
};

}  // namespace pif::workforce
