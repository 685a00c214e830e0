// The workforce service over gRPC, in process: the adapter and the domain on a real server on
// port 0 (the shared ServiceHost, callers authenticated by tokens of a test identity provider),
// with fakes behind them (staff records, intake's open cases, computed figures), each counted,
// and a submission store answering from canned data. SubmitRecords is proved end to end
// (tests/integration/workforce_service_test.cc): there is no fake submission store to take a
// batch here (pif/submission/testing/fake_store.h does not exist yet), so only its refusal of a
// bad header before the store is reached is tested in process.
#include "pif/workforce/adapter/workforce_grpc_service.h"

#include <grpcpp/client_context.h>

#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/core/domain_status.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/status_mapping.h"
#include "pif/grpc/testing/authorization_matrix.h"
#include "pif/grpc/testing/test_host.h"
#include "pif/grpc/testing/test_identity_provider.h"
#include "pif/proto_util/dates.h"
#include "pif/submission_grpc/testing/counting_store.h"
#include "pif/workforce/testing/domain_fakes.h"
#include "pif/workforce/testing/staff_builder.h"

namespace pif::workforce {
namespace {

using pif::testing::TestIdentityProvider;
using submission_grpc::testing::CountingSubmissionStore;
using testing::FakeOpenCasesSource;
using testing::FakeResultsStore;
using testing::FakeStaffSource;
using ::testing::HasSubstr;
using testing::StaffBuilder;

constexpr char kCouncil[] = "S12000033";

// Answers GetDataVersion, ListRejections and GetRejection from canned data and records what it
// was asked; takes no batch and deletes nothing.
class CannedSubmissionStore final : public submission::SubmissionStore {
 public:
  absl::StatusOr<std::unique_ptr<submission::BatchWriter>> Begin(
      const submission::BatchInfo&, std::optional<submission::BatchSummary>*) override {
    ++begin_calls;
    return absl::UnimplementedError("the canned store takes no batch");
  }
  absl::StatusOr<submission::BatchAudit> GetBatch(const std::string&, const std::string&) override {
    return absl::UnimplementedError("not canned");
  }
  absl::StatusOr<std::vector<submission::BatchAudit>> ListBatches(const std::string&,
                                                                  std::optional<absl::Time>,
                                                                  std::optional<absl::Time>, int,
                                                                  int) override {
    return absl::UnimplementedError("not canned");
  }
  absl::StatusOr<submission::RejectionPage> ListRejections(
      const submission::RejectionFilter& filter) override {
    filters.push_back(filter);
    submission::RejectionPage page;
    page.rejections.push_back(rejection);
    page.open_count = 7;
    return page;
  }
  absl::StatusOr<submission::StoredRejection> GetRejection(
      const std::string& council, const std::string& rejection_id) override {
    if (council != rejection.council || rejection_id != rejection.rejection.rejection_id) {
      return absl::NotFoundError("no such rejection");
    }
    return rejection;
  }
  absl::StatusOr<submission::DataVersion> GetDataVersion(const std::string& council) override {
    ++version_calls;
    last_council = council;
    submission::DataVersion version;
    version.version = 5;
    version.last_batch_id = "staff-5";
    version.changed_at = absl::FromUnixSeconds(1700000500);
    return version;
  }
  absl::StatusOr<submission::DeletionResult> DeleteRecord(const std::string&, const std::string&,
                                                          const std::string&, const std::string&,
                                                          const std::string&) override {
    return absl::UnimplementedError("not canned");
  }
  absl::StatusOr<submission::ErasureResult> ErasePerson(
      const submission::ErasureRequest&) override {
    return absl::UnimplementedError("not canned");
  }
  absl::Status ReadSnapshot(
      const std::string&, const std::vector<std::string>&,
      const std::function<absl::Status(const submission::SnapshotInfo&)>&,
      const std::function<absl::Status(const submission::FlatRecord&)>&) override {
    return absl::UnimplementedError("not canned");
  }

