// An in-process intake serving fixed records, for testing the indicators service over gRPC.
#pragma once

#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"

namespace pif::indicators::testing {

// Answers GetDataVersion, ExportSnapshot and ListRejections from the records it is given.
class FakeIntakeService final : public intake::v1::IntakeService::Service {
 public:
  // Serves `records` at `version`.
  void Set(std::vector<intake::v1::Record> records, int64_t version) {
    absl::MutexLock lock(&mutex_);
    records_ = std::move(records);
    version_ = version;
  }
  // Makes the snapshot header announce `extra` more records than are sent.
  void AnnounceExtraRecords(int64_t extra) { extra_ = extra; }
  void SetOpenRejections(int64_t count) { open_rejections_ = count; }
  int export_calls() const { return export_calls_.load(); }

  grpc::Status GetDataVersion(grpc::ServerContext*,
                              const intake::v1::GetDataVersionRequest* request,
                              intake::v1::GetDataVersionResponse* response) override {
    absl::MutexLock lock(&mutex_);
    response->set_council(request->council());
    response->set_data_version(version_);
    return grpc::Status::OK;
  }

  grpc::Status ExportSnapshot(
      grpc::ServerContext*, const intake::v1::ExportSnapshotRequest* request,
      grpc::ServerWriter<intake::v1::ExportSnapshotResponse>* writer) override {
    ++export_calls_;
    absl::MutexLock lock(&mutex_);
    intake::v1::ExportSnapshotResponse header;
    header.mutable_header()->set_council(request->council());
    header.mutable_header()->set_data_version(version_);
    intake::v1::RecordCount* count = header.mutable_header()->add_record_counts();
    count->set_count(static_cast<int64_t>(records_.size()) + extra_);
    writer->Write(header);
    // Two records per chunk, so the test crosses chunk boundaries.
    for (size_t i = 0; i < records_.size(); i += 2) {
      intake::v1::ExportSnapshotResponse chunk;
      for (size_t j = i; j < records_.size() && j < i + 2; ++j) {
        *chunk.mutable_chunk()->add_records() = records_[j];
      }
      writer->Write(chunk);
    }
    return grpc::Status::OK;
  }

  grpc::Status ListRejections(grpc::ServerContext*, const intake::v1::ListRejectionsRequest*,
                              intake::v1::ListRejectionsResponse* response) override {
    response->set_open_count(open_rejections_);
    return grpc::Status::OK;
  }

 private:
  absl::Mutex mutex_;
  std::vector<intake::v1::Record> records_;
  int64_t version_ = 0;
  std::atomic<int64_t> extra_{0};
  std::atomic<int64_t> open_rejections_{0};
  std::atomic<int> export_calls_{0};
};

// A gRPC server on a free local port hosting one service.
class LocalServer {
 public:
  explicit LocalServer(grpc::Service* service) {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
    builder.RegisterService(service);
    server_ = builder.BuildAndStart();
  }
  ~LocalServer() { server_->Shutdown(); }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
};

}  // namespace pif::indicators::testing
