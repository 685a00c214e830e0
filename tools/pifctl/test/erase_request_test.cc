#include "erase_request.h"

#include <sstream>

#include "gtest/gtest.h"

namespace pif::ctl {
namespace {

EraseFlags Flags() { return {"S12000033", "P-17", "SAR-2026-004", ""}; }

TEST(EraseRequestOfTest, CarriesTheFlags) {
  EraseFlags flags = Flags();
  flags.request_id = "erasure-1";
  const absl::StatusOr<intake::v1::EraseChildRequest> request = EraseRequestOf(flags);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->council(), "S12000033");
  EXPECT_EQ(request->person_id(), "P-17");
  EXPECT_EQ(request->reason(), "SAR-2026-004");
  EXPECT_EQ(request->request_id(), "erasure-1");
}

TEST(EraseRequestOfTest, RequiresCouncilPersonAndReason) {
  for (auto [clear, flag] : {std::pair{&EraseFlags::council, "--council"},
                             std::pair{&EraseFlags::person_id, "--person_id"},
                             std::pair{&EraseFlags::reason, "--reason"}}) {
    EraseFlags flags = Flags();
    (flags.*clear).clear();
    const absl::Status status = EraseRequestOf(flags).status();
    EXPECT_TRUE(absl::IsInvalidArgument(status)) << flag;
    EXPECT_EQ(status.message(), std::string(flag) + " is required");
  }
}

TEST(EraseRequestOfTest, RefusesARequestIdTheServiceWouldRefuse) {
  EraseFlags flags = Flags();
  flags.request_id = "with\nnewline";
  EXPECT_TRUE(absl::IsInvalidArgument(EraseRequestOf(flags).status()));
  flags.request_id = std::string(129, 'a');
  EXPECT_TRUE(absl::IsInvalidArgument(EraseRequestOf(flags).status()));
}

TEST(EraseRequestOfTest, DerivedRequestIdIsStableAndDiffersWithAnyFlag) {
  const std::string id = EraseRequestOf(Flags())->request_id();
  EXPECT_EQ(id.rfind("pifctl-erase-", 0), 0u) << id;
  EXPECT_EQ(id.size(), 13u + 64u);
  EXPECT_EQ(EraseRequestOf(Flags())->request_id(), id);
  EraseFlags other = Flags();
  other.person_id = "P-18";
  EXPECT_NE(EraseRequestOf(other)->request_id(), id);
  other = Flags();
  other.reason = "SAR-2026-005";
  EXPECT_NE(EraseRequestOf(other)->request_id(), id);
  // Values cannot run into each other: "P-1" + "7SAR" is not "P-17" + "SAR".
  other = {"S12000033", "P-1", "7SAR-2026-004", ""};
  EXPECT_NE(EraseRequestOf(other)->request_id(), id);
}

TEST(WriteErasureTest, ListsEachTypeAndTheTotals) {
  intake::v1::EraseChildResponse response;
  auto* child = response.add_erased();
  child->set_record_type(intake::v1::RECORD_TYPE_CHILD);
  child->set_count(1);
  response.set_rejection_count(2);
  response.set_batch_summary_count(1);
  response.set_data_version(9);
  response.mutable_erased_at()->set_seconds(1772357400);
  std::ostringstream out;
  WriteErasure(out, response);
  EXPECT_EQ(out.str(),
            "erased  RECORD_TYPE_CHILD  1\n"
            "rejections erased  2\n"
            "batch summaries redacted  1\n"
            "deletions redacted  0\n"
            "data version  9\n"
            "erased at  2026-03-01T09:30:00Z\n");
}

}  // namespace
}  // namespace pif::ctl
