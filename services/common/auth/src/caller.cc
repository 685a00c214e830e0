#include "pif/auth/caller.h"

#include "absl/strings/str_cat.h"

namespace pif::auth {

bool Caller::HasAny(const std::vector<Role>& wanted) const {
  for (Role role : wanted) {
    if (Has(role)) return true;
  }
  return false;
}

std::string Caller::AuditName() const {
  std::string name;
  if (!subject.empty()) absl::StrAppend(&name, "user=", subject);
  if (!certificate.empty()) {
    absl::StrAppend(&name, name.empty() ? "" : " ",
                    service ? "service=" : "certificate=", certificate);
  }
  return name.empty() ? "anonymous" : name;
}

}  // namespace pif::auth
