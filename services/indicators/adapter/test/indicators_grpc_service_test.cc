// The indicators service over gRPC, in process: the adapter, the intake client and the domain
// together on the shared ServiceHost (callers authenticated by tokens of a test identity
// provider), with a fake intake server and an in-memory store, both counted.
#include "pif/indicators/adapter/indicators_grpc_service.h"

#include <grpcpp/client_context.h>

#include <map>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "pif/case_client/testing/fake_intake.h"
#include "pif/core/domain_status.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/status_mapping.h"
#include "pif/grpc/testing/authorization_matrix.h"
#include "pif/grpc/testing/test_host.h"
#include "pif/grpc/testing/test_identity_provider.h"
#include "pif/indicators/clients/intake_snapshot_source.h"
#include "pif/indicators/testing/domain_fakes.h"

namespace pif::indicators {
namespace {

using case_client::testing::FakeIntakeService;
using case_client::testing::LocalServer;
using pif::testing::TestIdentityProvider;
using testing::FakeIndicatorsStore;
using ::testing::HasSubstr;

constexpr char kCouncil[] = "S12000033";

intake::v1::Record Parse(const std::string& text) {
  intake::v1::Record record;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &record)) << text;
  return record;
}

// Eight children referred on 2024-01-10; C1, C2 and C3 were referred within 365 days before:
// 1 S.1 for 2023-24 is 3 of 8.
std::vector<intake::v1::Record> EightReferredThreeRepeats() {
  std::vector<intake::v1::Record> records;
  for (int i = 1; i <= 8; ++i) {
    records.push_back(Parse(absl::StrCat(
        "child { person_id: 'C", i,
        "' dob { year: 2012 month: 5 day: 1 } sex: ", i % 2 == 0 ? "SEX_M" : "SEX_F", " }")));
  }
  for (int i = 1; i <= 8; ++i) {
    records.push_back(Parse(absl::StrCat("cp_referral { referral_id: 'R", i, "' person_id: 'C", i,
                                         "' referral_date { year: 2024 month: 1 day: 10 } }")));
  }
  for (int i = 1; i <= 3; ++i) {
    records.push_back(Parse(absl::StrCat("cp_referral { referral_id: 'E", i, "' person_id: 'C", i,
                                         "' referral_date { year: 2023 month: 6 day: 1 } }")));
  }
  return records;
}

// The eight children of EightReferredThreeRepeats, and answers to LIFE_IMPROVED in 2023-24: C1-C8
// (3 YES) and a parent or carer of each (7 YES). 2 R.5 is 10 of 16; its part `2 R.5 child` 3 of 8,
// its part `2 R.5 parent` 7 of 8.
std::vector<intake::v1::Record> WithLivesImproved() {
  std::vector<intake::v1::Record> records = EightReferredThreeRepeats();
  for (int i = 1; i <= 8; ++i) {
    for (const char* respondent : {"RESPONDENT_CHILD", "RESPONDENT_PARENT_CARER"}) {
      const bool child = std::string(respondent) == "RESPONDENT_CHILD";
      const bool yes = child ? i <= 3 : i <= 7;
      records.push_back(Parse(absl::StrCat(
          "survey_response { response_id: '", child ? "K" : "P", i, "' person_id: 'C", i,
          "' respondent: ", respondent,
          " survey_date { year: 2023 month: 10 day: 1 } context: SURVEY_CONTEXT_PERIODIC",
          " item: SURVEY_ITEM_LIFE_IMPROVED answer: ",
          yes ? "SURVEY_ANSWER_YES" : "SURVEY_ANSWER_NO", " }")));
    }
  }
  return records;
}

std::vector<std::string> CodesOf(
    const google::protobuf::RepeatedPtrField<common::v1::IndicatorResult>& results) {
  std::vector<std::string> codes;
  for (const common::v1::IndicatorResult& result : results) codes.push_back(result.code());
  return codes;
}

// Every call to the store, counted, then passed to the fake.
class CountingIndicatorsStore final : public IndicatorsStore {
 public:
  explicit CountingIndicatorsStore(IndicatorsStore& inner) : inner_(inner) {}
  int calls() const { return calls_.load(); }

