// Every text field of every intake record type (enumerated from the case schema and checked
// against the proto descriptors) carrying SQL-injection text, quotes, backslashes and every
// control character the data contract accepts (U+0001 to U+001F and U+007F) is stored and
// returned verbatim: by ExportSnapshot for accepted records and by GetRejection for rejected
// ones; a NUL, which the contract refuses, is rejected (MALFORMED_TEXT) on every text field.
// Nothing else happens: no table appears or goes, and only the expected rows are added.
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <map>
#include <memory>
#include <pqxx/pqxx>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "pif/grpc/channel.h"
#include "pif/intake/domain/case_schema.h"
#include "pif/intake/v1/intake_service.grpc.pb.h"
#include "pif/submission_grpc/proto_conversions.h"
#include "pif/testing/service_process.h"
#include "pif/testing/test_database.h"
#include "pif/testing/test_identity.h"

namespace pif {
namespace {

using intake::v1::IntakeService;
using intake::v1::Record;
using intake::v1::SubmittedRecord;
using testing::BinaryPath;
using testing::ServiceProcess;
using testing::TestDatabase;
using testing::TestIdentity;
using Cells = std::vector<std::pair<std::string, std::string>>;

constexpr char kAccepted[] = "S12000033";  // the council whose records are accepted
constexpr char kRejected[] = "S12000036";  // the council whose records are rejected (kept raw)
constexpr char kRefused[] = "S12000005";   // the council whose records carry a NUL

// Every U+0001..U+001F and U+007F, between markers so nothing is at either end.
std::string ControlCharacters() {
  std::string text = "<";
  for (char c = 1; c < 0x20; ++c) text += c;
  text += '\x7f';
  return text + ">";
}

// The values every text field carries, one set of records each.
const std::vector<std::string>& HostileValues() {
  static const auto* values = new std::vector<std::string>{
      "'; DROP TABLE children; --",
      "Robert'); DELETE FROM rejections; --",
      "$1",
      "$2::text || pg_sleep(1)",
      "back\\slash \\' \\\\",
      "\"double\" and 'single' quotes",
      "tab\there",
      "cr\rhere",
      "lf\nhere",
      ControlCharacters(),
      "E'\\x41' %s %n {} <script>",
  };
  return *values;
}

// One valid record of every type, as a CSV export would give its cells (canonical text).
const std::vector<std::pair<std::string, Cells>>& EveryTypeAsCells() {
  static const auto* rows = new std::vector<std::pair<std::string, Cells>>{
      {"Child",
       {{"person_id", "P1"},
        {"dob", "2010-05-06"},
        {"expected_dob", "2010-05-01"},
        {"sex", "F"},
        {"ethnic_group", "White, Scottish"},
        {"disability", "N"},
        {"locality", "North \"East\""},
        {"family_group_id", "F1"}}},
      {"Involvement",
       {{"involvement_id", "I1"},
        {"person_id", "P1"},
        {"open_date", "2022-01-10"},
        {"close_date", "2023-01-10"},
        {"basis", "LAC"},
        {"has_current_plan", "Y"},
        {"close_reason", "NEEDS_MET"},
        {"exit_interview", "DONE"}}},
      {"Allocation",
       {{"allocation_id", "A1"},
        {"involvement_id", "I1"},
        {"staff_id", "W7"},
        {"start_date", "2022-01-10"},
        {"end_date", "2022-06-01"}}},
      {"CpReferral", {{"referral_id", "R1"}, {"person_id", "P1"}, {"referral_date", "2021-12-01"}}},
      {"CpRegistration",
       {{"registration_id", "G1"},
        {"person_id", "P1"},
        {"registration_date", "2021-12-20"},
        {"conference_type", "INITIAL"},
        {"deregistration_date", "2022-06-20"},
        {"deregistration_reason", "IMPROVED_HOME"}}},
      {"CareEpisode",
       {{"episode_id", "E1"},
        {"person_id", "P1"},
        {"start_date", "2022-01-10"},
        {"end_date", "2023-01-10"},
        {"destination", "HOME_PARENTS"}}},
      {"LegalReason",
       {{"legal_id", "L1"},
        {"episode_id", "E1"},
        {"start_date", "2022-01-10"},
        {"end_date", "2023-01-10"},
        {"code", "CSO_AWAY"}}},
      {"Placement",
       {{"placement_id", "PL1"},
        {"episode_id", "E1"},
        {"carer_id", "C9"},
        {"start_date", "2022-01-10"},
        {"end_date", "2022-09-01"},
        {"type", "FOST_LA"},
        {"foster_type", "LONG_TERM"},
        {"short_break", "N"},
        {"permanent_substitute", "N"},
        {"outwith_approval", "Y"}}},
      {"Assessment",
       {{"assessment_id", "AS1"},
        {"person_id", "P1"},
        {"type", "SW"},
        {"requested_date", "2022-01-01"},
        {"due_date", "2022-02-01"},
        {"completed_date", "2022-01-25"},
        {"status", "COMPLETE"},
        {"child_views", "RECORDED"},
        {"dev_concern", "N"}}},
      {"Need",
       {{"need_id", "N1"},
        {"assessment_id", "AS1"},
        {"domain", "HEALTH"},
        {"identified_date", "2022-01-25"},
        {"target_date", "2022-04-25"},
        {"status", "MET"},
        {"status_date", "2022-04-01"}}},
      {"Review",
       {{"review_id", "RV1"},
        {"person_id", "P1"},
        {"type", "LAC"},
        {"meeting_date", "2022-03-01"},
        {"sw_due_date", "2022-02-22"},
        {"sw_submitted_date", "2022-02-20"}}},
      {"ReviewItem", {{"review_id", "RV1"}, {"item", "HIGH_RISK"}, {"value", "YES"}}},
      {"Incident",
       {{"incident_id", "IN1"},
        {"person_id", "P1"},
        {"type", "MISSING"},
        {"start", "2022-03-05T22:15:00"},
        {"end", "2022-03-06T09:00:00"}}},
      {"StatusSnapshot",
       {{"person_id", "P1"},
        {"as_at", "2023-03-31"},
        {"aftercare_eligible", "Y"},
        {"aftercare_receiving", "Y"},
        {"econ", "SCHOOL"},
        {"homeless_12m", "NK"},
        {"young_carer", "N"},
        {"yc_support_accessed", "NA"},
        {"acel_on_track", "Y"},
        {"leaver_scqf", "5"}}},
      {"SurveyResponse",
       {{"response_id", "Q1"},
        {"person_id", "P1"},
        {"respondent", "CHILD"},
        {"survey_date", "2022-05-01"},
        {"context", "REVIEW"},
        {"item", "SAFE_NOW"},
        {"answer", "YES"}}},
  };
  return *rows;
}

// The text (kText) columns of a record type, by the case schema.
std::set<std::string> TextColumns(const submission::RecordSchema& type) {
  std::set<std::string> names;
  for (const submission::Column& column : type.columns) {
    if (column.kind == submission::ColumnKind::kText) names.insert(column.name);
  }
  return names;
}

// The field of Record holding `type` ("Placement").
const google::protobuf::FieldDescriptor* RecordFieldOf(const std::string& type) {
  const google::protobuf::Descriptor* record = Record::descriptor();
  for (int i = 0; i < record->field_count(); ++i) {
    const google::protobuf::FieldDescriptor* field = record->field(i);
    if (field->message_type() != nullptr && field->message_type()->name() == type) return field;
  }
  return nullptr;
}

// The record of every type with each of its text cells (those in the base and the optional
// ones it leaves out) set to `value`; other cells as the base has them.
std::vector<SubmittedRecord> EveryTypeWith(const std::string& value, bool bad_date) {
  std::vector<SubmittedRecord> records;
  for (const auto& [type, base] : EveryTypeAsCells()) {
    const submission::RecordSchema* schema = nullptr;
    for (const submission::RecordSchema& candidate : intake::CaseSchema().types) {
      if (candidate.type == type) schema = &candidate;
    }
    EXPECT_NE(schema, nullptr) << type;
    if (schema == nullptr) continue;
    const std::set<std::string> text = TextColumns(*schema);
    Cells cells;
    std::set<std::string> seen;
    bool date_broken = false;
    for (const auto& [name, cell] : base) {
      seen.insert(name);
      if (text.count(name) != 0) {
        cells.emplace_back(name, value);
      } else if (bad_date && !date_broken && cell.size() == 10 && cell[4] == '-') {
        cells.emplace_back(name, "31/12/2022");  // a date the contract cannot read
        date_broken = true;
      } else {
        cells.emplace_back(name, cell);
      }
    }
    for (const std::string& name : text) {
      if (seen.count(name) == 0) cells.emplace_back(name, value);
    }
    SubmittedRecord submitted;
    *submitted.mutable_raw() = submission_grpc::ToRawRecord(type, cells);
    records.push_back(std::move(submitted));
  }
  return records;
}

std::unique_ptr<grpc::ClientContext> Context(auth::Role role, const std::string& council) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(120));
  TestIdentity::Get().AddToken(*context, {role}, {council});
  return context;
}

