// An intake in process for tests of the services that read it: a real gRPC server on a free
// local port answering GetDataVersion, ExportSnapshot and ListRejections from records it is
// given, with the ways a real intake can let its callers down (a short snapshot, no header, an
// error).
#pragma once

#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

#include <atomic>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"

namespace pif::case_client::testing {

// Answers from the records it is given; every rpc fails with FailWith's status when one is set.
class FakeIntakeService final : public intake::v1::IntakeService::Service {
 public:
  // Serves `records` at `version` (every type, whatever a request asks for).
  void Set(std::vector<intake::v1::Record> records, int64_t version) {
    absl::MutexLock lock(&mutex_);
    records_ = std::move(records);
    version_ = version;
  }
  // Makes the snapshot header announce `extra` more records than are sent.
  void AnnounceExtraRecords(int64_t extra) { extra_ = extra; }
  // Makes ExportSnapshot leave its header out.
  void SendNoHeader() { no_header_ = true; }
  void SetOpenRejections(int64_t count) { open_rejections_ = count; }
  // Makes every rpc answer `status` (OK restores service).
  void FailWith(grpc::Status status) {
    absl::MutexLock lock(&mutex_);
    failure_ = std::move(status);
  }

  int export_calls() const { return export_calls_.load(); }
  int version_calls() const { return version_calls_.load(); }
  // The last ExportSnapshot request received.
  intake::v1::ExportSnapshotRequest last_export() {
    absl::MutexLock lock(&mutex_);
    return last_export_;
  }

  grpc::Status GetDataVersion(grpc::ServerContext*,
                              const intake::v1::GetDataVersionRequest* request,
                              intake::v1::GetDataVersionResponse* response) override {
    ++version_calls_;
    absl::MutexLock lock(&mutex_);
    if (!failure_.ok()) return failure_;
    response->set_council(request->council());
    response->set_data_version(version_);
    return grpc::Status::OK;
  }

  grpc::Status ExportSnapshot(
      grpc::ServerContext*, const intake::v1::ExportSnapshotRequest* request,
      grpc::ServerWriter<intake::v1::ExportSnapshotResponse>* writer) override {
    ++export_calls_;
    absl::MutexLock lock(&mutex_);
    last_export_ = *request;
    if (!failure_.ok()) return failure_;
    if (!no_header_) {
      intake::v1::ExportSnapshotResponse header;
      header.mutable_header()->set_council(request->council());
      header.mutable_header()->set_data_version(version_);
      intake::v1::RecordCount* count = header.mutable_header()->add_record_counts();
      count->set_count(static_cast<int64_t>(records_.size()) + extra_);
      writer->Write(header);
    }
    // Two records per chunk, so a test crosses chunk boundaries.
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
    absl::MutexLock lock(&mutex_);
    if (!failure_.ok()) return failure_;
    response->set_open_count(open_rejections_);
    return grpc::Status::OK;
  }

 private:
  absl::Mutex mutex_;
  std::vector<intake::v1::Record> records_;
  int64_t version_ = 0;
  grpc::Status failure_;
  intake::v1::ExportSnapshotRequest last_export_;
  std::atomic<int64_t> extra_{0};
  std::atomic<bool> no_header_{false};
  std::atomic<int64_t> open_rejections_{0};
  std::atomic<int> export_calls_{0};
  std::atomic<int> version_calls_{0};
};

// A plaintext gRPC server on a free local port hosting one service until destroyed.
class LocalServer {
 public:
  explicit LocalServer(grpc::Service* service) {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
    builder.RegisterService(service);
    server_ = builder.BuildAndStart();
  }
  ~LocalServer() { server_->Shutdown(); }
  LocalServer(const LocalServer&) = delete;
  LocalServer& operator=(const LocalServer&) = delete;

  // host:port to reach it at.
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
};

}  // namespace pif::case_client::testing