  absl::StatusOr<std::optional<ResultSet>> FindResult(const ResultKey& key) override {
    ++calls_;
    return inner_.FindResult(key);
  }
  absl::StatusOr<SavedResultSet> SaveResult(const ResultKey& key, const ResultSet& set) override {
    ++calls_;
    return inner_.SaveResult(key, set);
  }
  absl::StatusOr<std::optional<StoredPolicy>> FindPolicy(const std::string& council) override {
    ++calls_;
    return inner_.FindPolicy(council);
  }
  absl::StatusOr<StoredPolicy> SavePolicy(const std::string& council,
                                          const figures::DisclosurePolicy& policy,
                                          const std::string& updated_by) override {
    ++calls_;
    return inner_.SavePolicy(council, policy, updated_by);
  }

 private:
  IndicatorsStore& inner_;
  std::atomic<int> calls_{0};
};

// The service wired as in production, except for the store (in memory) and intake (fake).
class IndicatorsGrpcTest : public ::testing::Test {
 protected:
  IndicatorsGrpcTest() { intake_.Set(EightReferredThreeRepeats(), 12); }

  // Starts the indicators service against intake at `intake_address`.
  void Start(const std::string& intake_address) {
    source_ = std::make_unique<IntakeSnapshotSource>(intake_address, OpenChannel(intake_address),
                                                     absl::Seconds(5));
    cache_ = std::make_unique<SnapshotCache>(source_.get(), 8);
    policies_ = std::make_unique<DisclosurePolicies>(&counted_store_, floor_);
    computer_ = std::make_unique<ResultComputer>(cache_.get(), &counted_store_, policies_.get());
    explainer_ = std::make_unique<Explainer>(cache_.get());
    host_.reset();
    std::vector<HostedService> services;
    services.push_back({v1::IndicatorsService::service_full_name(),
                        std::make_unique<IndicatorsGrpcService>(computer_.get(), explainer_.get(),
                                                                policies_.get())});
    host_ = pif::testing::StartTestHost(std::move(services), identity_.CallAuth());
    stub_ = v1::IndicatorsService::NewStub(
        pif::testing::ChannelTo(*host_, identity_.TokenWithEveryRole({kCouncil})));
  }

  // A stub calling as a caller with `roles` for kCouncil.
  std::unique_ptr<v1::IndicatorsService::Stub> StubAs(const std::vector<auth::Role>& roles) {
    return v1::IndicatorsService::NewStub(
        pif::testing::ChannelTo(*host_, identity_.Token(roles, {kCouncil})));
  }

  // What the fakes were asked, for the authorization matrix.
  std::string Footprint() {
    return absl::StrCat("store calls=", counted_store_.calls(),
                        " intake exports=", intake_.export_calls(),
                        " intake versions=", intake_.version_calls());
  }
  void SetUp() override { Start(intake_server_.address()); }

  v1::ComputeIndicatorsRequest S1Request(common::v1::DisclosureMode mode) {
    v1::ComputeIndicatorsRequest request;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(
        R"pb(council: "S12000033"
             period {
               first_day { year: 2023 month: 8 day: 1 }
               last_day { year: 2024 month: 7 day: 31 }
             }
             codes: "1 S.1"
             breakdown_dimensions: "sex")pb",
        &request));
    request.set_disclosure_mode(mode);
    return request;
  }

  grpc::Status Compute(const v1::ComputeIndicatorsRequest& request,
                       v1::ComputeIndicatorsResponse* response) {
    grpc::ClientContext context;
    return stub_->ComputeIndicators(&context, request, response);
  }

  TestIdentityProvider identity_;
  FakeIntakeService intake_;
  LocalServer intake_server_{&intake_};
  FakeIndicatorsStore store_;
  CountingIndicatorsStore counted_store_{store_};
  // The disclosure floor the service is started with (the framework's defaults).
  DisclosureFloor floor_;
  std::unique_ptr<IntakeSnapshotSource> source_;
  std::unique_ptr<SnapshotCache> cache_;
  std::unique_ptr<DisclosurePolicies> policies_;
  std::unique_ptr<ResultComputer> computer_;
  std::unique_ptr<Explainer> explainer_;
  std::unique_ptr<ServiceHost> host_;
  // Calls with a token of every role for kCouncil.
  std::unique_ptr<v1::IndicatorsService::Stub> stub_;
};

