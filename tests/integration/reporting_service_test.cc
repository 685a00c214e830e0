// The reporting service end to end: real pif-intake, pif-indicators, pif-workforce and
// pif-reporting binaries over fresh PostgreSQL databases, fed a generated sample council through
// `pifctl import` (case records, staff and absences, self-evaluations). The report's figures are
// checked against the indicators and workforce services for the same request, publishing against
// its numbered, byte-stable versions, and published figures against disclosure control. A second
// suite runs pif-reporting alone for the kept rejections of self-evaluations (ListRejections).
#include <grpcpp/client_context.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "pif/csv/csv_reader.h"
#include "pif/grpc/channel.h"
#include "pif/indicators/v1/indicators_service.grpc.pb.h"
#include "pif/reporting/v1/reporting_service.grpc.pb.h"
#include "pif/testing/service_process.h"
#include "pif/testing/test_database.h"
#include "pif/testing/test_identity.h"
#include "pif/workforce/v1/workforce_service.grpc.pb.h"

namespace pif {
namespace {

using google::protobuf::util::MessageDifferencer;
using reporting::v1::Area;
using reporting::v1::IndicatorEntry;
using reporting::v1::Report;
using reporting::v1::ReportingService;
using testing::BinaryPath;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ServiceProcess;
using testing::TestDatabase;
using testing::TestIdentity;

// The sample council's extraction date is 2025-07-31: the report is of the CLAS year ending then.
constexpr char kFrom[] = "2024-08-01";
constexpr char kTo[] = "2025-07-31";

common::v1::Date DateOf(const std::string& text) {
  int year = 0;
  int month = 0;
  int day = 0;
  EXPECT_EQ(std::sscanf(text.c_str(), "%d-%d-%d", &year, &month, &day), 3) << text;
  common::v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

common::v1::Period PeriodOf(const std::string& from, const std::string& to) {
  common::v1::Period period;
  *period.mutable_first_day() = DateOf(from);
  *period.mutable_last_day() = DateOf(to);
  return period;
}

// The flags of `binary` (pif-<service>) over `conninfo`, with mutual TLS and the test identity
// provider.
std::vector<std::string> ServiceArgs(const std::string& binary, const std::string& conninfo) {
  std::vector<std::string> args = {"--listen=127.0.0.1:0", "--database_url=" + conninfo,
                                   "--drain_seconds=2", "--db_pool_size=4"};
  for (std::string& arg : TestIdentity::Get().ServiceArgs(binary.substr(4))) {
    args.push_back(std::move(arg));
  }
  return args;
}

// Who calls what here. A report reads intake's open rejections on its caller's behalf (and the
// indicators service does, for its data-quality note), which intake admits for submitters: the
// analyst and the publisher who build reports hold that role too.
const std::vector<auth::Role> kAnalyst = {auth::Role::kAnalyst, auth::Role::kSubmitter};
const std::vector<auth::Role> kPublisher = {auth::Role::kPublisher, auth::Role::kSubmitter};
const std::vector<auth::Role> kViewer = {auth::Role::kViewer};
const std::vector<auth::Role> kSubmitter = {auth::Role::kSubmitter};

// Internal figures and drafts are for analysts; published ones for the publisher.
const std::vector<auth::Role>& BuilderOf(common::v1::DisclosureMode mode) {
  return mode == common::v1::DISCLOSURE_MODE_INTERNAL ? kAnalyst : kPublisher;
}

// A call's context with a token for `roles` in `council`.
std::unique_ptr<grpc::ClientContext> Context(const std::vector<auth::Role>& roles,
                                             const std::string& council) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(120));
  context->AddMetadata("x-pif-client", "reporting-service-test");
  TestIdentity::Get().AddToken(*context, roles, {council});
  return context;
}

// A channel to a service over mutual TLS with pifctl's certificate.
std::shared_ptr<grpc::Channel> ChannelTo(const std::string& address) {
  return OpenChannel(address, TestIdentity::Get().TlsClientOptions("pifctl"));
}

// A service binary over its own fresh database, serving on a free port.
struct RunningService {
  RunningService(const std::string& binary, const std::string& database,
                 std::vector<std::string> extra_args)
      : db(database) {
    std::vector<std::string> args = ServiceArgs(binary, db.conninfo());
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    process = std::make_unique<ServiceProcess>(BinaryPath(binary), args);
    auto port = process->WaitUntilServing();
    EXPECT_TRUE(port.ok()) << port.status() << process->Log();
    address = absl::StrCat("127.0.0.1:", port.value_or(1));
  }

  TestDatabase db;
  std::unique_ptr<ServiceProcess> process;
  std::string address;
};

// The four services, each pointed at the others.
class FourServices {
 public:
  FourServices()
      : intake_("pif-intake", "rep_e2e_intake", {}),
        indicators_("pif-indicators", "rep_e2e_indicators",
                    {"--intake_address=" + intake_.address, "--intake_deadline_seconds=30"}),
        workforce_("pif-workforce", "rep_e2e_workforce",
                   {"--intake_address=" + intake_.address, "--intake_deadline_seconds=30"}),
        reporting_(
            "pif-reporting", "rep_e2e_reporting",
            {"--intake_address=" + intake_.address, "--indicators_address=" + indicators_.address,
             "--workforce_address=" + workforce_.address}) {
    indicators_stub_ = indicators::v1::IndicatorsService::NewStub(ChannelTo(indicators_.address));
    workforce_stub_ = workforce::v1::WorkforceService::NewStub(ChannelTo(workforce_.address));
    stub_ = ReportingService::NewStub(ChannelTo(reporting_.address));
  }

