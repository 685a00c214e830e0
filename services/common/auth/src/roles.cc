#include "pif/auth/roles.h"

namespace pif::auth {

const std::vector<Role>& AllRoles() {
  static const auto* const kRoles =
      new std::vector<Role>{Role::kSubmitter, Role::kAnalyst, Role::kPublisher,
                            Role::kViewer,    Role::kAuditor, Role::kAdmin};
  return *kRoles;
}

absl::string_view RoleName(Role role) {
  switch (role) {
    case Role::kSubmitter:
      return "submitter";
    case Role::kAnalyst:
      return "analyst";
    case Role::kPublisher:
      return "publisher";
    case Role::kViewer:
      return "viewer";
    case Role::kAuditor:
      return "auditor";
    case Role::kAdmin:
      return "admin";
  }
  return "unknown";
}

std::optional<Role> ParseRole(absl::string_view name) {
  for (Role role : AllRoles()) {
    if (RoleName(role) == name) return role;
  }
  return std::nullopt;
}

}  // namespace pif::auth
