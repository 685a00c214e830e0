// The report rpcs' rules over fake sources and a fake published-report store: requests checked
// first, published versions read back, listed a page at a time and rendered.
#include "pif/reporting/domain/reports.h"

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/core/domain_status.h"
#include "pif/reporting/testing/fake_sources.h"
#include "pif/reporting/testing/rule_violations.h"

namespace pif::reporting {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kCouncil[] = "S12000033";

figures::PeriodFields ClasYear() {
  figures::PeriodFields period;
  period.first_day = figures::DayFields{2023, 8, 1};
  period.last_day = figures::DayFields{2024, 7, 31};
  return period;
}

class ReportsTest : public ::testing::Test {
 protected:
  ReportsTest()
      : builder_(sources_.indicators, sources_.workforce, sources_.intake, sources_.evaluations,
                 [] { return absl::FromUnixSeconds(1722470400); }),
        publisher_(builder_, store_),
        reports_(builder_, publisher_, store_) {}

  ReportAsk Ask() const {
    ReportAsk ask;
    ask.council = kCouncil;
    ask.period = ClasYear();
    return ask;
  }

  PublicationAsk PublishAsk(const std::string& note) const {
    PublicationAsk ask;
    ask.council = kCouncil;
    ask.period = ClasYear();
    ask.note = note;
    return ask;
  }

  testing::FakeReportSources sources_;
  testing::FakePublished store_;
  ReportBuilder builder_;
  Publisher publisher_;
  Reports reports_;
};

TEST_F(ReportsTest, BuildChecksTheCouncilThenTheAskThenBuilds) {
  ReportAsk ask = Ask();
  ask.council = "S1200003";
  EXPECT_THAT(testing::RuleViolations(reports_.Build(ask).status()),
              ElementsAre("council:MALFORMED_COUNCIL"));
  ask = Ask();
  ask.trend_period_count = 9;
  EXPECT_THAT(testing::RuleViolations(reports_.Build(ask).status()),
              ElementsAre("trend_period_count:OUT_OF_RANGE"));
  EXPECT_TRUE(sources_.workforce.requests.empty());
  absl::StatusOr<v1::Report> report = reports_.Build(Ask());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->council(), kCouncil);
  EXPECT_EQ(report->period().first_day().month(), 8);
}

TEST_F(ReportsTest, PublishGivesTheStoredVersionWithItsReportReadBack) {
  absl::StatusOr<Publication> first = reports_.Publish(PublishAsk("Annual return"), "caller-a");
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_FALSE(first->replayed);
  EXPECT_EQ(first->document.summary.version(), 1);
  EXPECT_EQ(first->document.summary.note(), "Annual return");
  EXPECT_EQ(first->document.report.council(), kCouncil);
  EXPECT_EQ(first->document.report.disclosure_mode(), common::v1::DISCLOSURE_MODE_PUBLISHED);
  PublicationAsk bad = PublishAsk("x");
  bad.council = "";
  EXPECT_THAT(testing::RuleViolations(reports_.Publish(bad, "caller").status()),
              ElementsAre("council:REQUIRED_FIELD_MISSING"));
  EXPECT_EQ(store_.versions.size(), 1u);
}

TEST_F(ReportsTest, ListPublishedPagesNewestFirstAndFiltersByPeriod) {
  for (const char* note : {"one", "two", "three"}) {
    ASSERT_TRUE(reports_.Publish(PublishAsk(note), "caller").ok());
  }
  PublishedQuery query;
  query.council = kCouncil;
  query.page.page_size = 2;
  absl::StatusOr<Page<v1::PublishedReportSummary>> first = reports_.ListPublished(query);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->items[0].version(), 3);
  EXPECT_EQ(first->items[1].version(), 2);
  EXPECT_EQ(store_.last_filter.limit, 3);
  query.page.page_token = first->next_page_token;
  absl::StatusOr<Page<v1::PublishedReportSummary>> second = reports_.ListPublished(query);
  ASSERT_TRUE(second.ok()) << second.status();
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].version(), 1);
  EXPECT_EQ(second->next_page_token, "");

  PublishedQuery other_year;
  other_year.council = kCouncil;
  other_year.period = ClasYear();
  other_year.period->first_day->year = 2022;
  other_year.period->last_day->year = 2023;
  absl::StatusOr<Page<v1::PublishedReportSummary>> none = reports_.ListPublished(other_year);
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_TRUE(none->items.empty());
  EXPECT_EQ(store_.last_filter.period->first.ToString(), "2022-08-01");
  EXPECT_EQ(store_.last_filter.limit, 51);
}

