// What `pifctl erase` sends and prints: the EraseChild request from its flags, with a request id
// derived from them when none is given, and the erasure's answer as text.
#pragma once

#include <ostream>
#include <string>

#include "absl/status/statusor.h"
#include "pif/intake/v1/intake_service.pb.h"

namespace pif::ctl {

// The flags of `pifctl erase` as given.
struct EraseFlags {
  std::string council;
  std::string person_id;
  std::string reason;
  std::string request_id;  // empty = derived from the council, person id and reason
};

// The request to send: council, person id and reason required (INVALID_ARGUMENT naming the
// missing flag); without --request_id, `pifctl-erase-` and the SHA-256 (hex) of the council,
// person id and reason, so running the same command again replays the first answer.
absl::StatusOr<intake::v1::EraseChildRequest> EraseRequestOf(const EraseFlags& flags);

// Writes the answer: one line per record type erased (`Child  1`), then the rejections erased,
// the batch summaries and deletions redacted, the data version and the time of the erasure.
void WriteErasure(std::ostream& out, const intake::v1::EraseChildResponse& response);

}  // namespace pif::ctl
