// The reporting service over gRPC, in process: the adapter and the domain on a real server on
// port 0 (the shared ServiceHost, callers authenticated by tokens of a test identity provider),
// fakes of the sources and stores behind them, every call to them counted. Every rpc and its error
// paths; the submission stream's success path needs the real submission store and is covered end to
// end (tests/integration/reporting_service_test.cc).
#include "pif/reporting/adapter/reporting_grpc_service.h"

#include <grpcpp/client_context.h>

#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/core/domain_status.h"
#include "pif/grpc/status_mapping.h"
#include "pif/grpc/testing/authorization_matrix.h"
#include "pif/grpc/testing/test_host.h"
#include "pif/grpc/testing/test_identity_provider.h"
#include "pif/reporting/domain/self_evaluation_schema.h"
#include "pif/reporting/domain/self_evaluation_store.h"
#include "pif/reporting/domain/self_evaluation_submissions.h"
#include "pif/reporting/testing/fake_sources.h"
#include "pif/reporting/testing/rejections_store.h"
#include "pif/reporting/testing/rule_violations.h"
#include "pif/submission_grpc/testing/counting_store.h"

namespace pif::reporting {
namespace {

using pif::testing::TestIdentityProvider;
using submission_grpc::testing::CountingSubmissionStore;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kCouncil[] = "S12000033";

// "field:RULE_CODE" of each violation a refusal carries.
std::vector<std::string> Violations(const grpc::Status& status) {
  return testing::RuleViolations(FromGrpcStatus(status));
}

v1::SelfEvaluation Evaluation(const std::string& eval_id, int area, int grade) {
  return testing::Evaluation(eval_id, area, grade, 2024, 5, 1);
}

// Every call the domain makes to its sources and stores, counted, then passed to the fakes.
class CountingParts final : public IndicatorsSource,
                            public WorkforceSource,
                            public IntakeSource,
                            public SelfEvaluationStore,
                            public PublishedReports {
 public:
  CountingParts(testing::FakeReportSources& sources, PublishedReports& published)
      : sources_(sources), published_(published) {}
  int calls() const { return calls_.load(); }

  absl::StatusOr<indicators::v1::ListIndicatorsResponse> Catalogue() override {
    ++calls_;
    return sources_.indicators.Catalogue();
  }
  absl::StatusOr<indicators::v1::ComputeIndicatorSeriesResponse> Series(
      const indicators::v1::ComputeIndicatorSeriesRequest& request) override {
    ++calls_;
    return sources_.indicators.Series(request);
  }
  absl::StatusOr<workforce::v1::ComputeWorkforceResponse> Compute(
      const workforce::v1::ComputeWorkforceRequest& request) override {
    ++calls_;
    return sources_.workforce.Compute(request);
  }
  absl::StatusOr<int64_t> OpenRejections(const std::string& council) override {
    ++calls_;
    return sources_.intake.OpenRejections(council);
  }
  absl::StatusOr<CurrentEvaluations> Current(const std::string& council) override {
    ++calls_;
    return sources_.evaluations.Current(council);
  }
  absl::StatusOr<std::vector<v1::RecordedSelfEvaluation>> List(
      const SelfEvaluationFilter& filter) override {
    ++calls_;
    return sources_.evaluations.List(filter);
  }
  absl::StatusOr<RecordedOne> Record(const std::string& council,
                                     const submission::FlatRecord& evaluation,
                                     const std::string& caller) override {
    ++calls_;
    return sources_.evaluations.Record(council, evaluation, caller);
  }
  absl::StatusOr<std::optional<PublishedVersion>> FindByRequest(
      const std::string& council, const std::string& request_id) override {
    ++calls_;
    return published_.FindByRequest(council, request_id);
  }
  absl::StatusOr<AddedPublication> Add(const NewPublication& publication) override {
    ++calls_;
    return published_.Add(publication);
  }
  absl::StatusOr<PublishedVersion> Get(const std::string& council, int64_t version) override {
    ++calls_;
    return published_.Get(council, version);
  }
  absl::StatusOr<std::vector<v1::PublishedReportSummary>> List(
      const PublishedFilter& filter) override {
    ++calls_;
    return published_.List(filter);
  }

 private:
  testing::FakeReportSources& sources_;
  PublishedReports& published_;
  std::atomic<int> calls_{0};
};

class ReportingGrpcServiceTest : public ::testing::Test {
 protected:
  ReportingGrpcServiceTest()
      : builder_(counted_, counted_, counted_, counted_,
                 [] { return absl::FromUnixSeconds(1722470400); }),
        publisher_(builder_, counted_),
        reports_(builder_, publisher_, counted_) {
    std::vector<HostedService> services;
    services.push_back({v1::ReportingService::service_full_name(),
                        std::make_unique<ReportingGrpcService>(
                            ReportingParts{&submissions_, &self_evaluations_, &reports_})});
    host_ = pif::testing::StartTestHost(std::move(services), identity_.CallAuth());
    stub_ = v1::ReportingService::NewStub(
        pif::testing::ChannelTo(*host_, identity_.TokenWithEveryRole({kCouncil})));
  }

