// Intake's record tables (services/intake/migrations, after the submission store's own set)
// behind the submission store with the case schema, on a real throwaway PostgreSQL: the
// constraints and triggers that back the cross-record rules, and the timings of a large batch.
// (The store's own behaviour is tested over a schema of its own in
// services/common/submission_pg/test.)
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/intake/domain/case_schema.h"
#include "pif/pg/migrations.h"
#include "pif/submission/validate.h"
#include "pif/submission_pg/migrations.h"
#include "pif/submission_pg/pg_submission_store.h"
#include "pif/testing/test_database.h"

namespace pif::pg {
const std::vector<Migration>& IntakeMigrations();
}  // namespace pif::pg

namespace pif::submission {
namespace {

using ::testing::IsEmpty;
using Cells = std::vector<std::pair<std::string, std::string>>;

constexpr char kCouncil[] = "S12000033";

// A record of the case schema from named cells (not validated yet).
FlatRecord Record(const std::string& type, const Cells& cells) {
  const RecordSchema* schema = intake::CaseSchema().Find(type);
  EXPECT_NE(schema, nullptr) << type;
  return FromNamedCells(*schema, cells, nullptr);
}

FlatRecord Child(const std::string& id) {
  return Record("Child", {{"person_id", id}, {"sex", "F"}});
}

FlatRecord Episode(const std::string& id, const std::string& person, const std::string& start,
                   const std::string& end) {
  return Record(
      "CareEpisode",
      {{"episode_id", id}, {"person_id", person}, {"start_date", start}, {"end_date", end}});
}

FlatRecord Placement(const std::string& id, const std::string& episode, const std::string& start,
                     const std::string& end = "") {
  return Record("Placement", {{"placement_id", id},
                              {"episode_id", episode},
                              {"start_date", start},
                              {"end_date", end},
                              {"type", "FOST_LA"}});
}

FlatRecord Survey(const std::string& response, const std::string& item, const std::string& person,
                  const std::string& date) {
  return Record("SurveyResponse", {{"response_id", response},
                                   {"person_id", person},
                                   {"respondent", "CHILD"},
                                   {"survey_date", date},
                                   {"item", item},
                                   {"answer", "YES"}});
}

// A database migrated as pif-intake migrates its own: the submission store's set, then intake's.
class IntakeStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = std::make_unique<pif::testing::TestDatabase>("intake_store");
    pqxx::connection connection(database_->conninfo());
    auto migrated = pg::ApplyMigrationSets(
        connection, "intake",
        {SubmissionStoreMigrations(), {pg::kServiceVersionTable, &pg::IntakeMigrations()}});
    ASSERT_TRUE(migrated.ok()) << migrated.status();
    auto pool = pg::Pool::Open(database_->conninfo(), 4);
    ASSERT_TRUE(pool.ok()) << pool.status();
    pool_ = *std::move(pool);
    store_ = std::make_unique<PgSubmissionStore>(*pool_, intake::CaseSchema());
  }

  static BatchInfo Info(const std::string& council, const std::string& batch_id) {
    return {council, batch_id, "test-caller", "unit tests", absl::Now()};
  }

  // Sends valid `records` as one batch and commits it.
  BatchSummary MustSubmit(const std::string& council, const std::string& batch_id,
                          std::vector<FlatRecord> records) {
    std::optional<BatchSummary> replay;
    auto writer = store_->Begin(Info(council, batch_id), &replay);
    EXPECT_TRUE(writer.ok()) << writer.status();
    int64_t position = 0;
    for (FlatRecord& record : records) {
      EXPECT_THAT(ValidateRecord(record), IsEmpty());
      EXPECT_TRUE(
          (*writer)->AddValid(++position, {record.schema->file, position + 1}, record).ok());
    }
    absl::StatusOr<BatchSummary> summary = (*writer)->Commit(position);
    EXPECT_TRUE(summary.ok()) << summary.status();
    return summary.ok() ? *summary : BatchSummary{};
  }

  std::unique_ptr<pif::testing::TestDatabase> database_;
  std::unique_ptr<pg::Pool> pool_;
  std::unique_ptr<SubmissionStore> store_;
};

