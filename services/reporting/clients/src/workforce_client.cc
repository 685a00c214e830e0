#include "pif/reporting/clients/workforce_client.h"

#include <utility>

namespace pif::reporting {

WorkforceClient::WorkforceClient(ServiceEndpoint endpoint)
    : endpoint_(std::move(endpoint)),
      stub_(workforce::v1::WorkforceService::NewStub(endpoint_.channel)) {}

absl::StatusOr<workforce::v1::ComputeWorkforceResponse> WorkforceClient::Compute(
    const workforce::v1::ComputeWorkforceRequest& request) {
  return CallService(endpoint_, *stub_, &workforce::v1::WorkforceService::Stub::ComputeWorkforce,
                     request, "ComputeWorkforce");
}

}  // namespace pif::reporting
