// The indicators service end to end: real pif-intake and pif-indicators binaries over fresh
// PostgreSQL databases. Records go in through intake's SubmitRecords, figures come out of
// ComputeIndicators and `pifctl indicators`, and are checked against the engine run directly on
// the same records.
#include <grpcpp/client_context.h>
#include <sys/wait.h>

#include <cstdio>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "pif/engine/engine.h"
#include "pif/grpc/channel.h"
#include "pif/indicators/clients/record_conversion.h"
#include "pif/indicators/v1/indicators_service.grpc.pb.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "pif/testing/service_process.h"
#include "pif/testing/test_database.h"
#include "pif/testing/test_identity.h"

namespace pif {
namespace {

using testing::BinaryPath;
using ::testing::HasSubstr;
using testing::RunCommand;
using testing::ServiceProcess;
using testing::TestDatabase;
using testing::TestIdentity;

constexpr char kCouncil[] = "S12000033";

// Internal figures are for analysts. The indicators service reads intake's open rejections on the
// caller's behalf (the data-quality note these tests check), which intake admits for submitters.
const std::vector<auth::Role> kInternalReader = {auth::Role::kAnalyst, auth::Role::kSubmitter};
// Published figures are for viewers.
const std::vector<auth::Role> kPublishedReader = {auth::Role::kViewer};

common::v1::Date DateOf(int year, int month, int day) {
  common::v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

// Twelve children referred on 2024-01-10, four of them referred within the year before (1 S.1:
// 4 of 12); eight looked after from 2023-09-01, three of them moved twice (1 N.1 and others).
std::vector<intake::v1::Record> SmallCouncil() {
  std::vector<intake::v1::Record> records;
  for (int i = 1; i <= 12; ++i) {
    const std::string person = absl::StrCat("C", i < 10 ? "0" : "", i);
    intake::v1::Child* child = records.emplace_back().mutable_child();
    child->set_person_id(person);
    *child->mutable_dob() = DateOf(2008 + i % 8, 3, 15);
    child->set_sex(i % 2 == 0 ? intake::v1::SEX_M : intake::v1::SEX_F);
    child->set_locality(i <= 6 ? "North" : "South");
    intake::v1::CpReferral* referral = records.emplace_back().mutable_cp_referral();
    referral->set_referral_id("R" + person);
    referral->set_person_id(person);
    *referral->mutable_referral_date() = DateOf(2024, 1, 10);
    if (i <= 4) {
      intake::v1::CpReferral* earlier = records.emplace_back().mutable_cp_referral();
      earlier->set_referral_id("E" + person);
      earlier->set_person_id(person);
      *earlier->mutable_referral_date() = DateOf(2023, 6, 1);
    }
    if (i > 8) continue;
    intake::v1::CareEpisode* episode = records.emplace_back().mutable_care_episode();
    episode->set_episode_id("EP" + person);
    episode->set_person_id(person);
    *episode->mutable_start_date() = DateOf(2023, 9, 1);
    const std::vector<std::pair<common::v1::Date, std::optional<common::v1::Date>>> spans =
        i <= 3 ? std::vector<std::pair<common::v1::Date,
                                       std::optional<common::v1::Date>>>{{DateOf(2023, 9, 1),
                                                                          DateOf(2023, 11, 1)},
                                                                         {DateOf(2023, 11, 1),
                                                                          DateOf(2024, 2, 1)},
                                                                         {DateOf(2024, 2, 1),
                                                                          std::nullopt}}
               : std::vector<std::pair<common::v1::Date, std::optional<common::v1::Date>>>{
                     {DateOf(2023, 9, 1), std::nullopt}};
    for (size_t p = 0; p < spans.size(); ++p) {
      intake::v1::Placement* placement = records.emplace_back().mutable_placement();
      placement->set_placement_id(absl::StrCat("P", person, "-", p + 1));
      placement->set_episode_id("EP" + person);
      placement->set_carer_id(absl::StrCat("H", i, p));
      *placement->mutable_start_date() = spans[p].first;
      if (spans[p].second.has_value()) *placement->mutable_end_date() = *spans[p].second;
      placement->set_type(intake::v1::PLACEMENT_TYPE_FOST_LA);
      placement->set_short_break(common::v1::FLAG_N);
    }
  }
  return records;
}

// A placement ending before it starts: intake rejects it and keeps it open.
intake::v1::Record BrokenPlacement() {
  intake::v1::Record record;
  intake::v1::Placement* placement = record.mutable_placement();
  placement->set_placement_id("PBAD");
  placement->set_episode_id("EPC05");
  *placement->mutable_start_date() = DateOf(2024, 3, 1);
  *placement->mutable_end_date() = DateOf(2024, 2, 1);
  placement->set_type(intake::v1::PLACEMENT_TYPE_FOST_LA);
  placement->set_short_break(common::v1::FLAG_N);
  return record;
}

// Answers to LIFE_IMPROVED in 2023-24 about C01-C08: each child (3 YES) and a parent or carer of
// each (7 YES). 2 R.5 is 10 of 16; its part `2 R.5 child` 3 of 8, its part `2 R.5 parent` 7 of 8.
std::vector<intake::v1::Record> LivesImproved() {
  std::vector<intake::v1::Record> records;
  for (int i = 1; i <= 8; ++i) {
    for (const intake::v1::Respondent respondent :
         {intake::v1::RESPONDENT_CHILD, intake::v1::RESPONDENT_PARENT_CARER}) {
      const bool child = respondent == intake::v1::RESPONDENT_CHILD;
      intake::v1::SurveyResponse* answer = records.emplace_back().mutable_survey_response();
      answer->set_response_id(absl::StrCat(child ? "K" : "P", i));
      answer->set_person_id(absl::StrCat("C0", i));
      answer->set_respondent(respondent);
      *answer->mutable_survey_date() = DateOf(2023, 10, 1);
      answer->set_context(intake::v1::SURVEY_CONTEXT_PERIODIC);
      answer->set_item(intake::v1::SURVEY_ITEM_LIFE_IMPROVED);
      answer->set_answer((child ? i <= 3 : i <= 7) ? intake::v1::SURVEY_ANSWER_YES
                                                   : intake::v1::SURVEY_ANSWER_NO);
    }
  }
  return records;
}

// The flags of `service` over `conninfo`, with mutual TLS and the test identity provider.
std::vector<std::string> ServiceArgs(const std::string& service, const std::string& conninfo) {
  std::vector<std::string> args = {"--listen=127.0.0.1:0", "--database_url=" + conninfo,
                                   "--drain_seconds=2", "--db_pool_size=2"};
  for (std::string& arg : TestIdentity::Get().ServiceArgs(service)) args.push_back(std::move(arg));
  return args;
}

// Sends `records` as one batch, as a submitter of the council; returns the summary.
intake::v1::SubmitRecordsResponse Submit(intake::v1::IntakeService::Stub& intake,
                                         const std::vector<intake::v1::Record>& records,
                                         const std::string& batch_id) {
  grpc::ClientContext context;
  TestIdentity::Get().AddToken(context, {auth::Role::kSubmitter}, {kCouncil});
  intake::v1::SubmitRecordsResponse response;
  auto writer = intake.SubmitRecords(&context, &response);
  intake::v1::SubmitRecordsRequest header;
  header.mutable_header()->set_council(kCouncil);
  header.mutable_header()->set_batch_id(batch_id);
  EXPECT_TRUE(writer->Write(header));
  intake::v1::SubmitRecordsRequest chunk;
  for (const intake::v1::Record& record : records) {
    *chunk.mutable_chunk()->add_records()->mutable_record() = record;
  }
  EXPECT_TRUE(writer->Write(chunk));
  intake::v1::SubmitRecordsRequest end;
  end.mutable_end()->set_record_count(static_cast<int64_t>(records.size()));
  EXPECT_TRUE(writer->Write(end));
  writer->WritesDone();
  const grpc::Status status = writer->Finish();
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response;
}

indicators::v1::ComputeIndicatorsRequest CompareRequest(common::v1::DisclosureMode mode) {
  indicators::v1::ComputeIndicatorsRequest request;
  request.set_council(kCouncil);
  *request.mutable_period()->mutable_first_day() = DateOf(2023, 8, 1);
  *request.mutable_period()->mutable_last_day() = DateOf(2024, 7, 31);
  request.add_breakdown_dimensions("sex");
  request.add_breakdown_dimensions("locality");
  request.set_disclosure_mode(mode);
  return request;
}

// "numerator/denominator" of a proto count pair, or "c" for a suppressed count.
std::string CountsText(const common::v1::Count& numerator, const common::v1::Count& denominator) {
  auto text = [](const common::v1::Count& count) {
    return count.count_case() == common::v1::Count::kValue ? absl::StrCat(count.value())
                                                           : std::string("c");
  };
  return text(numerator) + "/" + text(denominator);
}

// Every count of a response as "code", "code sex=F" -> "N/D" (and "code unknown" -> U).
std::map<std::string, std::string> CountsOf(const indicators::v1::ComputeIndicatorsResponse& r) {
  std::map<std::string, std::string> counts;
  for (const common::v1::IndicatorResult& result : r.results()) {
    counts[result.code()] = CountsText(result.numerator(), result.denominator());
    counts[result.code() + " unknown"] = absl::StrCat(result.unknown().value());
    for (const common::v1::BreakdownCell& cell : result.breakdowns()) {
      counts[absl::StrCat(result.code(), " ", cell.dimension(), "=", cell.category())] =
          CountsText(cell.numerator(), cell.denominator());
    }
  }
  return counts;
}

// The same, computed by the engine directly from `records`.
std::map<std::string, std::string> EngineCountsOf(const std::vector<intake::v1::Record>& records) {
  engine::CaseRecords converted;
  for (const intake::v1::Record& record : records) {
    EXPECT_TRUE(indicators::AppendRecord(record, &converted).ok());
  }
  engine::Snapshot snapshot(std::move(converted));
  engine::ComputeRequest request;
  request.period = {*dates::ParseDate("2023-08-01"), *dates::ParseDate("2024-07-31")};
  request.breakdowns = {engine::Dimension::kSex, engine::Dimension::kLocality};
  auto results = engine::Compute(snapshot, request);
  EXPECT_TRUE(results.ok()) << results.status();
  std::map<std::string, std::string> counts;
  for (const figures::IndicatorResult& result : *results) {
    counts[result.code] = absl::StrCat(result.counts.numerator, "/", result.counts.denominator);
    counts[result.code + " unknown"] = absl::StrCat(result.unknown);
    for (const figures::BreakdownCell& cell : result.breakdowns) {
      const std::string category = cell.category == "not recorded" ? "NOT_RECORDED" : cell.category;
      counts[absl::StrCat(result.code, " ", cell.dimension, "=", category)] =
          absl::StrCat(cell.counts.numerator, "/", cell.counts.denominator);
    }
  }
  return counts;
}

// Runs a command and returns what it printed on stdout.
std::string Output(const std::string& command) {
  std::string output;
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return output;
  char buffer[4096];
  size_t read = 0;
  while ((read = fread(buffer, 1, sizeof(buffer), pipe)) > 0) output.append(buffer, read);
  pclose(pipe);
  return output;
}

class IndicatorsServiceTest : public ::testing::Test {
 protected:
  IndicatorsServiceTest()
      : intake_db_("e2e_intake"),
        indicators_db_("e2e_indicators"),
        intake_(BinaryPath("pif-intake"), ServiceArgs("intake", intake_db_.conninfo())) {}

  void SetUp() override {
    auto intake_port = intake_.WaitUntilServing();
    ASSERT_TRUE(intake_port.ok()) << intake_port.status();
    intake_address_ = absl::StrCat("127.0.0.1:", *intake_port);
    std::vector<std::string> args = ServiceArgs("indicators", indicators_db_.conninfo());
    args.push_back("--intake_address=" + intake_address_);
    args.push_back("--intake_deadline_seconds=10");
    indicators_ = std::make_unique<ServiceProcess>(BinaryPath("pif-indicators"), args);
    auto port = indicators_->WaitUntilServing();
    ASSERT_TRUE(port.ok()) << port.status();
    indicators_address_ = absl::StrCat("127.0.0.1:", *port);
    const ClientOptions tls = TestIdentity::Get().TlsClientOptions("pifctl");
    intake_stub_ = intake::v1::IntakeService::NewStub(OpenChannel(intake_address_, tls));
    stub_ = indicators::v1::IndicatorsService::NewStub(OpenChannel(indicators_address_, tls));
  }

  // ComputeIndicators as an analyst (internal figures) or a viewer (published ones).
  grpc::Status Compute(const indicators::v1::ComputeIndicatorsRequest& request,
                       indicators::v1::ComputeIndicatorsResponse* response) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    TestIdentity::Get().AddToken(context,
                                 request.disclosure_mode() == common::v1::DISCLOSURE_MODE_INTERNAL
                                     ? kInternalReader
                                     : kPublishedReader,
                                 {request.council()});
    return stub_->ComputeIndicators(&context, request, response);
  }

  TestDatabase intake_db_;
  TestDatabase indicators_db_;
  ServiceProcess intake_;
  std::unique_ptr<ServiceProcess> indicators_;
  std::string intake_address_;
  std::string indicators_address_;
  std::unique_ptr<intake::v1::IntakeService::Stub> intake_stub_;
  std::unique_ptr<indicators::v1::IndicatorsService::Stub> stub_;
};

TEST_F(IndicatorsServiceTest, FiguresEqualTheEngineOnTheSameRecordsAndAreReused) {
  std::vector<intake::v1::Record> records = SmallCouncil();
  std::vector<intake::v1::Record> sent = records;
  sent.push_back(BrokenPlacement());
  const intake::v1::SubmitRecordsResponse submitted = Submit(*intake_stub_, sent, "batch-1");
  ASSERT_EQ(submitted.summary().accepted_count(), static_cast<int64_t>(records.size()));
  ASSERT_EQ(submitted.summary().rejected_count(), 1);

  indicators::v1::ComputeIndicatorsResponse first;
  grpc::Status status = Compute(CompareRequest(common::v1::DISCLOSURE_MODE_INTERNAL), &first);
  ASSERT_TRUE(status.ok()) << status.error_message() << "\n" << indicators_->Log();
  EXPECT_FALSE(first.reused());
  EXPECT_EQ(first.provenance().intake_data_version(), submitted.summary().data_version());
  EXPECT_EQ(static_cast<size_t>(first.results_size()), engine::Catalogue().size());
  const std::map<std::string, std::string> service = CountsOf(first);
  EXPECT_EQ(service, EngineCountsOf(records));
  // Spot checks of values the dataset was built to give.
  EXPECT_EQ(service.at("1 S.1"), "4/12");
  EXPECT_EQ(service.at("1 S.1 locality=North"), "4/6");
  // The rejected placement is noted; no child has a status snapshot, so 1 ACH.3(i) is unknown.
  ASSERT_EQ(first.notes_size(), 2);
  EXPECT_EQ(first.notes(0).code(), "REJECTIONS_OUTSTANDING");
  EXPECT_EQ(first.notes(0).count(), 1);
  EXPECT_EQ(first.notes(1).code(), "UNKNOWN_VALUES");
  EXPECT_EQ(first.notes(1).indicator_code(), "1 ACH.3(i)");
  EXPECT_EQ(first.notes(1).count(), 8);

  indicators::v1::ComputeIndicatorsResponse second;
  ASSERT_TRUE(Compute(CompareRequest(common::v1::DISCLOSURE_MODE_INTERNAL), &second).ok());
  EXPECT_TRUE(second.reused());
  EXPECT_EQ(second.provenance().result_id(), first.provenance().result_id());
  EXPECT_EQ(second.provenance().computed_at().SerializeAsString(),
            first.provenance().computed_at().SerializeAsString());
  indicators::v1::ComputeIndicatorsResponse second_unflagged = second;
  second_unflagged.set_reused(false);
  EXPECT_EQ(second_unflagged.SerializeAsString(), first.SerializeAsString())
      << "a reused result differs from the first only by its reused flag";
  EXPECT_EQ(indicators_->LogEvents("snapshot_pulled").size(), 1u);

  // Published figures of the same data: the small S.1 numerator of North is not shown.
  indicators::v1::ComputeIndicatorsResponse published;
  ASSERT_TRUE(Compute(CompareRequest(common::v1::DISCLOSURE_MODE_PUBLISHED), &published).ok());
  EXPECT_EQ(CountsOf(published).at("1 S.1 locality=North"), "c/6");
  EXPECT_EQ(indicators_->LogEvents("snapshot_pulled").size(), 1u);
}

TEST_F(IndicatorsServiceTest, PifctlPrintsTheDocumentedJson) {
  Submit(*intake_stub_, SmallCouncil(), "batch-1");
  const std::string output =
      Output(absl::StrCat(BinaryPath("pifctl"), " indicators --address ", indicators_address_,
                          " --council ", kCouncil, " --from 2023-08-01 --to 2024-07-31",
                          " --codes '1 S.1,1 N.1' --breakdown sex --published --format json",
                          TestIdentity::Get().PifctlFlags(kPublishedReader, {kCouncil})));
  ASSERT_FALSE(output.empty()) << indicators_->Log();
  const nlohmann::ordered_json json = nlohmann::ordered_json::parse(output);
  EXPECT_EQ(json.at("council"), kCouncil);
  EXPECT_EQ(json.at("period").at("from"), "2023-08-01");
  EXPECT_EQ(json.at("period").at("to"), "2024-07-31");
  EXPECT_EQ(json.at("data_version"), 1);
  EXPECT_EQ(json.at("definitions_version"), engine::DefinitionsVersion());
  ASSERT_EQ(json.at("indicators").size(), 2u);
  const nlohmann::ordered_json& s1 = json.at("indicators").at(0);
  EXPECT_EQ(s1.at("code"), "1 S.1");
  EXPECT_EQ(s1.at("numerator").dump(), R"({"suppressed":"primary"})");
  EXPECT_EQ(s1.at("denominator"), 12);
  EXPECT_EQ(s1.at("value").dump(), R"({"withheld":"numerator_suppressed"})");
  EXPECT_EQ(s1.at("unknown"), 0);
  EXPECT_EQ(s1.at("polarity"), "lower_is_better");
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"council", "period", "data_version",
                                            "definitions_version", "indicators"}));
  keys.clear();
  for (const auto& [key, value] : s1.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"code", "title", "numerator", "denominator", "value",
                                            "unknown", "polarity", "breakdowns"}));
  ASSERT_FALSE(s1.at("breakdowns").empty());
  keys.clear();
  for (const auto& [key, value] : s1.at("breakdowns").at(0).items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"dimension", "category", "numerator", "denominator",
                                            "value"}));
  EXPECT_EQ(json.at("indicators").at(1).at("code"), "1 N.1");
}

