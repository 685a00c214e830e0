// Paging of the list rpcs: the window a page asks of a store and the page handed back.
#include "pif/reporting/domain/page.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/core/domain_status.h"

namespace pif::reporting {
namespace {

using ::testing::ElementsAre;

TEST(WindowOfTest, NoSizeTakesTheListsDefaultAndAskingTooMuchTakesItsMaximum) {
  absl::StatusOr<PageWindow> fallback = WindowOf(PageAsk{}, 50, 500);
  ASSERT_TRUE(fallback.ok()) << fallback.status();
  EXPECT_EQ(fallback->size, 50);
  EXPECT_EQ(fallback->offset, 0);
  EXPECT_EQ(fallback->limit(), 51);
  absl::StatusOr<PageWindow> capped = WindowOf(PageAsk{10000, ""}, 50, 500);
  ASSERT_TRUE(capped.ok()) << capped.status();
  EXPECT_EQ(capped->size, 500);
}

TEST(WindowOfTest, ANextPageTokenContinuesWhereThePageEnded) {
  absl::StatusOr<PageWindow> window = WindowOf(PageAsk{2, OffsetPageToken(4)}, 50, 500);
  ASSERT_TRUE(window.ok()) << window.status();
  EXPECT_EQ(window->size, 2);
  EXPECT_EQ(window->offset, 4);
}

TEST(WindowOfTest, ANegativeSizeOrAForeignTokenIsRefusedNamingItsField) {
  const absl::Status negative = WindowOf(PageAsk{-1, ""}, 50, 500).status();
  EXPECT_EQ(negative.code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(FieldViolationsOf(negative).size(), 1u);
  EXPECT_EQ(FieldViolationsOf(negative)[0].field, "page_size");
  const absl::Status foreign = WindowOf(PageAsk{0, "not-ours"}, 50, 500).status();
  EXPECT_EQ(foreign.code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(FieldViolationsOf(foreign).size(), 1u);
  EXPECT_EQ(FieldViolationsOf(foreign)[0].field, "page_token");
}

TEST(PageOfTest, TheExtraRowIsDroppedAndTellsThatAnotherPageFollows) {
  const Page<int> page = PageOf(std::vector<int>{1, 2, 3}, PageWindow{2, 4});
  EXPECT_THAT(page.items, ElementsAre(1, 2));
  absl::StatusOr<int64_t> next = ParseOffsetPageToken(page.next_page_token);
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_EQ(*next, 6);
}

TEST(PageOfTest, APageWithoutTheExtraRowIsTheLast) {
  const Page<int> full = PageOf(std::vector<int>{1, 2}, PageWindow{2, 0});
  EXPECT_THAT(full.items, ElementsAre(1, 2));
  EXPECT_EQ(full.next_page_token, "");
  EXPECT_TRUE(PageOf(std::vector<int>{}, PageWindow{2, 0}).items.empty());
}

}  // namespace
}  // namespace pif::reporting
