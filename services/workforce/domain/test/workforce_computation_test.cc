// The computation over fakes of its sources and store: provenance, reuse of stored figures, 7.4
// joined to intake's open cases only when asked for, and nothing stored when intake is out of
// reach.
#include "pif/workforce/domain/workforce_computation.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/workforce/domain/figure_catalogue.h"
#include "pif/workforce/testing/domain_fakes.h"
#include "pif/workforce/testing/staff_builder.h"

namespace pif::workforce {
namespace {

using testing::ClasYear;
using testing::D;
using ::testing::ElementsAre;
using testing::FakeOpenCasesSource;
using testing::FakeResultsStore;
using testing::FakeStaffSource;
using ::testing::HasSubstr;
using testing::StaffBuilder;

constexpr char kCouncil[] = "S12000033";

// Four staff at the census date of 2023-24: two QSWs (one suitably qualified), a residential
// worker and a team manager.
StaffRecords Staff() {
  StaffBuilder b;
  b.Add("Q1", Role::kQsw, "2015-03-01").nts_qual_met = true;
  b.Add("Q2", Role::kQsw, "2022-01-10");
  b.Add("R1", Role::kResidential, "2019-09-01").reg_qual_met = true;
  StaffRow& manager = b.Add("M1", Role::kManager, "2010-05-01");
  manager.manager_level = ManagerLevel::kTeam;
  manager.mgmt_qual = true;
  b.Absent("Q2", "2024-02", AbsenceType::kSick, 3);
  return StaffRecords{b.staff, b.absences};
}

WorkforceQuery Query(std::vector<std::string> codes, bool published = false) {
  WorkforceQuery query;
  query.council = kCouncil;
  query.period = ClasYear(2023);
  query.codes = std::move(codes);
  query.published = published;
  return query;
}

const WorkforceFigure& FigureOf(const WorkforceResultSet& set, const std::string& code) {
  for (const WorkforceFigure& figure : set.figures.results) {
    if (figure.code == code) return figure;
  }
  ADD_FAILURE() << "no figure " << code;
  static const WorkforceFigure* none = new WorkforceFigure();
  return *none;
}

std::vector<std::string> CodesOf(const WorkforceResultSet& set) {
  std::vector<std::string> codes;
  for (const WorkforceFigure& figure : set.figures.results) codes.push_back(figure.code);
  return codes;
}

class WorkforceComputationTest : public ::testing::Test {
 protected:
  WorkforceComputationTest() {
    staff_.Set(kCouncil, Staff(), 3);
    OpenCases cases;
    cases.children = {{"C1", {"Q1"}}, {"C2", {"M1"}}, {"C3", {}}, {"C4", {"X9"}}};
    intake_.Set(kCouncil, cases, 41);
  }

  FakeStaffSource staff_;
  FakeResultsStore store_;
  FakeOpenCasesSource intake_;
  WorkforceComputation computation_{staff_, store_, intake_};
};

TEST_F(WorkforceComputationTest, AComputationIsStoredWithTheProvenanceOfWhatItRead) {
  absl::StatusOr<WorkforceResultSet> set = computation_.ComputeChecked(Query({"7.5", "9.1"}));
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_FALSE(set->reused);
  EXPECT_THAT(CodesOf(*set), ElementsAre("7.5", "9.1"));
  const WorkforceProvenance& provenance = set->provenance;
  EXPECT_EQ(provenance.council, kCouncil);
  EXPECT_EQ(provenance.period.last, D("2024-07-31"));
  EXPECT_EQ(provenance.workforce_data_version, 3);
  EXPECT_EQ(provenance.intake_data_version, 0);
  EXPECT_EQ(provenance.definitions_version, WorkforceDefinitionsVersion());
  EXPECT_FALSE(provenance.policy.has_value());
  EXPECT_EQ(provenance.result_id, "result-1");
  EXPECT_EQ(provenance.computed_at, absl::FromUnixSeconds(1700000001));
  // 7.5: Q1 of Q1, Q2 and R1 (the manager is not in D).
  const WorkforceFigure& qualified = FigureOf(*set, "7.5");
  EXPECT_EQ(qualified.numerator->value, 1);
  EXPECT_EQ(qualified.denominator->value, 3);
  EXPECT_EQ(std::get<figures::PublishedPercent>(qualified.headline).value, 33.3);

  ASSERT_EQ(store_.keys().size(), 1u);
  const ResultKey& key = store_.keys()[0];
  EXPECT_EQ(key.codes, "7.5,9.1");
  EXPECT_EQ(key.workforce_data_version, 3);
  EXPECT_FALSE(key.policy.has_value());
  // Intake was not needed, so not called.
  EXPECT_EQ(intake_.calls(), 0);
}

TEST_F(WorkforceComputationTest, TheSameComputationOnTheSameDataIsTheStoredOneUnread) {
  auto first = computation_.ComputeChecked(Query({"7.1", "7.4a"}));
  ASSERT_TRUE(first.ok()) << first.status();
  auto again = computation_.ComputeChecked(Query({"7.1", "7.4a"}));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->reused);
  EXPECT_EQ(again->provenance.result_id, first->provenance.result_id);
  EXPECT_EQ(again->provenance.computed_at, first->provenance.computed_at);
  EXPECT_EQ(again->provenance.intake_data_version, 41);
  EXPECT_EQ(staff_.read_calls(), 1);
  EXPECT_EQ(intake_.load_calls(), 1);
  EXPECT_EQ(store_.save_calls(), 1);

