#include "pif/report_render/render.h"

#include <gtest/gtest.h>

#include <string>

#include "absl/strings/match.h"
#include "fixture_report.h"

namespace pif::report_render {
namespace {

using reporting::v1::Report;

TEST(RenderReportCall, RejectsAFormatNotGivenOrUnknown) {
  const Report report = testing::FixtureReport();
  absl::StatusOr<std::string> unspecified =
      RenderReport(report, reporting::v1::RENDER_FORMAT_UNSPECIFIED);
  EXPECT_EQ(unspecified.status().code(), absl::StatusCode::kInvalidArgument);
  absl::StatusOr<std::string> unknown =
      RenderReport(report, static_cast<reporting::v1::RenderFormat>(99));
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(unknown.status().message(), "99"));
}

TEST(RenderReportCall, RejectsAReportWithoutCouncilOrCompletePeriod) {
  Report no_council = testing::FixtureReport();
  no_council.clear_council();
  EXPECT_EQ(RenderReport(no_council, reporting::v1::RENDER_FORMAT_HTML).status().code(),
            absl::StatusCode::kInvalidArgument);
  Report no_last_day = testing::FixtureReport();
  no_last_day.mutable_period()->clear_last_day();
  EXPECT_EQ(RenderReport(no_last_day, reporting::v1::RENDER_FORMAT_CSV).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(RenderReportCall, RendersAReportWithNoFiguresAtAll) {
  Report report;
  report.set_council("S12000001");
  report.mutable_period()->mutable_first_day()->set_year(2023);
  report.mutable_period()->mutable_first_day()->set_month(8);
  report.mutable_period()->mutable_first_day()->set_day(1);
  report.mutable_period()->mutable_last_day()->set_year(2024);
  report.mutable_period()->mutable_last_day()->set_month(7);
  report.mutable_period()->mutable_last_day()->set_day(31);
  absl::StatusOr<std::string> html = RenderReport(report, reporting::v1::RENDER_FORMAT_HTML);
  ASSERT_TRUE(html.ok());
  EXPECT_TRUE(absl::StrContains(*html, "This report records no sources."));
  EXPECT_TRUE(absl::StrContains(*html, "No caveats about the report as a whole."));
  absl::StatusOr<std::string> csv = RenderReport(report, reporting::v1::RENDER_FORMAT_CSV);
  ASSERT_TRUE(csv.ok());
  EXPECT_TRUE(absl::StartsWith(*csv, "record_type,council,"));
  EXPECT_EQ(std::count(csv->begin(), csv->end(), '\n'), 1);
}

}  // namespace
}  // namespace pif::report_render