  // A StaffRecord sent typed and rejected (its fte out of range).
  submission::StoredRejection rejection = [] {
    submission::StoredRejection stored;
    stored.council = kCouncil;
    stored.batch_id = "staff-5";
    stored.rejection.rejection_id = "rej-1";
    stored.rejection.position = 2;
    stored.rejection.record_type = "StaffRecord";
    stored.rejection.record_id = "S9|2024-06-01";
    stored.rejection.errors = {{"fte", "FTE_OUT_OF_RANGE", "fte 1.5 is above 1"}};
    stored.cells = {{"staff_id", "S9"},
                    {"valid_from", "2024-06-01"},
                    {"role", "MANAGER"},
                    {"service_start_date", "2020-01-01"},
                    {"fte", "1.5"}};
    stored.received_typed = true;
    stored.received_at = absl::FromUnixSeconds(1700000400);
    return stored;
  }();
  // Every filter listed with, in order.
  std::vector<submission::RejectionFilter> filters;
  std::string last_council;
  int version_calls = 0;
  int begin_calls = 0;
};

// Every call to the domain's sources and stores, counted, then passed to the fakes.
struct DomainCalls {
  std::atomic<int> count{0};
};

class CountingStaff final : public StaffSource {
 public:
  CountingStaff(StaffSource& inner, DomainCalls& calls) : inner_(inner), calls_(calls) {}
  absl::StatusOr<int64_t> CurrentVersion(const std::string& council) override {
    ++calls_.count;
    return inner_.CurrentVersion(council);
  }
  absl::StatusOr<StaffSnapshot> Read(const std::string& council) override {
    ++calls_.count;
    return inner_.Read(council);
  }
  absl::StatusOr<int64_t> OpenRejections(const std::string& council) override {
    ++calls_.count;
    return inner_.OpenRejections(council);
  }

 private:
  StaffSource& inner_;
  DomainCalls& calls_;
};

class CountingResults final : public ResultsStore {
 public:
  CountingResults(ResultsStore& inner, DomainCalls& calls) : inner_(inner), calls_(calls) {}
  absl::StatusOr<std::optional<StoredFigures>> Find(const ResultKey& key) override {
    ++calls_.count;
    return inner_.Find(key);
  }
  absl::StatusOr<SavedFigures> Save(const ResultKey& key, const FigureSet& figures) override {
    ++calls_.count;
    return inner_.Save(key, figures);
  }

 private:
  ResultsStore& inner_;
  DomainCalls& calls_;
};

class CountingOpenCases final : public OpenCasesSource {
 public:
  CountingOpenCases(OpenCasesSource& inner, DomainCalls& calls) : inner_(inner), calls_(calls) {}
  absl::StatusOr<int64_t> CurrentVersion(const std::string& council) override {
    ++calls_.count;
    return inner_.CurrentVersion(council);
  }
  absl::StatusOr<IntakeOpenCases> Load(const std::string& council, dates::Date census) override {
    ++calls_.count;
    return inner_.Load(council, census);
  }

 private:
  OpenCasesSource& inner_;
  DomainCalls& calls_;
};

// Two QSWs and a manager in post at the census date of 2023-24.
StaffRecords Staff() {
  StaffBuilder b;
  b.Add("Q1", Role::kQsw, "2015-03-01").nts_qual_met = true;
  b.Add("Q2", Role::kQsw, "2022-01-10").employment = Employment::kAgency;
  StaffRow& manager = b.Add("M1", Role::kManager, "2010-05-01");
  manager.manager_level = ManagerLevel::kTeam;
  manager.mgmt_qual = true;
  return StaffRecords{b.staff, b.absences};
}

class WorkforceGrpcTest : public ::testing::Test {
 protected:
  WorkforceGrpcTest() {
    staff_.Set(kCouncil, Staff(), 5);
    OpenCases cases;
    cases.children = {{"C1", {"Q1"}}, {"C2", {}}};
    intake_.Set(kCouncil, cases, 12);
    std::vector<HostedService> services;
    services.push_back({v1::WorkforceService::service_full_name(),
                        std::make_unique<WorkforceGrpcService>(counted_records_, computation_)});
    host_ = pif::testing::StartTestHost(std::move(services), identity_.CallAuth());
    stub_ = v1::WorkforceService::NewStub(
        pif::testing::ChannelTo(*host_, identity_.TokenWithEveryRole({kCouncil, "S12000034"})));
  }

  // What the fakes were asked, for the authorization matrix.
  std::string Footprint() const {
    return absl::StrCat(counted_records_.Footprint(), " domain calls=", domain_calls_.count.load());
  }