  // A stub calling as a caller with `roles` for kCouncil.
  std::unique_ptr<v1::ReportingService::Stub> StubAs(const std::vector<auth::Role>& roles) {
    return v1::ReportingService::NewStub(
        pif::testing::ChannelTo(*host_, identity_.Token(roles, {kCouncil})));
  }

  // What the fakes were asked, for the authorization matrix.
  std::string Footprint() const {
    return absl::StrCat(counted_submissions_.Footprint(), " domain calls=", counted_.calls());
  }

  // A client context naming the client, as pifctl does.
  static std::unique_ptr<grpc::ClientContext> Context() {
    auto context = std::make_unique<grpc::ClientContext>();
    context->AddMetadata("x-pif-client", "adapter-test");
    return context;
  }

  grpc::Status Record(const v1::RecordSelfEvaluationRequest& request,
                      v1::RecordSelfEvaluationResponse* response) {
    return stub_->RecordSelfEvaluation(Context().get(), request, response);
  }
  grpc::Status Build(const v1::BuildReportRequest& request, v1::BuildReportResponse* response) {
    return stub_->BuildReport(Context().get(), request, response);
  }
  grpc::Status Publish(const v1::PublishReportRequest& request,
                       v1::PublishReportResponse* response) {
    return stub_->PublishReport(Context().get(), request, response);
  }
  grpc::Status Render(const v1::RenderReportRequest& request, v1::RenderReportResponse* response) {
    return stub_->RenderReport(Context().get(), request, response);
  }

  v1::PublishReportRequest PublishRequest(const std::string& note) const {
    v1::PublishReportRequest request;
    request.set_council(kCouncil);
    *request.mutable_period() = testing::ClasYear();
    request.set_note(note);
    return request;
  }

