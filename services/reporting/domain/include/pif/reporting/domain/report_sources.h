// What a report is built from, as interfaces the domain calls: the indicators, workforce and
// intake services (gRPC clients in production, fakes in tests) and the self-evaluations in force.
// Every method returns UNAVAILABLE naming the service when it cannot be reached.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/indicators/v1/indicators_service.pb.h"
#include "pif/reporting/v1/self_evaluation.pb.h"
#include "pif/workforce/v1/workforce_service.pb.h"

namespace pif::reporting {

// The indicators service.
class IndicatorsSource {
 public:
  virtual ~IndicatorsSource() = default;
  // The whole catalogue (ListIndicators with no area filter).
  virtual absl::StatusOr<indicators::v1::ListIndicatorsResponse> Catalogue() = 0;
  // The same indicators over several periods (ComputeIndicatorSeries).
  virtual absl::StatusOr<indicators::v1::ComputeIndicatorSeriesResponse> Series(
      const indicators::v1::ComputeIndicatorSeriesRequest& request) = 0;
};

// The workforce service.
class WorkforceSource {
 public:
  virtual ~WorkforceSource() = default;
  // The workforce figures of one council and period (ComputeWorkforce).
  virtual absl::StatusOr<workforce::v1::ComputeWorkforceResponse> Compute(
      const workforce::v1::ComputeWorkforceRequest& request) = 0;
};

// The intake service.
class IntakeSource {
 public:
  virtual ~IntakeSource() = default;
  // The number of the council's records still rejected at intake (ListRejections open_count).
  virtual absl::StatusOr<int64_t> OpenRejections(const std::string& council) = 0;
};

// A council's self-evaluations in force (the latest version of each eval_id).
struct CurrentEvaluations {
  // The council's self-evaluation data version they were read at (0 before any).
  int64_t data_version = 0;
  std::vector<v1::SelfEvaluation> evaluations;
};

// Reads the self-evaluations a report summarizes.
class SelfEvaluationReader {
 public:
  virtual ~SelfEvaluationReader() = default;
  // Every self-evaluation of the council in force, in one consistent read.
  virtual absl::StatusOr<CurrentEvaluations> Current(const std::string& council) = 0;
};

}  // namespace pif::reporting