TEST_F(IndicatorsServiceTest, PublishedFiguresShowThePartsOf2R5OnlyAsItsRespondentCells) {
  std::vector<intake::v1::Record> records = SmallCouncil();
  for (intake::v1::Record& record : LivesImproved()) records.push_back(std::move(record));
  ASSERT_EQ(Submit(*intake_stub_, records, "batch-1").summary().rejected_count(), 0);

  indicators::v1::ComputeIndicatorsResponse published;
  grpc::Status status = Compute(CompareRequest(common::v1::DISCLOSURE_MODE_PUBLISHED), &published);
  ASSERT_TRUE(status.ok()) << status.error_message() << "\n" << indicators_->Log();
  EXPECT_EQ(static_cast<size_t>(published.results_size()), engine::Catalogue().size() - 2);
  std::map<std::string, std::string> counts = CountsOf(published);
  EXPECT_EQ(counts.count("2 R.5 child"), 0u);
  EXPECT_EQ(counts.count("2 R.5 parent"), 0u);
  // 2 R.5 with its parts as its respondent cells: the small child numerator suppressed and the
  // parent numerator with it, so no shown figure can be subtracted from another.
  EXPECT_EQ(counts.at("2 R.5"), "10/16");
  EXPECT_EQ(counts.at("2 R.5 respondent=CHILD"), "c/8");
  EXPECT_EQ(counts.at("2 R.5 respondent=PARENT_CARER"), "c/8");
  for (const common::v1::DataQualityNote& note : published.notes()) {
    EXPECT_THAT(note.indicator_code(), ::testing::Not(HasSubstr("2 R.5 ")));
  }

  // Asked for by name, a part is refused with the reason.
  indicators::v1::ComputeIndicatorsRequest part =
      CompareRequest(common::v1::DISCLOSURE_MODE_PUBLISHED);
  part.add_codes("2 R.5 child");
  indicators::v1::ComputeIndicatorsResponse refused;
  status = Compute(part, &refused);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(),
              HasSubstr("codes[0] \"2 R.5 child\" is not published on its own: it is published "
                        "only as the CHILD cell of the respondent breakdown of \"2 R.5\""));
  EXPECT_EQ(refused.results_size(), 0);

  // INTERNAL figures still carry 2 R.5 and both parts.
  indicators::v1::ComputeIndicatorsResponse internal;
  ASSERT_TRUE(Compute(CompareRequest(common::v1::DISCLOSURE_MODE_INTERNAL), &internal).ok());
  EXPECT_EQ(static_cast<size_t>(internal.results_size()), engine::Catalogue().size());
  counts = CountsOf(internal);
  EXPECT_EQ(counts.at("2 R.5"), "10/16");
  EXPECT_EQ(counts.at("2 R.5 child"), "3/8");
  EXPECT_EQ(counts.at("2 R.5 parent"), "7/8");

  // The published set is stored and reused as it was: still without the parts.
  indicators::v1::ComputeIndicatorsResponse again;
  ASSERT_TRUE(Compute(CompareRequest(common::v1::DISCLOSURE_MODE_PUBLISHED), &again).ok());
  EXPECT_TRUE(again.reused());
  EXPECT_EQ(again.provenance().result_id(), published.provenance().result_id());
  EXPECT_EQ(again.results_size(), published.results_size());

  // pifctl prints what the service hands out: no part in published figures, and the refusal.
  const std::string pifctl =
      absl::StrCat(BinaryPath("pifctl"), " indicators --address ", indicators_address_,
                   " --council ", kCouncil, " --from 2023-08-01 --to 2024-07-31");
  const std::string as_viewer = TestIdentity::Get().PifctlFlags(kPublishedReader, {kCouncil});
  const std::string as_analyst = TestIdentity::Get().PifctlFlags(kInternalReader, {kCouncil});
  const auto [printed_status, printed] =
      RunCommand(pifctl + " --published --format csv" + as_viewer);
  EXPECT_EQ(printed_status, 0) << printed;
  EXPECT_THAT(printed, HasSubstr("\n2 R.5,"));
  EXPECT_THAT(printed, HasSubstr(",respondent,CHILD,c,8,c,"));
  EXPECT_THAT(printed, ::testing::Not(HasSubstr("2 R.5 child")));
  EXPECT_THAT(printed, ::testing::Not(HasSubstr("2 R.5 parent")));
  const auto [refused_status, refusal] =
      RunCommand(pifctl + " --published --codes '2 R.5 parent' --format csv" + as_viewer);
  EXPECT_EQ(refused_status, 1) << refusal;
  EXPECT_THAT(refusal, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(refusal, HasSubstr("\"2 R.5 parent\" is not published on its own"));
  const auto [internal_status, internal_printed] =
      RunCommand(pifctl + " --format csv" + as_analyst);
  EXPECT_EQ(internal_status, 0) << internal_printed;
  EXPECT_THAT(internal_printed, HasSubstr("\n2 R.5 child,"));
  EXPECT_THAT(internal_printed, HasSubstr("\n2 R.5 parent,"));
}

TEST_F(IndicatorsServiceTest, StoppedIntakeIsUnavailableNeverAZero) {
  Submit(*intake_stub_, SmallCouncil(), "batch-1");
  ASSERT_EQ(*intake_.Terminate(), 0);
  indicators::v1::ComputeIndicatorsResponse response;
  const grpc::Status status =
      Compute(CompareRequest(common::v1::DISCLOSURE_MODE_INTERNAL), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(status.error_message(),
              HasSubstr("the intake service at " + intake_address_ + " is unavailable"));
  EXPECT_EQ(response.results_size(), 0);
}

}  // namespace
}  // namespace pif
