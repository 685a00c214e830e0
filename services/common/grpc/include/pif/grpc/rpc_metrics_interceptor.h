// A server interceptor that counts every rpc in the usual gRPC server metrics:
// grpc_server_started_total, grpc_server_handled_total and grpc_server_handling_seconds, labelled
// grpc_service, grpc_method, grpc_type (and grpc_code once handled).
#pragma once

#include <grpcpp/support/server_interceptor.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/string_view.h"
#include "pif/metrics/metrics.h"

namespace pif {

// Creates one interceptor per call. A method outside `known_methods` ("/pkg.Service/Method") is
// counted as grpc_service="unknown", grpc_method="unknown", so callers cannot grow the series.
class RpcMetricsInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // Registers the three families in `metrics`, which must outlive the server.
  RpcMetricsInterceptorFactory(Metrics& metrics, absl::flat_hash_set<std::string> known_methods);
  ~RpcMetricsInterceptorFactory() override;
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

  // The three metric families, shared with the interceptors.
  struct Families;

 private:
  std::shared_ptr<const Families> families_;
  absl::flat_hash_set<std::string> known_methods_;
};

// The full method names ("/pkg.Service/Method") of the protobuf service `full_name`, from the
// generated descriptors linked into the binary; empty when it has none.
std::vector<std::string> MethodsOfService(const std::string& full_name);

// The grpc_type label of a method type: unary, client_stream, server_stream or bidi_stream.
absl::string_view GrpcTypeName(grpc::experimental::ServerRpcInfo::Type type);

// Upper bounds, in seconds, of the grpc_server_handling_seconds buckets (1 ms to 2 min: a whole
// snapshot export may take the two minutes a caller gives it).
const std::vector<double>& HandlingSecondsBuckets();

}  // namespace pif
