// The workforce service's request-dependent access rules, on callers of every role.
#include "pif/workforce/domain/access_rules.h"

#include "gtest/gtest.h"

namespace pif::workforce {
namespace {

auth::Caller CallerWith(std::set<auth::Role> roles) {
  auth::Caller caller;
  caller.subject = "jo@council";
  caller.roles = std::move(roles);
  caller.councils = {"S12000033"};
  return caller;
}

ComputeRequest Asking(bool published) {
  ComputeRequest request;
  request.council = "S12000033";
  request.published = published;
  return request;
}

TEST(WorkforceAccessRulesTest, InternalFiguresAreForAnalystsOnly) {
  for (auth::Role role : auth::AllRoles()) {
    const absl::Status status = CheckFiguresAccess(CallerWith({role}), Asking(false));
    if (role == auth::Role::kAnalyst) {
      EXPECT_TRUE(status.ok()) << status;
    } else {
      EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << auth::RoleName(role);
      EXPECT_NE(status.message().find("analyst"), std::string::npos);
    }
  }
}

TEST(WorkforceAccessRulesTest, PublishedFiguresAreForEveryCallerTheRpcAdmits) {
  for (auth::Role role : auth::AllRoles()) {
    EXPECT_TRUE(CheckFiguresAccess(CallerWith({role}), Asking(true)).ok()) << auth::RoleName(role);
  }
}

}  // namespace
}  // namespace pif::workforce
