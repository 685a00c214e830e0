// Publishing: numbered versions, idempotent request ids, the stored bytes.
#include "pif/reporting/domain/publisher.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/core/domain_status.h"
#include "pif/reporting/testing/fake_sources.h"

namespace pif::reporting {
namespace {

using testing::FakeIndicator;

class PublisherTest : public ::testing::Test {
 protected:
  PublisherTest()
      : indicators_({FakeIndicator{"1 S.1",
                                   1,
                                   common::v1::SHANARRI_THEME_SAFE,
                                   common::v1::POLARITY_LOWER_IS_BETTER,
                                   {12.0}}}),
        builder_(indicators_, workforce_, intake_, evaluations_,
                 [this] { return absl::FromUnixSeconds(now_seconds_++); }),
        publisher_(builder_, store_) {
    request_.council = "S12000033";
    request_.period.first_day = figures::DayFields{2023, 8, 1};
    request_.period.last_day = figures::DayFields{2024, 7, 31};
    request_.note = "Annual return";
  }

  int64_t now_seconds_ = 1722470400;
  testing::FakeIndicators indicators_;
  testing::FakeWorkforce workforce_;
  testing::FakeIntake intake_;
  testing::FakeSelfEvaluations evaluations_;
  testing::FakePublished store_;
  ReportBuilder builder_;
  Publisher publisher_;
  PublicationAsk request_;
};

TEST_F(PublisherTest, EachPublicationIsTheCouncilsNextVersion) {
  absl::StatusOr<AddedPublication> first = publisher_.Publish(request_, "caller-a");
  absl::StatusOr<AddedPublication> second = publisher_.Publish(request_, "caller-b");
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(first->version.summary.version(), 1);
  EXPECT_EQ(second->version.summary.version(), 2);
  EXPECT_FALSE(second->replayed);
  EXPECT_EQ(second->version.summary.published_by(), "caller-b");
  EXPECT_EQ(second->version.summary.note(), "Annual return");
}

TEST_F(PublisherTest, TheStoredReportIsBuiltWithDisclosureControlAndEveryBreakdown) {
  ASSERT_TRUE(publisher_.Publish(request_, "caller").ok());
  v1::Report stored;
  ASSERT_TRUE(stored.ParseFromString(store_.versions.at(0).report_bytes));
  EXPECT_EQ(stored.disclosure_mode(), common::v1::DISCLOSURE_MODE_PUBLISHED);
  EXPECT_EQ(stored.council(), "S12000033");
  EXPECT_EQ(indicators_.last_request.disclosure_mode(), common::v1::DISCLOSURE_MODE_PUBLISHED);
  EXPECT_EQ(indicators_.last_request.breakdown_dimensions_size(), 5);
  EXPECT_EQ(workforce_.requests.back().disclosure_mode(), common::v1::DISCLOSURE_MODE_PUBLISHED);
  EXPECT_EQ(store_.versions.at(0).report_bytes, SerializeDeterministically(stored));
}

TEST_F(PublisherTest, ARequestIdAlreadyUsedReturnsItsVersionWithoutBuildingAgain) {
  request_.request_id = "annual-2024";
  ASSERT_TRUE(publisher_.Publish(request_, "caller").ok());
  const size_t calls = workforce_.requests.size();
  absl::StatusOr<AddedPublication> again = publisher_.Publish(request_, "caller");
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->version.summary.version(), 1);
  EXPECT_EQ(store_.versions.size(), 1u);
  EXPECT_EQ(workforce_.requests.size(), calls);
}

TEST_F(PublisherTest, ARequestIdReusedForAnotherPeriodIsRefused) {
  request_.request_id = "annual";
  ASSERT_TRUE(publisher_.Publish(request_, "caller").ok());
  request_.period.first_day->year = 2022;
  const absl::Status status = publisher_.Publish(request_, "caller").status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(FieldViolationsOf(status).size(), 1u);
  EXPECT_EQ(FieldViolationsOf(status)[0].rule_code, "REQUEST_ID_REUSED");
  EXPECT_EQ(store_.versions.size(), 1u);
}

TEST_F(PublisherTest, NothingIsStoredWhenAServiceIsUnavailable) {
  workforce_.failure = absl::UnavailableError("the workforce service at x is unavailable");
  EXPECT_EQ(publisher_.Publish(request_, "caller").status().code(), absl::StatusCode::kUnavailable);
  EXPECT_TRUE(store_.versions.empty());
}

TEST(SerializeDeterministicallyTest, EqualMessagesGiveEqualBytesThatParseBack) {
  v1::Report report;
  report.set_council("S12000033");
  report.add_key_questions()->set_question("What key outcomes have we achieved?");
  const std::string bytes = SerializeDeterministically(report);
  EXPECT_EQ(bytes, SerializeDeterministically(v1::Report(report)));
  v1::Report parsed;
  ASSERT_TRUE(parsed.ParseFromString(bytes));
  EXPECT_EQ(parsed.key_questions(0).question(), "What key outcomes have we achieved?");
}

}  // namespace
}  // namespace pif::reporting
