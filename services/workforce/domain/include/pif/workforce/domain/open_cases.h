// What 7.4 needs from intake: the children with an involvement open at the census date and the
// workers allocated to those involvements on that date, and where the domain gets them from
// (intake over gRPC in the service, a fake in tests).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "pif/dates/date.h"

namespace pif::workforce {

// One child with an involvement open at CD (open_date <= CD < close_date).
struct OpenCase {
  std::string person_id;
  // The staff_id of every allocation covering CD of the child's open involvements; an empty
  // string (a team or duty allocation) names no worker and is ignored.
  std::vector<std::string> staff_ids;
};

// The children with an involvement open at CD; a person_id listed twice is one child.
struct OpenCases {
  std::vector<OpenCase> children;
};

// The open cases at a census date and the intake data version they were read at.
struct IntakeOpenCases {
  int64_t data_version = 0;
  OpenCases cases;
};

// Where 7.4's case data comes from. When it cannot be reached, each call fails UNAVAILABLE
// naming it, so 7.4 is never given as 0.
class OpenCasesSource {
 public:
  virtual ~OpenCasesSource() = default;
  // The council's current intake data version.
  virtual absl::StatusOr<int64_t> CurrentVersion(const std::string& council) = 0;
  // The council's children with an involvement open at `census`, read in one consistent snapshot.
  virtual absl::StatusOr<IntakeOpenCases> Load(const std::string& council, dates::Date census) = 0;
};

}  // namespace pif::workforce
