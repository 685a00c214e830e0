// The fake submission store keeps the store's documented semantics that need no SQL.
#include "pif/submission/testing/fake_store.h"

#include <set>
#include <thread>
#include <variant>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/submission/testing/store_contents.h"

namespace pif::submission::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using Cells = std::vector<std::pair<std::string, std::string>>;

constexpr char kCouncil[] = "S12000033";
constexpr char kOtherCouncil[] = "S12000034";

// A parent type and a child type keyed by two columns.
const SubmissionSchema& Schema() {
  static const SubmissionSchema* const kSchema = [] {
    auto* schema = new SubmissionSchema{"fakes", {}};
    RecordSchema person{"Person", "people.csv", "people", {}, {"person_id"}};
    person.columns = {{"person_id", ColumnKind::kText, true},
                      {"sex", ColumnKind::kCode, true, {"M", "F"}}};
    RecordSchema visit{"Visit", "visits.csv", "visits", {}, {"person_id", "visit_date"}};
    visit.columns = {{"person_id", ColumnKind::kText, true},
                     {"visit_date", ColumnKind::kDate, true},
                     {"note", ColumnKind::kText}};
    schema->types = {person, visit};
    return schema;
  }();
  return *kSchema;
}

FlatRecord Person(const std::string& id, const std::string& sex = "F") {
  return FromNamedCells(*Schema().Find("Person"), {{"person_id", id}, {"sex", sex}}, nullptr);
}

FlatRecord Visit(const std::string& person, const std::string& date) {
  return FromNamedCells(*Schema().Find("Visit"), {{"person_id", person}, {"visit_date", date}},
                        nullptr);
}

// A record rejected on its own, as an adapter stages it.
struct Rejected {
  std::string type;
  std::string id;
  Cells cells;
};

using Entry = std::variant<FlatRecord, Rejected>;

class FakeStoreTest : public ::testing::Test {
 protected:
  static BatchInfo Info(const std::string& council, const std::string& batch_id) {
    return {council, batch_id, "test-caller", "unit tests", absl::Now()};
  }

  // Stages `entries` in order (positions 1, 2, ...) and commits with the right count.
  absl::StatusOr<BatchSummary> Submit(const std::string& council, const std::string& batch_id,
                                      const std::vector<Entry>& entries) {
    std::optional<BatchSummary> replay;
    auto writer = store_.Begin(Info(council, batch_id), &replay);
    if (!writer.ok()) return writer.status();
    if (replay.has_value()) return *replay;
    int64_t position = 0;
    for (const Entry& entry : entries) {
      ++position;
      absl::Status staged;
      if (const auto* record = std::get_if<FlatRecord>(&entry)) {
        staged = (*writer)->AddValid(position, {"", position + 1}, *record);
      } else {
        const auto& rejected = std::get<Rejected>(entry);
        staged = (*writer)->AddRejected(position, {"", position + 1}, rejected.type, rejected.id,
                                        rejected.cells, false,
                                        {{"sex", "UNKNOWN_CODE", "sex is not a code"}});
      }
      if (!staged.ok()) return staged;
    }
    return (*writer)->Commit(position);
  }

  BatchSummary MustSubmit(const std::string& council, const std::string& batch_id,
                          const std::vector<Entry>& entries) {
    absl::StatusOr<BatchSummary> summary = Submit(council, batch_id, entries);
    EXPECT_TRUE(summary.ok()) << summary.status();
    return summary.ok() ? *summary : BatchSummary{};
  }

  // Every stored record of the council as "Type id", in snapshot order.
  std::vector<std::string> Snapshot(const std::string& council,
                                    const std::vector<std::string>& types = {}) {
    absl::StatusOr<std::vector<std::string>> records = StoredRecords(store_, council, types);
    EXPECT_TRUE(records.ok()) << records.status();
    return records.value_or(std::vector<std::string>());
  }

  RejectionPage Rejections(RejectionFilter filter) {
    absl::StatusOr<RejectionPage> page = store_.ListRejections(filter);
    EXPECT_TRUE(page.ok()) << page.status();
    return page.ok() ? *page : RejectionPage{};
  }

  int64_t Version(const std::string& council) {
    absl::StatusOr<DataVersion> version = store_.GetDataVersion(council);
    EXPECT_TRUE(version.ok()) << version.status();
    return version.ok() ? version->version : -1;
  }

