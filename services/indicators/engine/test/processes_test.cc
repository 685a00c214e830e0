// Golden tests of section 5: 5.1 and 5.2.
#include "pif/engine/testing/builder.h"

namespace pif::engine {
namespace {

using testing::ClasYear;
using testing::ComputeOne;
using testing::D;
using testing::RecordsBuilder;

TEST(AssessmentsInTimeTest, CountsSwAssessmentsDueInPeriodCompletedByTheDueDate) {
  RecordsBuilder b;
  b.AddChild("C1");
  auto add = [&](const std::string& id, const std::string& type, const std::string& due,
                 const std::string& completed, const std::string& status) {
    Assessment& a = b.AddAssessment(id, "C1", type);
    a.due_date = testing::OD(due);
    a.completed_date = testing::OD(completed);
    a.status = status;
  };
  add("A1", "SW", "2023-09-01", "2023-09-01", "COMPLETE");          // on the due date: in time
  add("A2", "SW_CONTRIB", "2023-09-01", "2023-09-02", "COMPLETE");  // a day late
  add("A3", "SW", "2023-09-01", "", "OPEN");                        // not completed
  add("A4", "SW", "2023-09-01", "", "WITHDRAWN");                   // left out
  add("A5", "SW", "2023-09-01", "2023-08-20", "");                  // empty status counts
  add("A6", "HEALTH_LAC", "2023-09-01", "2023-08-20", "COMPLETE");  // other type
  add("A7", "SW", "2024-08-01", "2024-07-01", "COMPLETE");          // due after the period
  add("A8", "SW", "", "2024-07-01", "COMPLETE");                    // no due date
  IndicatorResult r = ComputeOne(b.Build(), "5.1", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 4);
  EXPECT_EQ(r.counts.numerator, 2);
}

TEST(ReviewReportsInTimeTest, CountsReviewsWithADueDateAndBreaksDownByType) {
  RecordsBuilder b;
  b.AddChild("C1");
  Review& r1 = b.AddReview("V1", "C1", "LAC", "2023-10-10");
  r1.sw_due_date = D("2023-10-03");
  r1.sw_submitted_date = D("2023-10-03");
  Review& r2 = b.AddReview("V2", "C1", "CP_REVIEW", "2023-11-10");
  r2.sw_due_date = D("2023-11-03");
  r2.sw_submitted_date = D("2023-11-04");
  Review& r3 = b.AddReview("V3", "C1", "LAC", "2023-12-10");
  r3.sw_due_date = D("2023-12-03");
  b.AddReview("V4", "C1", "LAC", "2023-12-11");  // no due date: left out
  IndicatorResult r = ComputeOne(b.Build(), "5.2", ClasYear(2023));
  EXPECT_EQ(r.counts.denominator, 3);
  EXPECT_EQ(r.counts.numerator, 1);
  int lac_d = -1;
  int lac_n = -1;
  for (const BreakdownCell& cell : r.breakdowns) {
    if (cell.dimension == "review_type" && cell.category == "LAC") {
      lac_d = static_cast<int>(cell.counts.denominator);
      lac_n = static_cast<int>(cell.counts.numerator);
    }
  }
  EXPECT_EQ(lac_d, 2);
  EXPECT_EQ(lac_n, 1);
}

}  // namespace
}  // namespace pif::engine
