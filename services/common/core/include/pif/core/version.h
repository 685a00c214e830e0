// The version of this build of pif, fixed when the build was configured.
#pragma once

#include "absl/strings/string_view.h"

namespace pif {

// The project version with the git commit when it was known at configure time
// ("0.1.0+1a2b3c4d5e6f", or "0.1.0"): what pif_build_info carries and `--version` prints.
absl::string_view Version();

}  // namespace pif
