// The reporting service's request-dependent access rules, on callers of every role.
#include "pif/reporting/domain/access_rules.h"

#include "gtest/gtest.h"

namespace pif::reporting {
namespace {

auth::Caller CallerWith(std::set<auth::Role> roles) {
  auth::Caller caller;
  caller.subject = "jo@council";
  caller.roles = std::move(roles);
  caller.councils = {"S12000033"};
  return caller;
}

ReportAsk Draft(common::v1::DisclosureMode mode) {
  ReportAsk ask;
  ask.council = "S12000033";
  ask.mode = mode;
  return ask;
}

TEST(ReportingAccessRulesTest, ADraftIsForAnalystsAndPublishers) {
  for (common::v1::DisclosureMode mode :
       {common::v1::DISCLOSURE_MODE_UNSPECIFIED, common::v1::DISCLOSURE_MODE_PUBLISHED}) {
    for (auth::Role role : auth::AllRoles()) {
      const absl::Status status = CheckDraftAccess(CallerWith({role}), Draft(mode));
      if (role == auth::Role::kAnalyst || role == auth::Role::kPublisher) {
        EXPECT_TRUE(status.ok()) << status;
      } else {
        EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << auth::RoleName(role);
      }
    }
  }
}

TEST(ReportingAccessRulesTest, AnInternalDraftIsForAnalystsOnly) {
  for (auth::Role role : auth::AllRoles()) {
    const absl::Status status =
        CheckDraftAccess(CallerWith({role}), Draft(common::v1::DISCLOSURE_MODE_INTERNAL));
    if (role == auth::Role::kAnalyst) {
      EXPECT_TRUE(status.ok()) << status;
    } else {
      EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << auth::RoleName(role);
      EXPECT_NE(status.message().find("analyst"), std::string::npos);
    }
  }
}

TEST(ReportingAccessRulesTest, RenderingAPublishedVersionIsForEveryReaderTheRpcAdmits) {
  RenderAsk published;
  published.council = "S12000033";
  published.published_version = 3;
  RenderAsk draft = published;
  draft.published_version.reset();
  draft.draft = Draft(common::v1::DISCLOSURE_MODE_PUBLISHED);
  RenderAsk internal = draft;
  internal.draft->mode = common::v1::DISCLOSURE_MODE_INTERNAL;
  EXPECT_TRUE(CheckRenderAccess(CallerWith({auth::Role::kViewer}), published).ok());
  EXPECT_EQ(CheckRenderAccess(CallerWith({auth::Role::kViewer}), draft).code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_TRUE(CheckRenderAccess(CallerWith({auth::Role::kPublisher}), draft).ok());
  EXPECT_EQ(CheckRenderAccess(CallerWith({auth::Role::kPublisher}), internal).code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_TRUE(CheckRenderAccess(CallerWith({auth::Role::kAnalyst}), internal).ok());
}

}  // namespace
}  // namespace pif::reporting
