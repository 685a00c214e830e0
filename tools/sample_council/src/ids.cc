#include "ids.h"

#include <cstring>

namespace pif::sample::internal {

std::string FormatId(const char* prefix, int64_t number, int width) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + number % 10);
    number /= 10;
  } while (number > 0);
  std::string id(prefix);
  if (n < width) id.append(static_cast<size_t>(width - n), '0');
  while (n > 0) id.push_back(digits[--n]);
  return id;
}

std::string IdSequence::Next() { return FormatId(prefix_, next_++, width_); }

}  // namespace pif::sample::internal
