// The PostgreSQL store against a real throwaway database (PIF_TEST_PG), migrated as the service
// migrates it.
#include "pif/indicators/store/pg_indicators_store.h"

#include "gtest/gtest.h"
#include "pif/dates/date.h"
#include "pif/pg/migrations.h"
#include "pif/testing/test_database.h"
#include "result_json.h"

namespace pif::pg {
const std::vector<Migration>& IndicatorsMigrations();
}

namespace pif::indicators {
namespace {

engine::Date D(const char* text) { return *dates::ParseDate(text); }

figures::PublishedCount Shown(int64_t value) {
  figures::PublishedCount count;
  count.value = value;
  return count;
}

figures::PublishedCount Suppressed(figures::SuppressionReason reason) {
  figures::PublishedCount count;
  count.reason = reason;
  return count;
}

ResultKey Key(DisclosureMode mode) {
  ResultKey key;
  key.council = "S12000033";
  key.period = {D("2023-08-01"), D("2024-07-31")};
  key.intake_data_version = 12;
  key.definitions_version = "defs-0123456789ab";
  key.request = "codes=1 S.1;breakdowns=sex";
  key.mode = mode;
  if (mode == DisclosureMode::kPublished) key.policy = figures::DisclosurePolicy();
  return key;
}

// A published 1 S.1 with a suppressed numerator, a withheld and a shown percentage, a cell and a
// supplementary figure: every form the stored JSON must carry.
ResultSet PublishedSet() {
  IndicatorFigures figures;
  figures.code = "1 S.1";
  figures.title = "Repeat child protection referrals";
  figures.polarity = figures::Polarity::kLowerIsBetter;
  figures.definition_version = "1";
  figures.numerator = Suppressed(figures::SuppressionReason::kPrimary);
  figures.denominator = Shown(8);
  figures.unknown = Shown(0);
  figures.percent.reason = figures::WithholdReason::kNumeratorSuppressed;
  figures::PublishedCell cell;
  cell.dimension = "sex";
  cell.category = "NOT_RECORDED";
  cell.numerator = Shown(7);
  cell.denominator = Suppressed(figures::SuppressionReason::kSecondary);
  cell.percent.value = 1.0 / 3.0 * 100.0;  // not a tenth: stored as tenths, read back 33.3
  figures.breakdowns.push_back(cell);
  figures.supplementary.push_back({"response_count", "Survey responses", Shown(12)});
  figures.withheld_dimensions = {"locality"};
  ResultSet set;
  set.results = {figures};
  set.notes = {{"REJECTIONS_OUTSTANDING", "3 records are still rejected.", "", 3}};
  return set;
}

class PgIndicatorsStoreTest : public ::testing::Test {
 protected:
  PgIndicatorsStoreTest() : db_("indicators_store") {
    pqxx::connection connection(db_.conninfo());
    auto applied = pg::ApplyMigrations(connection, "indicators", pg::IndicatorsMigrations());
    EXPECT_TRUE(applied.ok()) << applied.status();
    auto pool = pg::Pool::Open(db_.conninfo(), 2);
    EXPECT_TRUE(pool.ok()) << pool.status();
    pool_ = std::move(*pool);
    store_ = std::make_unique<PgIndicatorsStore>(pool_.get());
  }

