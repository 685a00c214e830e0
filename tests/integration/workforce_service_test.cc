// The workforce service end to end: real pif-intake and pif-workforce binaries over fresh
// PostgreSQL databases. Staff and absences go in through workforce's SubmitRecords (typed and
// raw) or `pifctl import`, case records through intake; the figures come out of ComputeWorkforce
// and `pifctl workforce`, 7.4 joining the two services.
#include <grpcpp/client_context.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "pif/grpc/channel.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "pif/testing/service_process.h"
#include "pif/testing/test_database.h"
#include "pif/testing/test_identity.h"
#include "pif/workforce/v1/workforce_service.grpc.pb.h"

namespace pif {
namespace {

using testing::BinaryPath;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ServiceProcess;
using testing::TestDatabase;
using testing::TestIdentity;
using workforce::v1::ComputeWorkforceRequest;
using workforce::v1::ComputeWorkforceResponse;
using workforce::v1::SubmittedWorkforceRecord;
using workforce::v1::WorkforceService;
using Cells = std::vector<std::pair<std::string, std::string>>;

// ---- records ------------------------------------------------------------------------------

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

// A typed EMPLOYEE staff row of fte 1 on [from, to) whose service started on `from`; the caller
// sets anything else through the returned record.
struct TypedStaff {
  SubmittedWorkforceRecord submitted;
  workforce::v1::StaffRecord* row;