  FakeSubmissionStore store_{Schema()};
};

TEST_F(FakeStoreTest, NothingIsVisibleBeforeCommitAndAllOfItAfter) {
  std::optional<BatchSummary> replay;
  auto writer = store_.Begin(Info(kCouncil, "B1"), &replay);
  ASSERT_TRUE(writer.ok()) << writer.status();
  ASSERT_FALSE(replay.has_value());
  ASSERT_TRUE((*writer)->AddValid(1, {"people.csv", 2}, Person("P1")).ok());
  ASSERT_TRUE((*writer)->AddValid(2, {}, Visit("P1", "2024-01-02")).ok());
  EXPECT_THAT(Snapshot(kCouncil), IsEmpty());
  EXPECT_EQ(Version(kCouncil), 0);
  EXPECT_EQ(store_.GetBatch(kCouncil, "B1").status().code(), absl::StatusCode::kNotFound);
  absl::StatusOr<BatchSummary> summary = (*writer)->Commit(2);
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->accepted_count, 2);
  EXPECT_EQ(summary->data_version, 1);
  EXPECT_FALSE(summary->replayed);
  EXPECT_THAT(Snapshot(kCouncil), ElementsAre("Person P1", "Visit P1|2024-01-02"));
  absl::StatusOr<BatchAudit> audit = store_.GetBatch(kCouncil, "B1");
  ASSERT_TRUE(audit.ok()) << audit.status();
  EXPECT_EQ(audit->caller, "test-caller");
  EXPECT_EQ(audit->source_system, "unit tests");
  using Count = std::pair<std::string, std::pair<int64_t, int64_t>>;
  EXPECT_THAT(audit->summary.per_type,
              ElementsAre(Count{"Person", {1, 0}}, Count{"Visit", {1, 0}}));
  // A writer is spent after its one Commit.
  EXPECT_EQ((*writer)->Commit(2).status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ((*writer)->AddValid(3, {}, Person("P2")).code(), absl::StatusCode::kFailedPrecondition);
}

