// The sample council looks like a Scottish council: one child in eight with an open case is
// looked after, a quarter of them at home, and the rest mostly in kinship and foster care.
#include <cstring>
#include <map>

#include "gtest/gtest.h"
#include "pif/engine/snapshot.h"
#include "pif/sample/council.h"

namespace pif::sample {
namespace {

using engine::ChildTimeline;
using engine::Snapshot;

bool Is(const std::string& code, std::initializer_list<const char*> values) {
  for (const char* v : values) {
    if (code == v) return true;
  }
  return false;
}

// Children on one day: with an open case, looked after, and where the looked-after live.
struct Census {
  int64_t open = 0;
  int64_t looked_after = 0;
  int64_t home = 0;
  int64_t kinship = 0;
  int64_t foster = 0;
  int64_t residential = 0;

  double Share(int64_t part, int64_t whole) const {
    return whole == 0 ? 0 : static_cast<double>(part) / static_cast<double>(whole);
  }
};

Census CountOn(const Snapshot& snapshot, dates::Date d) {
  Census c;
  for (const ChildTimeline& t : snapshot.children()) {
    bool open = false;
    for (const engine::Involvement* i : t.involvements) {
      if (i->open_date <= d && (!i->close_date.has_value() || d < *i->close_date)) open = true;
    }
    if (open) ++c.open;
    if (!t.LookedAfterOn(d)) continue;
    EXPECT_TRUE(open) << t.child->person_id << " is looked after on " << d << " without a case";
    ++c.looked_after;
    const engine::Placement* p = t.PlacementAt(d);
    if (p == nullptr || p->type == "HOME") {
      ++c.home;
    } else if (p->type == "KIN") {
      ++c.kinship;
    } else if (Is(p->type, {"FOST_LA", "FOST_PURCH", "PROSP_ADOPT", "OTH_COMM"})) {
      ++c.foster;
    } else {
      ++c.residential;
    }
  }
  return c;
}

uint64_t SeedFromEnvironment() {
  const char* seed = std::getenv("SEED");
  return seed == nullptr ? 7 : std::stoull(seed);
}

class ProportionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    SampleOptions options;
    options.children = 20000;
    options.seed = SeedFromEnvironment();
    snapshot_ = new Snapshot(GenerateCouncil(options));
  }
  static void TearDownTestSuite() {
    delete snapshot_;
    snapshot_ = nullptr;
  }
  static Snapshot* snapshot_;
};

Snapshot* ProportionsTest::snapshot_ = nullptr;

TEST_F(ProportionsTest, OneInEightWithAnOpenCaseIsLookedAfterAQuarterOfThemAtHome) {
  const Census c = CountOn(*snapshot_, DefaultAsOf());
  const int64_t lac = c.looked_after;
  std::cout << "on " << DefaultAsOf() << ": open " << c.open << ", looked after " << lac << " ("
            << c.Share(lac, c.open) << "); home " << c.Share(c.home, lac) << ", kinship "
            << c.Share(c.kinship, lac) << ", foster " << c.Share(c.foster, lac) << ", residential "
            << c.Share(c.residential, lac) << "\n";
  EXPECT_NEAR(c.Share(lac, c.open), 1.0 / 8, 0.025);
  EXPECT_NEAR(c.Share(c.home, lac), 0.25, 0.05);
  EXPECT_NEAR(c.Share(c.kinship, lac), 0.30, 0.07);
  EXPECT_NEAR(c.Share(c.foster, lac), 0.35, 0.07);
  EXPECT_NEAR(c.Share(c.residential, lac), 0.10, 0.05);
}

TEST_F(ProportionsTest, ProportionsHoldInEveryYearOfTheHistory) {
  // Families arrive at a steady rate, so the five census dates of the trends look alike.
  for (int k = 1; k < 5; ++k) {
    const dates::Date census = DefaultAsOf().AddMonths(-12 * k);
    const Census c = CountOn(*snapshot_, census);
    std::cout << "on " << census << ": open " << c.open << ", looked after share "
              << c.Share(c.looked_after, c.open) << ", at home " << c.Share(c.home, c.looked_after)
              << "\n";
    EXPECT_NEAR(c.Share(c.looked_after, c.open), 1.0 / 8, 0.035) << census;
    EXPECT_NEAR(c.Share(c.home, c.looked_after), 0.25, 0.08) << census;
  }
}

TEST_F(ProportionsTest, MostEpisodesHaveOneOrTwoPlacementsSomeThreeOrMore) {
  std::map<size_t, int64_t> by_count;
  int64_t episodes = 0;
  for (const engine::CareEpisode& e : snapshot_->records().care_episodes) {
    const size_t n = snapshot_->PlacementsOfEpisode(e.episode_id).size();
    if (n == 0) continue;  // short breaks only
    ++by_count[std::min<size_t>(n, 3)];
    ++episodes;
  }
  const double one_or_two =
      static_cast<double>(by_count[1] + by_count[2]) / static_cast<double>(episodes);
  const double three_plus = static_cast<double>(by_count[3]) / static_cast<double>(episodes);
  std::cout << episodes << " episodes: one " << by_count[1] << ", two " << by_count[2]
            << ", three or more " << by_count[3] << "\n";
  EXPECT_GT(one_or_two, 0.65);
  EXPECT_GT(three_plus, 0.08);
  EXPECT_LT(three_plus, 0.30);
}

TEST_F(ProportionsTest, SiblingGroupsAreCommonAndMostArePlacedTogether) {
  int64_t groups = 0;
  int64_t together = 0;
  const dates::Date census = DefaultAsOf();
  for (const auto& [family, members] : snapshot_->families()) {
    std::vector<const engine::Placement*> placed;
    for (const ChildTimeline* t : members) {
      if (const engine::Placement* p = t->AccommodatingPlacementAt(census)) placed.push_back(p);
    }
    if (placed.size() < 2) continue;
    ++groups;
    bool same = !placed[0]->carer_id.empty();
    for (const engine::Placement* p : placed) same = same && p->carer_id == placed[0]->carer_id;
    if (same) ++together;
  }
  std::cout << groups << " sibling groups accommodated on " << census << ", " << together
            << " together\n";
  ASSERT_GT(groups, 20);
  EXPECT_NEAR(static_cast<double>(together) / static_cast<double>(groups), 0.70, 0.15);
}

}  // namespace
}  // namespace pif::sample