  TypedStaff(const std::string& staff_id, workforce::v1::Role role, const std::string& from,
             const std::string& to = "") {
    row = submitted.mutable_record()->mutable_staff_record();
    row->set_staff_id(staff_id);
    *row->mutable_valid_from() = DateOf(from);
    if (!to.empty()) *row->mutable_valid_to() = DateOf(to);
    row->set_role(role);
    row->set_employment(workforce::v1::EMPLOYMENT_EMPLOYEE);
    *row->mutable_service_start_date() = DateOf(from);
    row->set_fte(1.0);
  }
};

SubmittedWorkforceRecord TypedAbsence(const std::string& id, const std::string& staff_id, int year,
                                      int month, workforce::v1::AbsenceType type, double days) {
  SubmittedWorkforceRecord submitted;
  workforce::v1::Absence* absence = submitted.mutable_record()->mutable_absence();
  absence->set_absence_id(id);
  absence->set_staff_id(staff_id);
  absence->mutable_month()->set_year(year);
  absence->mutable_month()->set_month(month);
  absence->set_type(type);
  absence->set_fte_days_lost(days);
  return submitted;
}

SubmittedWorkforceRecord Raw(const std::string& type, const Cells& cells,
                             const std::string& file = "", int64_t row = 0) {
  SubmittedWorkforceRecord submitted;
  submitted.mutable_raw()->set_record_type(type);
  for (const auto& [name, text] : cells) {
    common::v1::RawField* field = submitted.mutable_raw()->add_fields();
    field->set_name(name);
    field->set_text(text);
  }
  if (!file.empty()) {
    submitted.mutable_source()->set_file(file);
    submitted.mutable_source()->set_row(row);
  }
  return submitted;
}

// A hand-built staff history for the CLAS year 2023-08-01 to 2024-07-31 (CD 2024-07-31):
//  Q1  QSW from 2015-03-01, becomes a TEAM manager on 2024-03-15 (mid-month), CPD plan
//      2024-01-10, management qualification;
//  Q2  agency QSW from 2023-06-01, NTS qualified;
//  Q3  part-time (0.6) QSW from 2020-09-01, CPD plan 2023-09-01 (sent raw, as a CSV row);
//  R1  part-time (0.5) residential worker from 2019-09-01, SSSC qualification met, REG_COND;
//  F1  fieldworker starting on the census date;
//  M2  SENIOR manager from 2010-01-01 without a management qualification;
// with sickness split across months and around Q1's change of role.
std::vector<SubmittedWorkforceRecord> History() {
  using workforce::v1::ABSENCE_TYPE_OTHER_UNPLANNED;
  using workforce::v1::ABSENCE_TYPE_SICK;
  std::vector<SubmittedWorkforceRecord> records;
  TypedStaff q1_qsw("Q1", workforce::v1::ROLE_QSW, "2015-03-01", "2024-03-15");
  *q1_qsw.row->mutable_cpd_plan_date() = DateOf("2024-01-10");
  records.push_back(q1_qsw.submitted);
  TypedStaff q1_manager("Q1", workforce::v1::ROLE_MANAGER, "2024-03-15");
  *q1_manager.row->mutable_service_start_date() = DateOf("2015-03-01");
  q1_manager.row->set_manager_level(workforce::v1::MANAGER_LEVEL_TEAM);
  q1_manager.row->set_mgmt_qual(common::v1::FLAG_Y);
  *q1_manager.row->mutable_cpd_plan_date() = DateOf("2024-01-10");
  records.push_back(q1_manager.submitted);
  TypedStaff q2("Q2", workforce::v1::ROLE_QSW, "2023-06-01");
  q2.row->set_employment(workforce::v1::EMPLOYMENT_AGENCY);
  q2.row->set_nts_qual_met(common::v1::FLAG_Y);
  records.push_back(q2.submitted);
  records.push_back(Raw("StaffRecord",
                        {{"staff_id", "Q3"},
                         {"valid_from", "2020-09-01"},
                         {"valid_to", ""},
                         {"role", "QSW"},
                         {"employment", "EMPLOYEE"},
                         {"service_start_date", "2020-09-01"},
                         {"fte", "0.6"},
                         {"nts_qual_met", "N"},
                         {"cpd_plan_date", "2023-09-01"}},
                        "staff.csv", 4));
  TypedStaff r1("R1", workforce::v1::ROLE_RESIDENTIAL, "2019-09-01");
  r1.row->set_fte(0.5);
  r1.row->set_reg_qual_met(common::v1::FLAG_Y);
  r1.row->set_sssc_status(workforce::v1::SSSC_STATUS_REG_COND);
  records.push_back(r1.submitted);
  records.push_back(TypedStaff("F1", workforce::v1::ROLE_FIELD_OTHER, "2024-07-31").submitted);
  TypedStaff m2("M2", workforce::v1::ROLE_MANAGER, "2010-01-01");
  m2.row->set_manager_level(workforce::v1::MANAGER_LEVEL_SENIOR);
  m2.row->set_mgmt_qual(common::v1::FLAG_N);
  records.push_back(m2.submitted);
  records.push_back(TypedAbsence("A1", "Q1", 2024, 3, ABSENCE_TYPE_SICK, 2));  // QSW on 1 March
  records.push_back(TypedAbsence("A2", "Q1", 2024, 4, ABSENCE_TYPE_SICK, 3));  // manager 1 April
  records.push_back(TypedAbsence("A3", "Q2", 2024, 4, ABSENCE_TYPE_SICK, 6));
  records.push_back(TypedAbsence("A4", "Q3", 2023, 11, ABSENCE_TYPE_SICK, 1.5));
  records.push_back(Raw("Absence", {{"absence_id", "A5"},
                                    {"staff_id", "Q3"},
                                    {"month", "2023-12"},
                                    {"type", "SICK"},
                                    {"fte_days_lost", "2"}}));
  records.push_back(TypedAbsence("A6", "R1", 2023, 11, ABSENCE_TYPE_OTHER_UNPLANNED, 1));
  records.push_back(TypedAbsence("A7", "Q1", 2023, 7, ABSENCE_TYPE_SICK, 9));  // before PS
  return records;
}

// Open cases at CD 2024-07-31: C1 allocated to agency QSW Q2; C2 to Q1, a manager at CD; C3 to
// a team; C4's involvement closes on CD (not open); C5's worker Q3 left the case on CD and a
// worker the workforce data does not know (X99) took it on CD.
std::vector<intake::v1::Record> Cases() {
  std::vector<intake::v1::Record> records;
  auto child = [&](const std::string& person_id) {
    intake::v1::Child* c = records.emplace_back().mutable_child();
    c->set_person_id(person_id);
    *c->mutable_dob() = DateOf("2012-06-01");
    c->set_sex(intake::v1::SEX_F);
  };
  auto involvement = [&](const std::string& id, const std::string& person_id,
                         const std::string& open, const std::string& close) {
    intake::v1::Involvement* i = records.emplace_back().mutable_involvement();
    i->set_involvement_id(id);
    i->set_person_id(person_id);
    *i->mutable_open_date() = DateOf(open);
    if (!close.empty()) *i->mutable_close_date() = DateOf(close);
    i->set_basis(intake::v1::INVOLVEMENT_BASIS_CP);
  };
  auto allocation = [&](const std::string& id, const std::string& involvement_id,
                        const std::string& staff_id, const std::string& start,
                        const std::string& end) {
    intake::v1::Allocation* a = records.emplace_back().mutable_allocation();
    a->set_allocation_id(id);
    a->set_involvement_id(involvement_id);
    a->set_staff_id(staff_id);
    *a->mutable_start_date() = DateOf(start);
    if (!end.empty()) *a->mutable_end_date() = DateOf(end);
  };
  for (const char* person : {"C1", "C2", "C3", "C4", "C5"}) child(person);
  involvement("I1", "C1", "2024-01-01", "");
  involvement("I2", "C2", "2024-02-01", "");
  involvement("I3", "C3", "2024-03-01", "");
  involvement("I4", "C4", "2023-01-01", "2024-07-31");
  involvement("I5", "C5", "2024-05-01", "");
  allocation("AL1", "I1", "Q2", "2024-01-01", "");
  allocation("AL2", "I2", "Q1", "2024-02-01", "");
  allocation("AL3", "I3", "", "2024-03-01", "");
  allocation("AL4", "I4", "Q3", "2023-01-01", "2024-07-31");
  allocation("AL5", "I5", "Q3", "2024-05-01", "2024-07-31");
  allocation("AL6", "I5", "X99", "2024-07-31", "");
  return records;
}

// ---- reading results ------------------------------------------------------------------------

std::string CountText(bool present, const common::v1::Count& count) {
  if (!present) return "-";
  if (count.count_case() == common::v1::Count::kValue) return absl::StrCat(count.value());
  return "c";
}

std::string ValueText(const common::v1::IndicatorResult& result) {
  if (result.has_value()) {
    return result.value().percentage_case() == common::v1::Percentage::kValue
               ? absl::StrFormat("%.1f%%", result.value().value())
               : common::v1::WithholdReason_Name(result.value().withheld());
  }
  if (result.has_measure()) {
    return result.measure().measure_case() == common::v1::Measure::kValue
               ? absl::StrFormat("%.1f", result.measure().value())
               : common::v1::WithholdReason_Name(result.measure().withheld());
  }
  return "none";
}

// Every figure of a response as text: "code" -> "N/D value", "code dimension=category" -> "N/D",
// "code name" -> a supplementary figure.
std::map<std::string, std::string> FiguresOf(const ComputeWorkforceResponse& response) {
  std::map<std::string, std::string> figures;
  for (const common::v1::IndicatorResult& r : response.results()) {
    figures[r.code()] =
        absl::StrCat(CountText(r.has_numerator(), r.numerator()), "/",
                     CountText(r.has_denominator(), r.denominator()), " ", ValueText(r));
    figures[r.code() + " unknown"] = CountText(r.has_unknown(), r.unknown());
    for (const common::v1::BreakdownCell& cell : r.breakdowns()) {
      figures[absl::StrCat(r.code(), " ", cell.dimension(), "=", cell.category())] =
          absl::StrCat(CountText(cell.has_numerator(), cell.numerator()), "/",
                       CountText(cell.has_denominator(), cell.denominator()));
    }
    for (const common::v1::SupplementaryFigure& figure : r.supplementary()) {
      figures[absl::StrCat(r.code(), " ", figure.name())] =
          figure.has_count() ? CountText(true, figure.count())
                             : (figure.measure().measure_case() == common::v1::Measure::kValue
                                    ? absl::StrFormat("%.1f", figure.measure().value())
                                    : common::v1::WithholdReason_Name(figure.measure().withheld()));
    }
  }
  return figures;
}

std::vector<std::string> CodesOf(const ComputeWorkforceResponse& response) {
  std::vector<std::string> codes;
  for (const auto& result : response.results()) codes.push_back(result.code());
  return codes;
}

std::vector<std::string> RulesOf(const common::v1::Rejection& rejection) {
  std::vector<std::string> rules;
  for (const auto& error : rejection.errors()) {
    rules.push_back(error.field() + ":" + error.rule_code());
  }
  return rules;
}

// ---- the services ---------------------------------------------------------------------------

// The flags of `service` over `conninfo`, with mutual TLS and the test identity provider.
std::vector<std::string> ServiceArgs(const std::string& service, const std::string& conninfo) {
  std::vector<std::string> args = {"--listen=127.0.0.1:0", "--database_url=" + conninfo,
                                   "--drain_seconds=2", "--db_pool_size=4"};
  for (std::string& arg : TestIdentity::Get().ServiceArgs(service)) args.push_back(std::move(arg));
  return args;
}

// A call's context with a token for `role` in `council`.
std::unique_ptr<grpc::ClientContext> Context(auth::Role role, const std::string& council) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  context->AddMetadata("x-pif-client", "workforce-service-test");
  TestIdentity::Get().AddToken(*context, {role}, {council});
  return context;
}

// Internal figures are for analysts, published ones for viewers.
auth::Role ReaderOf(common::v1::DisclosureMode mode) {
  return mode == common::v1::DISCLOSURE_MODE_INTERNAL ? auth::Role::kAnalyst : auth::Role::kViewer;
}

struct Submission {
  grpc::Status status;
  common::v1::SubmissionSummary summary;
};

// An intake and a workforce service, each over its own fresh database, workforce pointed at
// this intake.
class TwoServices {
 public:
  TwoServices()
      : intake_db_("wf_e2e_intake"),
        workforce_db_("wf_e2e_workforce"),
        intake_(BinaryPath("pif-intake"), ServiceArgs("intake", intake_db_.conninfo())) {
    auto intake_port = intake_.WaitUntilServing();
    EXPECT_TRUE(intake_port.ok()) << intake_port.status() << intake_.Log();
    intake_address_ = absl::StrCat("127.0.0.1:", intake_port.value_or(1));
    std::vector<std::string> args = ServiceArgs("workforce", workforce_db_.conninfo());
    args.push_back("--intake_address=" + intake_address_);
    args.push_back("--intake_deadline_seconds=10");
    workforce_ = std::make_unique<ServiceProcess>(BinaryPath("pif-workforce"), args);
    auto port = workforce_->WaitUntilServing();
    EXPECT_TRUE(port.ok()) << port.status() << workforce_->Log();
    workforce_address_ = absl::StrCat("127.0.0.1:", port.value_or(1));
    const ClientOptions tls = TestIdentity::Get().TlsClientOptions("pifctl");
    intake_stub_ = intake::v1::IntakeService::NewStub(OpenChannel(intake_address_, tls));
    intake_service_stub_ = intake::v1::IntakeService::NewStub(
        OpenChannel(intake_address_, TestIdentity::Get().TlsClientOptions("workforce")));
    stub_ = WorkforceService::NewStub(OpenChannel(workforce_address_, tls));
  }

