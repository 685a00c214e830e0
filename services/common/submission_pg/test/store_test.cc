// The submission store against the real PostgreSQL, over the tests' own schema (test_schema.h)
// with the store's migration set and the tests' record tables: staging, cross-record rules,
// all-or-nothing commit, idempotent batch ids, kept and cleared rejections, deletions, data
// versions, council isolation and consistent snapshots.
#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/pg/migrations.h"
#include "pif/submission/testing/store_contents.h"
#include "pif/submission/validate.h"
#include "pif/submission_pg/migrations.h"
#include "pif/submission_pg/pg_submission_store.h"
#include "pif/testing/test_database.h"
#include "test_schema.h"

namespace pif::pg {
// The record tables of the tests' schema (test/migrations).
const std::vector<Migration>& TestRecordTables();
}  // namespace pif::pg

namespace pif::submission {
namespace {

using ::pif::submission::testing::RuleCodes;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using Cells = std::vector<std::pair<std::string, std::string>>;

constexpr char kCouncil[] = "S12000033";
constexpr char kOtherCouncil[] = "S12000034";

// A record of the tests' schema from named cells (not validated yet).
FlatRecord Record(const std::string& type, const Cells& cells) {
  const RecordSchema* schema = test::StoreTestSchema().Find(type);
  EXPECT_NE(schema, nullptr) << type;
  FlatRecord record;
  record.schema = schema;
  record.values.resize(schema->columns.size());
  for (const auto& [name, value] : cells) EXPECT_TRUE(record.Set(name, value)) << name;
  return record;
}

FlatRecord Child(const std::string& id, const std::string& sex = "F") {
  return Record("Child", {{"person_id", id}, {"sex", sex}});
}

FlatRecord Episode(const std::string& id, const std::string& person, const std::string& start,
                   const std::string& end = "") {
  Cells cells = {{"episode_id", id}, {"person_id", person}, {"start_date", start}};
  if (!end.empty()) cells.push_back({"end_date", end});
  return Record("CareEpisode", cells);
}

FlatRecord Placement(const std::string& id, const std::string& episode, const std::string& start,
                     const std::string& end = "") {
  Cells cells = {
      {"placement_id", id}, {"episode_id", episode}, {"start_date", start}, {"type", "FOST_LA"}};
  if (!end.empty()) cells.push_back({"end_date", end});
  return Record("Placement", cells);
}

FlatRecord Survey(const std::string& response, const std::string& item, const std::string& person,
                  const std::string& date, const std::string& respondent = "CHILD") {
  return Record("SurveyResponse", {{"response_id", response},
                                   {"person_id", person},
                                   {"respondent", respondent},
                                   {"survey_date", date},
                                   {"item", item},
                                   {"answer", "YES"}});
}

const FieldViolation& OnlyError(const BatchSummary& summary, int64_t position) {
  for (const RejectionInfo& rejection : summary.rejections) {
    if (rejection.position == position) {
      EXPECT_EQ(rejection.errors.size(), 1u);
      return rejection.errors.front();
    }
  }
  ADD_FAILURE() << "no rejection at position " << position;
  static const FieldViolation kNone;
  return kNone;
}

class SubmissionStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = std::make_unique<pif::testing::TestDatabase>("submission_store");
    pqxx::connection connection(database_->conninfo());
    auto migrated = pg::ApplyMigrationSets(
        connection, "submission_store_test",
        {SubmissionStoreMigrations(), {pg::kServiceVersionTable, &pg::TestRecordTables()}});
    ASSERT_TRUE(migrated.ok()) << migrated.status();
    auto pool = pg::Pool::Open(database_->conninfo(), 4);
    ASSERT_TRUE(pool.ok()) << pool.status();
    pool_ = *std::move(pool);
    store_ = std::make_unique<PgSubmissionStore>(*pool_, test::StoreTestSchema());
  }

  static BatchInfo Info(const std::string& council, const std::string& batch_id) {
    return {council, batch_id, "test-caller", "unit tests", absl::Now()};
  }

  // Sends `records` as one batch the way the gRPC adapter does: each validated, then staged as
  // valid or as rejected on its own; commits with the right count.
  absl::StatusOr<BatchSummary> Submit(const std::string& council, const std::string& batch_id,
                                      std::vector<FlatRecord> records) {
    std::optional<BatchSummary> replay;
    auto writer = store_->Begin(Info(council, batch_id), &replay);
    if (!writer.ok()) return writer.status();
    if (replay.has_value()) return *replay;
    int64_t position = 0;
    for (FlatRecord& record : records) {
      ++position;
      const std::vector<FieldViolation> errors = ValidateRecord(record);
      const SourceRef source{record.schema->file, position + 1};
      absl::Status staged =
          errors.empty()
              ? (*writer)->AddValid(position, source, record)
              : (*writer)->AddRejected(position, source, record.schema->type, RecordId(record),
                                       ToNamedCells(record), true, errors);
      if (!staged.ok()) return staged;
    }
    return (*writer)->Commit(position);
  }

  BatchSummary MustSubmit(const std::string& council, const std::string& batch_id,
                          std::vector<FlatRecord> records) {
    absl::StatusOr<BatchSummary> summary = Submit(council, batch_id, std::move(records));
    EXPECT_TRUE(summary.ok()) << summary.status();
    return summary.ok() ? *summary : BatchSummary{};
  }

