#include <gtest/gtest.h>

#include <string>

#include "absl/strings/match.h"
#include "fixture_report.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "pif/report_render/render.h"

namespace pif::report_render {
namespace {

using reporting::v1::Report;

std::string Json(const Report& report) {
  absl::StatusOr<std::string> json = RenderReport(report, reporting::v1::RENDER_FORMAT_JSON);
  EXPECT_TRUE(json.ok()) << json.status();
  return json.ok() ? *json : "";
}

TEST(ReportJsonRender, ParsesBackIntoTheSameReport) {
  const Report report = testing::FixtureReport();
  Report parsed;
  const auto status = google::protobuf::util::JsonStringToMessage(Json(report), &parsed);
  ASSERT_TRUE(status.ok()) << status.ToString();
  std::string difference;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&difference);
  EXPECT_TRUE(differencer.Compare(report, parsed)) << difference;
  EXPECT_EQ(parsed.key_questions_size(), 6);
}

TEST(ReportJsonRender, UsesTheProtoFieldNamesAndEnumNamesAndEndsWithANewline) {
  const std::string json = Json(testing::FixtureReport());
  EXPECT_TRUE(absl::StartsWith(json, "{\n"));
  EXPECT_TRUE(absl::EndsWith(json, "}\n"));
  EXPECT_TRUE(absl::StrContains(json, "\"key_questions\": ["));
  EXPECT_FALSE(absl::StrContains(json, "\"keyQuestions\""));
  EXPECT_TRUE(absl::StrContains(json, "\"disclosure_mode\": \"DISCLOSURE_MODE_PUBLISHED\""));
  EXPECT_TRUE(absl::StrContains(json, "\"suppressed\": \"SUPPRESSION_REASON_PRIMARY\""));
  EXPECT_TRUE(absl::StrContains(json, "\"median_grade\": 4.5"));
  EXPECT_TRUE(absl::StrContains(json, "\"built_at\": \"2024-09-02T10:30:00Z\""));
}

TEST(ReportJsonRender, KeepsFreeTextVerbatimAsJsonEscapes) {
  const std::string json = Json(testing::FixtureReport());
  // Quotes escaped by JSON; protobuf also escapes < and > so the text is inert in a page.
  EXPECT_TRUE(absl::StrContains(json, "\\\"Signs of Safety\\\""));
  EXPECT_FALSE(absl::StrContains(json, "<script"));
}

TEST(ReportJsonRender, RenderingTwiceGivesTheSameBytes) {
  EXPECT_EQ(Json(testing::FixtureReport()), Json(testing::FixtureReport()));
}

}  // namespace
}  // namespace pif::report_render
