// Reporting's stores against a real throwaway database (PIF_TEST_PG), migrated as the service
// migrates it: self-evaluations through the shared submission store with their history, and
// published report versions.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/pg/migrations.h"
#include "pif/reporting/domain/self_evaluation_schema.h"
#include "pif/reporting/store/pg_published_reports.h"
#include "pif/reporting/store/pg_self_evaluations.h"
#include "pif/submission/validate.h"
#include "pif/submission_pg/migrations.h"
#include "pif/submission_pg/pg_submission_store.h"
#include "pif/testing/test_database.h"

namespace pif::pg {
const std::vector<Migration>& ReportingMigrations();
}

namespace pif::reporting {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kCouncil[] = "S12000033";
constexpr char kOtherCouncil[] = "S12000034";

using Cells = std::vector<std::pair<std::string, std::string>>;

submission::FlatRecord Row(const Cells& cells) {
  submission::FlatRecord record =
      submission::FromNamedCells(*SelfEvaluationSchema().Find(kSelfEvaluationType), cells, nullptr);
  EXPECT_THAT(submission::ValidateRecord(record), IsEmpty());
  return record;
}

submission::FlatRecord Evaluation(const std::string& id, int area, int grade,
                                  const std::string& date, const std::string& evidence = "") {
  return Row({{"eval_id", id},
              {"area", std::to_string(area)},
              {"eval_date", date},
              {"grade", std::to_string(grade)},
              {"evidence", evidence}});
}

class PgStoresTest : public ::testing::Test {
 protected:
  PgStoresTest() : db_("reporting_store") {
    pqxx::connection connection(db_.conninfo());
    auto applied = pg::ApplyMigrationSets(connection, "reporting",
                                          {submission::SubmissionStoreMigrations(),
                                           {pg::kServiceVersionTable, &pg::ReportingMigrations()}});
    EXPECT_TRUE(applied.ok()) << applied.status();
    auto pool = pg::Pool::Open(db_.conninfo(), 2);
    EXPECT_TRUE(pool.ok()) << pool.status();
    pool_ = std::move(*pool);
    submissions_ = std::make_unique<submission::PgSubmissionStore>(*pool_, SelfEvaluationSchema());
    evaluations_ = std::make_unique<PgSelfEvaluations>(*pool_, *submissions_);
    published_ = std::make_unique<PgPublishedReports>(*pool_);
  }

  // Commits a batch: valid rows and rows rejected on their own (with one error each).
  submission::BatchSummary Submit(const std::string& batch_id,
                                  const std::vector<submission::FlatRecord>& valid,
                                  const std::vector<std::string>& rejected_ids = {}) {
    submission::BatchInfo info{kCouncil, batch_id, "test-caller", "test", absl::Now()};
    std::optional<submission::BatchSummary> replay;
    auto writer = submissions_->Begin(info, &replay);
    EXPECT_TRUE(writer.ok()) << writer.status();
    int64_t position = 0;
    for (const submission::FlatRecord& record : valid) {
      EXPECT_TRUE((*writer)->AddValid(++position, {}, record).ok());
    }
    for (const std::string& id : rejected_ids) {
      EXPECT_TRUE((*writer)
                      ->AddRejected(++position, {"self_evaluations.csv", position + 1},
                                    kSelfEvaluationType, id, {{"eval_id", id}, {"grade", "9"}},
                                    false, {{"grade", "OUT_OF_RANGE", "grade 9 is not 1 to 6"}})
                      .ok());
    }
    auto summary = (*writer)->Commit(position);
    EXPECT_TRUE(summary.ok()) << summary.status();
    return summary.ok() ? *summary : submission::BatchSummary();
  }

  std::vector<v1::RecordedSelfEvaluation> List(SelfEvaluationFilter filter) {
    filter.council = kCouncil;
    auto listed = evaluations_->List(filter);
    EXPECT_TRUE(listed.ok()) << listed.status();
    return listed.ok() ? *listed : std::vector<v1::RecordedSelfEvaluation>();
  }

  static std::vector<std::string> Ids(const std::vector<v1::RecordedSelfEvaluation>& listed) {
    std::vector<std::string> ids;
    for (const v1::RecordedSelfEvaluation& recorded : listed) {
      ids.push_back(recorded.self_evaluation().eval_id() + "/" +
                    std::to_string(recorded.self_evaluation().grade()) +
                    (recorded.superseded() ? "/old" : ""));
    }
    return ids;
  }

  NewPublication Publication(const std::string& council, int first_year, const std::string& bytes,
                             const std::string& request_id = "") {
    NewPublication publication;
    publication.council = council;
    publication.period = {*dates::Date::FromYmd(first_year, 8, 1),
                          *dates::Date::FromYmd(first_year + 1, 7, 31)};
    publication.published_by = "publisher";
    publication.note = "note";
    publication.request_id = request_id;
    publication.report_bytes = bytes;
    return publication;
  }

