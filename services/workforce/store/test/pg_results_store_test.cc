// The PostgreSQL store of computed workforce figures against a real throwaway database
// (PIF_TEST_PG), migrated as the service migrates it: rows stored before this code are read,
// saved figures are found by every part of their key, and identical saves store one row.
#include "pif/workforce/store/pg_results_store.h"

#include <google/protobuf/util/json_util.h>

#include <pqxx/pqxx>
#include <set>
#include <thread>
#include <vector>

#include "absl/synchronization/barrier.h"
#include "figures_json.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "pif/dates/date.h"
#include "pif/pg/migrations.h"
#include "pif/testing/test_database.h"
#include "pif/workforce/v1/workforce_service.pb.h"

namespace pif::pg {
const std::vector<Migration>& WorkforceMigrations();
}

namespace pif::workforce {
namespace {

dates::Date D(const char* text) { return *dates::ParseDate(text); }

ResultKey Key() {
  ResultKey key;
  key.council = "S12000033";
  key.period = {D("2023-08-01"), D("2024-07-31")};
  key.workforce_data_version = 3;
  key.intake_data_version = 41;
  key.definitions_version = "wf-defs-0123456789ab";
  key.codes = "7.4a,9.1";
  key.policy = figures::DisclosurePolicy();
  return key;
}

// 9.1 published with a suppressed numerator, and a note.
FigureSet Figures() {
  WorkforceFigure figure;
  figure.code = "9.1";
  figure.title = "Managers qualified";
  figure.polarity = figures::Polarity::kHigherIsBetter;
  figure.definition_version = "1";
  figure.numerator = figures::PublishedCount{std::nullopt, figures::SuppressionReason::kPrimary};
  figure.denominator = figures::PublishedCount{12, figures::SuppressionReason::kNone};
  figure.unknown = figures::PublishedCount{0, figures::SuppressionReason::kNone};
  figure.headline =
      figures::PublishedPercent{std::nullopt, figures::WithholdReason::kNumeratorSuppressed};
  FigureSet set;
  set.results.push_back(figure);
  set.notes.push_back({"REJECTIONS_OUTSTANDING", "1 workforce record is still rejected.", "", 1});
  return set;
}

class PgResultsStoreTest : public ::testing::Test {
 protected:
  PgResultsStoreTest() : db_("workforce_results") {
    pqxx::connection connection(db_.conninfo());
    auto applied = pg::ApplyMigrations(connection, "workforce", pg::WorkforceMigrations());
    EXPECT_TRUE(applied.ok()) << applied.status();
    auto pool = pg::Pool::Open(db_.conninfo(), 4);
    EXPECT_TRUE(pool.ok()) << pool.status();
    pool_ = std::move(*pool);
    store_ = std::make_unique<PgResultsStore>(*pool_);
  }

  testing::TestDatabase db_;
  std::unique_ptr<pg::Pool> pool_;
  std::unique_ptr<PgResultsStore> store_;
};

TEST_F(PgResultsStoreTest, ARowStoredBeforeThisCodeIsFoundAndRead) {
  // As the service stored figures until now: the response's protobuf JSON, inserted with its key.
  v1::ComputeWorkforceResponse response;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"pb(results {
             code: "7.4a"
             title: "Allocated to a QSW"
             polarity: POLARITY_HIGHER_IS_BETTER
             definition_version: "1"
             numerator { value: 1 }
             denominator { value: 4 }
             value { value: 25 }
             unknown { value: 0 }
           }
           notes { code: "REJECTIONS_OUTSTANDING" message: "3 records" count: 3 })pb",
      &response));
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(response, &json, options).ok());
  std::string result_id;
  {
    pqxx::connection connection(db_.conninfo());
    pqxx::work tx(connection);
    result_id = tx.exec_params1(
                      "INSERT INTO computed_results (council, period_first, period_last,"
                      " workforce_data_version, intake_data_version, definitions_version, codes,"
                      " disclosure_mode, policy_smallest_shown_count,"
                      " policy_min_percent_denominator, policy_secondary_suppression, figures)"
                      " VALUES ('S12000033', '2023-08-01', '2024-07-31', 3, 41,"
                      " 'wf-defs-0123456789ab', '7.4a,9.1', 'PUBLISHED', 6, 10, true, $1::jsonb)"
                      " RETURNING result_id::text",
                      json)[0]
                    .as<std::string>();
    tx.commit();
  }
  auto found = store_->Find(Key());
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->result_id, result_id);
  const FigureSet& read = (*found)->figures;
  ASSERT_EQ(read.results.size(), 1u);
  EXPECT_EQ(read.results[0].code, "7.4a");
  EXPECT_EQ(read.results[0].numerator->value, 1);
  EXPECT_EQ(std::get<figures::PublishedPercent>(read.results[0].headline).value, 25.0);
  ASSERT_EQ(read.notes.size(), 1u);
  EXPECT_EQ(read.notes[0].count, 3);
}