TEST_F(ReportsTest, ListPublishedRefusesABadPeriodOrPageSize) {
  PublishedQuery query;
  query.council = kCouncil;
  query.period = ClasYear();
  query.period->last_day = figures::DayFields{2023, 7, 31};
  EXPECT_THAT(testing::RuleViolations(reports_.ListPublished(query).status()),
              ElementsAre("period.last_day:PERIOD_END_BEFORE_START"));
  query.period.reset();
  query.page.page_size = -5;
  EXPECT_THAT(testing::RuleViolations(reports_.ListPublished(query).status()),
              ElementsAre("page_size:OUT_OF_RANGE"));
}

TEST_F(ReportsTest, GetPublishedReadsAVersionAndSaysWhenItCannot) {
  ASSERT_TRUE(reports_.Publish(PublishAsk("one"), "caller").ok());
  absl::StatusOr<PublishedDocument> document = reports_.GetPublished(kCouncil, 1);
  ASSERT_TRUE(document.ok()) << document.status();
  EXPECT_EQ(document->summary.note(), "one");
  EXPECT_EQ(document->report.council(), kCouncil);
  EXPECT_THAT(testing::RuleViolations(reports_.GetPublished(kCouncil, 0).status()),
              ElementsAre("version:OUT_OF_RANGE"));
  EXPECT_EQ(reports_.GetPublished(kCouncil, 2).status().code(), absl::StatusCode::kNotFound);
  store_.versions[0].report_bytes = "\xff\xff not a report";
  const absl::Status unreadable = reports_.GetPublished(kCouncil, 1).status();
  EXPECT_EQ(unreadable.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(unreadable.message(), HasSubstr("version 1 cannot be read"));
}

TEST_F(ReportsTest, RenderBuildsADraftOrReadsAVersionAndNamesTheFile) {
  ASSERT_TRUE(reports_.Publish(PublishAsk("one"), "caller").ok());
  RenderAsk draft;
  draft.council = kCouncil;
  draft.format = v1::RENDER_FORMAT_CSV;
  draft.draft = Ask();
  draft.draft->field_prefix = "draft.";
  absl::StatusOr<RenderedReport> built = reports_.Render(draft);
  ASSERT_TRUE(built.ok()) << built.status();
  EXPECT_EQ(built->content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(built->file_name, "pif-S12000033-2023-08-01-2024-07-31.csv");
  EXPECT_EQ(built->published_version, 0);
  EXPECT_THAT(built->content, HasSubstr("1 S.1"));

  RenderAsk published;
  published.council = kCouncil;
  published.format = v1::RENDER_FORMAT_HTML;
  published.published_version = 1;
  absl::StatusOr<RenderedReport> stored = reports_.Render(published);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(stored->file_name, "pif-S12000033-2023-08-01-2024-07-31-v1.html");
  EXPECT_EQ(stored->published_version, 1);
  EXPECT_TRUE(absl::StartsWith(stored->content, "<!DOCTYPE html>"))
      << stored->content.substr(0, 40);
}

TEST_F(ReportsTest, RenderRefusesAnUnknownFormatNoSourceOrABadDraft) {
  RenderAsk ask;
  ask.council = kCouncil;
  ask.format = v1::RENDER_FORMAT_UNSPECIFIED;
  ask.published_version = 1;
  EXPECT_THAT(testing::RuleViolations(reports_.Render(ask).status()),
              ElementsAre("format:UNKNOWN_CODE"));
  ask.format = v1::RENDER_FORMAT_JSON;
  ask.published_version.reset();
  EXPECT_THAT(testing::RuleViolations(reports_.Render(ask).status()),
              ElementsAre("source:REQUIRED_FIELD_MISSING"));
  ask.published_version = 0;
  EXPECT_THAT(testing::RuleViolations(reports_.Render(ask).status()),
              ElementsAre("published_version:OUT_OF_RANGE"));
  ask.published_version.reset();
  ask.draft = ReportAsk();
  ask.draft->field_prefix = "draft.";
  EXPECT_THAT(testing::RuleViolations(reports_.Render(ask).status()),
              ElementsAre("draft.period:REQUIRED_FIELD_MISSING"));
}

TEST_F(ReportsTest, ASourceOutOfReachFailsTheBuildAndTheRender) {
  sources_.intake.failure = absl::UnavailableError("the intake service at x is unavailable");
  EXPECT_EQ(reports_.Build(Ask()).status().code(), absl::StatusCode::kUnavailable);
  RenderAsk ask;
  ask.council = kCouncil;
  ask.format = v1::RENDER_FORMAT_JSON;
  ask.draft = Ask();
  EXPECT_EQ(reports_.Render(ask).status().code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace pif::reporting