TEST_F(IntakeStoreTest, TheTablesRefuseOverlapsAndOrphansThatGetPastTheRules) {
  MustSubmit(kCouncil, "B1",
             {Child("C1"), Episode("E1", "C1", "2023-01-01", "2023-06-01"),
              Placement("P1", "E1", "2023-01-01", "2023-03-01")});
  pqxx::connection connection(database_->conninfo());
  const auto fails = [&](const std::string& sql) -> std::string {
    try {
      pqxx::work tx(connection);
      tx.exec(sql);
      tx.commit();
    } catch (const pqxx::sql_error& error) {
      return error.sqlstate();
    }
    return "committed";
  };
  EXPECT_EQ(fails("INSERT INTO placements (council, placement_id, episode_id, start_date, type)"
                  " VALUES ('S12000033', 'P2', 'E1', '2023-02-01', 'KIN')"),
            "23P01");
  EXPECT_EQ(fails("UPDATE care_episodes SET start_date = '2022-01-01'"
                  " WHERE council = 'S12000033' AND episode_id = 'E1';"
                  " INSERT INTO care_episodes (council, episode_id, person_id, start_date)"
                  " VALUES ('S12000033', 'E2', 'C1', '2022-06-01')"),
            "23P01");
  EXPECT_EQ(fails("INSERT INTO placements (council, placement_id, episode_id, start_date, type)"
                  " VALUES ('S12000033', 'P3', 'E9', '2023-02-01', 'KIN')"),
            "23503");
  // Contiguous placements are fine.
  EXPECT_EQ(fails("INSERT INTO placements (council, placement_id, episode_id, start_date, type)"
                  " VALUES ('S12000033', 'P2', 'E1', '2023-03-01', 'KIN')"),
            "committed");
}

// Resident memory of this process in kB (Linux).
int64_t ResidentKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoll(line.substr(6));
  }
  return -1;
}