TEST_F(PgResultsStoreTest, SavedFiguresAreFoundByTheirKeyExactlyAsSaved) {
  auto none = store_->Find(Key());
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_FALSE(none->has_value());
  auto saved = store_->Save(Key(), Figures());
  ASSERT_TRUE(saved.ok()) << saved.status();
  EXPECT_TRUE(saved->inserted);
  EXPECT_EQ(saved->stored.result_id.size(), 36u);  // a UUID
  EXPECT_GT(saved->stored.computed_at, absl::Now() - absl::Minutes(5));
  EXPECT_EQ(FiguresToJson(saved->stored.figures), FiguresToJson(Figures()));
  auto found = store_->Find(Key());
  ASSERT_TRUE(found.ok() && found->has_value()) << found.status();
  EXPECT_EQ((*found)->result_id, saved->stored.result_id);
  EXPECT_EQ((*found)->computed_at, saved->stored.computed_at);
  EXPECT_EQ(FiguresToJson((*found)->figures), FiguresToJson(Figures()));
}

TEST_F(PgResultsStoreTest, AnyDifferenceInTheKeyIsAnotherComputation) {
  ASSERT_TRUE(store_->Save(Key(), Figures()).ok());
  std::vector<ResultKey> others(6, Key());
  others[0].workforce_data_version = 4;
  others[1].intake_data_version = 0;
  others[2].codes = "9.1";
  others[3].policy.reset();
  others[4].policy->smallest_shown_count = 5;
  others[5].definitions_version = "wf-defs-other";
  for (const ResultKey& other : others) {
    auto found = store_->Find(other);
    ASSERT_TRUE(found.ok()) << found.status();
    EXPECT_FALSE(found->has_value()) << other.codes;
  }
  auto internal = store_->Save(others[3], Figures());
  ASSERT_TRUE(internal.ok()) << internal.status();
  EXPECT_TRUE(internal->inserted);
}

TEST_F(PgResultsStoreTest, IdenticalComputationsSavedTogetherKeepTheFirstStored) {
  constexpr int kCalls = 4;
  absl::Barrier* start = new absl::Barrier(kCalls);
  std::vector<absl::StatusOr<SavedFigures>> saves(kCalls, absl::UnknownError("not run"));
  std::vector<std::thread> threads;
  for (int i = 0; i < kCalls; ++i) {
    threads.emplace_back([&, i] {
      if (start->Block()) delete start;
      FigureSet mine = Figures();
      mine.notes[0].count = i;  // which call's figures were kept
      saves[i] = store_->Save(Key(), mine);
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::set<std::string> ids;
  std::set<int64_t> kept;
  int inserted = 0;
  for (const auto& save : saves) {
    ASSERT_TRUE(save.ok()) << save.status();
    ids.insert(save->stored.result_id);
    kept.insert(save->stored.figures.notes.at(0).count);
    inserted += save->inserted ? 1 : 0;
  }
  EXPECT_EQ(ids.size(), 1u);
  EXPECT_EQ(kept.size(), 1u);  // every call returns the one stored, not its own
  EXPECT_EQ(inserted, 1);
  // Saving again later returns the stored one too.
  auto again = store_->Save(Key(), Figures());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_FALSE(again->inserted);
  EXPECT_EQ(again->stored.result_id, *ids.begin());
}

}  // namespace
}  // namespace pif::workforce