  RunningService intake_;
  RunningService indicators_;
  RunningService workforce_;
  RunningService reporting_;
  std::unique_ptr<indicators::v1::IndicatorsService::Stub> indicators_stub_;
  std::unique_ptr<workforce::v1::WorkforceService::Stub> workforce_stub_;
  std::unique_ptr<ReportingService::Stub> stub_;
};

// Every indicator entry of a report, in report order.
std::vector<const IndicatorEntry*> EntriesOf(const Report& report) {
  std::vector<const IndicatorEntry*> entries;
  for (const reporting::v1::KeyQuestion& question : report.key_questions()) {
    for (const Area& area : question.areas()) {
      for (const reporting::v1::ThemeGroup& group : area.theme_groups()) {
        for (const IndicatorEntry& entry : group.indicators()) entries.push_back(&entry);
      }
      for (const IndicatorEntry& entry : area.indicators()) entries.push_back(&entry);
    }
  }
  return entries;
}

const IndicatorEntry* EntryOf(const Report& report, const std::string& code) {
  for (const IndicatorEntry* entry : EntriesOf(report)) {
    if (entry->result().code() == code) return entry;
  }
  return nullptr;
}

const Area& AreaOf(const Report& report, int number) {
  for (const reporting::v1::KeyQuestion& question : report.key_questions()) {
    for (const Area& area : question.areas()) {
      if (area.number() == number) return area;
    }
  }
  static const Area kMissing;
  ADD_FAILURE() << "no area " << number;
  return kMissing;
}

std::vector<std::string> CodesOf(
    const google::protobuf::RepeatedPtrField<IndicatorEntry>& entries) {
  std::vector<std::string> codes;
  for (const IndicatorEntry& entry : entries) codes.push_back(entry.result().code());
  return codes;
}

// Counts suppressed counts, and fails when a figure beside a suppressed count is given as a
// number (a value whose numerator or denominator is suppressed would give it back).
class SuppressionCheck {
 public:
  void Check(const std::string& where, const common::v1::Count* numerator,
             const common::v1::Count* denominator, const common::v1::Percentage* value,
             const common::v1::Measure* measure) {
    const bool hidden = Suppressed(numerator) || Suppressed(denominator);
    if (!hidden) return;
    EXPECT_FALSE(value != nullptr && value->has_value()) << where << " shows a percentage";
    EXPECT_FALSE(measure != nullptr && measure->has_value()) << where << " shows a measure";
  }

  void CheckResult(const std::string& where, const common::v1::IndicatorResult& result) {
    Check(where, result.has_numerator() ? &result.numerator() : nullptr,
          result.has_denominator() ? &result.denominator() : nullptr,
          result.has_value() ? &result.value() : nullptr,
          result.has_measure() ? &result.measure() : nullptr);
    Suppressed(result.has_unknown() ? &result.unknown() : nullptr);
    for (const common::v1::BreakdownCell& cell : result.breakdowns()) {
      Check(absl::StrCat(where, " ", cell.dimension(), "=", cell.category()),
            cell.has_numerator() ? &cell.numerator() : nullptr,
            cell.has_denominator() ? &cell.denominator() : nullptr,
            cell.has_value() ? &cell.value() : nullptr,
            cell.has_measure() ? &cell.measure() : nullptr);
    }
  }

  int suppressed() const { return suppressed_; }

 private:
  bool Suppressed(const common::v1::Count* count) {
    if (count == nullptr || !count->has_suppressed()) return false;
    ++suppressed_;
    EXPECT_FALSE(count->has_value());
    return true;
  }