  // New workforce data is a new computation.
  staff_.Set(kCouncil, Staff(), 4);
  auto newer = computation_.ComputeChecked(Query({"7.1", "7.4a"}));
  ASSERT_TRUE(newer.ok()) << newer.status();
  EXPECT_FALSE(newer->reused);
  EXPECT_NE(newer->provenance.result_id, first->provenance.result_id);
  EXPECT_EQ(newer->provenance.workforce_data_version, 4);
}

TEST_F(WorkforceComputationTest, SevenFourJoinsIntakesOpenCasesAtTheCensusDate) {
  auto set = computation_.ComputeChecked(Query({"7.4a", "7.4b"}));
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_EQ(intake_.last_census(), D("2024-07-31"));
  EXPECT_EQ(set->provenance.intake_data_version, 41);
  // Four children; Q1 is a QSW, M1 a manager, X9 unknown to the workforce data.
  EXPECT_EQ(FigureOf(*set, "7.4a").numerator->value, 1);
  EXPECT_EQ(FigureOf(*set, "7.4a").denominator->value, 4);
  EXPECT_EQ(FigureOf(*set, "7.4b").numerator->value, 3);
  EXPECT_EQ(store_.keys().at(0).intake_data_version, 41);
}

TEST_F(WorkforceComputationTest, UnavailableIntakeFailsTheWholeCallAndStoresNothing) {
  intake_.FailWith(
      absl::UnavailableError("7.4 needs the intake service at x, which is unavailable"));
  auto set = computation_.ComputeChecked(Query({"7.1", "7.4a"}));
  EXPECT_EQ(set.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(set.status().message(), HasSubstr("7.4 needs the intake service"));
  EXPECT_EQ(store_.save_calls(), 0);
  EXPECT_EQ(store_.stored_count(), 0u);

  // Without 7.4 the figures are there.
  auto without = computation_.ComputeChecked(Query({"7.1"}));
  ASSERT_TRUE(without.ok()) << without.status();
  EXPECT_EQ(without->provenance.intake_data_version, 0);
}

TEST_F(WorkforceComputationTest, PublishedFiguresCarryThePolicyAndSuppressSmallCounts) {
  auto set = computation_.ComputeChecked(Query({"7.5"}, /*published=*/true));
  ASSERT_TRUE(set.ok()) << set.status();
  ASSERT_TRUE(set->provenance.policy.has_value());
  EXPECT_EQ(set->provenance.policy->smallest_shown_count, 6);
  ASSERT_TRUE(store_.keys().at(0).policy.has_value());
  const WorkforceFigure& qualified = FigureOf(*set, "7.5");
  EXPECT_TRUE(qualified.numerator->suppressed());
  EXPECT_FALSE(qualified.numerator->value.has_value());
}

TEST_F(WorkforceComputationTest, OpenRejectionsAreNotedAndStoredWithTheFigures) {
  staff_.SetOpenRejections(2);
  auto set = computation_.ComputeChecked(Query({"7.5"}));
  ASSERT_TRUE(set.ok()) << set.status();
  ASSERT_EQ(set->figures.notes.size(), 1u);
  EXPECT_EQ(set->figures.notes[0].code, "REJECTIONS_OUTSTANDING");
  EXPECT_EQ(set->figures.notes[0].count, 2);
}

TEST_F(WorkforceComputationTest, ARequestIsCheckedBeforeAnythingIsRead) {
  ComputeRequest request;
  request.council = kCouncil;
  request.period.first_day = figures::DayFields{2024, 8, 1};
  request.period.last_day = figures::DayFields{2024, 7, 31};
  auto set = computation_.Compute(request);
  EXPECT_EQ(set.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(staff_.read_calls(), 0);
  EXPECT_EQ(intake_.calls(), 0);

  request.period.first_day = figures::DayFields{2023, 8, 1};
  request.codes = {"9.1"};
  auto checked = computation_.Compute(request);
  ASSERT_TRUE(checked.ok()) << checked.status();
  EXPECT_THAT(CodesOf(*checked), ElementsAre("9.1"));
}

TEST_F(WorkforceComputationTest, AFailingStaffSourceFailsTheCallAndStoresNothing) {
  staff_.FailWith(absl::UnavailableError("database gone"));
  auto set = computation_.ComputeChecked(Query({"7.5"}));
  EXPECT_EQ(set.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(store_.stored_count(), 0u);
}

}  // namespace
}  // namespace pif::workforce
