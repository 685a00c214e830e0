// What 7.4 needs from intake: the children with an involvement open at the census date and the
// workers allocated to those involvements on that date. The service fills it from intake.
#pragma once

#include <string>
#include <vector>

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

}  // namespace pif::workforce