  // Sends staff and absences as a submitter of the council.
  Submission Submit(const std::string& council, const std::string& batch_id,
                    const std::vector<SubmittedWorkforceRecord>& records) {
    auto context = Context(auth::Role::kSubmitter, council);
    workforce::v1::SubmitRecordsResponse response;
    auto writer = stub_->SubmitRecords(context.get(), &response);
    workforce::v1::SubmitRecordsRequest header;
    header.mutable_header()->set_council(council);
    header.mutable_header()->set_batch_id(batch_id);
    writer->Write(header);
    for (size_t i = 0; i < records.size(); i += 3) {
      workforce::v1::SubmitRecordsRequest chunk;
      for (size_t j = i; j < records.size() && j < i + 3; ++j) {
        *chunk.mutable_chunk()->add_records() = records[j];
      }
      if (!writer->Write(chunk)) break;
    }
    workforce::v1::SubmitRecordsRequest end;
    end.mutable_end()->set_record_count(static_cast<int64_t>(records.size()));
    writer->Write(end);
    writer->WritesDone();
    Submission result;
    result.status = writer->Finish();
    result.summary = response.summary();
    return result;
  }

  // Sends case records to intake as a submitter of the council.
  void SubmitCases(const std::string& council, const std::vector<intake::v1::Record>& records) {
    auto context = Context(auth::Role::kSubmitter, council);
    intake::v1::SubmitRecordsResponse response;
    auto writer = intake_stub_->SubmitRecords(context.get(), &response);
    intake::v1::SubmitRecordsRequest header;
    header.mutable_header()->set_council(council);
    header.mutable_header()->set_batch_id("cases-1");
    writer->Write(header);
    intake::v1::SubmitRecordsRequest chunk;
    for (const intake::v1::Record& record : records) {
      *chunk.mutable_chunk()->add_records()->mutable_record() = record;
    }
    writer->Write(chunk);
    intake::v1::SubmitRecordsRequest end;
    end.mutable_end()->set_record_count(static_cast<int64_t>(records.size()));
    writer->Write(end);
    writer->WritesDone();
    const grpc::Status status = writer->Finish();
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_EQ(response.summary().rejected_count(), 0) << response.summary().DebugString();
  }