  testing::TestDatabase db_;
  std::unique_ptr<pg::Pool> pool_;
  std::unique_ptr<PgIndicatorsStore> store_;
};

TEST_F(PgIndicatorsStoreTest, SavedSetIsFoundByItsKeyExactlyAsSaved) {
  const ResultKey key = Key(DisclosureMode::kPublished);
  auto saved = store_->SaveResult(key, PublishedSet());
  ASSERT_TRUE(saved.ok()) << saved.status();
  EXPECT_FALSE(saved->already_stored);
  EXPECT_EQ(saved->set.provenance.result_id.size(), 36u);  // a UUID
  EXPECT_GT(saved->set.provenance.computed_at, absl::Now() - absl::Minutes(5));
  auto found = store_->FindResult(key);
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_TRUE(found->has_value());
  const ResultSet& set = **found;
  EXPECT_EQ(set.provenance.result_id, saved->set.provenance.result_id);
  EXPECT_EQ(set.provenance.computed_at, saved->set.provenance.computed_at);
  EXPECT_EQ(set.provenance.intake_data_version, 12);
  ASSERT_TRUE(set.provenance.policy.has_value());
  EXPECT_EQ(set.provenance.policy->smallest_shown_count, 6);
  // The figures read back render the same JSON: nothing was lost or changed on the way.
  EXPECT_EQ(ResultsToJson(set.results), ResultsToJson(saved->set.results));
  const IndicatorFigures& figures = set.results.at(0);
  EXPECT_EQ(figures.numerator.reason, figures::SuppressionReason::kPrimary);
  EXPECT_FALSE(figures.numerator.value.has_value());
  EXPECT_EQ(figures.breakdowns.at(0).percent.value, 33.3);
  EXPECT_EQ(figures.breakdowns.at(0).denominator.reason, figures::SuppressionReason::kSecondary);
  EXPECT_EQ(figures.supplementary.at(0).count.value, 12);
  EXPECT_EQ(figures.withheld_dimensions, std::vector<std::string>{"locality"});
  EXPECT_EQ(set.notes.at(0).count, 3);
}

TEST_F(PgIndicatorsStoreTest, AnyDifferenceInTheKeyIsAnotherComputation) {
  ASSERT_TRUE(store_->SaveResult(Key(DisclosureMode::kPublished), PublishedSet()).ok());
  std::vector<ResultKey> others(6, Key(DisclosureMode::kPublished));
  others[0].intake_data_version = 13;
  others[1].period.last = D("2024-07-30");
  others[2].request = "codes=*;breakdowns=sex";
  others[3] = Key(DisclosureMode::kInternal);
  others[4].policy->smallest_shown_count = 5;
  others[5].definitions_version = "defs-other";
  for (const ResultKey& other : others) {
    auto found = store_->FindResult(other);
    ASSERT_TRUE(found.ok()) << found.status();
    EXPECT_FALSE(found->has_value()) << other.request;
  }
}

TEST_F(PgIndicatorsStoreTest, SavingAnIdenticalComputationAgainKeepsTheFirst) {
  const ResultKey key = Key(DisclosureMode::kInternal);
  auto first = store_->SaveResult(key, PublishedSet());
  ASSERT_TRUE(first.ok()) << first.status();
  ResultSet second_set = PublishedSet();
  second_set.notes.clear();
  auto second = store_->SaveResult(key, second_set);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_TRUE(second->already_stored);
  EXPECT_EQ(second->set.provenance.result_id, first->set.provenance.result_id);
  EXPECT_EQ(second->set.notes.size(), 1u);
}

TEST_F(PgIndicatorsStoreTest, PolicyIsAbsentUntilSetThenReplacedWithItsSetter) {
  auto none = store_->FindPolicy("S12000033");
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_FALSE(none->has_value());
  figures::DisclosurePolicy policy;
  policy.smallest_shown_count = 4;
  policy.min_percent_denominator = 20;
  policy.secondary_suppression = false;
  ASSERT_TRUE(store_->SavePolicy("S12000033", policy, "first").ok());
  policy.smallest_shown_count = 9;
  auto saved = store_->SavePolicy("S12000033", policy, "second");
  ASSERT_TRUE(saved.ok()) << saved.status();
  auto found = store_->FindPolicy("S12000033");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->policy.smallest_shown_count, 9);
  EXPECT_EQ((*found)->policy.min_percent_denominator, 20);
  EXPECT_FALSE((*found)->policy.secondary_suppression);
  EXPECT_EQ((*found)->updated_by, "second");
  EXPECT_EQ((*found)->updated_at, saved->updated_at);
  EXPECT_FALSE(store_->FindPolicy("S12000034")->has_value());
}

TEST(ResultJsonTest, UnreadableStoredTextIsDataLoss) {
  EXPECT_EQ(ResultsFromJson("not json").status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(ResultsFromJson(R"([{"code":"1 S.1"}])").status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(NotesFromJson("[{}]").status().code(), absl::StatusCode::kDataLoss);
}

}  // namespace
}  // namespace pif::indicators
