#include "pif/case_client/intake_client.h"

#include <grpcpp/client_context.h>

#include <utility>

#include "absl/strings/str_cat.h"

namespace pif::case_client {

IntakeClient::IntakeClient(ServiceEndpoint endpoint)
    : endpoint_(std::move(endpoint)),
      stub_(intake::v1::IntakeService::NewStub(endpoint_.channel)) {}

absl::StatusOr<int64_t> IntakeClient::CurrentVersion(const std::string& council) {
  intake::v1::GetDataVersionRequest request;
  request.set_council(council);
  auto response = CallService(endpoint_, *stub_, &intake::v1::IntakeService::Stub::GetDataVersion,
                              request, "GetDataVersion");
  if (!response.ok()) return response.status();
  return response->data_version();
}

absl::StatusOr<SnapshotRead> IntakeClient::ReadSnapshot(
    const std::string& council, const std::vector<intake::v1::RecordType>& types,
    const std::function<absl::Status(const intake::v1::Record&)>& on_record) {
  grpc::ClientContext context;
  PrepareCall(endpoint_, context);
  intake::v1::ExportSnapshotRequest request;
  request.set_council(council);
  for (intake::v1::RecordType type : types) request.add_record_types(type);
  request.set_max_records_per_chunk(kRecordsPerChunk);
  std::unique_ptr<grpc::ClientReader<intake::v1::ExportSnapshotResponse>> reader =
      stub_->ExportSnapshot(&context, request);

  intake::v1::ExportSnapshotResponse message;
  bool have_header = false;
  SnapshotRead read;
  int64_t announced = 0;
  absl::Status handed;
  while (reader->Read(&message)) {
    if (message.has_header()) {
      have_header = true;
      read.data_version = message.header().data_version();
      for (const auto& count : message.header().record_counts()) announced += count.count();
      continue;
    }
    for (const intake::v1::Record& record : message.chunk().records()) {
      ++read.record_count;
      if (handed.ok()) handed = on_record(record);
    }
  }
  const grpc::Status status = reader->Finish();
  if (!status.ok()) return ServiceError(endpoint_, status, "ExportSnapshot");
  if (!handed.ok()) return handed;
  if (!have_header) return absl::InternalError("intake sent a snapshot without its header");
  if (read.record_count != announced) {
    // A short snapshot would give wrong figures: never compute from one.
    return absl::InternalError(absl::StrCat("intake's snapshot of data version ", read.data_version,
                                            " announced ", announced, " records and sent ",
                                            read.record_count));
  }
  return read;
}

absl::StatusOr<int64_t> IntakeClient::OpenRejections(const std::string& council) {
  intake::v1::ListRejectionsRequest request;
  request.set_council(council);
  request.set_page_size(1);
  auto response = CallService(endpoint_, *stub_, &intake::v1::IntakeService::Stub::ListRejections,
                              request, "ListRejections");
  if (!response.ok()) return response.status();
  return response->open_count();
}

}  // namespace pif::case_client
