#include "pif/submission_grpc/request_checks.h"

#include "gtest/gtest.h"
#include "pif/core/domain_status.h"

namespace pif::submission_grpc {
namespace {

std::string RuleOf(const absl::Status& status) {
  auto violations = FieldViolationsOf(status);
  return violations.empty() ? "" : violations[0].field + ":" + violations[0].rule_code;
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

}  // namespace
}  // namespace pif::submission_grpc
