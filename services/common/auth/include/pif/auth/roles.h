// The roles a caller of pif can hold, as a council's identity provider grants them.
#pragma once

#include <optional>
#include <vector>

#include "absl/strings/string_view.h"

namespace pif::auth {

// What a person (or a system account) may do. A caller holds any number of roles.
enum class Role {
  kSubmitter,  // sends and corrects records, sees its rejections and batches
  kAnalyst,    // internal (unsuppressed) figures, explanations of units, series
  kPublisher,  // builds and publishes reports, sets the disclosure policy
  kViewer,     // published figures and published reports only
  kAuditor,    // reads the access audit and the batch audit
  kAdmin,      // erases a person's records
};

// Every role, in the order above.
const std::vector<Role>& AllRoles();

// The role's name as tokens and docs spell it ("submitter").
absl::string_view RoleName(Role role);

// The role named `name`; nullopt for a name that is not a role.
std::optional<Role> ParseRole(absl::string_view name);

}  // namespace pif::auth