TEST_F(FakeStoreTest, AWriterDestroyedBeforeCommitOrWithTheWrongCountKeepsNothing) {
  {
    std::optional<BatchSummary> replay;
    auto writer = store_.Begin(Info(kCouncil, "B1"), &replay);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->AddValid(1, {}, Person("P1")).ok());
  }
  std::optional<BatchSummary> replay;
  auto writer = store_.Begin(Info(kCouncil, "B1"), &replay);
  ASSERT_TRUE(writer.ok());
  EXPECT_FALSE(replay.has_value());
  ASSERT_TRUE((*writer)->AddValid(1, {}, Person("P1")).ok());
  const absl::Status mismatch = (*writer)->Commit(3).status();
  EXPECT_EQ(mismatch.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(mismatch.message()), HasSubstr("3"));
  EXPECT_EQ((*writer)->Commit(1).status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Snapshot(kCouncil), IsEmpty());
  EXPECT_EQ(Version(kCouncil), 0);
  EXPECT_EQ(store_.GetBatch(kCouncil, "B1").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(FakeStoreTest, ARecordOfAnotherSchemaIsRefused) {
  RecordSchema stranger{"Stranger", "strangers.csv", "strangers", {}, {"id"}};
  stranger.columns = {{"id", ColumnKind::kText, true}};
  FlatRecord record{&stranger, {std::string("S1")}};
  std::optional<BatchSummary> replay;
  auto writer = store_.Begin(Info(kCouncil, "B1"), &replay);
  ASSERT_TRUE(writer.ok());
  EXPECT_EQ((*writer)->AddValid(1, {}, record).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_.Begin(Info(kCouncil, "B1"), nullptr).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(FakeStoreTest, ABatchIdSentAgainGivesTheStoredSummaryAndChangesNothing) {
  const BatchSummary first =
      MustSubmit(kCouncil, "B1", {Person("P1"), Rejected{"Person", "P2", {{"sex", "Q"}}}});
  std::optional<BatchSummary> replay;
  auto writer = store_.Begin(Info(kCouncil, "B1"), &replay);
  ASSERT_TRUE(writer.ok());
  EXPECT_EQ(*writer, nullptr);
  ASSERT_TRUE(replay.has_value());
  EXPECT_TRUE(replay->replayed);
  EXPECT_EQ(replay->data_version, first.data_version);
  EXPECT_EQ(replay->committed_at, first.committed_at);
  EXPECT_EQ(replay->accepted_count, 1);
  ASSERT_EQ(replay->rejections.size(), 1u);
  EXPECT_EQ(replay->rejections[0].rejection_id, "B1#2");
  EXPECT_EQ(Version(kCouncil), 1);
  // The same id is another batch for another council.
  EXPECT_FALSE(MustSubmit(kOtherCouncil, "B1", {Person("P9")}).replayed);
}

TEST_F(FakeStoreTest, OfTwoWritersWithOneBatchIdTheSecondCommitIsAReplay) {
  std::optional<BatchSummary> replay;
  auto first = store_.Begin(Info(kCouncil, "B1"), &replay);
  auto second = store_.Begin(Info(kCouncil, "B1"), &replay);
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_TRUE((*first)->AddValid(1, {}, Person("P1")).ok());
  ASSERT_TRUE((*second)->AddValid(1, {}, Person("P2")).ok());
  absl::StatusOr<BatchSummary> committed = (*first)->Commit(1);
  absl::StatusOr<BatchSummary> duplicate = (*second)->Commit(1);
  ASSERT_TRUE(committed.ok() && duplicate.ok());
  EXPECT_TRUE(duplicate->replayed);
  EXPECT_EQ(duplicate->data_version, committed->data_version);
  EXPECT_THAT(Snapshot(kCouncil), ElementsAre("Person P1"));
}

TEST_F(FakeStoreTest, TheLatestRecordOfAKeyDecides) {
  const BatchSummary kept = MustSubmit(kCouncil, "B1", {Person("P1", "M"), Person("P1", "F")});
  EXPECT_EQ(kept.accepted_count, 2);
  absl::Status read = store_.ReadSnapshot(
      kCouncil, {"Person"}, [](const SnapshotInfo&) { return absl::OkStatus(); },
      [](const FlatRecord& record) {
        EXPECT_EQ(record.Get("sex"), "F");
        return absl::OkStatus();
      });
  EXPECT_TRUE(read.ok());
  // A later copy rejected on its own takes the earlier valid ones with it.
  const BatchSummary replaced =
      MustSubmit(kCouncil, "B2",
                 {Person("P2", "M"), Person("P2", "F"), Rejected{"Person", "P2", {{"sex", "Q"}}}});
  EXPECT_THAT(RuleCodes(replaced), ElementsAre("1:REPLACED_BY_REJECTED_RECORD",
                                               "2:REPLACED_BY_REJECTED_RECORD", "3:UNKNOWN_CODE"));
  EXPECT_THAT(replaced.rejections[0].errors[0].message, HasSubstr("(position 2)"));
  EXPECT_THAT(replaced.rejections[1].errors[0].message, HasSubstr("(position 3)"));
  EXPECT_EQ(replaced.accepted_count, 0);
  EXPECT_THAT(Snapshot(kCouncil), ElementsAre("Person P1"));
  // A rejected copy followed by a valid one: the valid one is kept and clears the rejection.
  const BatchSummary recovered =
      MustSubmit(kCouncil, "B3", {Rejected{"Person", "P3", {{"sex", "Q"}}}, Person("P3")});
  EXPECT_EQ(recovered.accepted_count, 1);
  EXPECT_EQ(recovered.rejected_count, 1);
  EXPECT_EQ(recovered.cleared_rejection_count, 1);
  EXPECT_THAT(Snapshot(kCouncil), ElementsAre("Person P1", "Person P3"));
}

TEST_F(FakeStoreTest, RejectionsAreKeptWithTheirCellsUntilAnAcceptedRecordCorrectsThem) {
  const BatchSummary first = MustSubmit(
      kCouncil, "B1",
      {Rejected{"Person", "P1", {{"person_id", "P1"}, {"sex", "Q"}}}, Rejected{"Alien", "X1", {}}});
  EXPECT_EQ(first.rejected_count, 2);
  using Count = std::pair<std::string, std::pair<int64_t, int64_t>>;
  EXPECT_THAT(first.per_type, ElementsAre(Count{"Person", {0, 1}}, Count{"Alien", {0, 1}}));
  absl::StatusOr<StoredRejection> kept = store_.GetRejection(kCouncil, "B1#1");
  ASSERT_TRUE(kept.ok()) << kept.status();
  EXPECT_EQ(kept->batch_id, "B1");
  EXPECT_EQ(kept->council, kCouncil);
  EXPECT_FALSE(kept->received_typed);
  EXPECT_EQ(kept->rejection.source.row, 2);
  EXPECT_THAT(kept->cells,
              ElementsAre(std::make_pair("person_id", "P1"), std::make_pair("sex", "Q")));
  EXPECT_EQ(store_.GetRejection(kOtherCouncil, "B1#1").status().code(),
            absl::StatusCode::kNotFound);

  const BatchSummary corrected = MustSubmit(kCouncil, "B2", {Person("P1")});
  EXPECT_EQ(corrected.cleared_rejection_count, 1);
  kept = store_.GetRejection(kCouncil, "B1#1");
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->cleared_reason, "CORRECTED");
  EXPECT_EQ(kept->cleared_by_batch, "B2");
  EXPECT_EQ(kept->cleared_by, "test-caller");
  EXPECT_TRUE(kept->cleared_at.has_value());
  RejectionFilter filter;
  filter.council = kCouncil;
  EXPECT_EQ(Rejections(filter).open_count, 1);
  ASSERT_EQ(Rejections(filter).rejections.size(), 1u);
  EXPECT_EQ(Rejections(filter).rejections[0].rejection.rejection_id, "B1#2");
  filter.include_cleared = true;
  EXPECT_EQ(Rejections(filter).rejections.size(), 2u);
}

TEST_F(FakeStoreTest, RejectionsArePagedOldestFirstWithFiltersAndTheOpenCount) {
  MustSubmit(kCouncil, "B1",
             {Rejected{"Person", "P1", {}}, Rejected{"Person", "P2", {}}, Person("P9")});
  MustSubmit(kCouncil, "B2", {Rejected{"Visit", "P9|2024-01-01", {}}, Person("P1")});
  MustSubmit(kOtherCouncil, "B1", {Rejected{"Person", "P1", {}}});
  RejectionFilter filter;
  filter.council = kCouncil;
  filter.include_cleared = true;
  filter.page_size = 2;
  std::vector<std::string> ids;
  for (int page = 0; page < 4; ++page) {
    const RejectionPage listed = Rejections(filter);
    EXPECT_EQ(listed.open_count, 2);
    for (const StoredRejection& rejection : listed.rejections) {
      ids.push_back(rejection.rejection.rejection_id);
    }
    filter.page_token = listed.next_page_token;
    if (filter.page_token.empty()) break;
  }
  EXPECT_THAT(ids, ElementsAre("B1#1", "B1#2", "B2#1"));
  filter.page_token = "";
  filter.include_cleared = false;
  filter.batch_id = "B1";
  RejectionPage by_batch = Rejections(filter);
  EXPECT_EQ(by_batch.open_count, 1);
  ASSERT_EQ(by_batch.rejections.size(), 1u);
  EXPECT_EQ(by_batch.rejections[0].rejection.rejection_id, "B1#2");
  filter.batch_id = "";
  filter.record_type = "Visit";
  EXPECT_EQ(Rejections(filter).open_count, 1);
  filter.page_size = 0;  // the default page
  EXPECT_EQ(Rejections(filter).rejections.size(), 1u);
  filter.page_token = "not a token";
  EXPECT_EQ(store_.ListRejections(filter).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(FakeStoreTest, TheDataVersionRisesOncePerCommitAndPerDeletion) {
  EXPECT_EQ(MustSubmit(kCouncil, "B1", {Person("P1")}).data_version, 1);
  EXPECT_EQ(MustSubmit(kCouncil, "B2", {Rejected{"Person", "P2", {}}}).data_version, 2);
  EXPECT_EQ(MustSubmit(kCouncil, "B3", {}).data_version, 3);
  MustSubmit(kCouncil, "B2", {Person("P3")});  // replayed
  absl::StatusOr<DataVersion> version = store_.GetDataVersion(kCouncil);
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(version->version, 3);
  EXPECT_EQ(version->last_batch_id, "B3");
  ASSERT_TRUE(version->changed_at.has_value());
  ASSERT_TRUE(store_.DeleteRecord(kCouncil, "Person", "P1", "sent in error", "operator").ok());
  version = store_.GetDataVersion(kCouncil);
  EXPECT_EQ(version->version, 4);
  EXPECT_EQ(version->last_batch_id, "B3");
  absl::StatusOr<DataVersion> none = store_.GetDataVersion(kOtherCouncil);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->version, 0);
  EXPECT_FALSE(none->changed_at.has_value());
}

TEST_F(FakeStoreTest, BatchesAreListedNewestFirstWithinTheirWindowWithoutRejections) {
  MustSubmit(kCouncil, "B1", {Person("P1")});
  const BatchSummary b2 = MustSubmit(kCouncil, "B2", {Rejected{"Person", "P2", {}}});
  const BatchSummary b3 = MustSubmit(kCouncil, "B3", {});
  auto all = store_.ListBatches(kCouncil, std::nullopt, std::nullopt, 10, 0);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].summary.batch_id, "B3");
  EXPECT_EQ((*all)[2].summary.batch_id, "B1");
  auto window = store_.ListBatches(kCouncil, b2.committed_at, b3.committed_at, 10, 0);
  ASSERT_TRUE(window.ok());
  ASSERT_EQ(window->size(), 1u);
  EXPECT_EQ((*window)[0].summary.batch_id, "B2");
  EXPECT_EQ((*window)[0].summary.rejected_count, 1);
  EXPECT_THAT((*window)[0].summary.rejections, IsEmpty());
  auto second_page = store_.ListBatches(kCouncil, std::nullopt, std::nullopt, 2, 2);
  ASSERT_TRUE(second_page.ok());
  ASSERT_EQ(second_page->size(), 1u);
  EXPECT_EQ((*second_page)[0].summary.batch_id, "B1");
  EXPECT_THAT(*store_.ListBatches(kOtherCouncil, std::nullopt, std::nullopt, 10, 0), IsEmpty());
}

TEST_F(FakeStoreTest, DeletingARecordRecordsItAndClearsItsOpenRejections) {
  MustSubmit(kCouncil, "B1",
             {Person("P1"), Visit("P1", "2024-02-03"), Rejected{"Person", "P2", {}},
              Rejected{"Person", "P2", {}}});
  absl::StatusOr<DeletionResult> visit =
      store_.DeleteRecord(kCouncil, "Visit", "P1|2024-02-03", "wrong child", "operator");
  ASSERT_TRUE(visit.ok()) << visit.status();
  EXPECT_EQ(visit->data_version, 2);
  EXPECT_EQ(visit->cleared_rejection_count, 0);
  EXPECT_THAT(Snapshot(kCouncil), ElementsAre("Person P1"));
  // Only ever rejected: nothing stored, its rejections cleared.
  absl::StatusOr<DeletionResult> rejected =
      store_.DeleteRecord(kCouncil, "Person", "P2", "never existed", "operator");
  ASSERT_TRUE(rejected.ok()) << rejected.status();
  EXPECT_EQ(rejected->cleared_rejection_count, 2);
  EXPECT_NE(rejected->deletion_id, visit->deletion_id);
  absl::StatusOr<StoredRejection> cleared = store_.GetRejection(kCouncil, "B1#3");
  ASSERT_TRUE(cleared.ok());
  EXPECT_EQ(cleared->cleared_reason, "DELETED");
  EXPECT_EQ(cleared->cleared_by_deletion, rejected->deletion_id);
  EXPECT_EQ(cleared->cleared_by, "operator");
  const std::vector<RecordedDeletion> deletions = store_.Deletions(kCouncil);
  ASSERT_EQ(deletions.size(), 2u);
  EXPECT_EQ(deletions[0].reason, "wrong child");
  EXPECT_EQ(deletions[1].record_id, "P2");

  EXPECT_EQ(store_.DeleteRecord(kCouncil, "Person", "P2", "again", "me").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_.DeleteRecord(kOtherCouncil, "Person", "P1", "x", "me").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_.DeleteRecord(kCouncil, "Alien", "X1", "x", "me").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_.DeleteRecord(kCouncil, "Visit", "P1", "x", "me").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Version(kCouncil), 3);
}

TEST_F(FakeStoreTest, ASnapshotIsTheHeaderThenSchemaOrderThenKeyOrderAndStopsOnAnError) {
  MustSubmit(kCouncil, "B1",
             {Visit("P2", "2024-01-01"), Person("P2"), Visit("P1", "2024-03-01"), Person("P1"),
              Visit("P1", "2024-02-01")});
  MustSubmit(kOtherCouncil, "B1", {Person("P7")});
  EXPECT_THAT(Snapshot(kCouncil), ElementsAre("Person P1", "Person P2", "Visit P1|2024-02-01",
                                              "Visit P1|2024-03-01", "Visit P2|2024-01-01"));
  EXPECT_THAT(Snapshot(kCouncil, {"Visit", "Person", "Visit"}),
              ElementsAre("Person P1", "Person P2", "Visit P1|2024-02-01", "Visit P1|2024-03-01",
                          "Visit P2|2024-01-01"));
  EXPECT_THAT(Snapshot(kCouncil, {"Visit"}),
              ElementsAre("Visit P1|2024-02-01", "Visit P1|2024-03-01", "Visit P2|2024-01-01"));

  std::vector<std::string> calls;
  SnapshotInfo header;
  absl::Status read = store_.ReadSnapshot(
      kCouncil, {},
      [&](const SnapshotInfo& info) {
        calls.push_back("header");
        header = info;
        return absl::OkStatus();
      },
      [&](const FlatRecord&) {
        calls.push_back("record");
        return calls.size() == 3 ? absl::CancelledError("client went away") : absl::OkStatus();
      });
  EXPECT_EQ(read.code(), absl::StatusCode::kCancelled);
  EXPECT_THAT(calls, ElementsAre("header", "record", "record"));
  EXPECT_EQ(header.data_version, 1);
  using Count = std::pair<std::string, int64_t>;
  EXPECT_THAT(header.counts, ElementsAre(Count{"Person", 2}, Count{"Visit", 3}));

  int records = 0;
  EXPECT_EQ(store_
                .ReadSnapshot(
                    kCouncil, {}, [](const SnapshotInfo&) { return absl::AbortedError("no"); },
                    [&](const FlatRecord&) {
                      ++records;
                      return absl::OkStatus();
                    })
                .code(),
            absl::StatusCode::kAborted);
  EXPECT_EQ(records, 0);
  EXPECT_EQ(store_.ReadSnapshot(kCouncil, {"Nothing"}, nullptr, nullptr).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(FakeStoreTest, AFailingStoreFailsEveryCallUntilItIsHealed) {
  MustSubmit(kCouncil, "B1", {Person("P1")});
  std::optional<BatchSummary> replay;
  auto writer = store_.Begin(Info(kCouncil, "B2"), &replay);
  ASSERT_TRUE(writer.ok());
  store_.FailEveryCall(absl::UnavailableError("database down"));
  EXPECT_EQ((*writer)->Commit(0).status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(store_.Begin(Info(kCouncil, "B3"), &replay).status().code(),
            absl::StatusCode::kUnavailable);
  EXPECT_EQ(store_.GetBatch(kCouncil, "B1").status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(store_.GetDataVersion(kCouncil).status().code(), absl::StatusCode::kUnavailable);
  RejectionFilter filter;
  filter.council = kCouncil;
  EXPECT_EQ(store_.ListRejections(filter).status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(store_.DeleteRecord(kCouncil, "Person", "P1", "x", "me").status().code(),
            absl::StatusCode::kUnavailable);
  store_.FailEveryCall(absl::OkStatus());
  EXPECT_EQ(Version(kCouncil), 1);
  EXPECT_THAT(Snapshot(kCouncil), ElementsAre("Person P1"));
}

TEST_F(FakeStoreTest, BatchesCommittedFromManyThreadsEachGetTheirOwnDataVersion) {
  constexpr int kThreads = 8;
  std::vector<std::thread> threads;
  std::vector<int64_t> versions(kThreads, 0);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      absl::StatusOr<BatchSummary> summary =
          Submit(kCouncil, absl::StrCat("B", i), {Person(absl::StrCat("P", i))});
      versions[i] = summary.ok() ? summary->data_version : -1;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(std::set<int64_t>(versions.begin(), versions.end()).size(), size_t{kThreads});
  EXPECT_EQ(Version(kCouncil), kThreads);
  EXPECT_EQ(Snapshot(kCouncil).size(), size_t{kThreads});
}

}  // namespace
}  // namespace pif::submission::testing
