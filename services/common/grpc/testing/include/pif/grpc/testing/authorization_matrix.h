// The authorization test every service's adapter runs: for every method of the service (from its
// descriptor, so a new rpc without its case or its check fails), a caller without a token, one
// for another council, one without the rpc's roles and, for services-only rpcs, a person's client
// are refused with nothing read or changed, and the right role for the right council is served.
#pragma once

#include <grpcpp/channel.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "pif/auth/rpc_rules.h"
#include "pif/grpc/testing/raw_call.h"
#include "pif/grpc/testing/test_identity_provider.h"

namespace pif::testing {

// The council every matrix call is for, and the council its callers may not act for.
inline constexpr char kMatrixCouncil[] = "S12000033";
inline constexpr char kMatrixOtherCouncil[] = "S12000036";

// How to call one rpc in the matrix.
struct RpcCalls {
  // The serialized messages a call of the rpc sends for `council` (the whole stream of a
  // client-streaming rpc); a call for kMatrixCouncil by an allowed caller is served.
  std::function<std::vector<std::string>(const std::string& council)> messages;
  // What the allowed call ends with (OK unless the fakes make it end otherwise).
  grpc::StatusCode allowed_code = grpc::StatusCode::OK;
};

// One service's matrix.
struct AuthorizationMatrix {
  // The service's full name ("pif.intake.v1.IntakeService"); every method its descriptor in the
  // generated pool has is called.
  std::string service;
  // The calls, by method name ("GetBatch"); a method without one fails the test.
  std::map<std::string, RpcCalls> calls;
  // A channel to the server: as a pif service (`as_service`: its own certificate) or as a person's
  // client. Tokens are added per call.
  std::function<std::shared_ptr<grpc::Channel>(bool as_service)> channel;
  // What the fakes behind the server were asked and hold, as text: a refused call leaves it as
  // it was.
  std::function<std::string()> footprint;
  // Signs the callers' tokens; its CallAuth() authenticates the server's callers.
  const TestIdentityProvider* identity = nullptr;
};

// Every role a rule does not admit.
inline std::vector<auth::Role> RolesOutside(const auth::RpcRule& rule) {
  std::vector<auth::Role> outside;
  for (auth::Role role : auth::AllRoles()) {
    if (std::find(rule.roles.begin(), rule.roles.end(), role) == rule.roles.end()) {
      outside.push_back(role);
    }
  }
  return outside;
}

// Runs the matrix (see the file comment), each failure naming the method and the caller.
inline void ExpectEveryRpcAuthorizes(const AuthorizationMatrix& matrix) {
  const google::protobuf::ServiceDescriptor* service =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(matrix.service);
  ASSERT_NE(service, nullptr) << matrix.service << " is not in the descriptor pool";
  ASSERT_GT(service->method_count(), 0);
  for (int i = 0; i < service->method_count(); ++i) {
    const google::protobuf::MethodDescriptor* method = service->method(i);
    const std::string full_name = "/" + service->full_name() + "/" + method->name();
    SCOPED_TRACE(full_name);
    const auth::RpcRule* rule = auth::FindRpcRule(full_name);
    ASSERT_NE(rule, nullptr) << "the rpc table has no rule for " << full_name;
    auto found = matrix.calls.find(method->name());
    if (found == matrix.calls.end()) {
      ADD_FAILURE() << "the matrix has no calls for " << full_name;
      continue;
    }
    const RpcCalls& calls = found->second;
    const std::vector<std::string> request = calls.messages(kMatrixCouncil);
    const std::shared_ptr<grpc::Channel> channel = matrix.channel(rule->services_only);
    const std::string allowed = matrix.identity->Token({rule->roles.front()}, {kMatrixCouncil});

    // Each refused call: the code, and the fakes as they were.
    auto expect_refused = [&](const std::string& caller, const std::shared_ptr<grpc::Channel>& via,
                              const std::string& token, const std::vector<std::string>& messages,
                              grpc::StatusCode code) {
      const std::string before = matrix.footprint();
      const RawCallResult result = RawCall(via, full_name, token, messages);
      EXPECT_EQ(result.status.error_code(), code)
          << caller << ": " << result.status.error_message();
      EXPECT_TRUE(result.responses.empty()) << caller << " got a response";
      EXPECT_EQ(matrix.footprint(), before) << caller << " read or changed something";
      EXPECT_EQ(result.status.error_message().find(kMatrixOtherCouncil), std::string::npos)
          << caller << " was told of the other council";
    };

    expect_refused("no token", channel, "", request, grpc::StatusCode::UNAUTHENTICATED);
    expect_refused("a malformed request without a token", channel, "",
                   calls.messages("not-a-council"), grpc::StatusCode::UNAUTHENTICATED);
    expect_refused("a forged token", channel, allowed.substr(0, allowed.size() - 4) + "AAAA",
                   request, grpc::StatusCode::UNAUTHENTICATED);
    if (rule->names_council) {
      expect_refused("the right role for another council", channel, allowed,
                     calls.messages(kMatrixOtherCouncil), grpc::StatusCode::PERMISSION_DENIED);
    }
    expect_refused(
        "every other role", channel,
        matrix.identity->Token(RolesOutside(*rule), {kMatrixCouncil, kMatrixOtherCouncil}), request,
        grpc::StatusCode::PERMISSION_DENIED);
    if (rule->services_only) {
      expect_refused("a person's client certificate", matrix.channel(false), allowed, request,
                     grpc::StatusCode::PERMISSION_DENIED);
    }
    const RawCallResult served = RawCall(channel, full_name, allowed, request);
    EXPECT_EQ(served.status.error_code(), calls.allowed_code)
        << "the right role for the right council: " << served.status.error_message();
  }
}

}  // namespace pif::testing
