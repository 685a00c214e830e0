#include "check.h"

#include <cstdio>
#include <cstdlib>

namespace pif::dates::internal {

void Die(std::string_view message) {
  std::fprintf(stderr, "pif::dates: %.*s\n", static_cast<int>(message.size()), message.data());
  std::fflush(stderr);
  std::abort();
}

}  // namespace pif::dates::internal
