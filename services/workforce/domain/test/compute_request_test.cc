// The checks of a ComputeWorkforceRequest.
#include "pif/workforce/domain/compute_request.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/core/domain_status.h"

namespace pif::workforce {
namespace {

using ::testing::ElementsAre;

ComputeRequest Request() {
  ComputeRequest request;
  request.council = "S12000033";
  request.period.first_day = figures::DayFields{2023, 8, 1};
  request.period.last_day = figures::DayFields{2024, 7, 31};
  return request;
}

// "field:RULE" of the one violation of `status`.
std::string ViolationOf(const absl::Status& status) {
  const std::vector<FieldViolation> violations = FieldViolationsOf(status);
  if (violations.size() != 1) return "violations: " + std::to_string(violations.size());
  return violations[0].field + ":" + violations[0].rule_code;
}

TEST(ComputeRequestTest, NoCodesMeansEveryFigureAndNoModeMeansPublished) {
  auto args = CheckComputeRequest(Request());
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_EQ(args->council, "S12000033");
  EXPECT_EQ(args->period.first.ToString(), "2023-08-01");
  EXPECT_EQ(args->period.last.ToString(), "2024-07-31");
  EXPECT_THAT(args->codes, ElementsAre("7.1", "7.2", "7.3a", "7.3b", "7.3c", "7.4a", "7.4b", "7.5",
                                       "7.6", "7.7", "9.1"));
  EXPECT_TRUE(args->published);
  EXPECT_TRUE(NeedsCaseData(args->codes));
}

TEST(ComputeRequestTest, CodesComeBackInCatalogueOrderWithoutRepeats) {
  ComputeRequest request = Request();
  for (const char* code : {"9.1", "7.3a", "9.1"}) request.codes.push_back(code);
  request.published = false;
  auto args = CheckComputeRequest(request);
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_THAT(args->codes, ElementsAre("7.3a", "9.1"));
  EXPECT_FALSE(args->published);
  EXPECT_FALSE(NeedsCaseData(args->codes));
}

TEST(ComputeRequestTest, AnUnknownCodeIsNamedByPosition) {
  ComputeRequest request = Request();
  request.codes.push_back("7.4a");
  request.codes.push_back("7.4");
  const absl::Status status = CheckComputeRequest(request).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ViolationOf(status), "codes[1]:UNKNOWN_INDICATOR_CODE");
}

TEST(ComputeRequestTest, PeriodErrorsNameTheField) {
  ComputeRequest missing = Request();
  missing.period = figures::PeriodFields{std::nullopt, std::nullopt, /*given=*/false};
  EXPECT_EQ(ViolationOf(CheckComputeRequest(missing).status()), "period:REQUIRED_FIELD_MISSING");

  ComputeRequest no_last = Request();
  no_last.period.last_day.reset();
  EXPECT_EQ(ViolationOf(CheckComputeRequest(no_last).status()),
            "period.last_day:REQUIRED_FIELD_MISSING");

  ComputeRequest not_a_day = Request();
  not_a_day.period.first_day->day = 32;
  EXPECT_EQ(ViolationOf(CheckComputeRequest(not_a_day).status()),
            "period.first_day:MALFORMED_DATE");

  ComputeRequest backwards = Request();
  backwards.period.last_day->year = 2023;
  backwards.period.last_day->month = 7;
  EXPECT_EQ(ViolationOf(CheckComputeRequest(backwards).status()),
            "period.last_day:PERIOD_END_BEFORE_START");
}

TEST(ComputeRequestTest, ACouncilThatIsNotAGssCodeIsRefused) {
  ComputeRequest request = Request();
  request.council = "Glasgow";
  const absl::Status status = CheckComputeRequest(request).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(ViolationOf(status), ::testing::StartsWith("council:"));
}

}  // namespace
}  // namespace pif::workforce
