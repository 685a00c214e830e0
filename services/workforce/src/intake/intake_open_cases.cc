#include "intake/intake_open_cases.h"

#include <grpcpp/client_context.h>

#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "intake/open_cases_at.h"
#include "pif/core/log.h"
#include "pif/grpc/status_mapping.h"

namespace pif::workforce {
namespace {

// Records per streamed message asked of intake.
constexpr int kRecordsPerChunk = 5000;

void SetDeadline(grpc::ClientContext& context, absl::Duration deadline) {
  context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
}

// A date intake sent; nullopt when unset. `valid` turns false for a date that is not one.
std::optional<dates::Date> DateOf(bool present, const common::v1::Date& date, bool* valid) {
  if (!present) return std::nullopt;
  std::optional<dates::Date> day = dates::Date::FromYmd(date.year(), date.month(), date.day());
  if (!day.has_value()) *valid = false;
  return day;
}

}  // namespace

IntakeOpenCasesSource::IntakeOpenCasesSource(std::string address,
                                             std::shared_ptr<grpc::Channel> channel,
                                             absl::Duration deadline)
    : address_(std::move(address)),
      stub_(intake::v1::IntakeService::NewStub(std::move(channel))),
      deadline_(deadline) {}

absl::Status IntakeOpenCasesSource::IntakeError(const grpc::Status& status,
                                                const char* call) const {
  const grpc::StatusCode code = status.error_code();
  if (code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::DEADLINE_EXCEEDED) {
    // Retryable for our caller whichever way intake was out of reach; 7.4 is never given as 0.
    return absl::UnavailableError(absl::StrCat("7.4 needs the intake service at ", address_,
                                               ", which is unavailable: ", status.error_message()));
  }
  if (code == grpc::StatusCode::INVALID_ARGUMENT || code == grpc::StatusCode::NOT_FOUND) {
    // The request was checked before: intake refusing it is a fault between services.
    return absl::InternalError(absl::StrCat("intake refused ", call, ": ", status.error_message()));
  }
  absl::Status passed = FromGrpcStatus(status);
  return absl::Status(
      passed.code(), absl::StrCat("intake ", call, " (needed for 7.4) failed: ", passed.message()));
}

absl::StatusOr<int64_t> IntakeOpenCasesSource::CurrentVersion(const std::string& council) {
  grpc::ClientContext context;
  SetDeadline(context, deadline_);
  intake::v1::GetDataVersionRequest request;
  request.set_council(council);
  intake::v1::GetDataVersionResponse response;
  grpc::Status status = stub_->GetDataVersion(&context, request, &response);
  if (!status.ok()) return IntakeError(status, "GetDataVersion");
  return response.data_version();
}

absl::StatusOr<IntakeOpenCases> IntakeOpenCasesSource::Load(const std::string& council,
                                                            dates::Date census) {
  const absl::Time started = absl::Now();
  grpc::ClientContext context;
  SetDeadline(context, deadline_);
  intake::v1::ExportSnapshotRequest request;
  request.set_council(council);
  request.add_record_types(intake::v1::RECORD_TYPE_INVOLVEMENT);
  request.add_record_types(intake::v1::RECORD_TYPE_ALLOCATION);
  request.set_max_records_per_chunk(kRecordsPerChunk);
  std::unique_ptr<grpc::ClientReader<intake::v1::ExportSnapshotResponse>> reader =
      stub_->ExportSnapshot(&context, request);

  OpenCasesAt open_cases(census);
  intake::v1::ExportSnapshotResponse message;
  bool have_header = false;
  bool dates_valid = true;
  int64_t data_version = 0;
  int64_t expected = 0;
  int64_t received = 0;
  int64_t other_types = 0;
  while (reader->Read(&message)) {
    if (message.has_header()) {
      have_header = true;
      data_version = message.header().data_version();
      for (const auto& count : message.header().record_counts()) expected += count.count();
      continue;
    }
    for (const intake::v1::Record& record : message.chunk().records()) {
      ++received;
      if (record.has_involvement()) {
        const intake::v1::Involvement& involvement = record.involvement();
        std::optional<dates::Date> open =
            DateOf(involvement.has_open_date(), involvement.open_date(), &dates_valid);
        if (!open.has_value()) dates_valid = false;
        std::optional<dates::Date> close =
            DateOf(involvement.has_close_date(), involvement.close_date(), &dates_valid);
        if (open.has_value()) {
          open_cases.AddInvolvement(involvement.involvement_id(), involvement.person_id(), *open,
                                    close);
        }
      } else if (record.has_allocation()) {
        const intake::v1::Allocation& allocation = record.allocation();
        std::optional<dates::Date> start =
            DateOf(allocation.has_start_date(), allocation.start_date(), &dates_valid);
        if (!start.has_value()) dates_valid = false;
        std::optional<dates::Date> end =
            DateOf(allocation.has_end_date(), allocation.end_date(), &dates_valid);
        if (start.has_value()) {
          open_cases.AddAllocation(allocation.involvement_id(), allocation.staff_id(), *start, end);
        }
      } else {
        ++other_types;
      }
    }
  }
  grpc::Status status = reader->Finish();
  if (!status.ok()) return IntakeError(status, "ExportSnapshot");
  if (!have_header) return absl::InternalError("intake sent a snapshot without its header");
  if (received != expected) {
    // A short snapshot would give a wrong 7.4: never compute from one.
    return absl::InternalError(absl::StrCat("intake's snapshot of data version ", data_version,
                                            " announced ", expected, " records and sent ",
                                            received));
  }
  if (other_types > 0) {
    return absl::InternalError("intake's snapshot held records other than those asked for");
  }
  if (!dates_valid) {
    return absl::InternalError(
        "intake's snapshot held an involvement or allocation date that "
        "is missing or not a calendar date");
  }
  IntakeOpenCases result;
  result.data_version = data_version;
  result.cases = open_cases.Build();
  log::Event(log::Level::kInfo, "open_cases_pulled")
      .Str(log::Key::kCouncil, council)
      .Int(log::Key::kVersion, data_version)
      .Int(log::Key::kCount, received)
      .Int(log::Key::kDurationMs, absl::ToInt64Milliseconds(absl::Now() - started));
  return result;
}

}  // namespace pif::workforce
