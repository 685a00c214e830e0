#include "pif/submission_grpc/request_checks.h"

#include "gtest/gtest.h"
#include "pif/common/domain_status.h"

namespace pif::submission_grpc {
namespace {

std::string RuleOf(const absl::Status& status) {
  auto violations = FieldViolationsOf(status);
  return violations.empty() ? "" : violations[0].field + ":" + violations[0].rule_code;
}

TEST(CheckCouncilTest, AcceptsAGssCode) { EXPECT_TRUE(CheckCouncil("S12000033").ok()); }

TEST(CheckCouncilTest, RejectsCodesThatAreNotALetterAndEightDigits) {
  for (const char* council :
       {"s12000033", "S1200003", "S120000333", "912000033", "S1200003X", "S12 00033"}) {
    absl::Status status = CheckCouncil(council);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << council;
    EXPECT_EQ(RuleOf(status), "council:MALFORMED_COUNCIL") << council;
  }
}

TEST(CheckCouncilTest, AMissingCouncilIsRequiredAndNamesTheGivenField) {
  EXPECT_EQ(RuleOf(CheckCouncil("", "header.council")), "header.council:REQUIRED_FIELD_MISSING");
}

TEST(CheckCouncilTest, TheMessageDoesNotQuoteTheValue) {
  absl::Status status = CheckCouncil("Pupil-Jane-Doe");
  EXPECT_EQ(std::string(status.message()).find("Jane"), std::string::npos) << status.message();
}

common::v1::BatchHeader Header(std::string council, std::string batch_id) {
  common::v1::BatchHeader header;
  header.set_council(std::move(council));
  header.set_batch_id(std::move(batch_id));
  return header;
}

TEST(CheckBatchHeaderTest, AcceptsACouncilAndAPrintableBatchId) {
  EXPECT_TRUE(CheckBatchHeader(Header("S12000033", "mosaic 2024-08-01T02:00")).ok());
  EXPECT_TRUE(CheckBatchHeader(Header("S12000033", std::string(128, 'b'))).ok());
}

TEST(CheckBatchHeaderTest, RejectsAMissingTooLongOrUnprintableBatchId) {
  EXPECT_EQ(RuleOf(CheckBatchHeader(Header("S12000033", ""))),
            "header.batch_id:REQUIRED_FIELD_MISSING");
  EXPECT_EQ(RuleOf(CheckBatchHeader(Header("S12000033", std::string(129, 'b')))),
            "header.batch_id:MALFORMED_BATCH_ID");
  EXPECT_EQ(RuleOf(CheckBatchHeader(Header("S12000033", "a\nb"))),
            "header.batch_id:MALFORMED_BATCH_ID");
}

TEST(CheckBatchHeaderTest, ChecksTheCouncilFirst) {
  EXPECT_EQ(RuleOf(CheckBatchHeader(Header("S1", "b1"))), "header.council:MALFORMED_COUNCIL");
}

TEST(PageSizeTest, ZeroIsTheDefaultAboveTheMaximumIsTheMaximumNegativeIsAnError) {
  EXPECT_EQ(*PageSize(0, 50, 500), 50);
  EXPECT_EQ(*PageSize(7, 50, 500), 7);
  EXPECT_EQ(*PageSize(501, 50, 500), 500);
  EXPECT_EQ(RuleOf(PageSize(-1, 50, 500).status()), "page_size:OUT_OF_RANGE");
}

TEST(PageTokenTest, RoundTripsAnOffsetAndRefusesForeignTokens) {
  EXPECT_EQ(*ParseOffsetPageToken(""), 0);
  EXPECT_EQ(*ParseOffsetPageToken(OffsetPageToken(150)), 150);
  EXPECT_EQ(RuleOf(ParseOffsetPageToken("150").status()), "page_token:MALFORMED_PAGE_TOKEN");
  EXPECT_EQ(RuleOf(ParseOffsetPageToken(OffsetPageToken(-3)).status()),
            "page_token:MALFORMED_PAGE_TOKEN");
}

}  // namespace
}  // namespace pif::submission_grpc
