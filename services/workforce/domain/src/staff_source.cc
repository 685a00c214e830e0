#include "pif/workforce/domain/staff_source.h"

namespace pif::workforce {

absl::StatusOr<int64_t> SubmissionStaffSource::CurrentVersion(const std::string& council) {
  absl::StatusOr<submission::DataVersion> version = store_.GetDataVersion(council);
  if (!version.ok()) return version.status();
  return version->version;
}

absl::StatusOr<StaffSnapshot> SubmissionStaffSource::Read(const std::string& council) {
  StaffSnapshot snapshot;
  absl::Status read = store_.ReadSnapshot(
      council, {},
      [&snapshot](const submission::SnapshotInfo& info) {
        snapshot.data_version = info.data_version;
        return absl::OkStatus();
      },
      [&snapshot](const submission::FlatRecord& record) {
        return AppendStoredRecord(record, &snapshot.records);
      });
  if (!read.ok()) return read;
  return snapshot;
}

absl::StatusOr<int64_t> SubmissionStaffSource::OpenRejections(const std::string& council) {
  submission::RejectionFilter filter;
  filter.council = council;
  filter.page_size = 1;
  absl::StatusOr<submission::RejectionPage> page = store_.ListRejections(filter);
  if (!page.ok()) return page.status();
  return page->open_count;
}

}  // namespace pif::workforce
