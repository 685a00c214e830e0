// Enums in the stored JSON of computed results, by name: each store lists the names of its enums
// once, and the names are part of the stored form (never reused for another meaning).
#pragma once

#include <cstddef>
#include <cstdlib>
#include <string>

namespace pif::results_pg {

// One value of `Enum` and its stored name.
template <typename Enum>
struct StoredName {
  Enum value;
  const char* text;
};

// Thrown by ValueOf, and meant to be caught at the boundary of the reader that called it:
// stored text that is not in the stored form.
struct UnreadableStored {
  std::string what;
};

// The stored name of `value`. Aborts when it has none: a new value must not be stored silently.
template <typename Enum, size_t N>
const char* NameOf(const StoredName<Enum> (&names)[N], Enum value) {
  for (const StoredName<Enum>& name : names) {
    if (name.value == value) return name.text;
  }
  std::abort();
}

// The value stored as `text` (the first listed, when several share a name); throws
// UnreadableStored for a name not listed.
template <typename Enum, size_t N>
Enum ValueOf(const StoredName<Enum> (&names)[N], const std::string& text) {
  for (const StoredName<Enum>& name : names) {
    if (text == name.text) return name.value;
  }
  throw UnreadableStored{"unknown stored name " + text};
}

}  // namespace pif::results_pg