  grpc::Status Compute(const std::string& council, common::v1::DisclosureMode mode,
                       ComputeWorkforceResponse* response,
                       const std::vector<std::string>& codes = {}) {
    ComputeWorkforceRequest request;
    request.set_council(council);
    *request.mutable_period()->mutable_first_day() = DateOf("2023-08-01");
    *request.mutable_period()->mutable_last_day() = DateOf("2024-07-31");
    request.set_disclosure_mode(mode);
    for (const std::string& code : codes) request.add_codes(code);
    return stub_->ComputeWorkforce(Context(ReaderOf(mode), council).get(), request, response);
  }

  // Workforce's data version of the council, as its submitter reads it.
  int64_t DataVersion(const std::string& council) {
    workforce::v1::GetDataVersionRequest request;
    request.set_council(council);
    workforce::v1::GetDataVersionResponse response;
    const grpc::Status status =
        stub_->GetDataVersion(Context(auth::Role::kSubmitter, council).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.data_version();
  }

  // Intake's data version of the council, read as the workforce service reads it for an analyst
  // (a services-only rpc).
  int64_t IntakeDataVersion(const std::string& council) {
    intake::v1::GetDataVersionRequest request;
    request.set_council(council);
    intake::v1::GetDataVersionResponse response;
    const grpc::Status status = intake_service_stub_->GetDataVersion(
        Context(auth::Role::kAnalyst, council).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.data_version();
  }

  TestDatabase intake_db_;
  TestDatabase workforce_db_;
  ServiceProcess intake_;
  std::unique_ptr<ServiceProcess> workforce_;
  std::string intake_address_;
  std::string workforce_address_;
  // Intake and workforce as a council's system (pifctl's certificate), and intake as the workforce
  // service calls it.
  std::unique_ptr<intake::v1::IntakeService::Stub> intake_stub_;
  std::unique_ptr<intake::v1::IntakeService::Stub> intake_service_stub_;
  std::unique_ptr<WorkforceService::Stub> stub_;
};

class WorkforceServiceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { services_ = new TwoServices(); }
  static void TearDownTestSuite() { delete services_; }

  void SetUp() override {
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = std::filesystem::path(::testing::TempDir()) /
                 absl::StrCat("pif_workforce_e2e_", info->name());
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  void WriteText(const std::string& name, const std::string& text) const {
    std::ofstream out(directory_ / name, std::ios::binary);
    out << text;
  }

  // Runs pifctl with `args` as a caller with `roles` in `council`; returns its exit status and
  // what it wrote (stdout and stderr).
  static std::pair<int, std::string> Pifctl(std::vector<std::string> args,
                                            const std::vector<auth::Role>& roles,
                                            const std::string& council) {
    for (std::string& arg : TestIdentity::Get().PifctlArgs(roles, {council})) {
      args.push_back(std::move(arg));
    }
    ServiceProcess process(BinaryPath("pifctl"), args);
    auto exit_status = process.WaitForExit(absl::Seconds(120));
    EXPECT_TRUE(exit_status.ok()) << exit_status.status();
    return {exit_status.value_or(-1), process.Log()};
  }

  static TwoServices* services_;
  std::filesystem::path directory_;
};

TwoServices* WorkforceServiceTest::services_ = nullptr;

// ---- submission -----------------------------------------------------------------------------

TEST_F(WorkforceServiceTest, TypedAndRawStaffAndAbsencesAreAcceptedAsOneVersion) {
  const std::string council = "S12000201";
  const Submission result = services_->Submit(council, "staff-1", History());
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_EQ(result.summary.accepted_count(), 14);
  EXPECT_EQ(result.summary.rejected_count(), 0);
  EXPECT_EQ(result.summary.data_version(), 1);
  EXPECT_EQ(result.summary.council(), council);
  EXPECT_FALSE(result.summary.replayed());
  EXPECT_EQ(services_->DataVersion(council), 1);
}

TEST_F(WorkforceServiceTest, OverlappingRowsAndAbsencesOfUnknownStaffAreRejectedAndKept) {
  const std::string council = "S12000202";
  const Submission result = services_->Submit(
      council, "b1",
      {TypedStaff("S1", workforce::v1::ROLE_QSW, "2023-01-01").submitted,
       TypedStaff("S1", workforce::v1::ROLE_MANAGER, "2023-06-01").submitted,  // overlaps
       TypedAbsence("A1", "S1", 2023, 3, workforce::v1::ABSENCE_TYPE_SICK, 1),
       Raw("Absence",
           {{"absence_id", "A2"},
            {"staff_id", "NOPE"},
            {"month", "2023-03"},
            {"type", "SICK"},
            {"fte_days_lost", "1"}},
           "absences.csv", 3),
       Raw("StaffRecord",
           {{"staff_id", "S2"},
            {"valid_from", "2023-01-01"},
            {"role", "QSW"},
            {"service_start_date", "2023-01-01"},
            {"fte", "1.5"}},
           "staff.csv", 7)});
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_EQ(result.summary.accepted_count(), 2);
  ASSERT_EQ(result.summary.rejected_count(), 3);
  std::map<std::string, std::vector<std::string>> rules;
  std::map<std::string, std::string> rejection_ids;
  for (const common::v1::Rejection& rejection : result.summary.rejections()) {
    rules[rejection.record_type() + " " + rejection.record_id()] = RulesOf(rejection);
    rejection_ids[rejection.record_id()] = rejection.rejection_id();
  }
  EXPECT_EQ(rules, (std::map<std::string, std::vector<std::string>>{
                       {"StaffRecord S1|2023-06-01", {":STAFF_ROWS_OVERLAP"}},
                       {"Absence A2", {"staff_id:STAFF_UNKNOWN"}},
                       {"StaffRecord S2|2023-01-01", {"fte:OUT_OF_RANGE"}}}));

  // Kept, listable by type, and fetched in the form they were sent.
  workforce::v1::ListRejectionsRequest list;
  list.set_council(council);
  list.set_record_type(workforce::v1::WORKFORCE_RECORD_TYPE_ABSENCE);
  workforce::v1::ListRejectionsResponse listed;
  ASSERT_TRUE(services_->stub_
                  ->ListRejections(Context(auth::Role::kSubmitter, council).get(), list, &listed)
                  .ok());
  ASSERT_EQ(listed.rejections_size(), 1);
  EXPECT_EQ(listed.rejections(0).rejection().record_id(), "A2");
  EXPECT_EQ(listed.rejections(0).rejection().source().file(), "absences.csv");
  EXPECT_EQ(listed.rejections(0).rejection().source().row(), 3);
  EXPECT_EQ(listed.open_count(), 3);

  workforce::v1::GetRejectionRequest get;
  get.set_council(council);
  get.set_rejection_id(rejection_ids.at("S1|2023-06-01"));
  workforce::v1::GetRejectionResponse typed;
  ASSERT_TRUE(
      services_->stub_->GetRejection(Context(auth::Role::kSubmitter, council).get(), get, &typed)
          .ok());
  ASSERT_TRUE(typed.has_record());
  EXPECT_EQ(typed.record().staff_record().role(), workforce::v1::ROLE_MANAGER);
  EXPECT_EQ(typed.record().staff_record().valid_from().month(), 6);
  EXPECT_EQ(typed.rejection().state(), common::v1::REJECTION_STATE_OPEN);

  get.set_rejection_id(rejection_ids.at("S2|2023-01-01"));
  workforce::v1::GetRejectionResponse raw;
  ASSERT_TRUE(
      services_->stub_->GetRejection(Context(auth::Role::kSubmitter, council).get(), get, &raw)
          .ok());
  ASSERT_TRUE(raw.has_raw());
  EXPECT_EQ(raw.raw().record_type(), "StaffRecord");
  ASSERT_EQ(raw.raw().fields_size(), 5);
  EXPECT_EQ(raw.raw().fields(4).name(), "fte");
  EXPECT_EQ(raw.raw().fields(4).text(), "1.5");

  // Another council sees none of them.
  get.set_council("S12000203");
  workforce::v1::GetRejectionResponse other;
  EXPECT_EQ(services_->stub_
                ->GetRejection(Context(auth::Role::kSubmitter, "S12000203").get(), get, &other)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(WorkforceServiceTest, ResendingACommittedBatchIdReplaysItsResultAndChangesNothing) {
  const std::string council = "S12000204";
  const Submission first = services_->Submit(
      council, "same", {TypedStaff("S1", workforce::v1::ROLE_QSW, "2023-01-01").submitted});
  ASSERT_TRUE(first.status.ok()) << first.status.error_message();
  const Submission again =
      services_->Submit(council, "same",
                        {TypedStaff("S1", workforce::v1::ROLE_QSW, "2023-01-01").submitted,
                         TypedStaff("S2", workforce::v1::ROLE_QSW, "2023-01-01").submitted});
  ASSERT_TRUE(again.status.ok()) << again.status.error_message();
  EXPECT_TRUE(again.summary.replayed());
  EXPECT_EQ(again.summary.accepted_count(), 1);
  EXPECT_EQ(again.summary.data_version(), 1);
  EXPECT_EQ(services_->DataVersion(council), 1);
}

// ---- figures --------------------------------------------------------------------------------

TEST_F(WorkforceServiceTest, EveryFigureOfAHandBuiltHistoryWithOpenCasesFromIntake) {
  const std::string council = "S12000205";
  ASSERT_TRUE(services_->Submit(council, "staff-1", History()).status.ok());
  services_->SubmitCases(council, Cases());

  ComputeWorkforceResponse response;
  const grpc::Status status =
      services_->Compute(council, common::v1::DISCLOSURE_MODE_INTERNAL, &response);
  ASSERT_TRUE(status.ok()) << status.error_message() << services_->workforce_->Log();
  EXPECT_THAT(CodesOf(response), ElementsAre("7.1", "7.2", "7.3a", "7.3b", "7.3c", "7.4a", "7.4b",
                                             "7.5", "7.6", "7.7", "9.1"));
  const std::map<std::string, std::string> f = FiguresOf(response);
  // 7.1: at CD only Q3 is a QSW employee (Q1 is a manager, Q2 agency): 3 years 333 days.
  EXPECT_EQ(f.at("7.1"), "-/1 none");
  EXPECT_EQ(f.at("7.1 length_of_service_band=2-<5"), "1/1");
  EXPECT_EQ(f.at("7.1 length_of_service_band=<1"), "0/1");
  EXPECT_EQ(f.at("7.1 median_years"), "3.9");
  EXPECT_EQ(f.at("7.1 agency_headcount"), "1");
  EXPECT_EQ(f.at("7.1 unknown"), "0");
  // 7.2: F1, starting on CD.
  EXPECT_EQ(f.at("7.2"), "-/1 none");
  EXPECT_EQ(f.at("7.2 length_of_service_band=<1"), "1/1");
  EXPECT_EQ(f.at("7.2 median_years"), "0.0");
  // 7.3a: QSW FTE on the months' last days: Q1 Aug-Feb (7), Q2 12, Q3 12 x 0.6 = 26.2 / 12;
  // sick days 2 (Q1, March) + 6 (Q2) + 1.5 + 2 (Q3, two months) = 11.5; 11.5 / 2.183 = 5.27.
  EXPECT_EQ(f.at("7.3a"), "-/- 5.3");
  EXPECT_EQ(f.at("7.3a sick_fte_days_lost"), "11.5");
  EXPECT_EQ(f.at("7.3a mean_fte"), "2.2");
  EXPECT_EQ(f.at("7.3a other_unplanned_fte_days_lost"), "0.0");
  EXPECT_EQ(f.at("7.3a unknown"), "-");
  // 7.3b: F1 in post on 31 July only.
  EXPECT_EQ(f.at("7.3b"), "-/- 0.0");
  EXPECT_EQ(f.at("7.3b mean_fte"), "0.1");
  // 7.3c: part-time R1, other unplanned only.
  EXPECT_EQ(f.at("7.3c"), "-/- 0.0");
  EXPECT_EQ(f.at("7.3c mean_fte"), "0.5");
  EXPECT_EQ(f.at("7.3c other_unplanned_fte_days_lost"), "1.0");
  // 7.4: open at CD C1, C2, C3, C5; a QSW at CD only for C1 (Q2); a named worker for C1, C2 and
  // C5 (X99, unknown to workforce, took the case on CD).
  EXPECT_EQ(f.at("7.4a"), "1/4 25.0%");
  EXPECT_EQ(f.at("7.4b"), "3/4 75.0%");
  // 7.5: Q2 (Y), Q3 (N), R1, F1.
  EXPECT_EQ(f.at("7.5"), "1/4 25.0%");
  // 7.6: R1.
  EXPECT_EQ(f.at("7.6"), "1/1 100.0%");
  EXPECT_EQ(f.at("7.6 reg_cond_count"), "1");
  EXPECT_EQ(f.at("7.6 not_reg_count"), "0");
  // 7.7: Q1, Q2, Q3, R1, M2 (F1 is too new); plans of Q1 and Q3 within the year.
  EXPECT_EQ(f.at("7.7"), "2/5 40.0%");
  // 9.1: Q1 (TEAM, qualified) and M2 (SENIOR, not).
  EXPECT_EQ(f.at("9.1"), "1/2 50.0%");
  EXPECT_EQ(f.at("9.1 manager_level=TEAM"), "1/1");
  EXPECT_EQ(f.at("9.1 manager_level=SENIOR"), "0/1");
  EXPECT_EQ(f.at("9.1 manager_level=MIDDLE"), "0/0");

  const common::v1::Provenance& provenance = response.provenance();
  EXPECT_EQ(provenance.council(), council);
  EXPECT_EQ(provenance.workforce_data_version(), 1);
  EXPECT_EQ(provenance.intake_data_version(), services_->IntakeDataVersion(council));
  EXPECT_EQ(provenance.intake_data_version(), 1);
  EXPECT_THAT(provenance.definitions_version(), ::testing::StartsWith("wf-defs-"));
  EXPECT_EQ(provenance.disclosure_mode(), common::v1::DISCLOSURE_MODE_INTERNAL);
  EXPECT_FALSE(provenance.has_disclosure_policy());
  EXPECT_FALSE(provenance.result_id().empty());
  EXPECT_GT(provenance.computed_at().seconds(), 0);
  EXPECT_FALSE(response.reused());
  EXPECT_EQ(response.notes_size(), 0);

  // The same computation on the same data is the stored one.
  ComputeWorkforceResponse again;
  ASSERT_TRUE(services_->Compute(council, common::v1::DISCLOSURE_MODE_INTERNAL, &again).ok());
  EXPECT_TRUE(again.reused());
  again.set_reused(false);
  EXPECT_EQ(again.SerializeAsString(), response.SerializeAsString())
      << "a reused result differs from the first only by its reused flag";
}

TEST_F(WorkforceServiceTest, PublishedFiguresSuppressSmallCountsAndWithholdSmallRates) {
  const std::string council = "S12000206";
  ASSERT_TRUE(services_->Submit(council, "staff-1", History()).status.ok());
  services_->SubmitCases(council, Cases());
  ComputeWorkforceResponse response;
  ASSERT_TRUE(services_->Compute(council, common::v1::DISCLOSURE_MODE_PUBLISHED, &response).ok());
  const std::map<std::string, std::string> f = FiguresOf(response);
  EXPECT_EQ(f.at("7.1"), "-/c none");
  EXPECT_EQ(f.at("7.1 median_years"), "WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD");
  EXPECT_EQ(f.at("7.3a"), "-/- WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD");
  EXPECT_EQ(f.at("7.3a mean_fte"), "2.2");
  EXPECT_EQ(f.at("7.4b"), "c/c WITHHOLD_REASON_NUMERATOR_SUPPRESSED");
  EXPECT_EQ(f.at("7.6 reg_cond_count"), "c");
  EXPECT_EQ(response.provenance().disclosure_mode(), common::v1::DISCLOSURE_MODE_PUBLISHED);
  EXPECT_EQ(response.provenance().disclosure_policy().min_shown_count(), 6);
  EXPECT_EQ(response.provenance().disclosure_policy().min_denominator(), 10);
}

TEST_F(WorkforceServiceTest, ANewBatchIsANewComputationAndRejectionsAreNoted) {
  const std::string council = "S12000207";
  ASSERT_TRUE(services_->Submit(council, "staff-1", History()).status.ok());
  ComputeWorkforceResponse first;
  ASSERT_TRUE(
      services_->Compute(council, common::v1::DISCLOSURE_MODE_INTERNAL, &first, {"7.5"}).ok());
  EXPECT_EQ(FiguresOf(first).at("7.5"), "1/4 25.0%");
  // Without 7.4 intake is not asked.
  EXPECT_EQ(first.provenance().intake_data_version(), 0);

  const Submission second = services_->Submit(
      council, "staff-2",
      {TypedStaff("N1", workforce::v1::ROLE_QSW, "2024-01-01").submitted,
       TypedAbsence("A9", "NOBODY", 2024, 1, workforce::v1::ABSENCE_TYPE_SICK, 1)});
  ASSERT_EQ(second.summary.rejected_count(), 1);
  ComputeWorkforceResponse after;
  ASSERT_TRUE(
      services_->Compute(council, common::v1::DISCLOSURE_MODE_INTERNAL, &after, {"7.5"}).ok());
  EXPECT_FALSE(after.reused());
  EXPECT_NE(after.provenance().result_id(), first.provenance().result_id());
  EXPECT_EQ(after.provenance().workforce_data_version(), 2);
  EXPECT_EQ(FiguresOf(after).at("7.5"), "1/5 20.0%");
  ASSERT_EQ(after.notes_size(), 1);
  EXPECT_EQ(after.notes(0).code(), "REJECTIONS_OUTSTANDING");
  EXPECT_EQ(after.notes(0).count(), 1);
}

TEST_F(WorkforceServiceTest, AnUnknownCodeOrABackwardPeriodIsInvalidArgument) {
  ComputeWorkforceResponse response;
  const grpc::Status unknown = services_->Compute("S12000208", common::v1::DISCLOSURE_MODE_INTERNAL,
                                                  &response, {"7.1", "7.8"});
  EXPECT_EQ(unknown.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(unknown.error_message(), HasSubstr("codes[1]"));

  ComputeWorkforceRequest request;
  request.set_council("S12000208");
  *request.mutable_period()->mutable_first_day() = DateOf("2024-08-01");
  *request.mutable_period()->mutable_last_day() = DateOf("2024-07-31");
  const grpc::Status backwards = services_->stub_->ComputeWorkforce(
      Context(auth::Role::kAnalyst, "S12000208").get(), request, &response);
  EXPECT_EQ(backwards.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(backwards.error_message(), HasSubstr("period.last_day"));
}

TEST(WorkforceWithoutIntakeTest, StoppedIntakeFails74AsUnavailableNamingIntakeNeverAZero) {
  TwoServices services;
  const std::string council = "S12000209";
  ASSERT_TRUE(services.Submit(council, "staff-1", History()).status.ok());
  services.SubmitCases(council, Cases());
  ASSERT_EQ(*services.intake_.Terminate(), 0);

  ComputeWorkforceResponse response;
  const grpc::Status status =
      services.Compute(council, common::v1::DISCLOSURE_MODE_INTERNAL, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(status.error_message(),
              HasSubstr("7.4 needs the intake service at " + services.intake_address_ +
                        ", which is unavailable"));
  EXPECT_EQ(response.results_size(), 0);

  // The figures that do not need intake are still there when asked for without 7.4.
  ComputeWorkforceResponse without;
  const grpc::Status other =
      services.Compute(council, common::v1::DISCLOSURE_MODE_INTERNAL, &without, {"7.1", "9.1"});
  ASSERT_TRUE(other.ok()) << other.error_message();
  EXPECT_THAT(CodesOf(without), ElementsAre("7.1", "9.1"));
  EXPECT_EQ(without.provenance().intake_data_version(), 0);
}

// ---- pifctl ---------------------------------------------------------------------------------

TEST_F(WorkforceServiceTest, PifctlImportSendsCaseFilesToIntakeAndStaffFilesToWorkforce) {
  const std::string council = "S12000210";
  WriteText("children.csv", "person_id,sex\nC1,F\nC2,M\n");
  WriteText("involvements.csv",
            "involvement_id,person_id,open_date,basis\nI1,C1,2024-01-01,CP\nI2,C2,2024-01-01,CP\n");
  WriteText("allocations.csv",
            "allocation_id,involvement_id,staff_id,start_date\nAL1,I1,S1,2024-01-01\n"
            "AL2,I2,S2,2024-01-01\n");
  WriteText("staff.csv",
            "staff_id,valid_from,role,employment,service_start_date,fte\n"
            "S1,2020-01-01,QSW,EMPLOYEE,2020-01-01,1\n"
            "S2,2020-01-01,FIELD_OTHER,EMPLOYEE,2020-01-01,0.5\n"
            "S2,2021-01-01,QSW,EMPLOYEE,2020-01-01,1\n");  // overlaps the row above
  WriteText("absences.csv",
            "absence_id,staff_id,month,type,fte_days_lost\nA1,S1,2024-02,SICK,1.5\n");
  const std::vector<std::string> import = {"import",
                                           "--council=" + council,
                                           "--address=" + services_->intake_address_,
                                           "--workforce_address=" + services_->workforce_address_,
                                           "--progress=never",
                                           directory_.string()};
  const auto [status, output] = Pifctl(import, {auth::Role::kSubmitter}, council);
  EXPECT_EQ(status, 1) << output;  // one staff row rejected
  EXPECT_THAT(output, HasSubstr("intake batch pifctl-"));
  EXPECT_THAT(output, HasSubstr("accepted 6, rejected 0\n"));
  EXPECT_THAT(output, HasSubstr("workforce batch pifctl-"));
  EXPECT_THAT(output, HasSubstr("accepted 3, rejected 1\n"));
  EXPECT_THAT(output, HasSubstr("staff.csv row 4: "));
  EXPECT_THAT(output, HasSubstr("[STAFF_ROWS_OVERLAP]"));
  EXPECT_EQ(services_->IntakeDataVersion(council), 1);
  EXPECT_EQ(services_->DataVersion(council), 1);

  // Running it again replays both batches.
  const auto [again_status, again] = Pifctl(import, {auth::Role::kSubmitter}, council);
  EXPECT_EQ(again_status, 1) << again;
  size_t replays = 0;
  for (size_t at = again.find("replayed:"); at != std::string::npos;
       at = again.find("replayed:", at + 1)) {
    ++replays;
  }
  EXPECT_EQ(replays, 2u) << again;
  EXPECT_EQ(services_->IntakeDataVersion(council), 1);
  EXPECT_EQ(services_->DataVersion(council), 1);

  // `pifctl workforce` prints the document `pifctl indicators` prints, 7.4 joined across both.
  const auto [compute_status, json_text] =
      Pifctl({"workforce", "--address=" + services_->workforce_address_, "--council=" + council,
              "--from=2023-08-01", "--to=2024-07-31", "--codes=7.4a,7.3a", "--format=json"},
             {auth::Role::kAnalyst}, council);
  ASSERT_EQ(compute_status, 0) << json_text;
  const std::string document = json_text.substr(0, json_text.find("\n}\n") + 2);
  const nlohmann::ordered_json json = nlohmann::ordered_json::parse(document);
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"council", "period", "data_version",
                                            "definitions_version", "indicators"}));
  EXPECT_EQ(json.at("council"), council);
  EXPECT_EQ(json.at("period").at("from"), "2023-08-01");
  EXPECT_EQ(json.at("period").at("to"), "2024-07-31");
  EXPECT_EQ(json.at("data_version"), 1);
  ASSERT_EQ(json.at("indicators").size(), 2u);
  const nlohmann::ordered_json& days = json.at("indicators").at(0);
  keys.clear();
  for (const auto& [key, value] : days.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"code", "title", "numerator", "denominator", "value",
                                            "unknown", "polarity", "breakdowns"}));
  EXPECT_EQ(days.at("code"), "7.3a");
  EXPECT_TRUE(days.at("numerator").is_null());
  EXPECT_TRUE(days.at("denominator").is_null());
  // S1 is the only QSW (S2's QSW row was rejected), 1.0 FTE in every month: 1.5 / 1.0.
  EXPECT_EQ(days.at("value"), 1.5);
  EXPECT_EQ(days.at("polarity"), "lower_is_better");
  const nlohmann::ordered_json& allocated = json.at("indicators").at(1);
  EXPECT_EQ(allocated.at("code"), "7.4a");
  EXPECT_EQ(allocated.at("numerator"), 1);  // C2's worker S2 is FIELD_OTHER
  EXPECT_EQ(allocated.at("denominator"), 2);
  EXPECT_EQ(allocated.at("value"), 50.0);
  EXPECT_EQ(allocated.at("unknown"), 0);
  EXPECT_THAT(json_text, HasSubstr("figure: 7.3a Mean FTE in post: 1.0 FTE [mean_fte]"));
  EXPECT_THAT(json_text, HasSubstr("[REJECTIONS_OUTSTANDING]"));
}

}  // namespace
}  // namespace pif
