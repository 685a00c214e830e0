#include "pif/workforce/clients/intake_open_cases.h"

#include <optional>
#include <utility>

#include "absl/time/clock.h"
#include "pif/core/log.h"
#include "pif/proto_util/dates.h"
#include "pif/workforce/domain/open_cases_at.h"

namespace pif::workforce {
namespace {

// A date intake sent; nullopt when unset. `valid` turns false for a date that is not one.
std::optional<dates::Date> DateOf(bool present, const common::v1::Date& date, bool* valid) {
  if (!present) return std::nullopt;
  std::optional<dates::Date> day = DateFromProto(date);
  if (!day.has_value()) *valid = false;
  return day;
}

// Collects the involvements and allocations of a snapshot into `open_cases`, noting what it
// cannot use.
class OpenCasesReader {
 public:
  explicit OpenCasesReader(dates::Date census) : open_cases_(census) {}

  void Add(const intake::v1::Record& record) {
    if (record.has_involvement()) {
      const intake::v1::Involvement& involvement = record.involvement();
      std::optional<dates::Date> open =
          DateOf(involvement.has_open_date(), involvement.open_date(), &dates_valid_);
      if (!open.has_value()) dates_valid_ = false;
      std::optional<dates::Date> close =
          DateOf(involvement.has_close_date(), involvement.close_date(), &dates_valid_);
      if (open.has_value()) {
        open_cases_.AddInvolvement(involvement.involvement_id(), involvement.person_id(), *open,
                                   close);
      }
    } else if (record.has_allocation()) {
      const intake::v1::Allocation& allocation = record.allocation();
      std::optional<dates::Date> start =
          DateOf(allocation.has_start_date(), allocation.start_date(), &dates_valid_);
      if (!start.has_value()) dates_valid_ = false;
      std::optional<dates::Date> end =
          DateOf(allocation.has_end_date(), allocation.end_date(), &dates_valid_);
      if (start.has_value()) {
        open_cases_.AddAllocation(allocation.involvement_id(), allocation.staff_id(), *start, end);
      }
    } else {
      ++other_types_;
    }
  }

  // The open cases, or INTERNAL for what could not be used.
  absl::StatusOr<OpenCases> Build() const {
    if (other_types_ > 0) {
      return absl::InternalError("intake's snapshot held records other than those asked for");
    }
    if (!dates_valid_) {
      return absl::InternalError(
          "intake's snapshot held an involvement or allocation date that "
          "is missing or not a calendar date");
    }
    return open_cases_.Build();
  }

 private:
  OpenCasesAt open_cases_;
  bool dates_valid_ = true;
  int64_t other_types_ = 0;
};

}  // namespace

IntakeOpenCasesSource::IntakeOpenCasesSource(ServiceEndpoint endpoint)
    : intake_(std::move(endpoint)) {}

absl::StatusOr<int64_t> IntakeOpenCasesSource::CurrentVersion(const std::string& council) {
  return intake_.CurrentVersion(council);
}

absl::StatusOr<IntakeOpenCases> IntakeOpenCasesSource::Load(const std::string& council,
                                                            dates::Date census) {
  const absl::Time started = absl::Now();
  OpenCasesReader reader(census);
  absl::StatusOr<case_client::SnapshotRead> read = intake_.ReadSnapshot(
      council, {intake::v1::RECORD_TYPE_INVOLVEMENT, intake::v1::RECORD_TYPE_ALLOCATION},
      [&reader](const intake::v1::Record& record) {
        reader.Add(record);
        return absl::OkStatus();
      });
  if (!read.ok()) return read.status();
  absl::StatusOr<OpenCases> cases = reader.Build();
  if (!cases.ok()) return cases.status();
  IntakeOpenCases result;
  result.data_version = read->data_version;
  result.cases = *std::move(cases);
  log::Event(log::Level::kInfo, "open_cases_pulled")
      .Str(log::Key::kCouncil, council)
      .Int(log::Key::kVersion, read->data_version)
      .Int(log::Key::kCount, read->record_count)
      .Int(log::Key::kDurationMs, absl::ToInt64Milliseconds(absl::Now() - started));
  return result;
}

}  // namespace pif::workforce
