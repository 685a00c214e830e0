// The table covers every rpc of every service, exactly: a method added to a proto without a rule
// fails here, as does a rule for a method that no longer exists; and a rule says a request names
// a council exactly when it does.
#include "pif/auth/rpc_rules.h"

#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "pif/audit/v1/audit_service.pb.h"
#include "pif/indicators/v1/indicators_service.pb.h"
#include "pif/intake/v1/intake_service.pb.h"
#include "pif/reporting/v1/reporting_service.pb.h"
#include "pif/workforce/v1/workforce_service.pb.h"

namespace pif::auth {
namespace {

// Every service of pif (the descriptors are linked by naming a message of each file).
std::vector<const google::protobuf::ServiceDescriptor*> Services() {
  const google::protobuf::FileDescriptor* files[] = {
      intake::v1::GetBatchRequest::descriptor()->file(),
      indicators::v1::ComputeIndicatorsRequest::descriptor()->file(),
      workforce::v1::ComputeWorkforceRequest::descriptor()->file(),
      reporting::v1::BuildReportRequest::descriptor()->file(),
      audit::v1::ListAuditRecordsRequest::descriptor()->file(),
  };
  std::vector<const google::protobuf::ServiceDescriptor*> services;
  for (const google::protobuf::FileDescriptor* file : files) {
    for (int i = 0; i < file->service_count(); ++i) services.push_back(file->service(i));
  }
  return services;
}

// True when the request has a `council` field, directly or one message down (the `header` of a
// stream, the `policy` of SetDisclosurePolicy).
bool NamesCouncil(const google::protobuf::Descriptor& request) {
  if (request.FindFieldByName("council") != nullptr) return true;
  for (int i = 0; i < request.field_count(); ++i) {
    const google::protobuf::FieldDescriptor* field = request.field(i);
    if (field->message_type() != nullptr &&
        field->message_type()->FindFieldByName("council") != nullptr) {
      return true;
    }
  }
  return false;
}

TEST(RpcRulesTest, EveryMethodOfEveryServiceHasARule) {
  std::set<std::string> methods;
  for (const google::protobuf::ServiceDescriptor* service : Services()) {
    for (int i = 0; i < service->method_count(); ++i) {
      const google::protobuf::MethodDescriptor* method = service->method(i);
      const std::string name = absl::StrCat("/", service->full_name(), "/", method->name());
      methods.insert(name);
      const RpcRule* rule = FindRpcRule(name);
      ASSERT_NE(rule, nullptr) << name << " has no rule in services/common/auth/src/rpc_rules.cc";
      EXPECT_FALSE(rule->roles.empty()) << name;
      EXPECT_EQ(rule->names_council, NamesCouncil(*method->input_type())) << name;
    }
  }
  EXPECT_EQ(methods.size(), 30u);
  for (const RpcRule& rule : RpcRules()) {
    EXPECT_EQ(methods.count(std::string(rule.method)), 1u) << rule.method << " is not an rpc";
  }
}

TEST(RpcRulesTest, AnUnknownMethodHasNoRule) {
  EXPECT_EQ(FindRpcRule("/pif.intake.v1.IntakeService/DropEverything"), nullptr);
  EXPECT_EQ(FindRpcRule(""), nullptr);
}

TEST(RpcRulesTest, OnlyAuditorsReadTheAuditAndOnlyAdministratorsErase) {
  const RpcRule* audit = FindRpcRule("/pif.audit.v1.AuditService/ListAuditRecords");
  ASSERT_NE(audit, nullptr);
  EXPECT_EQ(audit->roles, std::vector<Role>{Role::kAuditor});
  EXPECT_TRUE(audit->names_council);
  EXPECT_FALSE(audit->services_only);
  const RpcRule* erase = FindRpcRule("/pif.intake.v1.IntakeService/EraseChild");
  ASSERT_NE(erase, nullptr);
  EXPECT_EQ(erase->roles, std::vector<Role>{Role::kAdmin});
  EXPECT_TRUE(erase->names_council);
  EXPECT_FALSE(erase->services_only);
}

TEST(RpcRulesTest, OnlyServicesExportSnapshots) {
  EXPECT_TRUE(FindRpcRule("/pif.intake.v1.IntakeService/ExportSnapshot")->services_only);
  EXPECT_TRUE(FindRpcRule("/pif.intake.v1.IntakeService/GetDataVersion")->services_only);
  EXPECT_FALSE(FindRpcRule("/pif.intake.v1.IntakeService/SubmitRecords")->services_only);
}

}  // namespace
}  // namespace pif::auth