TEST_F(IndicatorsGrpcTest, InternalComputeCarriesEveryCountAndItsProvenance) {
  intake_.SetOpenRejections(2);
  v1::ComputeIndicatorsResponse response;
  grpc::Status status = Compute(S1Request(common::v1::DISCLOSURE_MODE_INTERNAL), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_FALSE(response.reused());
  EXPECT_EQ(response.provenance().intake_data_version(), 12);
  EXPECT_EQ(response.provenance().disclosure_mode(), common::v1::DISCLOSURE_MODE_INTERNAL);
  EXPECT_FALSE(response.provenance().has_disclosure_policy());
  EXPECT_EQ(response.provenance().period().last_day().day(), 31);
  ASSERT_EQ(response.results_size(), 1);
  const common::v1::IndicatorResult& s1 = response.results(0);
  EXPECT_EQ(s1.code(), "1 S.1");
  EXPECT_EQ(s1.numerator().value(), 3);
  EXPECT_EQ(s1.denominator().value(), 8);
  EXPECT_EQ(s1.value().value(), 37.5);
  EXPECT_EQ(s1.unknown().count_case(), common::v1::Count::kValue);
  EXPECT_EQ(s1.polarity(), common::v1::POLARITY_LOWER_IS_BETTER);
  ASSERT_EQ(s1.breakdowns_size(), 2);
  EXPECT_EQ(s1.breakdowns(0).category(), "F");
  EXPECT_EQ(s1.breakdowns(0).numerator().value(), 2);
  EXPECT_EQ(s1.breakdowns(0).denominator().value(), 4);
  ASSERT_EQ(response.notes_size(), 1);
  EXPECT_EQ(response.notes(0).code(), "REJECTIONS_OUTSTANDING");
  EXPECT_EQ(response.notes(0).count(), 2);
}

TEST_F(IndicatorsGrpcTest, PublishedSuppressedCellsCarryTheReasonAndNoNumber) {
  v1::ComputeIndicatorsResponse response;
  grpc::Status status = Compute(S1Request(common::v1::DISCLOSURE_MODE_UNSPECIFIED), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.provenance().disclosure_mode(), common::v1::DISCLOSURE_MODE_PUBLISHED);
  EXPECT_EQ(response.provenance().disclosure_policy().min_shown_count(), 6);
  const common::v1::IndicatorResult& s1 = response.results(0);
  EXPECT_EQ(s1.numerator().count_case(), common::v1::Count::kSuppressed);
  EXPECT_EQ(s1.numerator().suppressed(), common::v1::SUPPRESSION_REASON_PRIMARY);
  EXPECT_EQ(s1.numerator().value(), 0);  // the oneof holds no number
  EXPECT_EQ(s1.value().withheld(), common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED);
  EXPECT_EQ(s1.denominator().value(), 8);
  for (const common::v1::BreakdownCell& cell : s1.breakdowns()) {
    EXPECT_EQ(cell.numerator().count_case(), common::v1::Count::kSuppressed) << cell.category();
    EXPECT_EQ(cell.denominator().count_case(), common::v1::Count::kSuppressed) << cell.category();
    EXPECT_EQ(cell.value().percentage_case(), common::v1::Percentage::kWithheld);
  }
}

TEST_F(IndicatorsGrpcTest, SecondComputeIsTheStoredResultAndPullsNothing) {
  v1::ComputeIndicatorsResponse first;
  v1::ComputeIndicatorsResponse second;
  ASSERT_TRUE(Compute(S1Request(common::v1::DISCLOSURE_MODE_INTERNAL), &first).ok());
  ASSERT_TRUE(Compute(S1Request(common::v1::DISCLOSURE_MODE_INTERNAL), &second).ok());
  EXPECT_TRUE(second.reused());
  EXPECT_EQ(second.provenance().result_id(), first.provenance().result_id());
  EXPECT_EQ(second.provenance().computed_at().seconds(),
            first.provenance().computed_at().seconds());
  EXPECT_EQ(second.results(0).SerializeAsString(), first.results(0).SerializeAsString());
  EXPECT_EQ(intake_.export_calls(), 1);
}

TEST_F(IndicatorsGrpcTest, UnreachableIntakeIsUnavailableNamingIt) {
  std::string dead_address;
  {
    FakeIntakeService gone;
    LocalServer stopped(&gone);
    dead_address = stopped.address();
  }
  Start(dead_address);
  v1::ComputeIndicatorsResponse response;
  grpc::Status status = Compute(S1Request(common::v1::DISCLOSURE_MODE_INTERNAL), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(status.error_message(),
              HasSubstr("the intake service at " + dead_address + " is unavailable"));
  EXPECT_EQ(response.results_size(), 0);
  EXPECT_EQ(store_.save_calls(), 0);
}

TEST_F(IndicatorsGrpcTest, ASnapshotShorterThanAnnouncedIsNeverComputed) {
  intake_.AnnounceExtraRecords(1);
  v1::ComputeIndicatorsResponse response;
  grpc::Status status = Compute(S1Request(common::v1::DISCLOSURE_MODE_INTERNAL), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_EQ(store_.save_calls(), 0);
}

TEST_F(IndicatorsGrpcTest, UnknownCodeIsInvalidArgumentWithTheFieldInTheDetails) {
  v1::ComputeIndicatorsRequest request = S1Request(common::v1::DISCLOSURE_MODE_INTERNAL);
  request.add_codes("1 Z.9");
  v1::ComputeIndicatorsResponse response;
  const absl::Status status = FromGrpcStatus(Compute(request, &response));
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  const std::vector<FieldViolation> violations = FieldViolationsOf(status);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "codes[1]");
  EXPECT_EQ(violations[0].rule_code, "UNKNOWN_INDICATOR_CODE");
  EXPECT_EQ(intake_.export_calls(), 0);
}

TEST_F(IndicatorsGrpcTest, CatalogueListsEveryIndicatorWithItsFrameworkPlace) {
  grpc::ClientContext context;
  v1::ListIndicatorsRequest request;
  v1::ListIndicatorsResponse response;
  ASSERT_TRUE(stub_->ListIndicators(&context, request, &response).ok());
  EXPECT_EQ(static_cast<size_t>(response.indicators_size()), engine::Catalogue().size());
  EXPECT_EQ(response.definitions_version(), engine::DefinitionsVersion());
  bool saw_n5a = false;
  for (const v1::IndicatorDefinition& definition : response.indicators()) {
    if (definition.code() == "1 N.5a") {
      saw_n5a = true;
      EXPECT_EQ(definition.area(), 1);
      EXPECT_EQ(definition.theme(), common::v1::SHANARRI_THEME_NURTURED);
      EXPECT_EQ(definition.unit_kind(), common::v1::UNIT_KIND_ACCOMMODATION_SPELL);
    }
    if (definition.code() == "1 R.3") {
      EXPECT_FALSE(definition.breakdowns_published());
    }
    // Every indicator says who is in D and N; own dimensions and supplementary figures named.
    EXPECT_FALSE(definition.denominator_text().empty()) << definition.code();
    EXPECT_FALSE(definition.numerator_text().empty()) << definition.code();
    if (definition.code() == "5.2") {
      EXPECT_EQ(definition.denominator_text(),
                "reviews with meeting_date in the period and sw_due_date recorded.");
      ASSERT_EQ(definition.own_breakdown_dimensions_size(), 1);
      EXPECT_EQ(definition.own_breakdown_dimensions(0), "review_type");
    }
    if (definition.code() == "1 H.5") {
      EXPECT_THAT(definition.supplementary_names(),
                  ::testing::ElementsAre("SELF_HARM", "SUICIDE_ATTEMPT", "SUICIDE"));
    }
    if (definition.code() == "1 N.1") {
      EXPECT_TRUE(definition.own_breakdown_dimensions().empty());
      EXPECT_TRUE(definition.supplementary_names().empty());
    }
    if (definition.code() == "1 R.4") {
      EXPECT_EQ(definition.theme(), common::v1::SHANARRI_THEME_RESPECTED_AND_RESPONSIBLE);
    }
  }
  EXPECT_TRUE(saw_n5a);
  grpc::ClientContext area5_context;
  request.add_areas(5);
  response.Clear();
  ASSERT_TRUE(stub_->ListIndicators(&area5_context, request, &response).ok());
  for (const v1::IndicatorDefinition& definition : response.indicators()) {
    EXPECT_EQ(definition.area(), 5) << definition.code();
  }
  EXPECT_EQ(response.indicators_size(), 2);
}

TEST_F(IndicatorsGrpcTest, ExplainSaysWhoIsInTheNumeratorAndWhy) {
  grpc::ClientContext context;
  v1::ExplainIndicatorRequest request;
  request.set_council(kCouncil);
  *request.mutable_period() = S1Request(common::v1::DISCLOSURE_MODE_INTERNAL).period();
  request.set_code("1 S.1");
  request.set_selection(v1::UNIT_SELECTION_NUMERATOR);
  v1::ExplainIndicatorResponse response;
  grpc::Status status = stub_->ExplainIndicator(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.units_size(), 3);
  EXPECT_EQ(response.units(0).unit_id(), "C1");
  EXPECT_EQ(response.units(0).person_ids(0), "C1");
  EXPECT_TRUE(response.units(0).in_numerator());
  EXPECT_EQ(response.units(0).unit_kind(), common::v1::UNIT_KIND_CHILD);
  EXPECT_THAT(response.units(0).reasons(1), HasSubstr("E1"));
  EXPECT_EQ(response.result().numerator().value(), 3);
  grpc::ClientContext unknown_context;
  request.set_code("1 Z.9");
  EXPECT_EQ(stub_->ExplainIndicator(&unknown_context, request, &response).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(IndicatorsGrpcTest, PolicySetOverGrpcIsReadBackAndApplied) {
  // A service whose operator set no floor beyond what a policy may say (the floor: below).
  floor_ = DisclosureFloor{1, 1, false};
  Start(intake_server_.address());
  grpc::ClientContext set_context;
  v1::SetDisclosurePolicyRequest set;
  set.mutable_policy()->set_council(kCouncil);
  set.mutable_policy()->set_min_shown_count(3);
  set.mutable_policy()->set_min_denominator(5);
  v1::SetDisclosurePolicyResponse set_response;
  ASSERT_TRUE(stub_->SetDisclosurePolicy(&set_context, set, &set_response).ok());
  EXPECT_TRUE(set_response.policy().secondary_suppression());
  EXPECT_EQ(set_response.updated_by(), "user=jo@council");
  grpc::ClientContext get_context;
  v1::GetDisclosurePolicyRequest get;
  get.set_council(kCouncil);
  v1::GetDisclosurePolicyResponse get_response;
  ASSERT_TRUE(stub_->GetDisclosurePolicy(&get_context, get, &get_response).ok());
  EXPECT_FALSE(get_response.is_default());
  EXPECT_EQ(get_response.policy().min_shown_count(), 3);
  EXPECT_EQ(get_response.policy().min_denominator(), 5);
  v1::ComputeIndicatorsResponse response;
  ASSERT_TRUE(Compute(S1Request(common::v1::DISCLOSURE_MODE_PUBLISHED), &response).ok());
  EXPECT_EQ(response.results(0).numerator().value(), 3);
  EXPECT_EQ(response.results(0).value().value(), 37.5);
}

TEST_F(IndicatorsGrpcTest, SeriesReturnsOnePeriodResultPerPeriodInOrder) {
  grpc::ClientContext context;
  v1::ComputeIndicatorSeriesRequest request;
  request.set_council(kCouncil);
  *request.mutable_sequence()->mutable_first() =
      S1Request(common::v1::DISCLOSURE_MODE_INTERNAL).period();
  request.mutable_sequence()->set_count(2);
  request.add_codes("1 S.1");
  request.set_disclosure_mode(common::v1::DISCLOSURE_MODE_INTERNAL);
  v1::ComputeIndicatorSeriesResponse response;
  grpc::Status status = stub_->ComputeIndicatorSeries(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.period_results_size(), 2);
  EXPECT_EQ(response.period_results(1).provenance().period().first_day().year(), 2024);
  EXPECT_EQ(response.period_results(0).results(0).denominator().value(), 8);
  EXPECT_EQ(response.period_results(1).results(0).denominator().value(), 0);
  EXPECT_EQ(response.period_results(1).results(0).value().withheld(),
            common::v1::WITHHOLD_REASON_NO_DENOMINATOR);
  EXPECT_EQ(intake_.export_calls(), 1);
}

TEST_F(IndicatorsGrpcTest, PublishedFiguresShowThePartsOf2R5OnlyAsItsRespondentCells) {
  intake_.Set(WithLivesImproved(), 12);
  v1::ComputeIndicatorsRequest request = S1Request(common::v1::DISCLOSURE_MODE_PUBLISHED);
  request.clear_codes();
  v1::ComputeIndicatorsResponse published;
  grpc::Status status = Compute(request, &published);
  ASSERT_TRUE(status.ok()) << status.error_message();
  const std::vector<std::string> codes = CodesOf(published.results());
  EXPECT_EQ(codes.size(), engine::Catalogue().size() - 2);
  EXPECT_THAT(codes, ::testing::Not(::testing::Contains("2 R.5 child")));
  EXPECT_THAT(codes, ::testing::Not(::testing::Contains("2 R.5 parent")));
  const common::v1::IndicatorResult* all = nullptr;
  for (const common::v1::IndicatorResult& result : published.results()) {
    if (result.code() == "2 R.5") all = &result;
  }
  ASSERT_NE(all, nullptr);
  EXPECT_EQ(all->numerator().value(), 10);
  EXPECT_EQ(all->denominator().value(), 16);
  std::map<std::string, const common::v1::BreakdownCell*> respondent;
  for (const common::v1::BreakdownCell& cell : all->breakdowns()) {
    if (cell.dimension() == "respondent") respondent[cell.category()] = &cell;
  }
  ASSERT_EQ(respondent.size(), 2u);
  // The small child numerator is suppressed and the parent one with it: nothing to subtract.
  EXPECT_EQ(respondent.at("CHILD")->numerator().suppressed(),
            common::v1::SUPPRESSION_REASON_PRIMARY);
  EXPECT_EQ(respondent.at("PARENT_CARER")->numerator().suppressed(),
            common::v1::SUPPRESSION_REASON_SECONDARY);

  // Asked for by name, a part is refused with the reason, and nothing is pulled or stored.
  const int exports = intake_.export_calls();
  const int saves = store_.save_calls();
  request.add_codes("2 R.5");
  request.add_codes("2 R.5 child");
  v1::ComputeIndicatorsResponse refused;
  const absl::Status refusal = FromGrpcStatus(Compute(request, &refused));
  EXPECT_EQ(refusal.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(refusal.message()),
              HasSubstr("codes[1] \"2 R.5 child\" is not published on its own: it is published "
                        "only as the CHILD cell of the respondent breakdown of \"2 R.5\""));
  const std::vector<FieldViolation> violations = FieldViolationsOf(refusal);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "codes[1]");
  EXPECT_EQ(violations[0].rule_code, "PUBLISHED_ONLY_AS_BREAKDOWN");
  EXPECT_EQ(refused.results_size(), 0);
  EXPECT_EQ(intake_.export_calls(), exports);
  EXPECT_EQ(store_.save_calls(), saves);

  // The series rpc follows the same rule.
  grpc::ClientContext series_context;
  v1::ComputeIndicatorSeriesRequest series;
  series.set_council(kCouncil);
  *series.mutable_sequence()->mutable_first() = request.period();
  series.mutable_sequence()->set_count(2);
  series.set_disclosure_mode(common::v1::DISCLOSURE_MODE_PUBLISHED);
  v1::ComputeIndicatorSeriesResponse series_response;
  status = stub_->ComputeIndicatorSeries(&series_context, series, &series_response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(series_response.period_results_size(), 2);
  for (const v1::PeriodResults& period : series_response.period_results()) {
    EXPECT_THAT(CodesOf(period.results()), ::testing::Not(::testing::Contains("2 R.5 parent")));
    EXPECT_THAT(CodesOf(period.results()), ::testing::Not(::testing::Contains("2 R.5 child")));
  }
  grpc::ClientContext part_context;
  series.add_codes("2 R.5 parent");
  EXPECT_EQ(stub_->ComputeIndicatorSeries(&part_context, series, &series_response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  // INTERNAL figures still carry all three, the parts with every count.
  request.set_disclosure_mode(common::v1::DISCLOSURE_MODE_INTERNAL);
  v1::ComputeIndicatorsResponse internal;
  status = Compute(request, &internal);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(CodesOf(internal.results()), (std::vector<std::string>{"2 R.5", "2 R.5 child"}));
  EXPECT_EQ(internal.results(1).numerator().value(), 3);
  request.clear_codes();
  status = Compute(request, &internal);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(static_cast<size_t>(internal.results_size()), engine::Catalogue().size());
  EXPECT_THAT(CodesOf(internal.results()),
              ::testing::IsSupersetOf({"2 R.5", "2 R.5 child", "2 R.5 parent"}));
}

TEST_F(IndicatorsGrpcTest, CatalogueSaysThePartsOf2R5HaveNoPublishedBreakdowns) {
  grpc::ClientContext context;
  v1::ListIndicatorsResponse response;
  ASSERT_TRUE(stub_->ListIndicators(&context, v1::ListIndicatorsRequest(), &response).ok());
  std::map<std::string, bool> published;
  for (const v1::IndicatorDefinition& definition : response.indicators()) {
    published[definition.code()] = definition.breakdowns_published();
  }
  EXPECT_TRUE(published.at("2 R.5"));
  EXPECT_FALSE(published.at("2 R.5 child"));
  EXPECT_FALSE(published.at("2 R.5 parent"));
}

// ---- Who may call what, and the disclosure floor ---------------------------------------------

// Every rpc of the service, from its descriptor: refused without a token (even when malformed),
// for another council and without its roles, with nothing read from intake or the store; served
// for the right role and council.
TEST_F(IndicatorsGrpcTest, EveryRpcAuthorizesItsCallerBeforeAnythingIsRead) {
  using pif::testing::Serialized;
  const common::v1::Period period = S1Request(common::v1::DISCLOSURE_MODE_PUBLISHED).period();
  pif::testing::AuthorizationMatrix matrix;
  matrix.service = v1::IndicatorsService::service_full_name();
  matrix.identity = &identity_;
  matrix.channel = [this](bool) { return pif::testing::ChannelTo(*host_, ""); };
  matrix.footprint = [this] { return Footprint(); };
  matrix.calls["ListIndicators"].messages = [](const std::string&) {
    return Serialized(v1::ListIndicatorsRequest());
  };
  matrix.calls["ComputeIndicators"].messages = [period](const std::string& council) {
    v1::ComputeIndicatorsRequest request;
    request.set_council(council);
    *request.mutable_period() = period;
    request.add_codes("1 S.1");
    return Serialized(request);
  };
  matrix.calls["ComputeIndicatorSeries"].messages = [period](const std::string& council) {
    v1::ComputeIndicatorSeriesRequest request;
    request.set_council(council);
    *request.mutable_sequence()->mutable_first() = period;
    request.mutable_sequence()->set_count(2);
    request.add_codes("1 S.1");
    return Serialized(request);
  };
  matrix.calls["ExplainIndicator"].messages = [period](const std::string& council) {
    v1::ExplainIndicatorRequest request;
    request.set_council(council);
    *request.mutable_period() = period;
    request.set_code("1 S.1");
    request.set_selection(v1::UNIT_SELECTION_NUMERATOR);
    return Serialized(request);
  };
  matrix.calls["GetDisclosurePolicy"].messages = [](const std::string& council) {
    v1::GetDisclosurePolicyRequest request;
    request.set_council(council);
    return Serialized(request);
  };
  matrix.calls["SetDisclosurePolicy"].messages = [](const std::string& council) {
    v1::SetDisclosurePolicyRequest request;
    request.mutable_policy()->set_council(council);
    request.mutable_policy()->set_min_shown_count(7);
    return Serialized(request);
  };
  pif::testing::ExpectEveryRpcAuthorizes(matrix);
}

TEST_F(IndicatorsGrpcTest, InternalFiguresAreForAnalystsOnlyAndARefusalPullsNothing) {
  for (auth::Role role : {auth::Role::kViewer, auth::Role::kPublisher}) {
    auto stub = StubAs({role});
    grpc::ClientContext context;
    v1::ComputeIndicatorsResponse response;
    const grpc::Status status = stub->ComputeIndicators(
        &context, S1Request(common::v1::DISCLOSURE_MODE_INTERNAL), &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED) << auth::RoleName(role);
    EXPECT_THAT(status.error_message(), HasSubstr("analyst"));
    EXPECT_EQ(response.results_size(), 0);

    grpc::ClientContext series_context;
    v1::ComputeIndicatorSeriesRequest series;
    series.set_council(kCouncil);
    *series.mutable_sequence()->mutable_first() =
        S1Request(common::v1::DISCLOSURE_MODE_INTERNAL).period();
    series.mutable_sequence()->set_count(1);
    series.set_disclosure_mode(common::v1::DISCLOSURE_MODE_INTERNAL);
    v1::ComputeIndicatorSeriesResponse series_response;
    EXPECT_EQ(stub->ComputeIndicatorSeries(&series_context, series, &series_response).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  EXPECT_EQ(intake_.export_calls(), 0);
  EXPECT_EQ(counted_store_.calls(), 0);
  // The same callers have PUBLISHED figures; an analyst has INTERNAL ones.
  v1::ComputeIndicatorsResponse published;
  grpc::ClientContext published_context;
  ASSERT_TRUE(StubAs({auth::Role::kViewer})
                  ->ComputeIndicators(&published_context,
                                      S1Request(common::v1::DISCLOSURE_MODE_PUBLISHED), &published)
                  .ok());
  v1::ComputeIndicatorsResponse internal;
  grpc::ClientContext internal_context;
  const grpc::Status status =
      StubAs({auth::Role::kAnalyst})
          ->ComputeIndicators(&internal_context, S1Request(common::v1::DISCLOSURE_MODE_INTERNAL),
                              &internal);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(internal.results(0).numerator().value(), 3);
}

TEST_F(IndicatorsGrpcTest, APolicyBelowTheFloorIsRefusedNamingTheField) {
  auto publisher = StubAs({auth::Role::kPublisher});
  for (const auto& [field, set] :
       std::vector<std::pair<std::string, std::function<void(common::v1::DisclosurePolicy*)>>>{
           {"policy.min_shown_count", [](auto* p) { p->set_min_shown_count(1); }},
           {"policy.min_denominator", [](auto* p) { p->set_min_denominator(9); }},
           {"policy.secondary_suppression", [](auto* p) { p->set_secondary_suppression(false); }},
       }) {
    v1::SetDisclosurePolicyRequest request;
    request.mutable_policy()->set_council(kCouncil);
    set(request.mutable_policy());
    grpc::ClientContext context;
    v1::SetDisclosurePolicyResponse response;
    const absl::Status status =
        FromGrpcStatus(publisher->SetDisclosurePolicy(&context, request, &response));
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << field;
    const std::vector<FieldViolation> violations = FieldViolationsOf(status);
    ASSERT_EQ(violations.size(), 1u) << field;
    EXPECT_EQ(violations[0].field, field);
    EXPECT_EQ(violations[0].rule_code, "BELOW_DISCLOSURE_FLOOR");
  }
  grpc::ClientContext get_context;
  v1::GetDisclosurePolicyRequest get;
  get.set_council(kCouncil);
  v1::GetDisclosurePolicyResponse policy;
  ASSERT_TRUE(StubAs({auth::Role::kAnalyst})->GetDisclosurePolicy(&get_context, get, &policy).ok());
  EXPECT_TRUE(policy.is_default());
}

TEST_F(IndicatorsGrpcTest, PublishedFiguresApplyTheFloorOverAPolicyStoredBelowIt) {
  // Stored before the floor was raised: every count shown.
  ASSERT_TRUE(store_.SavePolicy(kCouncil, {1, 1, false}, "earlier").ok());
  v1::ComputeIndicatorsResponse response;
  ASSERT_TRUE(Compute(S1Request(common::v1::DISCLOSURE_MODE_PUBLISHED), &response).ok());
  EXPECT_EQ(response.provenance().disclosure_policy().min_shown_count(), 6);
  EXPECT_EQ(response.provenance().disclosure_policy().min_denominator(), 10);
  EXPECT_TRUE(response.provenance().disclosure_policy().secondary_suppression());
  EXPECT_EQ(response.results(0).numerator().suppressed(), common::v1::SUPPRESSION_REASON_PRIMARY);
  grpc::ClientContext get_context;
  v1::GetDisclosurePolicyRequest get;
  get.set_council(kCouncil);
  v1::GetDisclosurePolicyResponse policy;
  ASSERT_TRUE(stub_->GetDisclosurePolicy(&get_context, get, &policy).ok());
  EXPECT_EQ(policy.policy().min_shown_count(), 6);
  EXPECT_EQ(policy.updated_by(), "earlier");
}

}  // namespace
}  // namespace pif::indicators
