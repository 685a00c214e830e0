// The submission store of self-evaluations as the contract shows it: rejections cleared by a
// RecordSelfEvaluation batch of one name no batch.
#include "pif/reporting/domain/self_evaluation_submissions.h"

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/reporting/domain/self_evaluation_store.h"
#include "pif/reporting/testing/rejections_store.h"

namespace pif::reporting {
namespace {

using ::testing::ElementsAre;
using testing::RejectionsOnlyStore;

submission::StoredRejection ClearedBy(const std::string& batch_id) {
  submission::StoredRejection rejection;
  rejection.council = "S12000033";
  rejection.batch_id = "se-1";
  rejection.cleared_reason = "CORRECTED";
  rejection.cleared_by_batch = batch_id;
  return rejection;
}

std::vector<std::string> ClearingBatches(const submission::RejectionPage& page) {
  std::vector<std::string> batches;
  for (const submission::StoredRejection& rejection : page.rejections) {
    batches.push_back(rejection.cleared_by_batch);
  }
  return batches;
}

class SelfEvaluationSubmissionsTest : public ::testing::Test {
 protected:
  SelfEvaluationSubmissionsTest() {
    single_ = absl::StrCat(kSingleRecordBatchPrefix, "00aa");
    look_alike_ = absl::StrCat(kSingleRecordBatchPrefix, "00bb");
    store_.source_systems = {{single_, kSingleRecordSource}, {look_alike_, "county-system"}};
    filter_.council = "S12000033";
    filter_.include_cleared = true;
  }

  RejectionsOnlyStore store_;
  SelfEvaluationSubmissions submissions_{store_};
  submission::RejectionFilter filter_;
  std::string single_;
  std::string look_alike_;
};

TEST_F(SelfEvaluationSubmissionsTest, ABatchOfOneOfRecordSelfEvaluationIsShownWithoutItsId) {
  store_.page.rejections = {ClearedBy("se-2"), ClearedBy(single_), ClearedBy(look_alike_),
                            ClearedBy(single_), submission::StoredRejection()};
  absl::StatusOr<submission::RejectionPage> page = submissions_.ListRejections(filter_);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_THAT(ClearingBatches(*page), ElementsAre("se-2", "", look_alike_, "", ""));
  EXPECT_TRUE(store_.last_filter.include_cleared);
  // Each batch named like a batch of one is read once; a client's batch is never read.
  EXPECT_EQ(store_.batch_reads, 2);
}

TEST_F(SelfEvaluationSubmissionsTest, ABatchThatCannotBeReadFailsTheListing) {
  store_.page.rejections = {ClearedBy(single_)};
  store_.batch_failure = absl::UnavailableError("database connection lost");
  EXPECT_EQ(submissions_.ListRejections(filter_).status().code(), absl::StatusCode::kUnavailable);
}

TEST_F(SelfEvaluationSubmissionsTest, EveryOtherCallGoesToTheStoreUnchanged) {
  store_.data_version.version = 7;
  absl::StatusOr<submission::DataVersion> version = submissions_.GetDataVersion("S12000033");
  ASSERT_TRUE(version.ok()) << version.status();
  EXPECT_EQ(version->version, 7);
  absl::StatusOr<submission::BatchAudit> batch = submissions_.GetBatch("S12000033", single_);
  ASSERT_TRUE(batch.ok()) << batch.status();
  EXPECT_EQ(batch->source_system, kSingleRecordSource);
  EXPECT_EQ(submissions_.GetRejection("S12000033", "r-1").status().message(), "GetRejection");
}

}  // namespace
}  // namespace pif::reporting