  // Every stored record of the council as "Type id", in snapshot order.
  std::vector<std::string> Snapshot(const std::string& council) {
    absl::StatusOr<std::vector<std::string>> records = testing::StoredRecords(*store_, council);
    EXPECT_TRUE(records.ok()) << records.status();
    return records.value_or(std::vector<std::string>());
  }

  // The stored record of `type` with `id`, if any.
  std::optional<FlatRecord> Stored(const std::string& council, const std::string& type,
                                   const std::string& id) {
    std::optional<FlatRecord> found;
    absl::Status read = store_->ReadSnapshot(
        council, {type}, [](const SnapshotInfo&) { return absl::OkStatus(); },
        [&](const FlatRecord& record) {
          if (RecordId(record) == id) found = record;
          return absl::OkStatus();
        });
    EXPECT_TRUE(read.ok()) << read;
    return found;
  }

  int64_t Version(const std::string& council) {
    absl::StatusOr<DataVersion> version = store_->GetDataVersion(council);
    EXPECT_TRUE(version.ok()) << version.status();
    return version.ok() ? version->version : -1;
  }

  RejectionPage Rejections(const std::string& council, bool include_cleared = false) {
    RejectionFilter filter;
    filter.council = council;
    filter.include_cleared = include_cleared;
    absl::StatusOr<RejectionPage> page = store_->ListRejections(filter);
    EXPECT_TRUE(page.ok()) << page.status();
    return page.ok() ? *page : RejectionPage{};
  }

  std::unique_ptr<pif::testing::TestDatabase> database_;
  std::unique_ptr<pg::Pool> pool_;
  std::unique_ptr<SubmissionStore> store_;
};

TEST_F(SubmissionStoreTest, AcceptedRecordsAreStoredAndTheBatchIsAudited) {
  const BatchSummary summary =
      MustSubmit(kCouncil, "B1", {Child("C1"), Episode("E1", "C1", "2023-01-01")});
  EXPECT_EQ(summary.accepted_count, 2);
  EXPECT_EQ(summary.rejected_count, 0);
  EXPECT_EQ(summary.data_version, 1);
  EXPECT_FALSE(summary.replayed);
  EXPECT_THAT(Snapshot(kCouncil), ElementsAre("Child C1", "CareEpisode E1"));
  absl::StatusOr<BatchAudit> audit = store_->GetBatch(kCouncil, "B1");
  ASSERT_TRUE(audit.ok()) << audit.status();
  EXPECT_EQ(audit->caller, "test-caller");
  EXPECT_EQ(audit->source_system, "unit tests");
  EXPECT_EQ(audit->summary.accepted_count, 2);
  EXPECT_EQ(audit->summary.committed_at, summary.committed_at);
  using Count = std::pair<std::string, std::pair<int64_t, int64_t>>;
  EXPECT_THAT(audit->summary.per_type,
              ElementsAre(Count{"Child", {1, 0}}, Count{"CareEpisode", {1, 0}}));
}

TEST_F(SubmissionStoreTest, ResubmittingABatchIdReturnsTheFirstSummaryAndChangesNothing) {
  const BatchSummary first =
      MustSubmit(kCouncil, "B1", {Child("C1"), Placement("P1", "E9", "2023-01-01")});
  const BatchSummary again = MustSubmit(kCouncil, "B1", {Child("C2")});
  EXPECT_TRUE(again.replayed);
  EXPECT_EQ(again.data_version, first.data_version);
  EXPECT_EQ(again.accepted_count, 1);
  EXPECT_EQ(again.rejected_count, 1);
  EXPECT_EQ(again.committed_at, first.committed_at);
  ASSERT_EQ(again.rejections.size(), 1u);
  EXPECT_EQ(again.rejections[0].rejection_id, first.rejections[0].rejection_id);
  EXPECT_EQ(again.rejections[0].errors, first.rejections[0].errors);
  EXPECT_THAT(Snapshot(kCouncil), ElementsAre("Child C1"));
  EXPECT_EQ(Version(kCouncil), 1);
  EXPECT_EQ(Rejections(kCouncil).rejections.size(), 1u);
}

