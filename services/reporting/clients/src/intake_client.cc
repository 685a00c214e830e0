#include "pif/reporting/clients/intake_client.h"

#include <utility>

namespace pif::reporting {

IntakeClient::IntakeClient(ServiceEndpoint endpoint)
    : endpoint_(std::move(endpoint)),
      stub_(intake::v1::IntakeService::NewStub(endpoint_.channel)) {}

absl::StatusOr<int64_t> IntakeClient::OpenRejections(const std::string& council) {
  intake::v1::ListRejectionsRequest request;
  request.set_council(council);
  request.set_page_size(1);
  absl::StatusOr<intake::v1::ListRejectionsResponse> response =
      CallService(endpoint_, *stub_, &intake::v1::IntakeService::Stub::ListRejections, request,
                  "ListRejections");
  if (!response.ok()) return response.status();
  return response->open_count();
}

}  // namespace pif::reporting
