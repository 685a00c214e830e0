// A service host for in-process adapter tests: the production ServiceHost on 127.0.0.1:0 with
// the callers authenticated as in production, over plaintext or, for tests of services-only
// rpcs, mutual TLS with throwaway certificates (a server, a pif service and a person's client).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "pif/core/tls.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/service_host.h"
#include "pif/metrics/metrics.h"
#include "pif/testing/test_certificates.h"

namespace pif::testing {

// Throwaway mutual TLS material: one CA, the server's certificate, a pif service's
// ("pif-indicators") and a person's client certificate ("pifctl").
class TestTls {
 public:
  TestTls() {
    absl::StatusOr<std::string> dir = MakeTestCertificates(
        {"ca"}, {{"server", "ca"}, {"pif-indicators", "ca"}, {"pifctl", "ca"}});
    EXPECT_TRUE(dir.ok()) << dir.status();
    if (dir.ok()) dir_ = *dir;
  }

  // The server's files.
  TlsFiles Server() const { return Files("server"); }
  // Client options of a pif service calling on a caller's behalf.
  ClientOptions Service() const { return Client("pif-indicators"); }
  // Client options of a person's client (pifctl).
  ClientOptions Person() const { return Client("pifctl"); }

 private:
  TlsFiles Files(const std::string& party) const {
    return {dir_ + "/ca.pem", dir_ + "/" + party + ".pem", dir_ + "/" + party + ".key"};
  }
  ClientOptions Client(const std::string& party) const {
    ClientOptions options;
    absl::StatusOr<std::optional<TlsMaterial>> material = LoadTls(Files(party));
    EXPECT_TRUE(material.ok()) << material.status();
    if (material.ok()) options.tls = *material;
    return options;
  }

  std::string dir_;
};

// Starts `services` on 127.0.0.1:0 authenticating callers with `auth`: mutual TLS with
// `tls` when it names files, plaintext otherwise. Null (and a test failure) when it cannot start.
inline std::unique_ptr<ServiceHost> StartTestHost(std::vector<HostedService> services,
                                                  std::shared_ptr<const CallAuthOptions> auth,
                                                  const TlsFiles& tls = {}) {
  ServerOptions options;
  options.service_name = "test";
  options.listen = "127.0.0.1:0";
  options.tls = tls;
  options.insecure_plaintext = tls.empty();
  absl::StatusOr<std::unique_ptr<ServiceHost>> host = ServiceHost::Start(
      options, std::move(services), std::make_shared<Metrics>("test"), std::move(auth));
  EXPECT_TRUE(host.ok()) << host.status();
  return host.ok() ? *std::move(host) : nullptr;
}

// A channel to `host` carrying `token` on every call, with `options`' transport.
inline std::shared_ptr<grpc::Channel> ChannelTo(const ServiceHost& host, const std::string& token,
                                                ClientOptions options = {}) {
  options.bearer_token = token;
  return OpenChannel(absl::StrCat("127.0.0.1:", host.port()), options);
}

}  // namespace pif::testing
