// Loud failure for states the library's contract forbids (a programming error, not bad input).
#ifndef PIF_DATES_SRC_CHECK_H_
#define PIF_DATES_SRC_CHECK_H_

#include <string_view>

namespace pif::dates::internal {

// Prints "pif::dates: <message>" to stderr and aborts the process.
[[noreturn]] void Die(std::string_view message);

}  // namespace pif::dates::internal

#endif  // PIF_DATES_SRC_CHECK_H_
