// Page sizes and page tokens of list rpcs.
#include "pif/proto_util/paging.h"

#include "gtest/gtest.h"
#include "pif/core/domain_status.h"

namespace pif {
namespace {

std::string RuleOf(const absl::Status& status) {
  auto violations = FieldViolationsOf(status);
  return violations.empty() ? "" : violations[0].field + ":" + violations[0].rule_code;
}

TEST(PageSizeTest, ZeroIsTheDefaultAboveTheMaximumIsTheMaximumNegativeIsAnError) {
  EXPECT_EQ(*PageSize(0, 50, 500), 50);
  EXPECT_EQ(*PageSize(7, 50, 500), 7);
  EXPECT_EQ(*PageSize(501, 50, 500), 500);
  EXPECT_EQ(RuleOf(PageSize(-1, 50, 500).status()), "page_size:OUT_OF_RANGE");
}

TEST(PageTokenTest, RoundTripsAnOffsetAndRefusesForeignTokens) {
  EXPECT_EQ(*ParseOffsetPageToken(""), 0);
  EXPECT_EQ(*ParseOffsetPageToken(OffsetPageToken(150)), 150);
  EXPECT_EQ(RuleOf(ParseOffsetPageToken("150").status()), "page_token:MALFORMED_PAGE_TOKEN");
  EXPECT_EQ(RuleOf(ParseOffsetPageToken(OffsetPageToken(-3)).status()),
            "page_token:MALFORMED_PAGE_TOKEN");
}

}  // namespace
}  // namespace pif
