// The indicators service's request-dependent access rules, on callers of every role.
#include "pif/indicators/domain/access_rules.h"

#include "gtest/gtest.h"

namespace pif::indicators {
namespace {

auth::Caller CallerWith(std::set<auth::Role> roles) {
  auth::Caller caller;
  caller.subject = "jo@council";
  caller.roles = std::move(roles);
  caller.councils = {"S12000033"};
  return caller;
}

TEST(IndicatorsAccessRulesTest, InternalFiguresAreForAnalystsOnly) {
  for (auth::Role role : auth::AllRoles()) {
    const absl::Status status = CheckFiguresAccess(CallerWith({role}), DisclosureMode::kInternal);
    if (role == auth::Role::kAnalyst) {
      EXPECT_TRUE(status.ok()) << status;
    } else {
      EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << auth::RoleName(role);
      EXPECT_NE(status.message().find("analyst"), std::string::npos);
    }
  }
  EXPECT_TRUE(CheckFiguresAccess(CallerWith({auth::Role::kViewer, auth::Role::kAnalyst}),
                                 DisclosureMode::kInternal)
                  .ok());
}

TEST(IndicatorsAccessRulesTest, PublishedFiguresAreForEveryCallerTheRpcAdmits) {
  for (auth::Role role : auth::AllRoles()) {
    EXPECT_TRUE(CheckFiguresAccess(CallerWith({role}), DisclosureMode::kPublished).ok())
        << auth::RoleName(role);
  }
}

TEST(IndicatorsAccessRulesTest, ExplanationsAreForAnalystsOnly) {
  EXPECT_TRUE(CheckExplanationAccess(CallerWith({auth::Role::kAnalyst})).ok());
  for (auth::Role role : {auth::Role::kPublisher, auth::Role::kViewer, auth::Role::kSubmitter,
                          auth::Role::kAuditor, auth::Role::kAdmin}) {
    EXPECT_EQ(CheckExplanationAccess(CallerWith({role})).code(),
              absl::StatusCode::kPermissionDenied)
        << auth::RoleName(role);
  }
  EXPECT_EQ(CheckExplanationAccess(CallerWith({})).code(), absl::StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace pif::indicators
