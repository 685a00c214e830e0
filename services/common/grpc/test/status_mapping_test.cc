#include "pif/grpc/status_mapping.h"

#include <sstream>

#include "gtest/gtest.h"
#include "pif/common/v1/errors.pb.h"
#include "pif/core/domain_status.h"
#include "pif/core/log.h"

namespace pif {
namespace {

struct CodeCase {
  absl::StatusCode domain;
  grpc::StatusCode wire;
};

class StatusCodeTableTest : public testing::TestWithParam<CodeCase> {};

TEST_P(StatusCodeTableTest, MapsEachCodeBothWays) {
  const CodeCase& c = GetParam();
  EXPECT_EQ(ToGrpcCode(c.domain), c.wire);
  if (c.domain == absl::StatusCode::kOk) return;
  grpc::Status wire = ToGrpcStatus(absl::Status(c.domain, "message"));
  EXPECT_EQ(wire.error_code(), c.wire);
  EXPECT_EQ(FromGrpcStatus(wire).code(), c.domain);
}

INSTANTIATE_TEST_SUITE_P(
    AllCodes, StatusCodeTableTest,
    testing::Values(
        CodeCase{absl::StatusCode::kOk, grpc::StatusCode::OK},
        CodeCase{absl::StatusCode::kCancelled, grpc::StatusCode::CANCELLED},
        CodeCase{absl::StatusCode::kUnknown, grpc::StatusCode::UNKNOWN},
        CodeCase{absl::StatusCode::kInvalidArgument, grpc::StatusCode::INVALID_ARGUMENT},
        CodeCase{absl::StatusCode::kDeadlineExceeded, grpc::StatusCode::DEADLINE_EXCEEDED},
        CodeCase{absl::StatusCode::kNotFound, grpc::StatusCode::NOT_FOUND},
        CodeCase{absl::StatusCode::kAlreadyExists, grpc::StatusCode::ALREADY_EXISTS},
        CodeCase{absl::StatusCode::kPermissionDenied, grpc::StatusCode::PERMISSION_DENIED},
        CodeCase{absl::StatusCode::kResourceExhausted, grpc::StatusCode::RESOURCE_EXHAUSTED},
        CodeCase{absl::StatusCode::kFailedPrecondition, grpc::StatusCode::FAILED_PRECONDITION},
        CodeCase{absl::StatusCode::kAborted, grpc::StatusCode::ABORTED},
        CodeCase{absl::StatusCode::kOutOfRange, grpc::StatusCode::OUT_OF_RANGE},
        CodeCase{absl::StatusCode::kUnimplemented, grpc::StatusCode::UNIMPLEMENTED},
        CodeCase{absl::StatusCode::kInternal, grpc::StatusCode::INTERNAL},
        CodeCase{absl::StatusCode::kUnavailable, grpc::StatusCode::UNAVAILABLE},
        CodeCase{absl::StatusCode::kDataLoss, grpc::StatusCode::DATA_LOSS},
        CodeCase{absl::StatusCode::kUnauthenticated, grpc::StatusCode::UNAUTHENTICATED}));

TEST(StatusMappingTest, CallerErrorsKeepTheirMessage) {
  grpc::Status wire = ToGrpcStatus(absl::NotFoundError("no batch b-17 for council S12000033"));
  EXPECT_EQ(wire.error_message(), "no batch b-17 for council S12000033");
  EXPECT_TRUE(wire.error_details().empty());
}

TEST(StatusMappingTest, InternalErrorsHideTheirTextBehindAReference) {
  std::ostringstream logged;
  log::SetSink(&logged);
  grpc::Status wire = ToGrpcStatus(absl::InternalError("relation \"placements\" does not exist"));
  log::SetSink(&std::cerr);
  EXPECT_EQ(wire.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_EQ(wire.error_message().find("placements"), std::string::npos);
  ASSERT_EQ(wire.error_message().rfind("internal error (reference ", 0), 0u);
  const std::string reference = wire.error_message().substr(26, 16);
  // The operator can find the real cause in the server log by the same reference.
  EXPECT_NE(logged.str().find(reference), std::string::npos);
  EXPECT_NE(logged.str().find("placements"), std::string::npos);
}

TEST(StatusMappingTest, FieldViolationsTravelAsDetailsAndComeBack) {
  std::vector<FieldViolation> violations = {
      {"end_date", "PLACEMENT_END_BEFORE_START", "end_date is before start_date"}};
  grpc::Status wire = ToGrpcStatus(InvalidArgumentWithFields("record rejected", violations));
  EXPECT_EQ(wire.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  pif::common::v1::Status details;
  ASSERT_TRUE(details.ParseFromString(wire.error_details()));
  EXPECT_EQ(details.code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(details.message(), "record rejected");
  ASSERT_EQ(details.details_size(), 1);
  EXPECT_EQ(details.details(0).type_url(), "type.googleapis.com/pif.common.v1.ErrorDetails");
  absl::Status back = FromGrpcStatus(wire);
  EXPECT_EQ(back.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldViolationsOf(back), violations);
}

TEST(StatusMappingTest, ARetryHintTravelsAsRetryAfterSecondsAndComesBack) {
  grpc::Status wire =
      ToGrpcStatus(ResourceExhaustedRetryAfter("too many streams", absl::Milliseconds(2500)));
  EXPECT_EQ(wire.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(wire.error_message(), "too many streams");
  pif::common::v1::Status status;
  ASSERT_TRUE(status.ParseFromString(wire.error_details()));
  ASSERT_EQ(status.details_size(), 1);
  pif::common::v1::ErrorDetails details;
  ASSERT_TRUE(status.details(0).UnpackTo(&details));
  EXPECT_EQ(details.retry_after_seconds(), 3);  // rounded up to whole seconds
  EXPECT_EQ(details.field_errors_size(), 0);
  absl::Status back = FromGrpcStatus(wire);
  EXPECT_EQ(back.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(RetryAfterOf(back), absl::Seconds(3));
  // A plain RESOURCE_EXHAUSTED has no hint and no details.
  EXPECT_TRUE(ToGrpcStatus(absl::ResourceExhaustedError("full")).error_details().empty());
  EXPECT_EQ(RetryAfterOf(absl::ResourceExhaustedError("full")), std::nullopt);
}

TEST(StatusMappingTest, OkStaysOk) {
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
  EXPECT_TRUE(FromGrpcStatus(grpc::Status::OK).ok());
}

}  // namespace
}  // namespace pif
