#include "pif/grpc/rpc_metrics_interceptor.h"

#include <chrono>

#include "pif/core/log.h"
#include "pif/grpc/status_mapping.h"

namespace pif {
namespace {

// Notes the status the server sends and records the call when gRPC destroys the interceptor.
class RpcMetricsInterceptor : public grpc::experimental::Interceptor {
 public:
  RpcMetricsInterceptor(absl::string_view service, std::string method, MetricsRegistry* registry)
      : service_(service),
        method_(std::move(method)),
        registry_(registry),
        started_(std::chrono::steady_clock::now()) {}

  ~RpcMetricsInterceptor() override {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    registry_->RecordRpc(service_, method_, GrpcCodeName(code_), seconds);
    log::Event(code_ == grpc::StatusCode::OK ? log::Level::kDebug : log::Level::kInfo,
               "rpc_finished")
        .Str(log::Key::kMethod, method_)
        .Str(log::Key::kCode, GrpcCodeName(code_))
        .Int(log::Key::kDurationMs, static_cast<int64_t>(seconds * 1000));
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_STATUS)) {
      code_ = methods->GetSendStatus().error_code();
    }
    methods->Proceed();
  }

 private:
  absl::string_view service_;
  std::string method_;
  MetricsRegistry* registry_;
  std::chrono::steady_clock::time_point started_;
  // A call that ends without the server sending a status was cancelled by the client or drain.
  grpc::StatusCode code_ = grpc::StatusCode::CANCELLED;
};

}  // namespace

RpcMetricsInterceptorFactory::RpcMetricsInterceptorFactory(
    std::string service, std::shared_ptr<MetricsRegistry> registry)
    : service_(std::move(service)), registry_(std::move(registry)) {}

grpc::experimental::Interceptor* RpcMetricsInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new RpcMetricsInterceptor(service_, info->method(), registry_.get());
}

}  // namespace pif
