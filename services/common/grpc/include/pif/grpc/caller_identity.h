// The metadata a client names itself with; what a call records as its caller is
// CallScope::RecordedCaller() (pif/grpc/call_scope.h).
#pragma once

namespace pif {

// The metadata key a client may use to name itself (for example `pifctl/0.1`): printable ASCII,
// at most 100 characters are kept, after the authenticated caller.
inline constexpr char kClientNameMetadata[] = "x-pif-client";

}  // namespace pif