  testing::TestDatabase db_;
  std::unique_ptr<pg::Pool> pool_;
  std::unique_ptr<submission::SubmissionStore> submissions_;
  std::unique_ptr<PgSelfEvaluations> evaluations_;
  std::unique_ptr<PgPublishedReports> published_;
};

TEST_F(PgStoresTest, AReplacedEvaluationStaysInTheHistoryMarkedSuperseded) {
  Submit("first", {Evaluation("E1", 3, 2, "2024-01-10"), Evaluation("E2", 5, 4, "2024-02-01")});
  Submit("second", {Evaluation("E1", 3, 5, "2024-01-10")});
  const std::vector<v1::RecordedSelfEvaluation> history = List({});
  EXPECT_THAT(Ids(history), ElementsAre("E1/5", "E1/2/old", "E2/4"));
  EXPECT_EQ(history[0].batch_id(), "second");
  EXPECT_EQ(history[1].batch_id(), "first");
  EXPECT_EQ(history[0].recorded_by(), "test-caller");
  EXPECT_EQ(history[0].grade_label(), "Very good");
  EXPECT_EQ(history[0].area_title(), "Impact on staff");
  EXPECT_GT(history[0].recorded_at().seconds(), 1700000000);
}

TEST_F(PgStoresTest, ResendingTheSameValuesAddsNoVersion) {
  Submit("first", {Evaluation("E1", 3, 2, "2024-01-10")});
  Submit("again", {Evaluation("E1", 3, 2, "2024-01-10")});
  EXPECT_THAT(Ids(List({})), ElementsAre("E1/2"));
}

TEST_F(PgStoresTest, LatestOnlyTakesEachAreasGreatestDateThenIdInForceOnOrBeforeADay) {
  Submit("b", {Evaluation("A", 1, 3, "2024-03-01"), Evaluation("B", 1, 4, "2024-03-01"),
               Evaluation("C", 1, 6, "2024-09-01"), Evaluation("D", 2, 2, "2023-12-01")});
  SelfEvaluationFilter filter;
  filter.latest_only = true;
  EXPECT_THAT(Ids(List(filter)), ElementsAre("C/6", "D/2"));
  filter.on_or_before = *dates::Date::FromYmd(2024, 7, 31);
  EXPECT_THAT(Ids(List(filter)), ElementsAre("B/4", "D/2"));
  filter.areas = {2};
  EXPECT_THAT(Ids(List(filter)), ElementsAre("D/2"));
}

TEST_F(PgStoresTest, HistoryIsByAreaThenNewestFirstAndPagesByOffset) {
  Submit("b", {Evaluation("A", 2, 3, "2024-03-01"), Evaluation("B", 1, 4, "2023-03-01"),
               Evaluation("C", 1, 6, "2024-09-01")});
  SelfEvaluationFilter filter;
  filter.limit = 2;
  EXPECT_THAT(Ids(List(filter)), ElementsAre("C/6", "B/4"));
  filter.offset = 2;
  EXPECT_THAT(Ids(List(filter)), ElementsAre("A/3"));
}

TEST_F(PgStoresTest, CurrentGivesTheVersionsInForceAndTheDataVersion) {
  Submit("first", {Evaluation("E1", 3, 2, "2024-01-10")});
  Submit("second", {Evaluation("E1", 3, 5, "2024-01-10"), Evaluation("E2", 4, 1, "2024-01-11")});
  auto current = evaluations_->Current(kCouncil);
  ASSERT_TRUE(current.ok()) << current.status();
  EXPECT_EQ(current->data_version, 2);
  ASSERT_EQ(current->evaluations.size(), 2u);
  EXPECT_EQ(current->evaluations[0].grade(), 5);
  EXPECT_EQ(current->evaluations[1].eval_date().day(), 11);
  auto other = evaluations_->Current(kOtherCouncil);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->data_version, 0);
  EXPECT_TRUE(other->evaluations.empty());
}

TEST_F(PgStoresTest, RecordingOneEvaluationVersionsItWithoutABatchIdAndSaysWhenItReplaced) {
  auto first = evaluations_->Record(kCouncil, Evaluation("E1", 6, 3, "2024-04-01", "why"), "me");
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_FALSE(first->replaced);
  EXPECT_EQ(first->recorded.batch_id(), "");
  EXPECT_EQ(first->recorded.recorded_by(), "me");
  EXPECT_EQ(first->recorded.self_evaluation().evidence(), "why");
  EXPECT_FALSE(first->recorded.superseded());

  auto same = evaluations_->Record(kCouncil, Evaluation("E1", 6, 3, "2024-04-01", "why"), "me");
  ASSERT_TRUE(same.ok()) << same.status();
  EXPECT_FALSE(same->replaced);

  auto changed = evaluations_->Record(kCouncil, Evaluation("E1", 6, 4, "2024-04-01"), "you");
  ASSERT_TRUE(changed.ok()) << changed.status();
  EXPECT_TRUE(changed->replaced);
  EXPECT_EQ(changed->recorded.self_evaluation().grade(), 4);
  EXPECT_EQ(changed->recorded.recorded_by(), "you");
  EXPECT_THAT(Ids(List({})), ElementsAre("E1/4", "E1/3/old"));
}

