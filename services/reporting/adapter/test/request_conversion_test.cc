// What a report is asked for: each request converted (request_conversion.h) and checked by the
// domain (CheckReportAsk, CheckPublicationAsk), as the rpcs do.
#include "request_conversion.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/core/domain_status.h"
#include "pif/reporting/domain/report_request.h"
#include "pif/reporting/testing/fake_sources.h"

namespace pif::reporting {
namespace {

using ::testing::ElementsAre;

// A request as the rpc takes it: converted, then checked.
absl::StatusOr<ReportRequest> ReportRequestOf(const v1::BuildReportRequest& request) {
  return CheckReportAsk(ReportAskOf(request));
}
absl::StatusOr<ReportRequest> ReportRequestOf(const std::string& council,
                                              const v1::ReportDraft& draft) {
  return CheckReportAsk(ReportAskOf(council, draft));
}
absl::StatusOr<ReportRequest> ReportRequestOf(const v1::PublishReportRequest& request) {
  return CheckPublicationAsk(PublicationAskOf(request));
}

v1::BuildReportRequest ClasYear() {
  v1::BuildReportRequest request;
  request.set_council("S12000033");
  *request.mutable_period() = testing::ClasYear();
  return request;
}

std::string FirstField(const absl::Status& status) {
  const std::vector<FieldViolation> violations = FieldViolationsOf(status);
  return violations.empty() ? "" : violations.front().field;
}

TEST(ReportRequestTest, DefaultsArePublishedFiveTrendPeriodsAndEveryBreakdown) {
  absl::StatusOr<ReportRequest> request = ReportRequestOf(ClasYear());
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->mode, common::v1::DISCLOSURE_MODE_PUBLISHED);
  EXPECT_EQ(request->trend_period_count, 5);
  EXPECT_THAT(request->breakdowns,
              ElementsAre("sex", "age_band", "ethnic_group", "disability", "locality"));
  EXPECT_EQ(request->period.first.ToString(), "2023-08-01");
  EXPECT_EQ(request->period.last.ToString(), "2024-07-31");
}

TEST(ReportRequestTest, BreakdownsAskedForAreKeptInStandardOrderOnce) {
  v1::BuildReportRequest asked = ClasYear();
  asked.add_breakdown_dimensions("locality");
  asked.add_breakdown_dimensions("sex");
  asked.add_breakdown_dimensions("locality");
  absl::StatusOr<ReportRequest> request = ReportRequestOf(asked);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_THAT(request->breakdowns, ElementsAre("sex", "locality"));
}

TEST(ReportRequestTest, AnUnknownBreakdownIsNamed) {
  v1::BuildReportRequest asked = ClasYear();
  asked.add_breakdown_dimensions("sex");
  asked.add_breakdown_dimensions("postcode");
  const absl::Status status = ReportRequestOf(asked).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FirstField(status), "breakdown_dimensions[1]");
}

TEST(ReportRequestTest, TrendPeriodsOutsideOneToFiveAreRefused) {
  v1::BuildReportRequest asked = ClasYear();
  asked.set_trend_period_count(6);
  EXPECT_EQ(FirstField(ReportRequestOf(asked).status()), "trend_period_count");
  asked.set_trend_period_count(2);
  EXPECT_EQ(ReportRequestOf(asked)->trend_period_count, 2);
}

TEST(ReportRequestTest, APeriodEndingBeforeItStartsOrMissingIsRefused) {
  v1::BuildReportRequest asked = ClasYear();
  asked.mutable_period()->mutable_last_day()->set_year(2023);
  asked.mutable_period()->mutable_last_day()->set_month(7);
  EXPECT_EQ(FirstField(ReportRequestOf(asked).status()), "period.last_day");
  asked.clear_period();
  EXPECT_EQ(FirstField(ReportRequestOf(asked).status()), "period");
  v1::BuildReportRequest bad_day = ClasYear();
  bad_day.mutable_period()->mutable_first_day()->set_month(13);
  EXPECT_EQ(FirstField(ReportRequestOf(bad_day).status()), "period.first_day");
}

TEST(ReportRequestTest, InternalModeIsKeptAndAnUnknownModeRefused) {
  v1::BuildReportRequest asked = ClasYear();
  asked.set_disclosure_mode(common::v1::DISCLOSURE_MODE_INTERNAL);
  EXPECT_EQ(ReportRequestOf(asked)->mode, common::v1::DISCLOSURE_MODE_INTERNAL);
  asked.set_disclosure_mode(static_cast<common::v1::DisclosureMode>(9));
  EXPECT_EQ(FirstField(ReportRequestOf(asked).status()), "disclosure_mode");
}

TEST(ReportRequestTest, ADraftsFieldsAreNamedUnderDraft) {
  v1::ReportDraft draft;
  EXPECT_EQ(FirstField(ReportRequestOf("S12000033", draft).status()), "draft.period");
}

TEST(ReportRequestTest, PublishingIsAlwaysPublishedAndChecksItsRequestId) {
  v1::PublishReportRequest publish;
  *publish.mutable_period() = ClasYear().period();
  publish.set_council("S12000033");
  absl::StatusOr<ReportRequest> request = ReportRequestOf(publish);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->mode, common::v1::DISCLOSURE_MODE_PUBLISHED);
  publish.set_request_id(std::string(129, 'x'));
  EXPECT_EQ(FirstField(ReportRequestOf(publish).status()), "request_id");
  publish.set_request_id("tab\there");
  EXPECT_EQ(FirstField(ReportRequestOf(publish).status()), "request_id");
}

}  // namespace
}  // namespace pif::reporting
