#include "csv_render.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fixture_report.h"
#include "pif/csv/csv_reader.h"
#include "pif/report_render/render.h"

namespace pif::report_render {
namespace {

using reporting::v1::Report;
using testing::FixtureReport;

using CsvRecord = std::map<std::string, std::string>;

// The CSV rendering of `report` read back with the pif CSV reader; fails the test on any
// problem the reader reports.
std::vector<CsvRecord> ReadBack(const Report& report, std::vector<std::string>* columns) {
  absl::StatusOr<std::string> text = RenderReport(report, reporting::v1::RENDER_FORMAT_CSV);
  EXPECT_TRUE(text.ok()) << text.status();
  std::istringstream in(text.ok() ? *text : "");
  csv::CsvReader reader(in, "report.csv", CsvColumns());
  std::vector<CsvRecord> records;
  csv::Row row;
  csv::CsvError error;
  for (bool done = false; !done;) {
    switch (reader.Next(&row, &error)) {
      case csv::CsvReader::Result::kRow: {
        CsvRecord record;
        for (const auto& [column, cell] : row.fields) record[column] = cell;
        records.push_back(record);
        break;
      }
      case csv::CsvReader::Result::kRowError:
      case csv::CsvReader::Result::kFileError:
        ADD_FAILURE() << error.ToString();
        break;
      case csv::CsvReader::Result::kEnd:
        done = true;
        break;
    }
  }
  if (columns != nullptr) *columns = reader.columns();
  return records;
}

std::vector<CsvRecord> Select(const std::vector<CsvRecord>& records, const std::string& type,
                              const std::string& code = "") {
  std::vector<CsvRecord> selected;
  for (const CsvRecord& record : records) {
    if (record.at("record_type") == type && (code.empty() || record.at("code") == code)) {
      selected.push_back(record);
    }
  }
  return selected;
}

CsvRecord Only(const std::vector<CsvRecord>& records, const std::string& type,
               const std::string& code, const std::string& dimension, const std::string& category) {
  std::vector<CsvRecord> found;
  for (const CsvRecord& record : Select(records, type, code)) {
    if (record.at("dimension") == dimension && record.at("category") == category) {
      found.push_back(record);
    }
  }
  EXPECT_EQ(found.size(), 1u) << type << " " << code << " " << dimension << " " << category;
  return found.empty() ? CsvRecord{} : found.front();
}

TEST(ReportCsvRender, ParsesBackWithThePifReaderWithEveryColumnInOrder) {
  std::vector<std::string> columns;
  const std::vector<CsvRecord> records = ReadBack(FixtureReport(), &columns);
  EXPECT_EQ(columns, CsvColumns());
  EXPECT_EQ(columns.size(), 36u);
  EXPECT_EQ(columns.front(), "record_type");
  ASSERT_FALSE(records.empty());
  for (const CsvRecord& record : records) EXPECT_EQ(record.size(), columns.size());
}

TEST(ReportCsvRender, HasOneRowPerIndicatorPerBreakdownCellAndPerOtherFigure) {
  const Report report = FixtureReport();
  int breakdowns = 0;
  int supplementary = 0;
  int trend = 0;
  int notes = report.notes_size();
  for (const auto& question : report.key_questions()) {
    for (const auto& area : question.areas()) {
      std::vector<const reporting::v1::IndicatorEntry*> entries;
      for (const auto& group : area.theme_groups()) {
        for (const auto& entry : group.indicators()) entries.push_back(&entry);
      }
      for (const auto& entry : area.indicators()) entries.push_back(&entry);
      for (const auto* entry : entries) {
        breakdowns += entry->result().breakdowns_size();
        supplementary += entry->result().supplementary_size();
        trend += entry->trend_points_size();
        notes += entry->notes_size();
      }
    }
  }
  const std::vector<CsvRecord> records = ReadBack(report, nullptr);
  EXPECT_EQ(Select(records, "indicator").size(), static_cast<size_t>(testing::kIndicatorCount));
  EXPECT_EQ(Select(records, "breakdown").size(), static_cast<size_t>(breakdowns));
  EXPECT_EQ(Select(records, "supplementary").size(), static_cast<size_t>(supplementary));
  EXPECT_EQ(Select(records, "trend").size(), static_cast<size_t>(trend));
  EXPECT_EQ(Select(records, "note").size(), static_cast<size_t>(notes));
  EXPECT_EQ(Select(records, "self_evaluation").size(), 10u);
  EXPECT_EQ(Select(records, "grade_count").size(), 6u);
  EXPECT_EQ(Select(records, "median_grade").size(), 1u);
  EXPECT_EQ(records.size(), static_cast<size_t>(testing::kIndicatorCount + breakdowns +
                                                supplementary + trend + notes + 10 + 6 + 1));
  EXPECT_EQ(Select(records, "breakdown", testing::kRepeatReferral).size(), 9u);
}

TEST(ReportCsvRender, IndicatorRowCarriesFiguresPlaceAndProvenance) {
  const std::vector<CsvRecord> records = ReadBack(FixtureReport(), nullptr);
  const CsvRecord row = Only(records, "indicator", testing::kRepeatReferral, "", "");
  EXPECT_EQ(row.at("council"), testing::kCouncil);
  EXPECT_EQ(row.at("period_from"), "2023-08-01");
  EXPECT_EQ(row.at("period_to"), "2024-07-31");
  EXPECT_EQ(row.at("area"), "1");
  EXPECT_EQ(row.at("theme"), "Safe");
  EXPECT_EQ(row.at("title"), "Repeat child protection referral within 12 months");
  EXPECT_EQ(row.at("numerator"), "15");
  EXPECT_EQ(row.at("denominator"), "120");
  EXPECT_EQ(row.at("value"), "12.5");
  EXPECT_EQ(row.at("unit"), "percent");
  EXPECT_EQ(row.at("unknown"), "3");
  EXPECT_EQ(row.at("numerator_suppressed"), "");
  EXPECT_EQ(row.at("value_withheld"), "");
  EXPECT_EQ(row.at("polarity"), "lower_is_better");
  EXPECT_EQ(row.at("previous_value"), "10.0");
  EXPECT_EQ(row.at("change"), "worse");
  EXPECT_EQ(row.at("definition_version"), "1");
  EXPECT_EQ(row.at("intake_data_version"), "34");
  EXPECT_EQ(row.at("workforce_data_version"), "0");
  EXPECT_EQ(row.at("definitions_version"), "2024.1");
  EXPECT_EQ(row.at("computed_at"), "2024-09-02 09:34:00 UTC");
  EXPECT_EQ(row.at("result_id"), "ind-2024-0001");
  const CsvRecord oldest = Select(records, "trend", testing::kRepeatReferral).front();
  EXPECT_EQ(oldest.at("period_from"), "2019-08-01");
  EXPECT_EQ(oldest.at("value"), "9.1");
  EXPECT_EQ(oldest.at("result_id"), "ind-2020-0001");
  EXPECT_EQ(oldest.at("intake_data_version"), "30");
}

TEST(ReportCsvRender, SuppressedCellsAreCWithTheirReasonAndNeverTheirNumber) {
  const std::vector<CsvRecord> records = ReadBack(FixtureReport(), nullptr);
  const CsvRecord young = Only(records, "breakdown", testing::kRepeatReferral, "age_band", "0-4");
  EXPECT_EQ(young.at("numerator"), "c");
  EXPECT_EQ(young.at("numerator_suppressed"), "primary");
  EXPECT_EQ(young.at("denominator"), "30");
  EXPECT_EQ(young.at("value"), "c");
  EXPECT_EQ(young.at("value_withheld"), "numerator_suppressed");
  const CsvRecord older = Only(records, "breakdown", testing::kRepeatReferral, "age_band", "5-11");
  EXPECT_EQ(older.at("numerator"), "c");
  EXPECT_EQ(older.at("numerator_suppressed"), "secondary");
  const CsvRecord unknown_sex = Only(records, "breakdown", testing::kRepeatReferral, "sex", "NK");
  EXPECT_EQ(unknown_sex.at("numerator"), "0");
  EXPECT_EQ(unknown_sex.at("denominator"), "c");
  EXPECT_EQ(unknown_sex.at("denominator_suppressed"), "primary");
  EXPECT_EQ(unknown_sex.at("value_withheld"), "denominator_under_threshold");
  const CsvRecord equipment = Only(records, "indicator", testing::kEquipment, "", "");
  EXPECT_EQ(equipment.at("value"), "");
  EXPECT_EQ(equipment.at("value_withheld"), "no_denominator");
  EXPECT_EQ(equipment.at("change"), "not_comparable");
}

TEST(ReportCsvRender, WorkforceFiguresAreRowsTheSameWay) {
  const std::vector<CsvRecord> records = ReadBack(FixtureReport(), nullptr);
  const CsvRecord band =
      Only(records, "breakdown", testing::kServiceLength, "length_of_service_band", "2-<5");
  EXPECT_EQ(band.at("area"), "7");
  EXPECT_EQ(band.at("theme"), "");
  EXPECT_EQ(band.at("numerator"), "16");
  EXPECT_EQ(band.at("denominator"), "64");
  EXPECT_EQ(band.at("value"), "25.0");
  EXPECT_EQ(band.at("workforce_data_version"), "7");
  const CsvRecord median =
      Only(records, "supplementary", testing::kServiceLength, "", "median_years");
  EXPECT_EQ(median.at("label"), "Median length of service (years)");
  EXPECT_EQ(median.at("value"), "4.8");
  EXPECT_EQ(median.at("unit"), "years");
  const CsvRecord agency =
      Only(records, "supplementary", testing::kServiceLength, "", "agency_headcount");
  EXPECT_EQ(agency.at("numerator"), "c");
  EXPECT_EQ(agency.at("numerator_suppressed"), "primary");
  const CsvRecord days = Only(records, "indicator", testing::kDaysLost, "", "");
  EXPECT_EQ(days.at("value"), "8.4");
  EXPECT_EQ(days.at("unit"), "days lost per FTE");
  EXPECT_EQ(days.at("numerator"), "");
  EXPECT_EQ(days.at("previous_value"), "9.6");
  EXPECT_EQ(days.at("change"), "improved");
}

TEST(ReportCsvRender, SelfEvaluationRowsGiveEachAreaGradeCountsAndMedian) {
  const std::vector<CsvRecord> records = ReadBack(FixtureReport(), nullptr);
  const std::vector<CsvRecord> areas = Select(records, "self_evaluation", "10.1");
  ASSERT_EQ(areas.size(), 10u);
  EXPECT_EQ(areas[0].at("category"), "1");
  EXPECT_EQ(areas[0].at("label"), "Key outcomes");
  EXPECT_EQ(areas[0].at("grade"), "4");
  EXPECT_EQ(areas[0].at("grade_label"), "Good");
  EXPECT_EQ(areas[0].at("eval_date"), "2024-05-11");
  EXPECT_EQ(areas[0].at("evidence"), testing::kHostileEvidence);
  EXPECT_EQ(areas[0].at("approved_by"), "Chief Social Work Officer");
  EXPECT_EQ(areas[1].at("evidence"), "Children's survey 2024:\nmost felt heard and respected.");
  EXPECT_EQ(areas[3].at("grade"), "");
  EXPECT_EQ(areas[3].at("message"), "not evaluated");
  const std::vector<CsvRecord> counts = Select(records, "grade_count", "10.1");
  ASSERT_EQ(counts.size(), 6u);
  EXPECT_EQ(counts[1].at("grade"), "5");
  EXPECT_EQ(counts[1].at("numerator"), "3");
  EXPECT_EQ(counts[1].at("denominator"), "8");
  const CsvRecord median = Select(records, "median_grade", "10.1").front();
  EXPECT_EQ(median.at("value"), "4.5");
  EXPECT_EQ(median.at("denominator"), "8");
}

TEST(ReportCsvRender, TextThatASpreadsheetWouldRunAsAFormulaIsMadeInert) {
  Report report = FixtureReport();
  auto* summary =
      report.mutable_key_questions(5)->mutable_areas(0)->mutable_self_evaluation_summary();
  summary->mutable_areas(0)->mutable_self_evaluation()->set_evidence(
      "=HYPERLINK(\"http://example.invalid\",\"x\")");
  summary->mutable_areas(1)->mutable_self_evaluation()->set_approved_by("@Head of Service");
  const std::vector<CsvRecord> areas = Select(ReadBack(report, nullptr), "self_evaluation");
  EXPECT_EQ(areas[0].at("evidence"), "'=HYPERLINK(\"http://example.invalid\",\"x\")");
  EXPECT_EQ(areas[1].at("approved_by"), "'@Head of Service");
}

TEST(ReportCsvRender, RenderingTwiceGivesTheSameBytes) {
  EXPECT_EQ(RenderReport(FixtureReport(), reporting::v1::RENDER_FORMAT_CSV).value(),
            RenderReport(FixtureReport(), reporting::v1::RENDER_FORMAT_CSV).value());
}

}  // namespace
}  // namespace pif::report_render
