// The decisions: no token is UNAUTHENTICATED; a missing role, a person calling a services-only
// rpc, and another council are PERMISSION_DENIED.
#include "pif/auth/authorize.h"

#include "gtest/gtest.h"

namespace pif::auth {
namespace {

Caller Analyst() {
  Caller caller;
  caller.subject = "a@council";
  caller.roles = {Role::kAnalyst};
  caller.councils = {"S12000033"};
  return caller;
}

TEST(AuthorizeTest, NoVerifiedTokenIsUnauthenticated) {
  Caller anonymous;
  anonymous.certificate = "pif-pifctl";
  const RpcRule* rule = FindRpcRule("/pif.indicators.v1.IndicatorsService/ComputeIndicators");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(AuthorizeRpc(anonymous, *rule).code(), absl::StatusCode::kUnauthenticated);
}

TEST(AuthorizeTest, RolesDecide) {
  const Caller analyst = Analyst();
  EXPECT_TRUE(
      AuthorizeRpc(analyst, *FindRpcRule("/pif.indicators.v1.IndicatorsService/ExplainIndicator"))
          .ok());
  const absl::Status publish =
      AuthorizeRpc(analyst, *FindRpcRule("/pif.reporting.v1.ReportingService/PublishReport"));
  EXPECT_EQ(publish.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_NE(std::string(publish.message()).find("publisher"), std::string::npos);
  Caller viewer = Analyst();
  viewer.roles = {Role::kViewer};
  EXPECT_EQ(
      AuthorizeRpc(viewer, *FindRpcRule("/pif.indicators.v1.IndicatorsService/ExplainIndicator"))
          .code(),
      absl::StatusCode::kPermissionDenied);
}

TEST(AuthorizeTest, ServicesOnlyRpcsNeedAServiceIdentity) {
  const RpcRule& export_rule = *FindRpcRule("/pif.intake.v1.IntakeService/ExportSnapshot");
  Caller person = Analyst();
  person.certificate = "pif-pifctl";
  EXPECT_EQ(AuthorizeRpc(person, export_rule).code(), absl::StatusCode::kPermissionDenied);
  Caller service = Analyst();
  service.certificate = "pif-indicators";
  service.service = true;
  EXPECT_TRUE(AuthorizeRpc(service, export_rule).ok());
  service.roles = {Role::kSubmitter};
  EXPECT_EQ(AuthorizeRpc(service, export_rule).code(), absl::StatusCode::kPermissionDenied)
      << "a service acts only for a caller who may see figures";
}

TEST(AuthorizeTest, AnotherCouncilIsDeniedWithoutSayingAnythingOfIt) {
  const absl::Status other = AuthorizeCouncil(Analyst(), "S12000036");
  EXPECT_EQ(other.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(std::string(other.message()).find("S12000036"), std::string::npos);
  EXPECT_TRUE(AuthorizeCouncil(Analyst(), "S12000033").ok());
}

TEST(CallerTest, AuditNameSaysWhoAndThroughWhichCertificate) {
  Caller caller = Analyst();
  EXPECT_EQ(caller.AuditName(), "user=a@council");
  caller.certificate = "pif-reporting";
  caller.service = true;
  EXPECT_EQ(caller.AuditName(), "user=a@council service=pif-reporting");
  EXPECT_EQ(Caller().AuditName(), "anonymous");
}

}  // namespace
}  // namespace pif::auth
