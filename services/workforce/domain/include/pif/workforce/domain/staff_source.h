// Where the workforce figures' staff and absence records come from: the service's own
// submission store of WorkforceSchema() (SubmissionStaffSource), a fake in tests.
#pragma once

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "pif/submission/store.h"
#include "pif/workforce/domain/staff_rows.h"

namespace pif::workforce {

// A council's staff rows and absences, read at one data version.
struct StaffSnapshot {
  int64_t data_version = 0;
  StaffRecords records;
};

// Reads a council's workforce records.
class StaffSource {
 public:
  virtual ~StaffSource() = default;
  // The council's current workforce data version (0 before its first batch).
  virtual absl::StatusOr<int64_t> CurrentVersion(const std::string& council) = 0;
  // Every staff row and absence of the council, in one consistent snapshot.
  virtual absl::StatusOr<StaffSnapshot> Read(const std::string& council) = 0;
  // The council's workforce records still rejected.
  virtual absl::StatusOr<int64_t> OpenRejections(const std::string& council) = 0;
};

// StaffSource over a submission store of WorkforceSchema(), which must outlive it.
class SubmissionStaffSource final : public StaffSource {
 public:
  explicit SubmissionStaffSource(submission::SubmissionStore& store) : store_(store) {}

  absl::StatusOr<int64_t> CurrentVersion(const std::string& council) override;
  absl::StatusOr<StaffSnapshot> Read(const std::string& council) override;
  absl::StatusOr<int64_t> OpenRejections(const std::string& council) override;

 private:
  submission::SubmissionStore& store_;
};

}  // namespace pif::workforce