// Row counts of every table of the database's public schema.
std::map<std::string, int64_t> RowCounts(const std::string& conninfo) {
  pqxx::connection connection(conninfo);
  pqxx::work tx(connection);
  std::map<std::string, int64_t> counts;
  for (const auto& row :
       tx.exec("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
    const std::string table = row[0].as<std::string>();
    counts[table] =
        tx.exec1(absl::StrCat("SELECT count(*) FROM ", tx.quote_name(table)))[0].as<int64_t>();
  }
  return counts;
}

class IntakeTextVerbatimTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<std::string> args = {"--listen=127.0.0.1:0", "--database_url=" + db_.conninfo(),
                                     "--drain_seconds=2", "--db_pool_size=4"};
    for (std::string& arg : TestIdentity::Get().ServiceArgs("intake")) args.push_back(arg);
    process_ = std::make_unique<ServiceProcess>(BinaryPath("pif-intake"), args);
    auto port = process_->WaitUntilServing();
    ASSERT_TRUE(port.ok()) << port.status() << process_->Log();
    const std::string address = absl::StrCat("127.0.0.1:", *port);
    stub_ = IntakeService::NewStub(
        OpenChannel(address, TestIdentity::Get().TlsClientOptions("pifctl")));
    service_stub_ = IntakeService::NewStub(
        OpenChannel(address, TestIdentity::Get().TlsClientOptions("indicators")));
  }

  // Sends `records` for `council` as one batch; the summary.
  common::v1::SubmissionSummary Submit(const std::string& council, const std::string& batch_id,
                                       const std::vector<SubmittedRecord>& records) {
    auto context = Context(auth::Role::kSubmitter, council);
    intake::v1::SubmitRecordsResponse response;
    auto writer = stub_->SubmitRecords(context.get(), &response);
    intake::v1::SubmitRecordsRequest header;
    header.mutable_header()->set_council(council);
    header.mutable_header()->set_batch_id(batch_id);
    header.mutable_header()->set_source_system("text-verbatim");
    writer->Write(header);
    intake::v1::SubmitRecordsRequest chunk;
    for (const SubmittedRecord& record : records) *chunk.mutable_chunk()->add_records() = record;
    writer->Write(chunk);
    intake::v1::SubmitRecordsRequest end;
    end.mutable_end()->set_record_count(static_cast<int64_t>(records.size()));
    writer->Write(end);
    writer->WritesDone();
    const grpc::Status status = writer->Finish();
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.summary();
  }

  // The council's records, by record type.
  std::map<std::string, std::vector<Record>> Snapshot(const std::string& council) {
    auto context = Context(auth::Role::kAnalyst, council);
    intake::v1::ExportSnapshotRequest request;
    request.set_council(council);
    auto reader = service_stub_->ExportSnapshot(context.get(), request);
    std::map<std::string, std::vector<Record>> records;
    intake::v1::ExportSnapshotResponse message;
    while (reader->Read(&message)) {
      for (const Record& record : message.chunk().records()) {
        const google::protobuf::FieldDescriptor* field =
            record.GetReflection()->GetOneofFieldDescriptor(record,
                                                            Record::descriptor()->oneof_decl(0));
        if (field != nullptr) records[field->message_type()->name()].push_back(record);
      }
    }
    const grpc::Status status = reader->Finish();
    EXPECT_TRUE(status.ok()) << status.error_message();
    return records;
  }

  TestDatabase db_{"intake_text"};
  std::unique_ptr<ServiceProcess> process_;
  std::unique_ptr<IntakeService::Stub> stub_;
  std::unique_ptr<IntakeService::Stub> service_stub_;
};