  int suppressed_ = 0;
};

class ReportingServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    services_ = new FourServices();
    // One folder per process: CTest runs the tests of this file as parallel processes.
    fixture_ = new std::filesystem::path(std::filesystem::path(::testing::TempDir()) /
                                         absl::StrCat("pif_reporting_e2e_fixture_", getpid()));
    std::filesystem::remove_all(*fixture_);
    // A small council with five years of history, the same every run.
    const auto [status, output] =
        Run("pif-sample-council", {"--children=400", "--seed=11", "--out=" + fixture_->string()});
    ASSERT_EQ(status, 0) << output;
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*fixture_);
    delete fixture_;
    delete services_;
  }

  // The sample council generator, built beside pifctl under tools/.
  static std::string SampleCouncilPath() {
    return (std::filesystem::path(BinaryPath("pifctl")).parent_path().parent_path() /
            "sample_council" / "pif-sample-council")
        .string();
  }

  // Runs the built binary `name` with `args`; its exit status and everything it wrote.
  static std::pair<int, std::string> Run(const std::string& name,
                                         const std::vector<std::string>& args) {
    const std::string path = name == "pif-sample-council" ? SampleCouncilPath() : BinaryPath(name);
    EXPECT_TRUE(std::filesystem::exists(path)) << path;
    ServiceProcess process(path, args);
    auto exit_status = process.WaitForExit(absl::Seconds(300));
    EXPECT_TRUE(exit_status.ok()) << exit_status.status();
    return {exit_status.value_or(-1), process.Log()};
  }

  // pifctl's arguments `args`, then those to call as a caller with `roles` in `council`.
  static std::vector<std::string> PifctlArgs(std::vector<std::string> args,
                                             const std::vector<auth::Role>& roles,
                                             const std::string& council) {
    for (std::string& arg : TestIdentity::Get().PifctlArgs(roles, {council})) {
      args.push_back(std::move(arg));
    }
    return args;
  }

  // Imports the fixture for `council` into the three services that take its files.
  static void Import(const std::string& council) {
    const auto [status, output] =
        Run("pifctl",
            PifctlArgs({"import", "--council=" + council, "--address=" + services_->intake_.address,
                        "--workforce_address=" + services_->workforce_.address,
                        "--reporting_address=" + services_->reporting_.address, "--progress=never",
                        fixture_->string()},
                       kSubmitter, council));
    ASSERT_EQ(status, 0) << output;
    ASSERT_THAT(output, HasSubstr("reporting batch pifctl-"));
  }

  // The number of indicators of the indicators service's catalogue.
  static int CatalogueSize() {
    indicators::v1::ListIndicatorsResponse catalogue;
    const grpc::Status status = services_->indicators_stub_->ListIndicators(
        Context(kViewer, "S12000033").get(), indicators::v1::ListIndicatorsRequest(), &catalogue);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return catalogue.indicators_size();
  }

  static Report Build(const std::string& council, common::v1::DisclosureMode mode) {
    reporting::v1::BuildReportRequest request;
    request.set_council(council);
    *request.mutable_period() = PeriodOf(kFrom, kTo);
    request.set_disclosure_mode(mode);
    reporting::v1::BuildReportResponse response;
    const grpc::Status status =
        services_->stub_->BuildReport(Context(BuilderOf(mode), council).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.report();
  }

  static reporting::v1::PublishReportResponse Publish(const std::string& council,
                                                      const std::string& request_id = "") {
    reporting::v1::PublishReportRequest request;
    request.set_council(council);
    *request.mutable_period() = PeriodOf(kFrom, kTo);
    request.set_note("Annual return");
    request.set_request_id(request_id);
    reporting::v1::PublishReportResponse response;
    const grpc::Status status =
        services_->stub_->PublishReport(Context(kPublisher, council).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  static std::string Render(const std::string& council, int64_t version,
                            reporting::v1::RenderFormat format) {
    reporting::v1::RenderReportRequest request;
    request.set_council(council);
    request.set_published_version(version);
    request.set_format(format);
    reporting::v1::RenderReportResponse response;
    const grpc::Status status =
        services_->stub_->RenderReport(Context(kViewer, council).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(response.published_version(), version);
    return response.content();
  }

  static FourServices* services_;
  static std::filesystem::path* fixture_;
};

FourServices* ReportingServiceTest::services_ = nullptr;
std::filesystem::path* ReportingServiceTest::fixture_ = nullptr;

TEST_F(ReportingServiceTest, EverySectionOfTheFrameworkIsPresent) {
  const std::string council = "S12000033";
  Import(council);
  const Report report = Build(council, common::v1::DISCLOSURE_MODE_PUBLISHED);
  ASSERT_EQ(report.key_questions_size(), 6);
  std::vector<int> areas;
  for (const reporting::v1::KeyQuestion& question : report.key_questions()) {
    for (const Area& area : question.areas()) areas.push_back(area.number());
  }
  EXPECT_THAT(areas, ElementsAre(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));

  std::vector<std::string> headings;
  for (const reporting::v1::ThemeGroup& group : AreaOf(report, 1).theme_groups()) {
    headings.push_back(group.title());
    EXPECT_FALSE(group.indicators().empty()) << group.title();
  }
  EXPECT_THAT(headings, ElementsAre("Safe", "Nurtured", "Healthy", "Achieving", "Active",
                                    "Respected and responsible", "Included"));
  EXPECT_EQ(AreaOf(report, 2).theme_groups_size(), 7);
  EXPECT_THAT(CodesOf(AreaOf(report, 5).indicators()), ElementsAre("5.1", "5.2"));
  EXPECT_THAT(
      CodesOf(AreaOf(report, 7).indicators()),
      ElementsAre("7.1", "7.2", "7.3a", "7.3b", "7.3c", "7.4a", "7.4b", "7.5", "7.6", "7.7"));
  EXPECT_THAT(CodesOf(AreaOf(report, 9).indicators()), ElementsAre("9.1"));
  EXPECT_NE(EntryOf(report, "2 R.5"), nullptr);
  EXPECT_EQ(EntryOf(report, "2 R.5 child"), nullptr);
  EXPECT_EQ(EntryOf(report, "2 R.5 parent"), nullptr);

  // Every indicator has five trend periods and the previous year, each from a listed source.
  std::set<std::string> sources;
  for (const common::v1::Provenance& source : report.sources()) {
    sources.insert(source.result_id());
    EXPECT_EQ(source.disclosure_mode(), common::v1::DISCLOSURE_MODE_PUBLISHED);
  }
  EXPECT_EQ(report.sources_size(), 11);  // five periods of each service, and the self-evaluation
  for (const IndicatorEntry* entry : EntriesOf(report)) {
    EXPECT_EQ(entry->trend_points_size(), 5) << entry->result().code();
    EXPECT_TRUE(entry->has_previous()) << entry->result().code();
    EXPECT_NE(entry->change(), reporting::v1::CHANGE_UNSPECIFIED) << entry->result().code();
    EXPECT_EQ(sources.count(entry->result_id()), 1u) << entry->result().code();
  }

  // The sample council evaluated every area; 10.1 sits under area 10, each area has its latest.
  const Area& capacity = AreaOf(report, 10);
  ASSERT_TRUE(capacity.has_self_evaluation_summary());
  EXPECT_EQ(capacity.self_evaluation_summary().evaluated_area_count(), 10);
  EXPECT_TRUE(capacity.self_evaluation_summary().has_median_grade());
  EXPECT_EQ(capacity.self_evaluation_summary().grade_counts_size(), 6);
  for (int area = 1; area <= 10; ++area) {
    EXPECT_TRUE(AreaOf(report, area).self_evaluation().has_self_evaluation()) << area;
  }
}

TEST_F(ReportingServiceTest, TheReportsFiguresAreTheIndicatorsAndWorkforceServicesFigures) {
  const std::string council = "S12000034";
  Import(council);
  for (common::v1::DisclosureMode mode :
       {common::v1::DISCLOSURE_MODE_INTERNAL, common::v1::DISCLOSURE_MODE_PUBLISHED}) {
    SCOPED_TRACE(common::v1::DisclosureMode_Name(mode));
    const Report report = Build(council, mode);

    indicators::v1::ComputeIndicatorsRequest request;
    request.set_council(council);
    *request.mutable_period() = PeriodOf(kFrom, kTo);
    for (const char* dimension : {"sex", "age_band", "ethnic_group", "disability", "locality"}) {
      request.add_breakdown_dimensions(dimension);
    }
    request.set_disclosure_mode(mode);
    indicators::v1::ComputeIndicatorsResponse computed;
    ASSERT_TRUE(services_->indicators_stub_
                    ->ComputeIndicators(Context(BuilderOf(mode), council).get(), request, &computed)
                    .ok());
    // Published figures leave out the parts of 2 R.5 (shown only as its respondent cells).
    ASSERT_EQ(computed.results_size(), mode == common::v1::DISCLOSURE_MODE_PUBLISHED
                                           ? CatalogueSize() - 2
                                           : CatalogueSize());
    for (const common::v1::IndicatorResult& result : computed.results()) {
      const IndicatorEntry* entry = EntryOf(report, result.code());
      if (result.code() == "2 R.5 child" || result.code() == "2 R.5 parent") {
        EXPECT_EQ(entry, nullptr);
        continue;
      }
      ASSERT_NE(entry, nullptr) << result.code();
      std::string difference;
      MessageDifferencer differencer;
      differencer.ReportDifferencesToString(&difference);
      EXPECT_TRUE(differencer.Compare(result, entry->result())) << result.code() << difference;
      // The same stored computation, not a look-alike.
      EXPECT_EQ(entry->result_id(), computed.provenance().result_id()) << result.code();
    }

    workforce::v1::ComputeWorkforceRequest staff_request;
    staff_request.set_council(council);
    *staff_request.mutable_period() = PeriodOf(kFrom, kTo);
    staff_request.set_disclosure_mode(mode);
    workforce::v1::ComputeWorkforceResponse staff;
    ASSERT_TRUE(
        services_->workforce_stub_
            ->ComputeWorkforce(Context(BuilderOf(mode), council).get(), staff_request, &staff)
            .ok());
    for (const common::v1::IndicatorResult& result : staff.results()) {
      const IndicatorEntry* entry = EntryOf(report, result.code());
      ASSERT_NE(entry, nullptr) << result.code();
      EXPECT_TRUE(MessageDifferencer::Equals(result, entry->result())) << result.code();
      EXPECT_EQ(entry->result_id(), staff.provenance().result_id());
    }
  }
}

TEST_F(ReportingServiceTest, EachTrendPointIsThatPeriodsFigureFromTheIndicatorsService) {
  const std::string council = "S12000035";
  Import(council);
  const Report report = Build(council, common::v1::DISCLOSURE_MODE_INTERNAL);
  indicators::v1::ComputeIndicatorsRequest request;
  request.set_council(council);
  *request.mutable_period() = PeriodOf("2021-08-01", "2022-07-31");
  request.set_disclosure_mode(common::v1::DISCLOSURE_MODE_INTERNAL);
  indicators::v1::ComputeIndicatorsResponse earlier;
  ASSERT_TRUE(services_->indicators_stub_
                  ->ComputeIndicators(Context(kAnalyst, council).get(), request, &earlier)
                  .ok());
  int compared = 0;
  for (const common::v1::IndicatorResult& result : earlier.results()) {
    const IndicatorEntry* entry = EntryOf(report, result.code());
    if (entry == nullptr) continue;
    const reporting::v1::TrendPoint& point = entry->trend_points(1);  // 2021-22, second of five
    EXPECT_EQ(point.period().first_day().year(), 2021);
    EXPECT_TRUE(MessageDifferencer::Equals(point.numerator(), result.numerator())) << result.code();
    EXPECT_TRUE(MessageDifferencer::Equals(point.denominator(), result.denominator()))
        << result.code();
    EXPECT_TRUE(MessageDifferencer::Equals(point.value(), result.value())) << result.code();
    ++compared;
  }
  EXPECT_EQ(compared, CatalogueSize() - 2);  // all but the two parts of 2 R.5
}

TEST_F(ReportingServiceTest,
       PublishingTwiceGivesVersionsOneAndTwoAndVersionOneRendersTheSameBytes) {
  const std::string council = "S12000036";
  Import(council);
  const reporting::v1::PublishReportResponse first = Publish(council);
  const reporting::v1::PublishReportResponse second = Publish(council);
  EXPECT_EQ(first.published_report().summary().version(), 1);
  EXPECT_EQ(second.published_report().summary().version(), 2);
  EXPECT_FALSE(second.replayed());
  EXPECT_EQ(first.published_report().summary().note(), "Annual return");
  EXPECT_THAT(first.published_report().summary().published_by(),
              HasSubstr("client=reporting-service-test"));
  EXPECT_EQ(first.published_report().report().disclosure_mode(),
            common::v1::DISCLOSURE_MODE_PUBLISHED);

  for (reporting::v1::RenderFormat format :
       {reporting::v1::RENDER_FORMAT_HTML, reporting::v1::RENDER_FORMAT_CSV,
        reporting::v1::RENDER_FORMAT_JSON}) {
    const std::string once = Render(council, 1, format);
    ASSERT_FALSE(once.empty());
    // Publishing again in between changes nothing in version 1.
    Publish(council);
    EXPECT_EQ(Render(council, 1, format), once) << reporting::v1::RenderFormat_Name(format);
  }

  reporting::v1::GetPublishedReportRequest get;
  get.set_council(council);
  get.set_version(1);
  reporting::v1::GetPublishedReportResponse fetched;
  ASSERT_TRUE(
      services_->stub_->GetPublishedReport(Context(kViewer, council).get(), get, &fetched).ok());
  EXPECT_TRUE(MessageDifferencer::Equals(fetched.published_report(), first.published_report()));

  reporting::v1::ListPublishedReportsRequest list;
  list.set_council(council);
  reporting::v1::ListPublishedReportsResponse listed;
  ASSERT_TRUE(
      services_->stub_->ListPublishedReports(Context(kViewer, council).get(), list, &listed).ok());
  std::vector<int64_t> versions;
  for (const auto& summary : listed.published_reports()) versions.push_back(summary.version());
  EXPECT_THAT(versions, ElementsAre(5, 4, 3, 2, 1));

  // The same request id returns the version it made.
  const reporting::v1::PublishReportResponse keyed = Publish(council, "annual-2025");
  const reporting::v1::PublishReportResponse again = Publish(council, "annual-2025");
  EXPECT_EQ(keyed.published_report().summary().version(), 6);
  EXPECT_TRUE(again.replayed());
  EXPECT_EQ(again.published_report().summary().version(), 6);

  get.set_version(7);
  const grpc::Status missing =
      services_->stub_->GetPublishedReport(Context(kViewer, council).get(), get, &fetched);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(ReportingServiceTest, APublishedReportHasNoNumberInASuppressedCell) {
  const std::string council = "S12000038";
  Import(council);
  const reporting::v1::PublishReportResponse published = Publish(council);
  const Report& report = published.published_report().report();
  SuppressionCheck check;
  for (const IndicatorEntry* entry : EntriesOf(report)) {
    const std::string& code = entry->result().code();
    check.CheckResult(code, entry->result());
    for (const reporting::v1::TrendPoint& point : entry->trend_points()) {
      check.Check(absl::StrCat(code, " trend ", point.period().first_day().year()),
                  point.has_numerator() ? &point.numerator() : nullptr,
                  point.has_denominator() ? &point.denominator() : nullptr,
                  point.has_value() ? &point.value() : nullptr,
                  point.has_measure() ? &point.measure() : nullptr);
    }
  }
  // A small council: the check above looked at many suppressed cells.
  EXPECT_GT(check.suppressed(), 20);

  // The published CSV shows `c` where a count is suppressed and no value beside it.
  const std::string csv = Render(council, 1, reporting::v1::RENDER_FORMAT_CSV);
  std::istringstream in(csv);
  const std::string header = csv.substr(0, csv.find_first_of("\r\n"));
  const std::vector<std::string> columns = absl::StrSplit(header, ',');
  csv::CsvReader reader(in, "report.csv", columns);
  csv::Row row;
  csv::CsvError error;
  int suppressed_rows = 0;
  for (;;) {
    const csv::CsvReader::Result result = reader.Next(&row, &error);
    if (result == csv::CsvReader::Result::kEnd) break;
    ASSERT_EQ(result, csv::CsvReader::Result::kRow) << error.ToString();
    std::map<std::string, std::string> cells(row.fields.begin(), row.fields.end());
    const bool numerator_hidden = !cells["numerator_suppressed"].empty();
    const bool denominator_hidden = !cells["denominator_suppressed"].empty();
    if (numerator_hidden) {
      EXPECT_EQ(cells["numerator"], "c") << "row " << row.row_number;
    }
    if (denominator_hidden) {
      EXPECT_EQ(cells["denominator"], "c") << "row " << row.row_number;
    }
    if (numerator_hidden || denominator_hidden) {
      ++suppressed_rows;
      double number = 0;
      EXPECT_FALSE(absl::SimpleAtod(cells["value"], &number))
          << "row " << row.row_number << " value " << cells["value"];
    }
  }
  EXPECT_GT(suppressed_rows, 20);
}

TEST_F(ReportingServiceTest, SelfEvaluationsAreRecordedListedAndSummarizedAsOf10Point1) {
  const std::string council = "S12000039";  // no case data: 10.1 does not need any
  auto record = [&](const std::string& id, int area, int grade, const std::string& date,
                    reporting::v1::RecordSelfEvaluationResponse* response) {
    reporting::v1::RecordSelfEvaluationRequest request;
    request.set_council(council);
    reporting::v1::SelfEvaluation* evaluation = request.mutable_self_evaluation();
    evaluation->set_eval_id(id);
    evaluation->set_area(area);
    evaluation->set_grade(grade);
    *evaluation->mutable_eval_date() = DateOf(date);
    evaluation->set_evidence("Case file audit, 40 files");
    return services_->stub_->RecordSelfEvaluation(Context(kSubmitter, council).get(), request,
                                                  response);
  };
  reporting::v1::RecordSelfEvaluationResponse response;
  ASSERT_TRUE(record("E3", 3, 2, "2025-01-10", &response).ok());
  EXPECT_FALSE(response.replaced());
  EXPECT_EQ(response.recorded_self_evaluation().grade_label(), "Weak");
  EXPECT_EQ(response.recorded_self_evaluation().batch_id(), "");
  ASSERT_TRUE(record("E3", 3, 4, "2025-01-10", &response).ok());
  EXPECT_TRUE(response.replaced());
  ASSERT_TRUE(record("E5", 5, 5, "2025-03-01", &response).ok());
  ASSERT_TRUE(record("E9", 9, 6, "2025-09-01", &response).ok());  // after the census date

  const grpc::Status invalid = record("E1", 1, 7, "2025-01-10", &response);
  EXPECT_EQ(invalid.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(invalid.error_message(), HasSubstr("grade"));

  reporting::v1::ListSelfEvaluationsRequest list;
  list.set_council(council);
  list.add_areas(3);
  reporting::v1::ListSelfEvaluationsResponse listed;
  ASSERT_TRUE(
      services_->stub_->ListSelfEvaluations(Context(kSubmitter, council).get(), list, &listed)
          .ok());
  ASSERT_EQ(listed.self_evaluations_size(), 2);
  EXPECT_EQ(listed.self_evaluations(0).self_evaluation().grade(), 4);
  EXPECT_FALSE(listed.self_evaluations(0).superseded());
  EXPECT_EQ(listed.self_evaluations(1).self_evaluation().grade(), 2);
  EXPECT_TRUE(listed.self_evaluations(1).superseded());

  const Report report = Build(council, common::v1::DISCLOSURE_MODE_PUBLISHED);
  const reporting::v1::SelfEvaluationSummary& summary =
      AreaOf(report, 10).self_evaluation_summary();
  EXPECT_EQ(summary.evaluated_area_count(), 2);
  EXPECT_EQ(summary.median_grade(), 4.5);
  EXPECT_EQ(summary.areas(2).self_evaluation().grade(), 4);
  EXPECT_EQ(summary.areas(2).grade_label(), "Good");
  EXPECT_FALSE(summary.areas(8).has_self_evaluation());
  EXPECT_EQ(AreaOf(report, 5).self_evaluation().grade_label(), "Very good");
}

TEST_F(ReportingServiceTest, PifctlImportKeepsARejectedSelfEvaluationRowAndReportWritesTheFile) {
  const std::string council = "S12000040";
  const std::filesystem::path directory = std::filesystem::path(::testing::TempDir()) /
                                          absl::StrCat("pif_reporting_e2e_pifctl_", getpid());
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  {
    std::ofstream out(directory / "self_evaluations.csv", std::ios::binary);
    out << "eval_id,area,qi_ref,eval_date,grade,evidence,approved_by\n"
           "S1,1,QI 1.1,2025-05-01,5,\"Audit, with a comma\",Chief Social Work Officer\n"
           "S2,2,QI 2.1,2025-05-01,9,Survey,Chief Social Work Officer\n";
  }
  const auto [import_status, import_output] =
      Run("pifctl", PifctlArgs({"import", "--council=" + council,
                                "--reporting_address=" + services_->reporting_.address,
                                "--progress=never", directory.string()},
                               kSubmitter, council));
  EXPECT_EQ(import_status, 1) << import_output;  // one row rejected
  EXPECT_THAT(import_output, HasSubstr("accepted 1, rejected 1"));
  EXPECT_THAT(import_output, HasSubstr("self_evaluations.csv row 3: grade"));

  const std::filesystem::path file = directory / "report.csv";
  const auto [status, output] =
      Run("pifctl", PifctlArgs({"report", "--address=" + services_->reporting_.address,
                                "--council=" + council, "--from", kFrom, "--to", kTo, "--publish",
                                "--format", "csv", "-o", file.string()},
                               kPublisher, council));
  ASSERT_EQ(status, 0) << output;
  EXPECT_THAT(output, HasSubstr(file.string()));
  EXPECT_THAT(output, HasSubstr("published version 1"));
  EXPECT_THAT(output, HasSubstr("1 of 10 areas self-evaluated (median grade 5)"));
  std::ifstream in(file, std::ios::binary);
  const std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(written, Render(council, 1, reporting::v1::RENDER_FORMAT_CSV));
  EXPECT_THAT(written, HasSubstr("Audit, with a comma"));
  std::filesystem::remove_all(directory);
}

TEST_F(ReportingServiceTest, AServiceOutOfReachFailsTheReportNamingIt) {
  // A second reporting service whose workforce (then intake) address has nothing listening.
  for (const auto& [flag, service] : {std::pair{"--workforce_address=127.0.0.1:1", "workforce"},
                                      std::pair{"--intake_address=127.0.0.1:1", "intake"}}) {
    std::vector<std::string> args = {"--indicators_address=" + services_->indicators_.address,
                                     "--workforce_address=" + services_->workforce_.address,
                                     "--intake_address=" + services_->intake_.address,
                                     flag,
                                     "--workforce_deadline_seconds=5",
                                     "--intake_deadline_seconds=5"};
    RunningService reporting("pif-reporting", "rep_e2e_cut_off", args);
    auto stub = ReportingService::NewStub(ChannelTo(reporting.address));
    reporting::v1::BuildReportRequest request;
    request.set_council("S12000033");
    *request.mutable_period() = PeriodOf(kFrom, kTo);
    reporting::v1::BuildReportResponse response;
    const grpc::Status status =
        stub->BuildReport(Context(kPublisher, "S12000033").get(), request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << service;
    EXPECT_THAT(status.error_message(), HasSubstr(absl::StrCat("the ", service, " service at")));
    EXPECT_FALSE(response.has_report());
  }
}

// Only pif-reporting, over its own database (nothing here needs the other services, which are
// given addresses where nothing listens): the kept rejections of SubmitSelfEvaluations.
class ReportingRejectionsTest : public ::testing::Test {
 protected:
  using Cells = std::vector<std::pair<std::string, std::string>>;

  static void SetUpTestSuite() {
    reporting_ =
        new RunningService("pif-reporting", "rep_rejections",
                           {"--intake_address=127.0.0.1:1", "--indicators_address=127.0.0.1:1",
                            "--workforce_address=127.0.0.1:1"});
    stub_ = ReportingService::NewStub(ChannelTo(reporting_->address)).release();
  }
  static void TearDownTestSuite() {
    delete stub_;
    delete reporting_;
  }

  // A row of self_evaluations.csv as pifctl import sends it: text cells, with its file and row.
  static reporting::v1::SubmittedSelfEvaluation Row(int64_t row, const Cells& cells) {
    reporting::v1::SubmittedSelfEvaluation submitted;
    submitted.mutable_raw()->set_record_type("SelfEvaluation");
    for (const auto& [name, text] : cells) {
      common::v1::RawField* field = submitted.mutable_raw()->add_fields();
      field->set_name(name);
      field->set_text(text);
    }
    submitted.mutable_source()->set_file("self_evaluations.csv");
    submitted.mutable_source()->set_row(row);
    return submitted;
  }

  static Cells Evaluation(const std::string& id, const std::string& area, const std::string& date,
                          const std::string& grade) {
    return {{"eval_id", id},
            {"area", area},
            {"qi_ref", "QI 1.1"},
            {"eval_date", date},
            {"grade", grade},
            {"evidence", "Case file audit"},
            {"approved_by", "Chief Social Work Officer"}};
  }

  static common::v1::SubmissionSummary Submit(
      const std::string& council, const std::string& batch_id,
      const std::vector<reporting::v1::SubmittedSelfEvaluation>& rows) {
    auto context = Context(kSubmitter, council);
    reporting::v1::SubmitSelfEvaluationsResponse response;
    auto writer = stub_->SubmitSelfEvaluations(context.get(), &response);
    reporting::v1::SubmitSelfEvaluationsRequest header;
    header.mutable_header()->set_council(council);
    header.mutable_header()->set_batch_id(batch_id);
    writer->Write(header);
    reporting::v1::SubmitSelfEvaluationsRequest chunk;
    for (const auto& row : rows) *chunk.mutable_chunk()->add_self_evaluations() = row;
    writer->Write(chunk);
    reporting::v1::SubmitSelfEvaluationsRequest end;
    end.mutable_end()->set_record_count(static_cast<int64_t>(rows.size()));
    writer->Write(end);
    writer->WritesDone();
    const grpc::Status status = writer->Finish();
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.summary();
  }

  static reporting::v1::ListRejectionsResponse List(const std::string& council,
                                                    bool include_cleared = false,
                                                    const std::string& batch_id = "",
                                                    int page_size = 0,
                                                    const std::string& page_token = "") {
    reporting::v1::ListRejectionsRequest request;
    request.set_council(council);
    request.set_include_cleared(include_cleared);
    request.set_batch_id(batch_id);
    request.set_page_size(page_size);
    request.set_page_token(page_token);
    reporting::v1::ListRejectionsResponse response;
    const grpc::Status status =
        stub_->ListRejections(Context(kSubmitter, council).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  // The eval_ids of the listed rejections, in order.
  static std::vector<std::string> IdsOf(const reporting::v1::ListRejectionsResponse& listed) {
    std::vector<std::string> ids;
    for (const common::v1::StoredRejection& stored : listed.rejections()) {
      ids.push_back(stored.rejection().record_id());
    }
    return ids;
  }

  static RunningService* reporting_;
  static ReportingService::Stub* stub_;
};

RunningService* ReportingRejectionsTest::reporting_ = nullptr;
ReportingService::Stub* ReportingRejectionsTest::stub_ = nullptr;

TEST_F(ReportingRejectionsTest, ARejectedRowIsListedForItsCouncilOnlyUntilItsCorrectionClearsIt) {
  const std::string council = "S12000041";
  const std::string other = "S12000042";
  const common::v1::SubmissionSummary first =
      Submit(council, "se-1",
             {Row(2, Evaluation("S1", "1", "2025-05-01", "5")),
              Row(3, Evaluation("S2", "2", "2025-05-01", "9")),
              Row(4, Evaluation("S3", "3", "2025-02-30", "4"))});
  EXPECT_EQ(first.accepted_count(), 1);
  EXPECT_EQ(first.rejected_count(), 2);
  ASSERT_EQ(first.rejections_size(), 2);
  const common::v1::SubmissionSummary others =
      Submit(other, "se-b", {Row(2, Evaluation("B1", "11", "2025-05-01", "3"))});
  EXPECT_EQ(others.rejected_count(), 1);

  // The council's two rejected rows, oldest first, each with its row, field, rule and value.
  reporting::v1::ListRejectionsResponse listed = List(council);
  EXPECT_THAT(IdsOf(listed), ElementsAre("S2", "S3"));
  EXPECT_EQ(listed.open_count(), 2);
  EXPECT_TRUE(listed.next_page_token().empty());
  ASSERT_EQ(listed.rejections_size(), 2);
  const common::v1::StoredRejection& grade = listed.rejections(0);
  EXPECT_EQ(grade.council(), council);
  EXPECT_EQ(grade.batch_id(), "se-1");
  EXPECT_EQ(grade.state(), common::v1::REJECTION_STATE_OPEN);
  EXPECT_FALSE(grade.has_clearance());
  EXPECT_EQ(grade.rejection().record_type(), "SelfEvaluation");
  EXPECT_EQ(grade.rejection().position(), 2);
  EXPECT_EQ(grade.rejection().source().file(), "self_evaluations.csv");
  EXPECT_EQ(grade.rejection().source().row(), 3);
  EXPECT_EQ(grade.rejection().rejection_id(), first.rejections(0).rejection_id());
  ASSERT_EQ(grade.rejection().errors_size(), 1);
  EXPECT_EQ(grade.rejection().errors(0).field(), "grade");
  EXPECT_EQ(grade.rejection().errors(0).rule_code(), "OUT_OF_RANGE");
  EXPECT_EQ(grade.rejection().errors(0).value(), "9");
  const common::v1::StoredRejection& date = listed.rejections(1);
  EXPECT_EQ(date.rejection().source().row(), 4);
  ASSERT_EQ(date.rejection().errors_size(), 1);
  EXPECT_EQ(date.rejection().errors(0).field(), "eval_date");
  EXPECT_EQ(date.rejection().errors(0).rule_code(), "MALFORMED_DATE");
  EXPECT_EQ(date.rejection().errors(0).value(), "2025-02-30");

  // Another council sees only its own; a council that sent nothing sees none.
  const reporting::v1::ListRejectionsResponse theirs = List(other, true);
  ASSERT_THAT(IdsOf(theirs), ElementsAre("B1"));
  EXPECT_EQ(theirs.rejections(0).rejection().errors(0).field(), "area");
  EXPECT_EQ(theirs.open_count(), 1);
  const reporting::v1::ListRejectionsResponse nobody = List("S12000043", true);
  EXPECT_EQ(nobody.rejections_size(), 0);
  EXPECT_EQ(nobody.open_count(), 0);
  // Naming the other council's batch id lists nothing of it; open_count stays the council's.
  const reporting::v1::ListRejectionsResponse foreign_batch = List(council, true, "se-b");
  EXPECT_EQ(foreign_batch.rejections_size(), 0);
  EXPECT_EQ(foreign_batch.open_count(), 2);

  // Pages of one.
  const reporting::v1::ListRejectionsResponse page1 = List(council, false, "", 1);
  EXPECT_THAT(IdsOf(page1), ElementsAre("S2"));
  ASSERT_FALSE(page1.next_page_token().empty());
  const reporting::v1::ListRejectionsResponse page2 =
      List(council, false, "", 1, page1.next_page_token());
  EXPECT_THAT(IdsOf(page2), ElementsAre("S3"));
  EXPECT_TRUE(page2.next_page_token().empty());

  // The corrected row clears S2: gone from the default list, CLEARED by that batch with it.
  const common::v1::SubmissionSummary correction =
      Submit(council, "se-2", {Row(3, Evaluation("S2", "2", "2025-05-01", "4"))});
  EXPECT_EQ(correction.accepted_count(), 1);
  EXPECT_EQ(correction.cleared_rejection_count(), 1);
  listed = List(council);
  EXPECT_THAT(IdsOf(listed), ElementsAre("S3"));
  EXPECT_EQ(listed.open_count(), 1);
  listed = List(council, true);
  ASSERT_THAT(IdsOf(listed), ElementsAre("S2", "S3"));
  EXPECT_EQ(listed.open_count(), 1);  // cleared rejections listed, not counted as open
  const common::v1::StoredRejection& cleared = listed.rejections(0);
  EXPECT_EQ(cleared.state(), common::v1::REJECTION_STATE_CLEARED);
  EXPECT_EQ(cleared.clearance().reason(), common::v1::CLEARANCE_REASON_CORRECTED);
  EXPECT_EQ(cleared.clearance().batch_id(), "se-2");
  EXPECT_THAT(cleared.clearance().cleared_by(), HasSubstr("client=reporting-service-test"));
  EXPECT_EQ(cleared.rejection().errors(0).rule_code(), "OUT_OF_RANGE");  // kept verbatim
  EXPECT_EQ(listed.rejections(1).state(), common::v1::REJECTION_STATE_OPEN);

  // RecordSelfEvaluation clears S3 too, with no batch id of its own shown.
  reporting::v1::RecordSelfEvaluationRequest record;
  record.set_council(council);
  record.mutable_self_evaluation()->set_eval_id("S3");
  record.mutable_self_evaluation()->set_area(3);
  *record.mutable_self_evaluation()->mutable_eval_date() = DateOf("2025-02-28");
  record.mutable_self_evaluation()->set_grade(4);
  reporting::v1::RecordSelfEvaluationResponse recorded;
  ASSERT_TRUE(
      stub_->RecordSelfEvaluation(Context(kSubmitter, council).get(), record, &recorded).ok());
  listed = List(council);
  EXPECT_EQ(listed.rejections_size(), 0);
  EXPECT_EQ(listed.open_count(), 0);
  listed = List(council, true);
  ASSERT_THAT(IdsOf(listed), ElementsAre("S2", "S3"));
  const common::v1::Clearance& by_record = listed.rejections(1).clearance();
  EXPECT_EQ(listed.rejections(1).state(), common::v1::REJECTION_STATE_CLEARED);
  EXPECT_EQ(by_record.reason(), common::v1::CLEARANCE_REASON_CORRECTED);
  EXPECT_EQ(by_record.cause_case(), common::v1::Clearance::kBatchId);
  EXPECT_EQ(by_record.batch_id(), "");
  EXPECT_EQ(listed.rejections(0).clearance().batch_id(), "se-2");

  // The other council's rejection is untouched by all of it.
  const reporting::v1::ListRejectionsResponse still = List(other);
  ASSERT_THAT(IdsOf(still), ElementsAre("B1"));
  EXPECT_EQ(still.rejections(0).state(), common::v1::REJECTION_STATE_OPEN);
  EXPECT_EQ(still.open_count(), 1);
}

TEST_F(ReportingRejectionsTest, AMalformedListRequestIsInvalidArgument) {
  // The caller may act for a council; the first request names a malformed one.
  auto as_submitter = [] { return Context(kSubmitter, "S12000044"); };
  reporting::v1::ListRejectionsRequest request;
  reporting::v1::ListRejectionsResponse response;
  request.set_council("S1200004");  // eight characters
  EXPECT_EQ(stub_->ListRejections(as_submitter().get(), request, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  request.set_council("S12000044");
  request.set_page_token("not-a-token");
  EXPECT_EQ(stub_->ListRejections(as_submitter().get(), request, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  request.clear_page_token();
  request.set_page_size(-1);
  EXPECT_EQ(stub_->ListRejections(as_submitter().get(), request, &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  request.set_page_size(0);
  EXPECT_TRUE(stub_->ListRejections(as_submitter().get(), request, &response).ok());
}

}  // namespace
}  // namespace pif
