#include "pif/core/domain_status.h"

#include "gtest/gtest.h"

namespace pif {
namespace {

TEST(DomainStatusTest, FieldViolationsSurviveTheRoundTrip) {
  std::vector<FieldViolation> violations = {
      {"end_date", "PLACEMENT_END_BEFORE_START", "end_date 2023-01-04 is before start_date"},
      {"type", "UNKNOWN_CODE", "type 'FOSTER' is not one of HOME, KIN, ..."}};
  absl::Status status = InvalidArgumentWithFields("record rejected", violations);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "record rejected");
  EXPECT_EQ(FieldViolationsOf(status), violations);
}

TEST(DomainStatusTest, PlainStatusHasNoViolations) {
  EXPECT_TRUE(FieldViolationsOf(absl::InvalidArgumentError("x")).empty());
  EXPECT_TRUE(FieldViolationsOf(absl::OkStatus()).empty());
}

}  // namespace
}  // namespace pif
