// The shared intake client against an intake in process: versions, snapshots record by record
// across chunks, and every way a snapshot or a call can fail, named as the caller needs it.
#include "pif/case_client/intake_client.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/case_client/testing/fake_intake.h"

namespace pif::case_client {
namespace {

using ::testing::ElementsAre;
using testing::FakeIntakeService;
using ::testing::HasSubstr;
using testing::LocalServer;

constexpr char kCouncil[] = "S12000033";

intake::v1::Record Child(const std::string& person_id) {
  intake::v1::Record record;
  record.mutable_child()->set_person_id(person_id);
  return record;
}

// Reads the snapshot of kCouncil, keeping the person ids handed out.
absl::StatusOr<SnapshotRead> ReadIds(IntakeClient& client, std::vector<std::string>* ids,
                                     const std::vector<intake::v1::RecordType>& types = {}) {
  return client.ReadSnapshot(kCouncil, types, [ids](const intake::v1::Record& record) {
    ids->push_back(record.child().person_id());
    return absl::OkStatus();
  });
}

class IntakeClientTest : public ::testing::Test {
 protected:
  IntakeClientTest() { intake_.Set({Child("C1"), Child("C2"), Child("C3")}, 7); }

  IntakeClient Client(const std::string& purpose = "") {
    return IntakeClient(ConnectTo("intake", server_.address(), absl::Seconds(5), purpose));
  }

  FakeIntakeService intake_;
  LocalServer server_{&intake_};
};

TEST_F(IntakeClientTest, CurrentVersionAndOpenRejectionsAreIntakes) {
  intake_.SetOpenRejections(4);
  IntakeClient client = Client();
  EXPECT_EQ(client.CurrentVersion(kCouncil).value(), 7);
  EXPECT_EQ(client.OpenRejections(kCouncil).value(), 4);
}

TEST_F(IntakeClientTest, EveryRecordIsHandedOverInOrderAcrossChunks) {
  IntakeClient client = Client();
  std::vector<std::string> ids;
  absl::StatusOr<SnapshotRead> read = ReadIds(client, &ids, {intake::v1::RECORD_TYPE_INVOLVEMENT});
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->data_version, 7);
  EXPECT_EQ(read->record_count, 3);
  EXPECT_THAT(ids, ElementsAre("C1", "C2", "C3"));
  const intake::v1::ExportSnapshotRequest asked = intake_.last_export();
  EXPECT_EQ(asked.council(), kCouncil);
  EXPECT_THAT(asked.record_types(), ElementsAre(intake::v1::RECORD_TYPE_INVOLVEMENT));
  EXPECT_EQ(asked.max_records_per_chunk(), kRecordsPerChunk);
}

TEST_F(IntakeClientTest, AShortSnapshotIsRefusedWithWhatWasAnnouncedAndSent) {
  intake_.AnnounceExtraRecords(2);
  IntakeClient client = Client();
  std::vector<std::string> ids;
  const absl::Status status = ReadIds(client, &ids).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(status.message(), "intake's snapshot of data version 7 announced 5 records and sent 3");
}

TEST_F(IntakeClientTest, ASnapshotWithoutItsHeaderIsRefused) {
  intake_.SendNoHeader();
  IntakeClient client = Client();
  std::vector<std::string> ids;
  const absl::Status status = ReadIds(client, &ids).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(status.message(), "intake sent a snapshot without its header");
}

TEST_F(IntakeClientTest, TheFirstRefusalOfARecordIsReturnedAndNoRecordIsHandedAfterIt) {
  IntakeClient client = Client();
  int handed = 0;
  const absl::Status status = client
                                  .ReadSnapshot(kCouncil, {},
                                                [&handed](const intake::v1::Record& record) {
                                                  ++handed;
                                                  if (record.child().person_id() == "C2") {
                                                    return absl::DataLossError("C2 cannot be read");
                                                  }
                                                  return absl::OkStatus();
                                                })
                                  .status();
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(status.message(), "C2 cannot be read");
  EXPECT_EQ(handed, 2);
}

TEST_F(IntakeClientTest, IntakeRefusingARequestIsAFaultBetweenServices) {
  intake_.FailWith(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "council is not a GSS code"));
  IntakeClient client = Client();
  const absl::Status status = client.CurrentVersion(kCouncil).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(status.message(), HasSubstr("GetDataVersion"));
  std::vector<std::string> ids;
  EXPECT_EQ(ReadIds(client, &ids).status().code(), absl::StatusCode::kInternal);
  EXPECT_TRUE(ids.empty());
}

TEST(IntakeClientUnreachableTest, UnreachableIntakeIsUnavailableNamingItAndWhatNeedsIt) {
  std::string address;
  {
    FakeIntakeService gone;
    LocalServer stopped(&gone);
    address = stopped.address();
  }
  IntakeClient plain(ConnectTo("intake", address, absl::Seconds(5)));
  const absl::Status version = plain.CurrentVersion(kCouncil).status();
  EXPECT_EQ(version.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(version.message(), HasSubstr("the intake service at " + address + " is unavailable"));

  IntakeClient for_74(ConnectTo("intake", address, absl::Seconds(5), "7.4 needs"));
  std::vector<std::string> ids;
  const absl::Status snapshot = ReadIds(for_74, &ids).status();
  EXPECT_EQ(snapshot.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(snapshot.message(),
              HasSubstr("7.4 needs the intake service at " + address + ", which is unavailable"));
}

}  // namespace
}  // namespace pif::case_client