TEST_F(SubmissionStoreTest, AWriterDestroyedBeforeCommitLeavesNothing) {
  {
    std::optional<BatchSummary> replay;
    auto writer = store_->Begin(Info(kCouncil, "B1"), &replay);
    ASSERT_TRUE(writer.ok()) << writer.status();
    ASSERT_TRUE((*writer)->AddValid(1, {}, Child("C1")).ok());
    const FieldViolation error{"sex", "UNKNOWN_CODE", "sex \"Q\" is not a code"};
    ASSERT_TRUE((*writer)->AddRejected(2, {}, "Child", "C2", {{"sex", "Q"}}, false, {error}).ok());
  }
  EXPECT_THAT(Snapshot(kCouncil), IsEmpty());
  EXPECT_EQ(Version(kCouncil), 0);
  EXPECT_EQ(store_->GetBatch(kCouncil, "B1").status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(Rejections(kCouncil, true).rejections, IsEmpty());
  // The same batch id can then be sent for real.
  EXPECT_FALSE(MustSubmit(kCouncil, "B1", {Child("C1")}).replayed);
  EXPECT_EQ(pool_->IdleCount(), 4);
}

TEST_F(SubmissionStoreTest, ACountMismatchAtCommitIsFailedPreconditionAndCommitsNothing) {
  std::optional<BatchSummary> replay;
  auto writer = store_->Begin(Info(kCouncil, "B1"), &replay);
  ASSERT_TRUE(writer.ok()) << writer.status();
  ASSERT_TRUE((*writer)->AddValid(1, {}, Child("C1")).ok());
  ASSERT_TRUE((*writer)->AddValid(2, {}, Child("C2")).ok());
  const absl::StatusOr<BatchSummary> committed = (*writer)->Commit(3);
  EXPECT_EQ(committed.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(committed.status().message()), HasSubstr("3"));
  EXPECT_EQ((*writer)->Commit(2).status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Snapshot(kCouncil), IsEmpty());
  EXPECT_EQ(Version(kCouncil), 0);
  EXPECT_EQ(store_->GetBatch(kCouncil, "B1").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(SubmissionStoreTest, APlacementSentBeforeItsEpisodeInTheSameBatchIsAccepted) {
  const BatchSummary summary = MustSubmit(
      kCouncil, "B1",
      {Placement("P1", "E1", "2023-02-01"), Child("C1"), Episode("E1", "C1", "2023-01-01")});
  EXPECT_EQ(summary.accepted_count, 3);
  EXPECT_THAT(RuleCodes(summary), IsEmpty());
  EXPECT_THAT(Snapshot(kCouncil), ElementsAre("Child C1", "CareEpisode E1", "Placement P1"));
}

TEST_F(SubmissionStoreTest, APlacementOfAnUnknownEpisodeIsRejectedAndKept) {
  MustSubmit(kCouncil, "B0", {Child("C1"), Episode("E1", "C1", "2023-01-01")});
  const BatchSummary summary = MustSubmit(kCouncil, "B1", {Placement("P1", "E9", "2023-02-01")});
  EXPECT_EQ(summary.accepted_count, 0);
  EXPECT_EQ(summary.rejected_count, 1);
  ASSERT_EQ(summary.rejections.size(), 1u);
  const RejectionInfo& rejection = summary.rejections[0];
  EXPECT_EQ(rejection.record_type, "Placement");
  EXPECT_EQ(rejection.record_id, "P1");
  EXPECT_EQ(rejection.rejection_id, "B1#1");
  EXPECT_EQ(rejection.source.file, "placements.csv");
  EXPECT_EQ(rejection.source.row, 2);
  EXPECT_EQ(OnlyError(summary, 1),
            (FieldViolation{"episode_id", "EPISODE_UNKNOWN",
                            "episode_id E9 names no care episode accepted in this batch or "
                            "already stored"}));
  absl::StatusOr<StoredRejection> kept = store_->GetRejection(kCouncil, "B1#1");
  ASSERT_TRUE(kept.ok()) << kept.status();
  EXPECT_EQ(kept->batch_id, "B1");
  EXPECT_EQ(kept->council, kCouncil);
  EXPECT_TRUE(kept->received_typed);
  EXPECT_EQ(kept->cleared_reason, "");
  EXPECT_THAT(
      kept->cells,
      ElementsAre(std::make_pair("placement_id", "P1"), std::make_pair("episode_id", "E9"),
                  std::make_pair("start_date", "2023-02-01"), std::make_pair("type", "FOST_LA")));
  EXPECT_EQ(kept->rejection.errors, rejection.errors);
  const RejectionPage page = Rejections(kCouncil);
  EXPECT_EQ(page.open_count, 1);
  ASSERT_EQ(page.rejections.size(), 1u);
  EXPECT_EQ(page.rejections[0].rejection.rejection_id, "B1#1");
  EXPECT_THAT(Snapshot(kCouncil), ElementsAre("Child C1", "CareEpisode E1"));
}

TEST_F(SubmissionStoreTest, ARejectedEpisodeRejectsItsPlacements) {
  const BatchSummary summary = MustSubmit(
      kCouncil, "B1",
      {Child("C1"), Episode("E1", "C9", "2023-01-01"), Placement("P1", "E1", "2023-02-01"),
       Episode("E2", "C1", "2023-05-01", "2023-04-01"), Placement("P2", "E2", "2023-05-01")});
  EXPECT_EQ(summary.accepted_count, 1);
  EXPECT_THAT(RuleCodes(summary), ElementsAre("2:PERSON_UNKNOWN", "3:EPISODE_UNKNOWN",
                                              "4:EPISODE_END_BEFORE_START", "5:EPISODE_UNKNOWN"));
  EXPECT_EQ(OnlyError(summary, 3).message,
            "episode_id E1 names a care episode that was rejected in this batch (position 2)");
  EXPECT_EQ(OnlyError(summary, 5).message,
            "episode_id E2 names a care episode that was rejected in this batch (position 4)");
  EXPECT_THAT(Snapshot(kCouncil), ElementsAre("Child C1"));
}

TEST_F(SubmissionStoreTest, OfTwoOverlappingPlacementsInABatchTheLaterIsRejected) {
  const BatchSummary summary = MustSubmit(
      kCouncil, "B1",
      {Child("C1"), Episode("E1", "C1", "2023-01-01"),
       Placement("P1", "E1", "2023-01-01", "2023-03-10"),
       Placement("P2", "E1", "2023-02-01", "2023-03-01"), Placement("P3", "E1", "2023-03-10")});
  EXPECT_EQ(summary.accepted_count, 4);
  EXPECT_EQ(
      OnlyError(summary, 4),
      (FieldViolation{"", "PLACEMENT_OVERLAP",
                      "placement P2 2023-02-01 to 2023-03-01 overlaps placement P1 of the "
                      "same episode (2023-01-01 to 2023-03-10, sent earlier in this batch)"}));
  EXPECT_THAT(Snapshot(kCouncil),
              ElementsAre("Child C1", "CareEpisode E1", "Placement P1", "Placement P3"));
}

TEST_F(SubmissionStoreTest, APlacementOverlappingAStoredOneIsRejectedUnlessItReplacesIt) {
  MustSubmit(kCouncil, "B1",
             {Child("C1"), Episode("E1", "C1", "2023-01-01"),
              Placement("P1", "E1", "2023-01-01", "2023-03-01")});
  const BatchSummary late = MustSubmit(kCouncil, "B2", {Placement("P2", "E1", "2023-02-01")});
  EXPECT_EQ(OnlyError(late, 1).message,
            "placement P2 2023-02-01 onwards overlaps placement P1 of the same episode "
            "(2023-01-01 to 2023-03-01, already stored)");
  // P1 shortened in the same batch: the stored P1 is replaced, not compared.
  const BatchSummary fixed = MustSubmit(
      kCouncil, "B3",
      {Placement("P2", "E1", "2023-02-01"), Placement("P1", "E1", "2023-01-01", "2023-02-01")});
  EXPECT_EQ(fixed.accepted_count, 2);
  EXPECT_THAT(RuleCodes(fixed), IsEmpty());
  EXPECT_EQ(*Stored(kCouncil, "Placement", "P1")->Get("end_date"), "2023-02-01");
}

TEST_F(SubmissionStoreTest, ARejectedReplacementKeepsTheStoredRecordInTheComparison) {
  MustSubmit(kCouncil, "B1",
             {Child("C1"), Episode("E1", "C1", "2023-01-01"),
              Placement("P0", "E1", "2023-03-01", "2023-04-01"),
              Placement("P1", "E1", "2023-01-01", "2023-03-01")});
  // P1's replacement is rejected (its parent is unknown), so the stored P1 stays, and P2
  // overlaps it.
  const BatchSummary orphan = MustSubmit(
      kCouncil, "B2",
      {Placement("P1", "E9", "2023-01-01", "2023-02-01"), Placement("P2", "E1", "2023-02-01")});
  EXPECT_THAT(RuleCodes(orphan), ElementsAre("1:EPISODE_UNKNOWN", "2:PLACEMENT_OVERLAP"));
  // P2 fits beside P1's replacement, but the replacement overlaps P2 (earlier in the batch) and
  // the stored P0, so it is rejected; then P2 overlaps the stored P1, which stays.
  const BatchSummary chain = MustSubmit(kCouncil, "B3",
                                        {Placement("P2", "E1", "2023-02-01", "2023-02-15"),
                                         Placement("P1", "E1", "2023-01-01", "2023-03-15")});
  EXPECT_THAT(RuleCodes(chain), ElementsAre("1:PLACEMENT_OVERLAP", "2:PLACEMENT_OVERLAP"));
  EXPECT_THAT(
      OnlyError(chain, 1).message,
      HasSubstr("placement P1 of the same episode (2023-01-01 to 2023-03-01, already stored)"));
  EXPECT_EQ(*Stored(kCouncil, "Placement", "P1")->Get("end_date"), "2023-03-01");
  EXPECT_FALSE(Stored(kCouncil, "Placement", "P2").has_value());
}

TEST_F(SubmissionStoreTest, APlacementOutsideItsEpisodeIsRejected) {
  const BatchSummary summary = MustSubmit(
      kCouncil, "B1",
      {Child("C1"), Episode("E1", "C1", "2023-01-01", "2023-06-01"),
       Placement("P1", "E1", "2022-12-01", "2023-02-01"), Placement("P2", "E1", "2023-02-01"),
       Placement("P3", "E1", "2023-02-01", "2023-07-01"),
       Placement("P4", "E1", "2023-01-01", "2023-06-01")});
  EXPECT_EQ(OnlyError(summary, 3),
            (FieldViolation{"start_date", "PLACEMENT_OUTSIDE_EPISODE",
                            "placement P1 2022-12-01 to 2023-02-01 is outside care episode E1 "
                            "(2023-01-01 to 2023-06-01)"}));
  EXPECT_EQ(OnlyError(summary, 4),
            (FieldViolation{"end_date", "PLACEMENT_OUTSIDE_EPISODE",
                            "placement P2 2023-02-01 onwards is outside care episode E1 "
                            "(2023-01-01 to 2023-06-01)"}));
  EXPECT_EQ(OnlyError(summary, 5).field, "end_date");
  EXPECT_EQ(summary.accepted_count, 3);
  // Against a stored episode too.
  const BatchSummary later = MustSubmit(kCouncil, "B2", {Placement("P5", "E1", "2023-06-01")});
  EXPECT_THAT(RuleCodes(later), ElementsAre("1:PLACEMENT_OUTSIDE_EPISODE"));
  // An episode extended in this batch is used rather than the stored one.
  const BatchSummary extended = MustSubmit(
      kCouncil, "B3", {Placement("P5", "E1", "2023-06-01"), Episode("E1", "C1", "2023-01-01")});
  EXPECT_EQ(extended.accepted_count, 2);
  EXPECT_THAT(RuleCodes(extended), IsEmpty());
  EXPECT_EQ(extended.cleared_rejection_count, 1);
}

TEST_F(SubmissionStoreTest, OverlappingEpisodesOfOneChildAreRejected) {
  const BatchSummary summary =
      MustSubmit(kCouncil, "B1",
                 {Child("C1"), Child("C2"), Episode("E1", "C1", "2023-01-01"),
                  Episode("E2", "C1", "2023-06-01", "2023-12-01"),
                  Episode("E3", "C2", "2023-06-01", "2023-12-01")});
  EXPECT_EQ(OnlyError(summary, 4),
            (FieldViolation{"", "EPISODE_OVERLAP",
                            "care episode E2 2023-06-01 to 2023-12-01 overlaps care episode E1 of "
                            "the same person (2023-01-01 onwards, sent earlier in this batch)"}));
  EXPECT_EQ(summary.accepted_count, 4);
}

TEST_F(SubmissionStoreTest, InconsistentRowsOfOneSurveyResponseAreRejected) {
  const BatchSummary summary =
      MustSubmit(kCouncil, "B1",
                 {Child("C1"), Survey("R1", "SAFE_NOW", "C1", "2023-05-01"),
                  Survey("R1", "TRUSTED_ADULT", "C1", "2023-05-02"),
                  Survey("R1", "FAIR", "C1", "2023-05-01")});
  EXPECT_EQ(OnlyError(summary, 3),
            (FieldViolation{"survey_date", "SURVEY_RESPONSE_INCONSISTENT",
                            "survey_date 2023-05-02 differs from 2023-05-01 given by survey "
                            "response R1|SAFE_NOW of the same response (sent earlier in this "
                            "batch)"}));
  EXPECT_EQ(summary.accepted_count, 3);
  const BatchSummary later =
      MustSubmit(kCouncil, "B2", {Survey("R1", "HEALTH_INFO", "C1", "2023-05-01", "PARENT_CARER")});
  EXPECT_EQ(OnlyError(later, 1).field, "respondent");
  EXPECT_THAT(OnlyError(later, 1).message, HasSubstr("already stored"));
  // Every row of the response sent again, corrected: the stored rows are replaced, not compared.
  const BatchSummary corrected = MustSubmit(
      kCouncil, "B3",
      {Survey("R1", "SAFE_NOW", "C1", "2023-05-03"), Survey("R1", "FAIR", "C1", "2023-05-03")});
  EXPECT_THAT(RuleCodes(corrected), IsEmpty());
}

TEST_F(SubmissionStoreTest, ARejectedRecordSentLaterCorrectedClearsItsRejection) {
  MustSubmit(kCouncil, "B1", {Child("C1"), Placement("P1", "E1", "2023-02-01")});
  ASSERT_EQ(Rejections(kCouncil).open_count, 1);
  const BatchSummary corrected = MustSubmit(
      kCouncil, "B2", {Episode("E1", "C1", "2023-01-01"), Placement("P1", "E1", "2023-02-01")});
  EXPECT_EQ(corrected.accepted_count, 2);
  EXPECT_EQ(corrected.cleared_rejection_count, 1);
  absl::StatusOr<StoredRejection> cleared = store_->GetRejection(kCouncil, "B1#2");
  ASSERT_TRUE(cleared.ok()) << cleared.status();
  EXPECT_EQ(cleared->cleared_reason, "CORRECTED");
  EXPECT_EQ(cleared->cleared_by_batch, "B2");
  EXPECT_EQ(cleared->cleared_by, "test-caller");
  EXPECT_TRUE(cleared->cleared_at.has_value());
  const RejectionPage open = Rejections(kCouncil);
  EXPECT_EQ(open.open_count, 0);
  EXPECT_THAT(open.rejections, IsEmpty());
  EXPECT_EQ(Rejections(kCouncil, true).rejections.size(), 1u);
}

TEST_F(SubmissionStoreTest, TheSameKeyTwiceInABatchKeepsTheLater) {
  const BatchSummary summary =
      MustSubmit(kCouncil, "B1", {Child("C1", "M"), Child("C2"), Child("C1", "F")});
  EXPECT_EQ(summary.accepted_count, 3);
  EXPECT_EQ(*Stored(kCouncil, "Child", "C1")->Get("sex"), "F");
  // A later copy that is rejected takes the earlier one with it; the stored record stays.
  const BatchSummary rejected = MustSubmit(
      kCouncil, "B2", {Child("C2", "M"), Record("Child", {{"person_id", "C2"}, {"sex", "Q"}})});
  EXPECT_THAT(RuleCodes(rejected), ElementsAre("1:REPLACED_BY_REJECTED_RECORD", "2:UNKNOWN_CODE"));
  EXPECT_EQ(OnlyError(rejected, 1).message,
            "child C2 was sent again later in this batch (position 2) and that record was "
            "rejected, so this one is not kept either");
  EXPECT_EQ(*Stored(kCouncil, "Child", "C2")->Get("sex"), "F");
  // A rejected copy followed by a valid one: the valid one is kept and clears the rejection.
  const BatchSummary recovered = MustSubmit(
      kCouncil, "B3", {Record("Child", {{"person_id", "C3"}, {"sex", "Q"}}), Child("C3", "X")});
  EXPECT_EQ(recovered.accepted_count, 1);
  EXPECT_EQ(recovered.rejected_count, 1);
  EXPECT_EQ(recovered.cleared_rejection_count, 1);
  EXPECT_EQ(*Stored(kCouncil, "Child", "C3")->Get("sex"), "X");
}

TEST_F(SubmissionStoreTest, TwoCouncilsNeverSeeEachOthersRecordsRejectionsOrBatches) {
  MustSubmit(kCouncil, "B1",
             {Child("C1"), Episode("E1", "C1", "2023-01-01"), Placement("P9", "E9", "2023-01-01")});
  EXPECT_THAT(Snapshot(kOtherCouncil), IsEmpty());
  EXPECT_EQ(Rejections(kOtherCouncil, true).rejections.size(), 0u);
  EXPECT_EQ(store_->GetRejection(kOtherCouncil, "B1#3").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->GetBatch(kOtherCouncil, "B1").status().code(), absl::StatusCode::kNotFound);
  auto batches = store_->ListBatches(kOtherCouncil, std::nullopt, std::nullopt, 10, 0);
  ASSERT_TRUE(batches.ok()) << batches.status();
  EXPECT_THAT(*batches, IsEmpty());
  EXPECT_EQ(Version(kOtherCouncil), 0);
  // The same batch id and ids are independent per council; parents of another council are unknown.
  const BatchSummary other =
      MustSubmit(kOtherCouncil, "B1", {Child("C1"), Placement("P1", "E1", "2023-02-01")});
  EXPECT_FALSE(other.replayed);
  EXPECT_THAT(RuleCodes(other), ElementsAre("2:EPISODE_UNKNOWN"));
  EXPECT_THAT(Snapshot(kOtherCouncil), ElementsAre("Child C1"));
  EXPECT_EQ(store_->DeleteRecord(kOtherCouncil, "CareEpisode", "E1", "test", "me").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_THAT(Snapshot(kCouncil), ElementsAre("Child C1", "CareEpisode E1"));
}

TEST_F(SubmissionStoreTest, TheDataVersionGoesUpOncePerBatchEvenWhenAllIsRejected) {
  EXPECT_EQ(MustSubmit(kCouncil, "B1", {Child("C1")}).data_version, 1);
  EXPECT_EQ(MustSubmit(kCouncil, "B2", {Placement("P1", "E9", "2023-01-01")}).data_version, 2);
  EXPECT_EQ(MustSubmit(kCouncil, "B3", {}).data_version, 3);
  MustSubmit(kCouncil, "B2", {Child("C2")});  // replayed
  absl::StatusOr<DataVersion> version = store_->GetDataVersion(kCouncil);
  ASSERT_TRUE(version.ok()) << version.status();
  EXPECT_EQ(version->version, 3);
  EXPECT_EQ(version->last_batch_id, "B3");
  auto batches = store_->ListBatches(kCouncil, std::nullopt, std::nullopt, 10, 0);
  ASSERT_TRUE(batches.ok()) << batches.status();
  ASSERT_EQ(batches->size(), 3u);
  EXPECT_EQ((*batches)[0].summary.batch_id, "B3");
  EXPECT_EQ((*batches)[2].summary.batch_id, "B1");
  // Batches committed from B2's commit on, before B3's, skipping none.
  const absl::Time b2 = (*batches)[1].summary.committed_at;
  const absl::Time b3 = (*batches)[0].summary.committed_at;
  auto window = store_->ListBatches(kCouncil, b2, b3, 10, 0);
  ASSERT_TRUE(window.ok()) << window.status();
  ASSERT_EQ(window->size(), 1u);
  EXPECT_EQ((*window)[0].summary.batch_id, "B2");
  EXPECT_THAT((*window)[0].summary.rejections, IsEmpty());
  EXPECT_EQ((*window)[0].summary.rejected_count, 1);
  auto second_page = store_->ListBatches(kCouncil, std::nullopt, std::nullopt, 2, 2);
  ASSERT_TRUE(second_page.ok()) << second_page.status();
  ASSERT_EQ(second_page->size(), 1u);
  EXPECT_EQ((*second_page)[0].summary.batch_id, "B1");
}

TEST_F(SubmissionStoreTest, DeletingAReferencedParentIsRefusedAndALeafIsDeleted) {
  MustSubmit(kCouncil, "B1",
             {Child("C1"), Episode("E1", "C1", "2023-01-01"), Placement("P1", "E1", "2023-01-01")});
  absl::StatusOr<DeletionResult> refused =
      store_->DeleteRecord(kCouncil, "CareEpisode", "E1", "sent in error", "operator");
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(refused.status().message()), HasSubstr("Placement"));
  EXPECT_EQ(Version(kCouncil), 1);
  absl::StatusOr<DeletionResult> deleted =
      store_->DeleteRecord(kCouncil, "Placement", "P1", "sent in error", "operator");
  ASSERT_TRUE(deleted.ok()) << deleted.status();
  EXPECT_EQ(deleted->data_version, 2);
  EXPECT_FALSE(deleted->deletion_id.empty());
  EXPECT_EQ(Version(kCouncil), 2);
  EXPECT_THAT(Snapshot(kCouncil), ElementsAre("Child C1", "CareEpisode E1"));
  EXPECT_TRUE(
      store_->DeleteRecord(kCouncil, "CareEpisode", "E1", "sent in error", "operator").ok());
  EXPECT_EQ(store_->DeleteRecord(kCouncil, "Placement", "P1", "again", "operator").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->DeleteRecord(kCouncil, "Nothing", "P1", "x", "operator").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(SubmissionStoreTest, DeletingClearsTheRecordsOpenRejections) {
  MustSubmit(kCouncil, "B1", {Child("C1"), Placement("P1", "E9", "2023-01-01")});
  absl::StatusOr<DeletionResult> deleted =
      store_->DeleteRecord(kCouncil, "Placement", "P1", "never existed", "operator");
  ASSERT_TRUE(deleted.ok()) << deleted.status();
  EXPECT_EQ(deleted->cleared_rejection_count, 1);
  absl::StatusOr<StoredRejection> cleared = store_->GetRejection(kCouncil, "B1#2");
  ASSERT_TRUE(cleared.ok()) << cleared.status();
  EXPECT_EQ(cleared->cleared_reason, "DELETED");
  EXPECT_EQ(cleared->cleared_by_deletion, deleted->deletion_id);
  EXPECT_EQ(Rejections(kCouncil).open_count, 0);
}

TEST_F(SubmissionStoreTest, RecordsKeyedByTwoFieldsAreStoredRejectedAndDeletedByTheirJoinedId) {
  const BatchSummary summary = MustSubmit(
      kCouncil, "B1",
      {Child("C1"),
       Record("StatusSnapshot",
              {{"person_id", "C1"}, {"as_at", "2024-03-31"}, {"leaver_scqf", "7"}}),
       Record("Review", {{"review_id", "R1"},
                         {"person_id", "C1"},
                         {"type", "LAC"},
                         {"meeting_date", "2024-01-10"}}),
       Record("ReviewItem", {{"review_id", "R1"}, {"item", "HIGH_RISK"}, {"value", "YES"}}),
       Record("ReviewItem", {{"review_id", "R2"}, {"item", "HIGH_RISK"}, {"value", "NO"}})});
  EXPECT_THAT(RuleCodes(summary), ElementsAre("5:REVIEW_UNKNOWN"));
  EXPECT_EQ(summary.rejections[0].record_id, "R2|HIGH_RISK");
  EXPECT_EQ(*Stored(kCouncil, "StatusSnapshot", "C1|2024-03-31")->Get("leaver_scqf"), "7");
  EXPECT_TRUE(
      store_->DeleteRecord(kCouncil, "StatusSnapshot", "C1|2024-03-31", "error", "operator").ok());
  EXPECT_EQ(store_->DeleteRecord(kCouncil, "ReviewItem", "R1", "error", "operator").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Snapshot(kCouncil), ElementsAre("Child C1", "Review R1", "ReviewItem R1|HIGH_RISK"));
}

TEST_F(SubmissionStoreTest, SnapshotValuesComeBackExactlyAsValidated) {
  MustSubmit(kCouncil, "B1",
             {Record("Child", {{"person_id", "C1"},
                               {"sex", "F"},
                               {"dob", "2010-02-28"},
                               {"locality", "North\tEast \\ \"Glen\"\nside"}}),
              Record("Incident", {{"incident_id", "I1"},
                                  {"person_id", "C1"},
                                  {"type", "MISSING"},
                                  {"start", "2023-03-25T01:30"},
                                  {"end", "2023-03-27T09:15:05"}})});
  const std::optional<FlatRecord> child = Stored(kCouncil, "Child", "C1");
  ASSERT_TRUE(child.has_value());
  EXPECT_EQ(*child->Get("locality"), "North\tEast \\ \"Glen\"\nside");
  EXPECT_EQ(*child->Get("dob"), "2010-02-28");
  EXPECT_FALSE(child->Get("expected_dob").has_value());
  const std::optional<FlatRecord> incident = Stored(kCouncil, "Incident", "I1");
  ASSERT_TRUE(incident.has_value());
  EXPECT_EQ(*incident->Get("start"), "2023-03-25T01:30:00");
  EXPECT_EQ(*incident->Get("end"), "2023-03-27T09:15:05");
}

TEST_F(SubmissionStoreTest, ASnapshotReportsItsVersionAndCountsAndStopsOnACallbackError) {
  MustSubmit(kCouncil, "B1",
             {Child("C1"), Child("C2"), Child("C3"), Episode("E1", "C1", "2023-01-01")});
  SnapshotInfo header;
  int delivered = 0;
  absl::Status read = store_->ReadSnapshot(
      kCouncil, {"CareEpisode", "Child"},
      [&](const SnapshotInfo& info) {
        header = info;
        return absl::OkStatus();
      },
      [&](const FlatRecord&) {
        return ++delivered == 2 ? absl::CancelledError("client went away") : absl::OkStatus();
      });
  EXPECT_EQ(read.code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(delivered, 2);
  EXPECT_EQ(header.data_version, 1);
  using Count = std::pair<std::string, int64_t>;
  EXPECT_THAT(header.counts, ElementsAre(Count{"Child", 3}, Count{"CareEpisode", 1}));
  // The connection went back to the pool usable.
  EXPECT_THAT(Snapshot(kCouncil),
              ElementsAre("Child C1", "Child C2", "Child C3", "CareEpisode E1"));
  EXPECT_EQ(store_->ReadSnapshot(kCouncil, {"Nothing"}, nullptr, nullptr).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(SubmissionStoreTest, RejectionsArePagedOldestFirst) {
  MustSubmit(kCouncil, "B1",
             {Placement("P1", "E9", "2023-01-01"), Placement("P2", "E9", "2023-01-01")});
  MustSubmit(kCouncil, "B2", {Child("C1"), Placement("P3", "E9", "2023-01-01")});
  RejectionFilter filter;
  filter.council = kCouncil;
  filter.page_size = 2;
  std::vector<std::string> ids;
  for (int page = 0; page < 3; ++page) {
    absl::StatusOr<RejectionPage> listed = store_->ListRejections(filter);
    ASSERT_TRUE(listed.ok()) << listed.status();
    EXPECT_EQ(listed->open_count, 3);
    for (const StoredRejection& rejection : listed->rejections) {
      ids.push_back(rejection.rejection.rejection_id);
    }
    filter.page_token = listed->next_page_token;
    if (filter.page_token.empty()) break;
  }
  EXPECT_THAT(ids, ElementsAre("B1#1", "B1#2", "B2#2"));
  filter.batch_id = "B2";
  filter.page_token = "";
  absl::StatusOr<RejectionPage> by_batch = store_->ListRejections(filter);
  ASSERT_TRUE(by_batch.ok()) << by_batch.status();
  EXPECT_EQ(by_batch->open_count, 1);
  filter.page_token = "not a token";
  EXPECT_EQ(store_->ListRejections(filter).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(SubmissionStoreTest, AConcurrentDuplicateOfABatchIdIsReplayedAndKeepsNothing) {
  std::optional<BatchSummary> replay;
  auto first = store_->Begin(Info(kCouncil, "B1"), &replay);
  auto second = store_->Begin(Info(kCouncil, "B1"), &replay);
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_TRUE((*first)->AddValid(1, {}, Child("C1")).ok());
  ASSERT_TRUE((*second)->AddValid(1, {}, Child("C2")).ok());
  absl::StatusOr<BatchSummary> committed = (*first)->Commit(1);
  ASSERT_TRUE(committed.ok()) << committed.status();
  absl::StatusOr<BatchSummary> duplicate = (*second)->Commit(1);
  ASSERT_TRUE(duplicate.ok()) << duplicate.status();
  EXPECT_TRUE(duplicate->replayed);
  EXPECT_EQ(duplicate->data_version, committed->data_version);
  EXPECT_THAT(Snapshot(kCouncil), ElementsAre("Child C1"));
  EXPECT_EQ(Version(kCouncil), 1);
}

TEST_F(SubmissionStoreTest, ASnapshotTakenWhileBatchesCommitSeesEachBatchWholeOrNotAtAll) {
  constexpr int kBatches = 6;
  constexpr int kChildrenPerBatch = 300;
  std::atomic<bool> writing{true};
  std::atomic<bool> first_snapshot_taken{false};
  std::thread writer([&] {
    while (!first_snapshot_taken) std::this_thread::yield();
    for (int batch = 1; batch <= kBatches; ++batch) {
      std::vector<FlatRecord> records;
      for (int i = 0; i < kChildrenPerBatch; ++i) {
        records.push_back(Child(absl::StrCat("C", batch, "-", i)));
      }
      MustSubmit(kCouncil, absl::StrCat("B", batch), std::move(records));
    }
    writing = false;
  });
  int snapshots = 0;
  bool consistent = true;
  std::set<int64_t> versions_seen;
  while (consistent && (writing || snapshots == 0)) {
    SnapshotInfo header;
    int64_t children = 0;
    absl::Status read = store_->ReadSnapshot(
        kCouncil, {"Child"},
        [&](const SnapshotInfo& info) {
          header = info;
          return absl::OkStatus();
        },
        [&](const FlatRecord&) {
          ++children;
          return absl::OkStatus();
        });
    EXPECT_TRUE(read.ok()) << read;
    EXPECT_EQ(children, header.data_version * kChildrenPerBatch);
    EXPECT_EQ(header.counts[0].second, children);
    consistent = read.ok() && children == header.data_version * kChildrenPerBatch &&
                 header.counts[0].second == children;
    versions_seen.insert(header.data_version);
    ++snapshots;
    first_snapshot_taken = true;
  }
  first_snapshot_taken = true;
  writer.join();
  EXPECT_EQ(Version(kCouncil), kBatches);
  // Some snapshot fell between two commits, so reading did overlap writing.
  EXPECT_TRUE(std::any_of(versions_seen.begin(), versions_seen.end(),
                          [](int64_t version) { return version > 0 && version < kBatches; }))
      << "versions seen: " << absl::StrJoin(versions_seen, ", ");
}

}  // namespace
}  // namespace pif::submission
