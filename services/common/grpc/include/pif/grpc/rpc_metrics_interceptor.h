// A server interceptor that counts every rpc and its latency by method and status code.
#pragma once

#include <grpcpp/support/server_interceptor.h>

#include <memory>
#include <string>

#include "pif/metrics/registry.h"

namespace pif {

// Creates one RpcMetricsInterceptor per call, recording into `registry` under `service`.
class RpcMetricsInterceptorFactory : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  RpcMetricsInterceptorFactory(std::string service, std::shared_ptr<MetricsRegistry> registry);
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  std::string service_;
  std::shared_ptr<MetricsRegistry> registry_;
};

}  // namespace pif