  grpc::Status Compute(common::v1::DisclosureMode mode, const std::vector<std::string>& codes,
                       v1::ComputeWorkforceResponse* response) {
    v1::ComputeWorkforceRequest request;
    request.set_council(kCouncil);
    *request.mutable_period() = PeriodToProto(testing::ClasYear(2023));
    request.set_disclosure_mode(mode);
    for (const std::string& code : codes) request.add_codes(code);
    grpc::ClientContext context;
    return stub_->ComputeWorkforce(&context, request, response);
  }

  TestIdentityProvider identity_;
  CannedSubmissionStore records_;
  CountingSubmissionStore counted_records_{records_};
  FakeStaffSource staff_;
  FakeResultsStore results_;
  FakeOpenCasesSource intake_;
  DomainCalls domain_calls_;
  CountingStaff counted_staff_{staff_, domain_calls_};
  CountingResults counted_results_{results_, domain_calls_};
  CountingOpenCases counted_intake_{intake_, domain_calls_};
  WorkforceComputation computation_{counted_staff_, counted_results_, counted_intake_};
  std::unique_ptr<ServiceHost> host_;
  // Calls with a token of every role for kCouncil and S12000034.
  std::unique_ptr<v1::WorkforceService::Stub> stub_;
};

TEST_F(WorkforceGrpcTest, ComputeWorkforceGivesTheFiguresWithTheirProvenance) {
  v1::ComputeWorkforceResponse response;
  const grpc::Status status =
      Compute(common::v1::DISCLOSURE_MODE_INTERNAL, {"7.4a", "7.5", "9.1"}, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.results_size(), 3);
  const common::v1::IndicatorResult& allocated = response.results(0);
  EXPECT_EQ(allocated.code(), "7.4a");
  EXPECT_EQ(allocated.numerator().value(), 1);
  EXPECT_EQ(allocated.denominator().value(), 2);
  EXPECT_EQ(allocated.value().value(), 50.0);
  EXPECT_EQ(response.results(1).code(), "7.5");
  EXPECT_EQ(response.results(1).numerator().value(), 1);
  EXPECT_EQ(response.results(1).denominator().value(), 2);
  const common::v1::Provenance& provenance = response.provenance();
  EXPECT_EQ(provenance.council(), kCouncil);
  EXPECT_EQ(provenance.workforce_data_version(), 5);
  EXPECT_EQ(provenance.intake_data_version(), 12);
  EXPECT_EQ(provenance.disclosure_mode(), common::v1::DISCLOSURE_MODE_INTERNAL);
  EXPECT_FALSE(provenance.has_disclosure_policy());
  EXPECT_EQ(provenance.result_id(), "result-1");
  EXPECT_FALSE(response.reused());
}

TEST_F(WorkforceGrpcTest, TheSameComputationAgainIsTheStoredOneByteForByte) {
  v1::ComputeWorkforceResponse first;
  ASSERT_TRUE(Compute(common::v1::DISCLOSURE_MODE_UNSPECIFIED, {}, &first).ok());
  v1::ComputeWorkforceResponse again;
  ASSERT_TRUE(Compute(common::v1::DISCLOSURE_MODE_UNSPECIFIED, {}, &again).ok());
  EXPECT_TRUE(again.reused());
  again.set_reused(false);
  EXPECT_EQ(again.SerializeAsString(), first.SerializeAsString());
  // No mode is PUBLISHED: small counts are suppressed.
  EXPECT_EQ(first.provenance().disclosure_mode(), common::v1::DISCLOSURE_MODE_PUBLISHED);
  EXPECT_EQ(first.results(0).code(), "7.1");
  EXPECT_EQ(first.results(0).denominator().suppressed(), common::v1::SUPPRESSION_REASON_PRIMARY);
  EXPECT_EQ(staff_.read_calls(), 1);
}

TEST_F(WorkforceGrpcTest, ABadRequestIsInvalidArgumentWithTheFieldNamed) {
  v1::ComputeWorkforceResponse response;
  const grpc::Status status =
      Compute(common::v1::DISCLOSURE_MODE_INTERNAL, {"7.1", "7.9"}, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("codes[1]"));
  const std::vector<FieldViolation> violations = FieldViolationsOf(FromGrpcStatus(status));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rule_code, "UNKNOWN_INDICATOR_CODE");
  EXPECT_EQ(staff_.read_calls(), 0);
}

TEST_F(WorkforceGrpcTest, UnavailableIntakeIsUnavailableNamingIt) {
  intake_.FailWith(
      absl::UnavailableError("7.4 needs the intake service at 127.0.0.1:1, which is unavailable"));
  v1::ComputeWorkforceResponse response;
  const grpc::Status status = Compute(common::v1::DISCLOSURE_MODE_INTERNAL, {"7.4b"}, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(status.error_message(), HasSubstr("7.4 needs the intake service at 127.0.0.1:1"));
  EXPECT_EQ(results_.stored_count(), 0u);
}

TEST_F(WorkforceGrpcTest, GetDataVersionIsTheStoresAfterTheCouncilIsChecked) {
  v1::GetDataVersionRequest request;
  request.set_council(kCouncil);
  v1::GetDataVersionResponse response;
  grpc::ClientContext context;
  ASSERT_TRUE(stub_->GetDataVersion(&context, request, &response).ok());
  EXPECT_EQ(response.council(), kCouncil);
  EXPECT_EQ(response.data_version(), 5);
  EXPECT_EQ(response.last_batch_id(), "staff-5");
  EXPECT_EQ(response.changed_at().seconds(), 1700000500);

  request.set_council("Glasgow");
  grpc::ClientContext bad_context;
  EXPECT_EQ(stub_->GetDataVersion(&bad_context, request, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(records_.version_calls, 1);
}

TEST_F(WorkforceGrpcTest, ListRejectionsFiltersByTheSchemasTypeName) {
  v1::ListRejectionsRequest request;
  request.set_council(kCouncil);
  request.set_record_type(v1::WORKFORCE_RECORD_TYPE_ABSENCE);
  v1::ListRejectionsResponse response;
  grpc::ClientContext context;
  const grpc::Status status = stub_->ListRejections(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_FALSE(records_.filters.empty());
  EXPECT_EQ(records_.filters[0].council, kCouncil);
  EXPECT_EQ(records_.filters[0].record_type, "Absence");
  EXPECT_EQ(response.open_count(), 7);
  ASSERT_EQ(response.rejections_size(), 1);
  EXPECT_EQ(response.rejections(0).rejection().record_id(), "S9|2024-06-01");

  request.set_record_type(v1::WORKFORCE_RECORD_TYPE_UNSPECIFIED);
  records_.filters.clear();
  grpc::ClientContext every_type;
  ASSERT_TRUE(stub_->ListRejections(&every_type, request, &response).ok());
  ASSERT_EQ(records_.filters.size(), 1u);
  EXPECT_EQ(records_.filters[0].record_type, "");
}

TEST_F(WorkforceGrpcTest, GetRejectionGivesATypedRecordBackTypedAndAnotherCouncilsIsNotFound) {
  v1::GetRejectionRequest request;
  request.set_council(kCouncil);
  request.set_rejection_id("rej-1");
  v1::GetRejectionResponse response;
  grpc::ClientContext context;
  const grpc::Status status = stub_->GetRejection(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_TRUE(response.has_record());
  EXPECT_EQ(response.record().staff_record().staff_id(), "S9");
  EXPECT_EQ(response.record().staff_record().role(), v1::ROLE_MANAGER);
  EXPECT_EQ(response.rejection().rejection().errors(0).rule_code(), "FTE_OUT_OF_RANGE");

  request.set_council("S12000034");
  grpc::ClientContext other;
  EXPECT_EQ(stub_->GetRejection(&other, request, &response).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(WorkforceGrpcTest, SubmitRecordsRefusesABadHeaderBeforeTheStore) {
  grpc::ClientContext context;
  v1::SubmitRecordsResponse response;
  auto writer = stub_->SubmitRecords(&context, &response);
  v1::SubmitRecordsRequest header;
  header.mutable_header()->set_council("Glasgow");
  header.mutable_header()->set_batch_id("staff-6");
  writer->Write(header);
  writer->WritesDone();
  EXPECT_EQ(writer->Finish().error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(records_.begin_calls, 0);
}

// ---- Who may call what --------------------------------------------------------------------

// Every rpc of the service, from its descriptor: refused without a token (even when malformed),
// for another council and without its roles, with nothing read; served for the right role and
// council.
TEST_F(WorkforceGrpcTest, EveryRpcAuthorizesItsCallerBeforeAnythingIsRead) {
  using pif::testing::Serialized;
  pif::testing::AuthorizationMatrix matrix;
  matrix.service = v1::WorkforceService::service_full_name();
  matrix.identity = &identity_;
  matrix.channel = [this](bool) { return pif::testing::ChannelTo(*host_, ""); };
  matrix.footprint = [this] { return Footprint(); };
  // The canned store takes no batch: reaching it (UNIMPLEMENTED) is the call let through.
  matrix.calls["SubmitRecords"] = {[](const std::string& council) {
                                     v1::SubmitRecordsRequest header;
                                     header.mutable_header()->set_council(council);
                                     header.mutable_header()->set_batch_id("staff-6");
                                     v1::SubmitRecordsRequest end;
                                     end.mutable_end()->set_record_count(0);
                                     return Serialized(header, end);
                                   },
                                   grpc::StatusCode::UNIMPLEMENTED};
  matrix.calls["ListRejections"].messages = [](const std::string& council) {
    v1::ListRejectionsRequest request;
    request.set_council(council);
    return Serialized(request);
  };
  matrix.calls["GetRejection"].messages = [](const std::string& council) {
    v1::GetRejectionRequest request;
    request.set_council(council);
    request.set_rejection_id("rej-1");
    return Serialized(request);
  };
  matrix.calls["GetDataVersion"].messages = [](const std::string& council) {
    v1::GetDataVersionRequest request;
    request.set_council(council);
    return Serialized(request);
  };
  matrix.calls["ComputeWorkforce"].messages = [](const std::string& council) {
    v1::ComputeWorkforceRequest request;
    request.set_council(council);
    *request.mutable_period() = PeriodToProto(testing::ClasYear(2023));
    request.add_codes("7.1");
    return Serialized(request);
  };
  pif::testing::ExpectEveryRpcAuthorizes(matrix);
}

TEST_F(WorkforceGrpcTest, InternalFiguresAreForAnalystsOnlyAndARefusalReadsNothing) {
  v1::ComputeWorkforceRequest request;
  request.set_council(kCouncil);
  *request.mutable_period() = PeriodToProto(testing::ClasYear(2023));
  request.set_disclosure_mode(common::v1::DISCLOSURE_MODE_INTERNAL);
  for (auth::Role role : {auth::Role::kViewer, auth::Role::kPublisher}) {
    auto stub = v1::WorkforceService::NewStub(
        pif::testing::ChannelTo(*host_, identity_.Token({role}, {kCouncil})));
    grpc::ClientContext context;
    v1::ComputeWorkforceResponse response;
    const grpc::Status status = stub->ComputeWorkforce(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED) << auth::RoleName(role);
    EXPECT_THAT(status.error_message(), HasSubstr("analyst"));
    EXPECT_EQ(response.results_size(), 0);
  }
  EXPECT_EQ(domain_calls_.count.load(), 0);
  // PUBLISHED figures for the same callers, suppressed as the default policy says.
  request.set_disclosure_mode(common::v1::DISCLOSURE_MODE_PUBLISHED);
  auto viewer = v1::WorkforceService::NewStub(
      pif::testing::ChannelTo(*host_, identity_.Token({auth::Role::kViewer}, {kCouncil})));
  grpc::ClientContext published_context;
  v1::ComputeWorkforceResponse published;
  ASSERT_TRUE(viewer->ComputeWorkforce(&published_context, request, &published).ok());
  EXPECT_EQ(published.provenance().disclosure_policy().min_shown_count(), 6);
  // An analyst has the INTERNAL ones.
  request.set_disclosure_mode(common::v1::DISCLOSURE_MODE_INTERNAL);
  auto analyst = v1::WorkforceService::NewStub(
      pif::testing::ChannelTo(*host_, identity_.Token({auth::Role::kAnalyst}, {kCouncil})));
  grpc::ClientContext internal_context;
  v1::ComputeWorkforceResponse internal;
  const grpc::Status status = analyst->ComputeWorkforce(&internal_context, request, &internal);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(internal.provenance().disclosure_mode(), common::v1::DISCLOSURE_MODE_INTERNAL);
}

}  // namespace
}  // namespace pif::workforce
