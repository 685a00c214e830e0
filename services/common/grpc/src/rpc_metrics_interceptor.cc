#include "pif/grpc/rpc_metrics_interceptor.h"

#include <google/protobuf/descriptor.h>

#include <chrono>
#include <utility>

#include "absl/strings/str_cat.h"
#include "pif/core/log.h"
#include "pif/grpc/status_mapping.h"
#include "prometheus/counter.h"
#include "prometheus/histogram.h"

namespace pif {

struct RpcMetricsInterceptorFactory::Families {
  prometheus::Family<prometheus::Counter>& started;
  prometheus::Family<prometheus::Counter>& handled;
  prometheus::Family<prometheus::Histogram>& handling_seconds;
};

namespace {

using grpc::experimental::ServerRpcInfo;

// grpc_service, grpc_method and grpc_type of a call.
prometheus::Labels CallLabels(const std::string& method, bool known, ServerRpcInfo::Type type) {
  std::string service = "unknown";
  std::string name = "unknown";
  const size_t slash = method.rfind('/');
  if (known && slash != std::string::npos && slash > 0) {
    service = method.substr(1, slash - 1);
    name = method.substr(slash + 1);
  }
  return {{"grpc_service", std::move(service)},
          {"grpc_method", std::move(name)},
          {"grpc_type", std::string(GrpcTypeName(type))}};
}

// Counts the call as started when created; notes the status the server sends and records the
// call as handled when gRPC destroys the interceptor.
class RpcMetricsInterceptor : public grpc::experimental::Interceptor {
 public:
  RpcMetricsInterceptor(std::shared_ptr<const RpcMetricsInterceptorFactory::Families> families,
                        std::string method, prometheus::Labels labels)
      : families_(std::move(families)),
        method_(std::move(method)),
        labels_(std::move(labels)),
        started_(std::chrono::steady_clock::now()) {
    families_->started.Add(labels_).Increment();
  }

  ~RpcMetricsInterceptor() override {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    families_->handling_seconds.Add(labels_, HandlingSecondsBuckets()).Observe(seconds);
    prometheus::Labels handled = labels_;
    handled.emplace("grpc_code", GrpcCodeName(code_));
    families_->handled.Add(handled).Increment();
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
  std::shared_ptr<const RpcMetricsInterceptorFactory::Families> families_;
  std::string method_;
  prometheus::Labels labels_;
  std::chrono::steady_clock::time_point started_;
  // A call that ends without the server sending a status was cancelled by the client or drain.
  grpc::StatusCode code_ = grpc::StatusCode::CANCELLED;
};

}  // namespace

const std::vector<double>& HandlingSecondsBuckets() {
  static const std::vector<double> buckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                              0.5,   1,      2.5,   5,    10,    30,   60,  120};
  return buckets;
}

absl::string_view GrpcTypeName(ServerRpcInfo::Type type) {
  switch (type) {
    case ServerRpcInfo::Type::UNARY:
      return "unary";
    case ServerRpcInfo::Type::CLIENT_STREAMING:
      return "client_stream";
    case ServerRpcInfo::Type::SERVER_STREAMING:
      return "server_stream";
    case ServerRpcInfo::Type::BIDI_STREAMING:
      return "bidi_stream";
  }
  return "unknown";
}

std::vector<std::string> MethodsOfService(const std::string& full_name) {
  std::vector<std::string> methods;
  const google::protobuf::ServiceDescriptor* service =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(full_name);
  if (service == nullptr) return methods;
  for (int i = 0; i < service->method_count(); ++i) {
    methods.push_back(absl::StrCat("/", full_name, "/", service->method(i)->name()));
  }
  return methods;
}

RpcMetricsInterceptorFactory::RpcMetricsInterceptorFactory(
    Metrics& metrics, absl::flat_hash_set<std::string> known_methods)
    : families_(std::make_shared<const Families>(Families{
          prometheus::BuildCounter()
              .Name("grpc_server_started_total")
              .Help("Total number of RPCs started on the server.")
              .Register(metrics.registry()),
          prometheus::BuildCounter()
              .Name("grpc_server_handled_total")
              .Help("Total number of RPCs completed on the server, regardless of success or "
                    "failure.")
              .Register(metrics.registry()),
          prometheus::BuildHistogram()
              .Name("grpc_server_handling_seconds")
              .Help("Histogram of response latency (seconds) of gRPC that had been application-"
                    "level handled by the server.")
              .Register(metrics.registry())})),
      known_methods_(std::move(known_methods)) {}

RpcMetricsInterceptorFactory::~RpcMetricsInterceptorFactory() = default;

grpc::experimental::Interceptor* RpcMetricsInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  std::string method = info->method() != nullptr ? info->method() : "";
  prometheus::Labels labels = CallLabels(method, known_methods_.contains(method), info->type());
  return new RpcMetricsInterceptor(families_, std::move(method), std::move(labels));
}

}  // namespace pif
