#include "pif/reporting/clients/indicators_client.h"

#include <utility>

namespace pif::reporting {

IndicatorsClient::IndicatorsClient(ServiceEndpoint endpoint)
    : endpoint_(std::move(endpoint)),
      stub_(indicators::v1::IndicatorsService::NewStub(endpoint_.channel)) {}

absl::StatusOr<indicators::v1::ListIndicatorsResponse> IndicatorsClient::Catalogue() {
  return CallService(endpoint_, *stub_, &indicators::v1::IndicatorsService::Stub::ListIndicators,
                     indicators::v1::ListIndicatorsRequest(), "ListIndicators");
}

absl::StatusOr<indicators::v1::ComputeIndicatorSeriesResponse> IndicatorsClient::Series(
    const indicators::v1::ComputeIndicatorSeriesRequest& request) {
  return CallService(endpoint_, *stub_,
                     &indicators::v1::IndicatorsService::Stub::ComputeIndicatorSeries, request,
                     "ComputeIndicatorSeries");
}

}  // namespace pif::reporting