  TestIdentityProvider identity_;
  testing::FakeReportSources sources_;
  testing::FakePublished published_;
  CountingParts counted_{sources_, published_};
  testing::RejectionsOnlyStore stored_submissions_;
  CountingSubmissionStore counted_submissions_{stored_submissions_};
  SelfEvaluationSubmissions submissions_{counted_submissions_};
  SelfEvaluations self_evaluations_{counted_};
  ReportBuilder builder_;
  Publisher publisher_;
  Reports reports_;
  std::unique_ptr<ServiceHost> host_;
  // Calls with a token of every role for kCouncil.
  std::unique_ptr<v1::ReportingService::Stub> stub_;
};

TEST_F(ReportingGrpcServiceTest, RecordSelfEvaluationRecordsAsTheCallerAndSaysWhenItReplaced) {
  v1::RecordSelfEvaluationRequest request;
  request.set_council(kCouncil);
  *request.mutable_self_evaluation() = Evaluation("E1", 3, 5);
  v1::RecordSelfEvaluationResponse first;
  ASSERT_TRUE(Record(request, &first).ok());
  EXPECT_EQ(first.recorded_self_evaluation().self_evaluation().eval_id(), "E1");
  EXPECT_EQ(first.recorded_self_evaluation().recorded_by(), "user=jo@council client=adapter-test");
  EXPECT_FALSE(first.replaced());
  ASSERT_EQ(sources_.evaluations.recorded.size(), 1u);
  EXPECT_EQ(sources_.evaluations.recorded[0].second.Get("grade"), "5");
  EXPECT_EQ(sources_.evaluations.recorded[0].second.Get("eval_date"), "2024-05-01");
  v1::RecordSelfEvaluationResponse second;
  ASSERT_TRUE(Record(request, &second).ok());
  EXPECT_TRUE(second.replaced());
}

TEST_F(ReportingGrpcServiceTest, RecordSelfEvaluationRefusesWithEveryViolationNamed) {
  v1::RecordSelfEvaluationRequest request;
  request.set_council(kCouncil);
  v1::RecordSelfEvaluationResponse response;
  grpc::Status missing = Record(request, &response);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(Violations(missing), ElementsAre("self_evaluation:REQUIRED_FIELD_MISSING"));

  *request.mutable_self_evaluation() = Evaluation("E1", 11, 7);
  grpc::Status invalid = Record(request, &response);
  EXPECT_EQ(invalid.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(Violations(invalid), ElementsAre("self_evaluation.area:OUT_OF_RANGE",
                                               "self_evaluation.grade:OUT_OF_RANGE"));

  request.set_council("S1");
  EXPECT_THAT(Violations(Record(request, &response)), ElementsAre("council:MALFORMED_COUNCIL"));
  EXPECT_THAT(sources_.evaluations.recorded, IsEmpty());
}

TEST_F(ReportingGrpcServiceTest, SubmitSelfEvaluationsRefusesAStreamWithoutAHeader) {
  v1::SubmitSelfEvaluationsResponse response;
  auto context = Context();
  auto writer = stub_->SubmitSelfEvaluations(context.get(), &response);
  v1::SubmitSelfEvaluationsRequest chunk;
  *chunk.mutable_chunk()->add_self_evaluations()->mutable_self_evaluation() =
      Evaluation("E1", 1, 4);
  writer->Write(chunk);
  writer->WritesDone();
  const grpc::Status status = writer->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
}

TEST_F(ReportingGrpcServiceTest, ListSelfEvaluationsPagesWithTokensAndPassesItsFilters) {
  for (const char* eval_id : {"E1", "E2", "E3"}) {
    v1::RecordedSelfEvaluation recorded;
    *recorded.mutable_self_evaluation() = Evaluation(eval_id, 2, 4);
    sources_.evaluations.listed.emplace_back(kCouncil, recorded);
  }
  v1::ListSelfEvaluationsRequest request;
  request.set_council(kCouncil);
  request.add_areas(2);
  request.mutable_on_or_before()->set_year(2024);
  request.mutable_on_or_before()->set_month(12);
  request.mutable_on_or_before()->set_day(31);
  request.set_latest_only(true);
  request.set_page_size(2);
  v1::ListSelfEvaluationsResponse first;
  ASSERT_TRUE(stub_->ListSelfEvaluations(Context().get(), request, &first).ok());
  ASSERT_EQ(first.self_evaluations_size(), 2);
  EXPECT_EQ(first.self_evaluations(1).self_evaluation().eval_id(), "E2");
  EXPECT_THAT(sources_.evaluations.last_filter.areas, ElementsAre(2));
  EXPECT_EQ(sources_.evaluations.last_filter.on_or_before->ToString(), "2024-12-31");
  EXPECT_TRUE(sources_.evaluations.last_filter.latest_only);
  ASSERT_NE(first.next_page_token(), "");

  request.set_page_token(first.next_page_token());
  v1::ListSelfEvaluationsResponse second;
  ASSERT_TRUE(stub_->ListSelfEvaluations(Context().get(), request, &second).ok());
  ASSERT_EQ(second.self_evaluations_size(), 1);
  EXPECT_EQ(second.self_evaluations(0).self_evaluation().eval_id(), "E3");
  EXPECT_EQ(second.next_page_token(), "");
}

TEST_F(ReportingGrpcServiceTest, ListSelfEvaluationsRefusesABadDateAreaOrToken) {
  v1::ListSelfEvaluationsRequest request;
  request.set_council(kCouncil);
  request.mutable_on_or_before()->set_year(2024);
  request.mutable_on_or_before()->set_month(13);
  request.mutable_on_or_before()->set_day(1);
  v1::ListSelfEvaluationsResponse response;
  EXPECT_THAT(Violations(stub_->ListSelfEvaluations(Context().get(), request, &response)),
              ElementsAre("on_or_before:MALFORMED_DATE"));
  request.clear_on_or_before();
  request.add_areas(0);
  EXPECT_THAT(Violations(stub_->ListSelfEvaluations(Context().get(), request, &response)),
              ElementsAre("areas[0]:OUT_OF_RANGE"));
  request.clear_areas();
  request.set_page_token("forged");
  EXPECT_THAT(Violations(stub_->ListSelfEvaluations(Context().get(), request, &response)),
              ElementsAre("page_token:MALFORMED_PAGE_TOKEN"));
}

TEST_F(ReportingGrpcServiceTest, ListRejectionsShowsABatchOfOneOfRecordSelfEvaluationWithoutId) {
  const std::string single = absl::StrCat(kSingleRecordBatchPrefix, "0123");
  stored_submissions_.source_systems = {{single, kSingleRecordSource}};
  for (const std::string& batch : {std::string("se-2"), single}) {
    submission::StoredRejection rejection;
    rejection.council = kCouncil;
    rejection.batch_id = "se-1";
    rejection.rejection.record_type = kSelfEvaluationType;
    rejection.cleared_reason = "CORRECTED";
    rejection.cleared_by_batch = batch;
    stored_submissions_.page.rejections.push_back(rejection);
  }
  stored_submissions_.page.open_count = 4;
  v1::ListRejectionsRequest request;
  request.set_council(kCouncil);
  request.set_include_cleared(true);
  v1::ListRejectionsResponse response;
  ASSERT_TRUE(stub_->ListRejections(Context().get(), request, &response).ok());
  ASSERT_EQ(response.rejections_size(), 2);
  EXPECT_EQ(response.rejections(0).clearance().batch_id(), "se-2");
  EXPECT_EQ(response.rejections(1).clearance().reason(), common::v1::CLEARANCE_REASON_CORRECTED);
  EXPECT_EQ(response.rejections(1).clearance().batch_id(), "");
  EXPECT_EQ(response.open_count(), 4);
  EXPECT_TRUE(stored_submissions_.last_filter.include_cleared);

  request.set_council("");
  EXPECT_THAT(Violations(stub_->ListRejections(Context().get(), request, &response)),
              ElementsAre("council:REQUIRED_FIELD_MISSING"));
}

TEST_F(ReportingGrpcServiceTest, BuildReportBuildsWhatWasAskedFor) {
  v1::BuildReportRequest request;
  request.set_council(kCouncil);
  *request.mutable_period() = testing::ClasYear();
  request.set_disclosure_mode(common::v1::DISCLOSURE_MODE_INTERNAL);
  request.set_trend_period_count(3);
  request.add_breakdown_dimensions("locality");
  v1::BuildReportResponse response;
  ASSERT_TRUE(Build(request, &response).ok());
  EXPECT_EQ(response.report().council(), kCouncil);
  EXPECT_EQ(response.report().disclosure_mode(), common::v1::DISCLOSURE_MODE_INTERNAL);
  EXPECT_EQ(response.report().period().last_day().year(), 2024);
  EXPECT_EQ(sources_.indicators.last_request.list().periods_size(), 3);
  EXPECT_THAT(sources_.indicators.last_request.breakdown_dimensions(), ElementsAre("locality"));
}

TEST_F(ReportingGrpcServiceTest, BuildReportRefusesABadRequestAndSaysWhichServiceIsOutOfReach) {
  v1::BuildReportRequest request;
  request.set_council(kCouncil);
  *request.mutable_period() = testing::ClasYear();
  request.mutable_period()->mutable_last_day()->set_year(2022);
  v1::BuildReportResponse response;
  EXPECT_THAT(Violations(Build(request, &response)),
              ElementsAre("period.last_day:PERIOD_END_BEFORE_START"));
  request.clear_period();
  EXPECT_THAT(Violations(Build(request, &response)), ElementsAre("period:REQUIRED_FIELD_MISSING"));

  *request.mutable_period() = testing::ClasYear();
  sources_.workforce.failure =
      absl::UnavailableError("the workforce service at 127.0.0.1:1 is unavailable");
  const grpc::Status unavailable = Build(request, &response);
  EXPECT_EQ(unavailable.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(unavailable.error_message(), HasSubstr("workforce service"));
}

TEST_F(ReportingGrpcServiceTest, PublishReportStoresTheNextVersionAndReplaysARequestId) {
  v1::PublishReportRequest request = PublishRequest("Annual return");
  request.set_request_id("annual-2024");
  v1::PublishReportResponse first;
  ASSERT_TRUE(Publish(request, &first).ok());
  EXPECT_FALSE(first.replayed());
  EXPECT_EQ(first.published_report().summary().version(), 1);
  EXPECT_EQ(first.published_report().summary().published_by(),
            "user=jo@council client=adapter-test");
  EXPECT_EQ(first.published_report().report().council(), kCouncil);
  v1::PublishReportResponse again;
  ASSERT_TRUE(Publish(request, &again).ok());
  EXPECT_TRUE(again.replayed());
  EXPECT_EQ(again.published_report().summary().version(), 1);
  EXPECT_EQ(published_.versions.size(), 1u);
}

TEST_F(ReportingGrpcServiceTest, PublishReportRefusesABadRequestIdOrNote) {
  v1::PublishReportRequest request = PublishRequest(std::string(2001, 'n'));
  v1::PublishReportResponse response;
  EXPECT_THAT(Violations(Publish(request, &response)), ElementsAre("note:VALUE_TOO_LONG"));
  request = PublishRequest("ok");
  request.set_request_id("new\nline");
  EXPECT_THAT(Violations(Publish(request, &response)),
              ElementsAre("request_id:MALFORMED_REQUEST_ID"));
  EXPECT_TRUE(published_.versions.empty());
}

TEST_F(ReportingGrpcServiceTest, ListPublishedReportsPagesNewestFirstAndFiltersByPeriod) {
  v1::PublishReportResponse published;
  for (const char* note : {"one", "two", "three"}) {
    ASSERT_TRUE(Publish(PublishRequest(note), &published).ok());
  }
  v1::ListPublishedReportsRequest request;
  request.set_council(kCouncil);
  *request.mutable_period() = testing::ClasYear();
  request.set_page_size(2);
  v1::ListPublishedReportsResponse first;
  ASSERT_TRUE(stub_->ListPublishedReports(Context().get(), request, &first).ok());
  ASSERT_EQ(first.published_reports_size(), 2);
  EXPECT_EQ(first.published_reports(0).note(), "three");
  EXPECT_EQ(published_.last_filter.period->last.ToString(), "2024-07-31");
  request.set_page_token(first.next_page_token());
  v1::ListPublishedReportsResponse second;
  ASSERT_TRUE(stub_->ListPublishedReports(Context().get(), request, &second).ok());
  ASSERT_EQ(second.published_reports_size(), 1);
  EXPECT_EQ(second.published_reports(0).note(), "one");
  EXPECT_EQ(second.next_page_token(), "");

  request.clear_page_token();
  request.mutable_period()->mutable_first_day()->set_day(32);
  v1::ListPublishedReportsResponse refused;
  EXPECT_THAT(Violations(stub_->ListPublishedReports(Context().get(), request, &refused)),
              ElementsAre("period.first_day:MALFORMED_DATE"));
}

TEST_F(ReportingGrpcServiceTest, GetPublishedReportReadsAVersionOrSaysWhyNot) {
  v1::PublishReportResponse published;
  ASSERT_TRUE(Publish(PublishRequest("one"), &published).ok());
  v1::GetPublishedReportRequest request;
  request.set_council(kCouncil);
  request.set_version(1);
  v1::GetPublishedReportResponse response;
  ASSERT_TRUE(stub_->GetPublishedReport(Context().get(), request, &response).ok());
  EXPECT_EQ(response.published_report().summary().note(), "one");
  EXPECT_EQ(response.published_report().report().SerializeAsString(),
            published.published_report().report().SerializeAsString());

  request.set_version(2);
  EXPECT_EQ(stub_->GetPublishedReport(Context().get(), request, &response).error_code(),
            grpc::StatusCode::NOT_FOUND);
  request.set_version(0);
  EXPECT_THAT(Violations(stub_->GetPublishedReport(Context().get(), request, &response)),
              ElementsAre("version:OUT_OF_RANGE"));
  request.set_version(1);
  published_.versions[0].report_bytes = "\xff\xff not a report";
  const grpc::Status unreadable = stub_->GetPublishedReport(Context().get(), request, &response);
  EXPECT_EQ(unreadable.error_code(), grpc::StatusCode::DATA_LOSS);
  EXPECT_THAT(unreadable.error_message(), HasSubstr("internal error (reference"));
}

TEST_F(ReportingGrpcServiceTest, RenderReportRendersADraftOrAPublishedVersion) {
  v1::RenderReportRequest draft;
  draft.set_council(kCouncil);
  draft.set_format(v1::RENDER_FORMAT_JSON);
  *draft.mutable_draft()->mutable_period() = testing::ClasYear();
  v1::RenderReportResponse built;
  ASSERT_TRUE(Render(draft, &built).ok());
  EXPECT_EQ(built.content_type(), "application/json; charset=utf-8");
  EXPECT_EQ(built.file_name(), "pif-S12000033-2023-08-01-2024-07-31.json");
  EXPECT_EQ(built.published_version(), 0);
  EXPECT_THAT(built.content(), HasSubstr("\"council\": \"S12000033\""));

  v1::PublishReportResponse published;
  ASSERT_TRUE(Publish(PublishRequest("one"), &published).ok());
  v1::RenderReportRequest stored;
  stored.set_council(kCouncil);
  stored.set_format(v1::RENDER_FORMAT_CSV);
  stored.set_published_version(1);
  v1::RenderReportResponse rendered;
  ASSERT_TRUE(Render(stored, &rendered).ok());
  EXPECT_EQ(rendered.file_name(), "pif-S12000033-2023-08-01-2024-07-31-v1.csv");
  EXPECT_EQ(rendered.published_version(), 1);
}

TEST_F(ReportingGrpcServiceTest, RenderReportRefusesNoSourceABadFormatOrABadDraft) {
  v1::RenderReportRequest request;
  request.set_council(kCouncil);
  request.set_format(v1::RENDER_FORMAT_HTML);
  v1::RenderReportResponse response;
  EXPECT_THAT(Violations(Render(request, &response)), ElementsAre("source:REQUIRED_FIELD_MISSING"));
  request.set_format(static_cast<v1::RenderFormat>(42));
  request.set_published_version(1);
  EXPECT_THAT(Violations(Render(request, &response)), ElementsAre("format:UNKNOWN_CODE"));
  request.set_format(v1::RENDER_FORMAT_HTML);
  request.mutable_draft()->set_trend_period_count(8);
  *request.mutable_draft()->mutable_period() = testing::ClasYear();
  EXPECT_THAT(Violations(Render(request, &response)),
              ElementsAre("draft.trend_period_count:OUT_OF_RANGE"));
}

// ---- Who may call what --------------------------------------------------------------------

// Every rpc of the service, from its descriptor: refused without a token (even when malformed),
// for another council and without its roles, with nothing read or changed; served for the right
// role and council.
TEST_F(ReportingGrpcServiceTest, EveryRpcAuthorizesItsCallerBeforeAnythingIsRead) {
  v1::PublishReportResponse published;
  ASSERT_TRUE(Publish(PublishRequest("one"), &published).ok());
  using pif::testing::Serialized;
  pif::testing::AuthorizationMatrix matrix;
  matrix.service = v1::ReportingService::service_full_name();
  matrix.identity = &identity_;
  matrix.channel = [this](bool) { return pif::testing::ChannelTo(*host_, ""); };
  matrix.footprint = [this] { return Footprint(); };
  matrix.calls["RecordSelfEvaluation"].messages = [](const std::string& council) {
    v1::RecordSelfEvaluationRequest request;
    request.set_council(council);
    *request.mutable_self_evaluation() = Evaluation("E1", 3, 5);
    return Serialized(request);
  };
  // The store here keeps rejections only: reaching it (UNIMPLEMENTED) is the call let through.
  matrix.calls["SubmitSelfEvaluations"] = {[](const std::string& council) {
                                             v1::SubmitSelfEvaluationsRequest header;
                                             header.mutable_header()->set_council(council);
                                             header.mutable_header()->set_batch_id("se-1");
                                             v1::SubmitSelfEvaluationsRequest end;
                                             end.mutable_end()->set_record_count(0);
                                             return Serialized(header, end);
                                           },
                                           grpc::StatusCode::UNIMPLEMENTED};
  matrix.calls["ListSelfEvaluations"].messages = [](const std::string& council) {
    v1::ListSelfEvaluationsRequest request;
    request.set_council(council);
    return Serialized(request);
  };
  matrix.calls["ListRejections"].messages = [](const std::string& council) {
    v1::ListRejectionsRequest request;
    request.set_council(council);
    return Serialized(request);
  };
  matrix.calls["BuildReport"].messages = [](const std::string& council) {
    v1::BuildReportRequest request;
    request.set_council(council);
    *request.mutable_period() = testing::ClasYear();
    return Serialized(request);
  };
  matrix.calls["PublishReport"].messages = [this](const std::string& council) {
    v1::PublishReportRequest request = PublishRequest("matrix");
    request.set_council(council);
    return Serialized(request);
  };
  matrix.calls["ListPublishedReports"].messages = [](const std::string& council) {
    v1::ListPublishedReportsRequest request;
    request.set_council(council);
    return Serialized(request);
  };
  matrix.calls["GetPublishedReport"].messages = [](const std::string& council) {
    v1::GetPublishedReportRequest request;
    request.set_council(council);
    request.set_version(1);
    return Serialized(request);
  };
  matrix.calls["RenderReport"].messages = [](const std::string& council) {
    v1::RenderReportRequest request;
    request.set_council(council);
    request.set_format(v1::RENDER_FORMAT_CSV);
    request.set_published_version(1);
    return Serialized(request);
  };
  pif::testing::ExpectEveryRpcAuthorizes(matrix);
}

TEST_F(ReportingGrpcServiceTest, AnInternalReportIsForAnalystsOnlyAndARefusalReadsNothing) {
  v1::BuildReportRequest build;
  build.set_council(kCouncil);
  *build.mutable_period() = testing::ClasYear();
  build.set_disclosure_mode(common::v1::DISCLOSURE_MODE_INTERNAL);
  v1::RenderReportRequest render;
  render.set_council(kCouncil);
  render.set_format(v1::RENDER_FORMAT_JSON);
  *render.mutable_draft()->mutable_period() = testing::ClasYear();
  render.mutable_draft()->set_disclosure_mode(common::v1::DISCLOSURE_MODE_INTERNAL);
  auto publisher = StubAs({auth::Role::kPublisher});
  grpc::ClientContext build_context;
  v1::BuildReportResponse built;
  const grpc::Status refused = publisher->BuildReport(&build_context, build, &built);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(refused.error_message(), HasSubstr("analyst"));
  grpc::ClientContext render_context;
  v1::RenderReportResponse rendered;
  EXPECT_EQ(publisher->RenderReport(&render_context, render, &rendered).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(counted_.calls(), 0);
  // A publisher has the PUBLISHED draft; an analyst the INTERNAL one.
  build.set_disclosure_mode(common::v1::DISCLOSURE_MODE_PUBLISHED);
  grpc::ClientContext published_context;
  ASSERT_TRUE(publisher->BuildReport(&published_context, build, &built).ok());
  build.set_disclosure_mode(common::v1::DISCLOSURE_MODE_INTERNAL);
  grpc::ClientContext analyst_context;
  const grpc::Status internal =
      StubAs({auth::Role::kAnalyst})->BuildReport(&analyst_context, build, &built);
  ASSERT_TRUE(internal.ok()) << internal.error_message();
  EXPECT_EQ(built.report().disclosure_mode(), common::v1::DISCLOSURE_MODE_INTERNAL);
}

TEST_F(ReportingGrpcServiceTest, AViewerRendersPublishedVersionsButNoDraft) {
  v1::PublishReportResponse published;
  ASSERT_TRUE(Publish(PublishRequest("one"), &published).ok());
  const int calls = counted_.calls();
  auto viewer = StubAs({auth::Role::kViewer});
  v1::RenderReportRequest draft;
  draft.set_council(kCouncil);
  draft.set_format(v1::RENDER_FORMAT_JSON);
  *draft.mutable_draft()->mutable_period() = testing::ClasYear();
  grpc::ClientContext draft_context;
  v1::RenderReportResponse rendered;
  const grpc::Status refused = viewer->RenderReport(&draft_context, draft, &rendered);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(refused.error_message(), HasSubstr("published version"));
  EXPECT_EQ(counted_.calls(), calls);
  v1::RenderReportRequest stored;
  stored.set_council(kCouncil);
  stored.set_format(v1::RENDER_FORMAT_CSV);
  stored.set_published_version(1);
  grpc::ClientContext stored_context;
  const grpc::Status status = viewer->RenderReport(&stored_context, stored, &rendered);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(rendered.published_version(), 1);
}

}  // namespace
}  // namespace pif::reporting