// Not a test: the timings of a large batch (run with --gtest_also_run_disabled_tests and
// PIF_STORE_BENCH_RECORDS, default 1,000,000). A realistic mix, file by file as pifctl sends it.
TEST_F(IntakeStoreTest, DISABLED_TimingOfALargeBatchAndItsSnapshot) {
  const char* wanted = std::getenv("PIF_STORE_BENCH_RECORDS");
  const int64_t target = wanted != nullptr ? std::stoll(wanted) : 1000000;
  constexpr int kPerChild = 20;
  const int64_t children = target / kPerChild;
  const auto id = [](const char* prefix, int64_t n, int k = 0) {
    return absl::StrCat(prefix, n, "-", k);
  };
  const auto day = [](int64_t n, int offset) {
    const absl::CivilDay d = absl::CivilDay(2019, 1, 1) + (n % 900) + offset;
    return absl::FormatCivilTime(d);
  };
  std::vector<std::function<void(int64_t, std::vector<FlatRecord>&)>> files = {
      [&](int64_t n, std::vector<FlatRecord>& out) {
        out.push_back(Record("Child", {{"person_id", id("C", n)},
                                       {"sex", n % 2 ? "M" : "F"},
                                       {"dob", day(n, -3000)},
                                       {"locality", "North"}}));
      },
      [&](int64_t n, std::vector<FlatRecord>& out) {
        for (int k = 0; k < 2; ++k) {
          out.push_back(Record("Involvement", {{"involvement_id", id("I", n, k)},
                                               {"person_id", id("C", n)},
                                               {"open_date", day(n, k * 400)},
                                               {"close_date", day(n, k * 400 + 300)},
                                               {"basis", "LAC"}}));
        }
      },
      [&](int64_t n, std::vector<FlatRecord>& out) {
        for (int k = 0; k < 2; ++k) {
          out.push_back(Record("Allocation", {{"allocation_id", id("A", n, k)},
                                              {"involvement_id", id("I", n, k)},
                                              {"staff_id", "S1"},
                                              {"start_date", day(n, k * 400)}}));
        }
      },
      [&](int64_t n, std::vector<FlatRecord>& out) {
        out.push_back(Record("CareEpisode", {{"episode_id", id("E", n)},
                                             {"person_id", id("C", n)},
                                             {"start_date", day(n, 0)},
                                             {"end_date", day(n, 600)}}));
      },
      [&](int64_t n, std::vector<FlatRecord>& out) {
        out.push_back(Record("LegalReason", {{"legal_id", id("L", n)},
                                             {"episode_id", id("E", n)},
                                             {"start_date", day(n, 0)},
                                             {"code", "S25"}}));
      },
      [&](int64_t n, std::vector<FlatRecord>& out) {
        for (int k = 0; k < 3; ++k) {
          out.push_back(Record("Placement", {{"placement_id", id("P", n, k)},
                                             {"episode_id", id("E", n)},
                                             {"start_date", day(n, k * 200)},
                                             {"end_date", day(n, k * 200 + 200)},
                                             {"type", "FOST_LA"}}));
        }
      },
      [&](int64_t n, std::vector<FlatRecord>& out) {
        for (int k = 0; k < 2; ++k) {
          out.push_back(Record("Review", {{"review_id", id("R", n, k)},
                                          {"person_id", id("C", n)},
                                          {"type", "LAC"},
                                          {"meeting_date", day(n, k * 100)}}));
        }
      },
      [&](int64_t n, std::vector<FlatRecord>& out) {
        for (const char* item : {"HIGH_RISK", "SUPPORT_EFFECTIVE", "CONTACT_AS_PLANNED"}) {
          out.push_back(Record("ReviewItem",
                               {{"review_id", id("R", n, 0)}, {"item", item}, {"value", "YES"}}));
        }
      },
      [&](int64_t n, std::vector<FlatRecord>& out) {
        out.push_back(Record("Incident", {{"incident_id", id("N", n)},
                                          {"person_id", id("C", n)},
                                          {"type", "MISSING"},
                                          {"start", day(n, 10) + "T10:00:00"},
                                          {"end", day(n, 11) + "T09:00:00"}}));
      },
      [&](int64_t n, std::vector<FlatRecord>& out) {
        for (const char* item : {"SAFE_NOW", "TRUSTED_ADULT", "FAIR", "VIEWS_HEARD"}) {
          out.push_back(Survey(id("S", n), item, id("C", n), day(n, 50)));
        }
      },
  };
  const auto rate = [](int64_t n, absl::Duration d) {
    return static_cast<int64_t>(static_cast<double>(n) / absl::ToDoubleSeconds(d));
  };
  const int64_t rss_before = ResidentKb();
  int64_t rss_peak = rss_before;
  // Streams the whole mix as one batch and reports its timings.
  const auto send = [&](const std::string& batch_id, int64_t first_child, int64_t child_count) {
    const absl::Time start = absl::Now();
    std::optional<BatchSummary> replay;
    auto writer = store_->Begin(Info(kCouncil, batch_id), &replay);
    ASSERT_TRUE(writer.ok()) << writer.status();
    int64_t position = 0;
    absl::Duration in_add_valid;
    std::vector<FlatRecord> records;
    for (const auto& file : files) {
      for (int64_t n = first_child; n < first_child + child_count; ++n) {
        records.clear();
        file(n, records);
        for (FlatRecord& record : records) {
          ASSERT_THAT(ValidateRecord(record), IsEmpty());
          const absl::Time before = absl::Now();
          ASSERT_TRUE((*writer)->AddValid(++position, {record.schema->file, n + 2}, record).ok());
          in_add_valid += absl::Now() - before;
        }
        if (n % 10000 == 0) rss_peak = std::max(rss_peak, ResidentKb());
      }
    }
    const absl::Time staged = absl::Now();
    absl::StatusOr<BatchSummary> summary = (*writer)->Commit(position);
    const absl::Time committed = absl::Now();
    ASSERT_TRUE(summary.ok()) << summary.status();
    EXPECT_EQ(summary->accepted_count, position);
    EXPECT_EQ(summary->rejected_count, 0);
    std::cout << batch_id << ": " << position << " records staged in " << (staged - start) << " ("
              << in_add_valid
              << " of it in AddValid, the rest making and validating records), committed in "
              << (committed - staged) << "; " << rate(position, committed - start)
              << " records/s end to end\n";
  };
  send("FIRST", 0, children);
  // The same records again, as a nightly full export would send them: nothing changes.
  send("AGAIN", 0, children);
  // A day's new records (50 children's worth, 1,000 records) into the full store.
  send("DELTA", children, 50);
  {
    // 20,000 records rejected at commit (placements of unknown episodes).
    std::vector<FlatRecord> orphans;
    for (int n = 0; n < 20000; ++n) {
      orphans.push_back(Placement(absl::StrCat("X", n), absl::StrCat("UNKNOWN", n), "2023-01-01"));
    }
    const absl::Time before = absl::Now();
    const BatchSummary summary = MustSubmit(kCouncil, "ORPHANS", std::move(orphans));
    EXPECT_EQ(summary.rejected_count, 20000);
    std::cout << "ORPHANS: 20000 placements of unknown episodes rejected and kept in "
              << (absl::Now() - before) << "\n";
  }
  const absl::Time before_snapshot = absl::Now();
  int64_t read = 0;
  ASSERT_TRUE(store_
                  ->ReadSnapshot(
                      kCouncil, {}, [](const SnapshotInfo&) { return absl::OkStatus(); },
                      [&](const FlatRecord&) {
                        ++read;
                        return absl::OkStatus();
                      })
                  .ok());
  const absl::Duration snapshot = absl::Now() - before_snapshot;
  std::cout << "snapshot of " << read << " records read in " << snapshot << " ("
            << rate(read, snapshot) << " records/s); test process RSS " << rss_before
            << " kB before, " << rss_peak << " kB at most while staging\n";
}

}  // namespace
}  // namespace pif::submission