TEST(IntakeTextFieldsTest, TheSchemasTextColumnsAreTheRecordsStringFields) {
  // So that a new string field of any record type is covered by the test below.
  ASSERT_EQ(EveryTypeAsCells().size(), intake::CaseSchema().types.size())
      << "a record type has no base record here";
  for (const submission::RecordSchema& type : intake::CaseSchema().types) {
    SCOPED_TRACE(type.type);
    const google::protobuf::FieldDescriptor* field = RecordFieldOf(type.type);
    ASSERT_NE(field, nullptr);
    std::set<std::string> strings;
    const google::protobuf::Descriptor* message = field->message_type();
    for (int i = 0; i < message->field_count(); ++i) {
      if (message->field(i)->type() == google::protobuf::FieldDescriptor::TYPE_STRING) {
        strings.insert(message->field(i)->name());
      }
    }
    EXPECT_EQ(strings, TextColumns(type));
    EXPECT_FALSE(strings.empty());
  }
}

TEST_F(IntakeTextVerbatimTest, HostileTextIsStoredAndReturnedVerbatimAndNothingElseHappens) {
  const std::map<std::string, int64_t> before = RowCounts(db_.conninfo());
  const size_t types = EveryTypeAsCells().size();
  std::vector<std::string> rejection_ids;
  for (size_t i = 0; i < HostileValues().size(); ++i) {
    const std::string& value = HostileValues()[i];
    SCOPED_TRACE(::testing::PrintToString(value));
    const common::v1::SubmissionSummary accepted =
        Submit(kAccepted, absl::StrCat("ok-", i), EveryTypeWith(value, false));
    EXPECT_EQ(accepted.accepted_count(), static_cast<int64_t>(types))
        << accepted.ShortDebugString();
    EXPECT_EQ(accepted.rejected_count(), 0);
    const common::v1::SubmissionSummary rejected =
        Submit(kRejected, absl::StrCat("bad-", i), EveryTypeWith(value, true));
    EXPECT_EQ(rejected.rejected_count(), static_cast<int64_t>(types))
        << rejected.ShortDebugString();
    for (const common::v1::Rejection& rejection : rejected.rejections()) {
      rejection_ids.push_back(rejection.rejection_id());
    }
  }

  // Accepted: each type has one record per value, every text field exactly that value.
  const std::map<std::string, std::vector<Record>> snapshot = Snapshot(kAccepted);
  for (const submission::RecordSchema& type : intake::CaseSchema().types) {
    SCOPED_TRACE(type.type);
    const auto found = snapshot.find(type.type);
    ASSERT_NE(found, snapshot.end());
    ASSERT_EQ(found->second.size(), HostileValues().size());
    std::multiset<std::string> values_seen;
    for (const Record& record : found->second) {
      const google::protobuf::FieldDescriptor* field = RecordFieldOf(type.type);
      const google::protobuf::Message& message = record.GetReflection()->GetMessage(record, field);
      std::set<std::string> in_record;
      for (const std::string& column : TextColumns(type)) {
        const auto* text = message.GetDescriptor()->FindFieldByName(column);
        in_record.insert(message.GetReflection()->GetString(message, text));
      }
      ASSERT_EQ(in_record.size(), 1u)
          << "text fields of one record differ: " << message.ShortDebugString();
      values_seen.insert(*in_record.begin());
    }
    EXPECT_EQ(values_seen,
              std::multiset<std::string>(HostileValues().begin(), HostileValues().end()));
  }

  // Rejected: the kept cells come back as they were sent.
  ASSERT_EQ(rejection_ids.size(), HostileValues().size() * types);
  std::set<std::string> rejected_values;
  for (const std::string& rejection_id : rejection_ids) {
    SCOPED_TRACE(rejection_id);
    auto context = Context(auth::Role::kSubmitter, kRejected);
    intake::v1::GetRejectionRequest request;
    request.set_council(kRejected);
    request.set_rejection_id(rejection_id);
    intake::v1::GetRejectionResponse response;
    const grpc::Status status = stub_->GetRejection(context.get(), request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    // A record that converts to its type comes back typed, otherwise as the cells received.
    const std::string type = response.has_raw() ? response.raw().record_type()
                                                : response.rejection().rejection().record_type();
    const submission::RecordSchema* schema = nullptr;
    for (const submission::RecordSchema& candidate : intake::CaseSchema().types) {
      if (candidate.type == type) schema = &candidate;
    }
    ASSERT_NE(schema, nullptr) << response.ShortDebugString();
    const std::set<std::string> text = TextColumns(*schema);
    std::set<std::string> in_record;
    size_t text_cells = 0;
    if (response.has_raw()) {
      for (const common::v1::RawField& cell : response.raw().fields()) {
        if (text.count(cell.name()) == 0) continue;
        ++text_cells;
        in_record.insert(cell.text());
      }
    } else {
      ASSERT_TRUE(response.has_record()) << response.ShortDebugString();
      const google::protobuf::Message& message =
          response.record().GetReflection()->GetMessage(response.record(), RecordFieldOf(type));
      for (const std::string& column : text) {
        ++text_cells;
        in_record.insert(message.GetReflection()->GetString(
            message, message.GetDescriptor()->FindFieldByName(column)));
      }
    }
    EXPECT_EQ(text_cells, text.size());
    ASSERT_EQ(in_record.size(), 1u) << response.raw().ShortDebugString();
    rejected_values.insert(*in_record.begin());
  }
  EXPECT_EQ(rejected_values, std::set<std::string>(HostileValues().begin(), HostileValues().end()));

  // Nothing else: the same tables; record tables grew by one row per type and value; no record
  // was deleted or erased.
  const std::map<std::string, int64_t> after = RowCounts(db_.conninfo());
  std::set<std::string> tables_before;
  std::set<std::string> tables_after;
  for (const auto& [table, count] : before) tables_before.insert(table);
  for (const auto& [table, count] : after) tables_after.insert(table);
  EXPECT_EQ(tables_after, tables_before);
  for (const submission::RecordSchema& type : intake::CaseSchema().types) {
    EXPECT_EQ(after.at(type.table) - before.at(type.table),
              static_cast<int64_t>(HostileValues().size()))
        << type.table;
  }
  for (const char* untouched : {"deletions", "erasures"}) {
    ASSERT_EQ(after.count(untouched), 1u) << untouched;
    EXPECT_EQ(after.at(untouched), before.at(untouched)) << untouched;
  }
  EXPECT_EQ(after.at("rejections") - before.at("rejections"),
            static_cast<int64_t>(HostileValues().size() * types));
}

TEST_F(IntakeTextVerbatimTest, ANulIsRejectedOnEveryTextField) {
  const common::v1::SubmissionSummary summary =
      Submit(kRefused, "nul", EveryTypeWith(std::string("a\0b", 3), false));
  EXPECT_EQ(summary.accepted_count(), 0);
  ASSERT_EQ(summary.rejected_count(), static_cast<int64_t>(EveryTypeAsCells().size()));
  for (const common::v1::Rejection& rejection : summary.rejections()) {
    SCOPED_TRACE(rejection.record_type());
    const submission::RecordSchema* schema = nullptr;
    for (const submission::RecordSchema& candidate : intake::CaseSchema().types) {
      if (candidate.type == rejection.record_type()) schema = &candidate;
    }
    ASSERT_NE(schema, nullptr);
    std::set<std::string> malformed;
    for (const common::v1::FieldError& error : rejection.errors()) {
      if (error.rule_code() == "MALFORMED_TEXT") malformed.insert(error.field());
    }
    EXPECT_EQ(malformed, TextColumns(*schema));
  }
  EXPECT_TRUE(Snapshot(kRefused).empty());
}

}  // namespace
}  // namespace pif