TEST_F(PgStoresTest, RecordingACorrectedEvaluationClearsItsOpenRejection) {
  Submit("with-a-rejection", {}, {"E9"});
  submission::RejectionFilter open;
  open.council = kCouncil;
  ASSERT_EQ(submissions_->ListRejections(open)->open_count, 1);
  ASSERT_TRUE(evaluations_->Record(kCouncil, Evaluation("E9", 2, 3, "2024-04-01"), "me").ok());
  EXPECT_EQ(submissions_->ListRejections(open)->open_count, 0);
}

TEST_F(PgStoresTest, PublishedVersionsAreNumberedPerCouncilAndKeptByteForByte) {
  const std::string bytes("\x00\x01\xff report", 10);
  auto first = published_->Add(Publication(kCouncil, 2023, bytes));
  auto second = published_->Add(Publication(kCouncil, 2022, "second"));
  auto other = published_->Add(Publication(kOtherCouncil, 2023, "other"));
  ASSERT_TRUE(first.ok() && second.ok() && other.ok());
  EXPECT_EQ(first->version.summary.version(), 1);
  EXPECT_EQ(second->version.summary.version(), 2);
  EXPECT_EQ(other->version.summary.version(), 1);
  auto fetched = published_->Get(kCouncil, 1);
  ASSERT_TRUE(fetched.ok()) << fetched.status();
  EXPECT_EQ(fetched->report_bytes, bytes);
  EXPECT_EQ(fetched->summary.published_by(), "publisher");
  EXPECT_EQ(fetched->summary.period().first_day().year(), 2023);
  EXPECT_EQ(fetched->summary.published_at().seconds(),
            first->version.summary.published_at().seconds());
  EXPECT_EQ(published_->Get(kCouncil, 3).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(published_->Get(kOtherCouncil, 2).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(PgStoresTest, ARequestIdAlreadyStoredReturnsItsVersion) {
  ASSERT_TRUE(published_->Add(Publication(kCouncil, 2023, "one", "req-1")).ok());
  auto again = published_->Add(Publication(kCouncil, 2023, "two", "req-1"));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->version.summary.version(), 1);
  EXPECT_EQ(again->version.report_bytes, "one");
  auto found = published_->FindByRequest(kCouncil, "req-1");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->summary.version(), 1);
  EXPECT_FALSE(published_->FindByRequest(kOtherCouncil, "req-1")->has_value());
  EXPECT_FALSE(published_->FindByRequest(kCouncil, "")->has_value());
}

TEST_F(PgStoresTest, ListingIsNewestFirstAndCanKeepOnePeriod) {
  for (int year : {2022, 2023, 2022}) {
    ASSERT_TRUE(published_->Add(Publication(kCouncil, year, "r")).ok());
  }
  PublishedFilter filter;
  filter.council = kCouncil;
  auto all = published_->List(filter);
  ASSERT_TRUE(all.ok());
  std::vector<int64_t> versions;
  for (const auto& summary : *all) versions.push_back(summary.version());
  EXPECT_THAT(versions, ElementsAre(3, 2, 1));
  filter.period =
      figures::Period{*dates::Date::FromYmd(2022, 8, 1), *dates::Date::FromYmd(2023, 7, 31)};
  auto one_period = published_->List(filter);
  ASSERT_TRUE(one_period.ok());
  versions.clear();
  for (const auto& summary : *one_period) versions.push_back(summary.version());
  EXPECT_THAT(versions, ElementsAre(3, 1));
}

TEST_F(PgStoresTest, APublishedVersionCannotBeChangedOrRemoved) {
  ASSERT_TRUE(published_->Add(Publication(kCouncil, 2023, "kept")).ok());
  pqxx::connection connection(db_.conninfo());
  for (const char* sql :
       {"UPDATE published_reports SET note = 'changed'", "DELETE FROM published_reports"}) {
    pqxx::work tx(connection);
    try {
      tx.exec(sql);
      ADD_FAILURE() << sql << " succeeded";
    } catch (const pqxx::sql_error& error) {
      EXPECT_THAT(error.what(), HasSubstr("immutable"));
    }
  }
  EXPECT_EQ(published_->Get(kCouncil, 1)->report_bytes, "kept");
}

}  // namespace
}  // namespace pif::reporting
