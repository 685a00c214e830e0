#include "pif/common/rpc_metrics_interceptor.h"

#include <chrono>

#include "pif/common/log.h"

namespace pif {
namespace {

const char* CodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "OK";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND:
      return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED:
      return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS:
      return "DATA_LOSS";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    default:
      return "UNKNOWN";
  }
}

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
    registry_->RecordRpc(service_, method_, CodeName(code_), seconds);
    log::Event(code_ == grpc::StatusCode::OK ? log::Level::kDebug : log::Level::kInfo,
               "rpc_finished")
        .Str(log::Key::kMethod, method_)
        .Str(log::Key::kCode, CodeName(code_))
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
