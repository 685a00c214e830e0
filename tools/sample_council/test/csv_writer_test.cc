// The CSV files are the contract's: every file of case-data.md, its columns as header, one row
// per record, read back cleanly by pifctl's CSV reader.
#include "pif/sample/csv_writer.h"

#include <filesystem>
#include <fstream>
#include <map>

#include "gtest/gtest.h"
#include "pif/csv/csv_reader.h"

namespace pif::sample {
namespace {

// Reads a whole file; every row as (column -> cell).
std::vector<std::map<std::string, std::string>> ReadAll(const std::filesystem::path& path,
                                                        std::vector<std::string>* columns) {
  // Allow any column: the header itself is checked by the caller.
  auto reader = csv::CsvReader::OpenFile(path.string(), *columns);
  std::vector<std::map<std::string, std::string>> rows;
  csv::Row row;
  csv::CsvError error;
  for (;;) {
    const csv::CsvReader::Result result = reader->Next(&row, &error);
    if (result == csv::CsvReader::Result::kEnd) break;
    if (result != csv::CsvReader::Result::kRow) {
      ADD_FAILURE() << error.ToString();
      if (result == csv::CsvReader::Result::kFileError) break;
      continue;
    }
    std::map<std::string, std::string> cells(row.fields.begin(), row.fields.end());
    rows.push_back(std::move(cells));
  }
  *columns = reader->columns();
  return rows;
}

TEST(CsvWriterTest, WritesEveryFileWithTheContractsColumnsAndOneRowPerRecord) {
  SampleOptions options;
  options.children = 1200;
  const SampleCouncil council = GenerateSampleCouncil(options);
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "sample_csv";
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(WriteCouncilCsv(council, dir.string()).ok());

  const std::map<std::string, std::vector<std::string>> headers = {
      {"children.csv",
       {"person_id", "dob", "expected_dob", "sex", "ethnic_group", "disability", "locality",
        "family_group_id"}},
      {"involvements.csv",
       {"involvement_id", "person_id", "open_date", "close_date", "basis", "has_current_plan",
        "close_reason", "exit_interview"}},
      {"allocations.csv",
       {"allocation_id", "involvement_id", "staff_id", "start_date", "end_date"}},
      {"cp_referrals.csv", {"referral_id", "person_id", "referral_date"}},
      {"cp_registrations.csv",
       {"registration_id", "person_id", "registration_date", "conference_type",
        "deregistration_date", "deregistration_reason"}},
      {"care_episodes.csv", {"episode_id", "person_id", "start_date", "end_date", "destination"}},
      {"legal_reasons.csv", {"legal_id", "episode_id", "start_date", "end_date", "code"}},
      {"placements.csv",
       {"placement_id", "episode_id", "carer_id", "start_date", "end_date", "type", "foster_type",
        "short_break", "permanent_substitute", "outwith_approval"}},
      {"assessments.csv",
       {"assessment_id", "person_id", "type", "requested_date", "due_date", "completed_date",
        "status", "child_views", "dev_concern"}},
      {"needs.csv",
       {"need_id", "assessment_id", "domain", "identified_date", "target_date", "status",
        "status_date"}},
      {"reviews.csv",
       {"review_id", "person_id", "type", "meeting_date", "sw_due_date", "sw_submitted_date"}},
      {"review_items.csv", {"review_id", "item", "value"}},
      {"incidents.csv", {"incident_id", "person_id", "type", "start", "end"}},
      {"status_snapshots.csv",
       {"person_id", "as_at", "aftercare_eligible", "aftercare_receiving", "econ", "homeless_12m",
        "young_carer", "yc_support_accessed", "acel_on_track", "leaver_scqf"}},
      {"survey_responses.csv",
       {"response_id", "person_id", "respondent", "survey_date", "context", "item", "answer"}},
      {"staff.csv",
       {"staff_id", "valid_from", "valid_to", "role", "manager_level", "employment",
        "service_start_date", "fte", "sssc_status", "reg_qual_met", "nts_qual_met", "cpd_plan_date",
        "mgmt_qual"}},
      {"absences.csv", {"absence_id", "staff_id", "month", "type", "fte_days_lost"}},
      {"self_evaluations.csv",
       {"eval_id", "area", "qi_ref", "eval_date", "grade", "evidence", "approved_by"}},
  };
  for (const auto& [file, count] : RecordCounts(council)) {
    SCOPED_TRACE(file);
    ASSERT_TRUE(headers.count(file));
    std::vector<std::string> columns = headers.at(file);
    const auto rows = ReadAll(dir / file, &columns);
    EXPECT_EQ(columns, headers.at(file));
    EXPECT_EQ(static_cast<int64_t>(rows.size()), count);
  }

  std::vector<std::string> columns = headers.at("children.csv");
  const auto children = ReadAll(dir / "children.csv", &columns);
  const engine::Child& first = council.records.children.front();
  EXPECT_EQ(children.front().at("person_id"), first.person_id);
  EXPECT_EQ(children.front().at("dob"), first.dob.has_value() ? first.dob->ToString() : "");

  columns = headers.at("self_evaluations.csv");
  const auto evaluations = ReadAll(dir / "self_evaluations.csv", &columns);
  ASSERT_EQ(evaluations.size(), 10u);
  // Evidence with commas and quotes survives the round trip (RFC 4180 quoting).
  bool comma = false;
  bool quote = false;
  for (size_t i = 0; i < evaluations.size(); ++i) {
    const std::string& evidence = evaluations[i].at("evidence");
    EXPECT_EQ(evidence, council.self_evaluations[i].evidence);
    comma = comma || evidence.find(',') != std::string::npos;
    quote = quote || evidence.find('"') != std::string::npos;
  }
  EXPECT_TRUE(comma);
  EXPECT_TRUE(quote);

  columns = headers.at("incidents.csv");
  const auto incidents = ReadAll(dir / "incidents.csv", &columns);
  ASSERT_FALSE(incidents.empty());
  EXPECT_EQ(incidents.front().at("start").size(), 19u);  // YYYY-MM-DDTHH:MM:SS

  columns = headers.at("staff.csv");
  for (const auto& row : ReadAll(dir / "staff.csv", &columns)) {
    const double fte = std::stod(row.at("fte"));
    EXPECT_GT(fte, 0);
    EXPECT_LE(fte, 1);
  }
}

TEST(CsvWriterTest, ReportsAFolderThatCannotBeCreated) {
  const std::filesystem::path file = std::filesystem::path(::testing::TempDir()) / "sample_file";
  {
    std::ofstream out(file.string());
    out << "x";
  }
  const absl::Status status = WriteCouncilCsv(SampleCouncil{}, (file / "sub").string());
  EXPECT_FALSE(status.ok());
}

}  // namespace
}  // namespace pif::sample
