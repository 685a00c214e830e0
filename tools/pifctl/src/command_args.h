// Splits a subcommand's arguments into flags (for pif::FlagSet) and positional arguments.
#pragma once

#include <string>
#include <vector>

namespace pif::ctl {

// A subcommand's arguments, split.
struct SplitArgs {
  std::vector<std::string> flags;       // args[0] (the subcommand) then the flags and their values
  std::vector<std::string> positional;  // the rest, in order
};

// Separates positional arguments from flags. A `--name` without `=` takes the next argument as
// its value unless `name` is in `bool_flags` (or is `help`); `-h` is a flag; after `--` every
// argument is positional.
SplitArgs SplitPositional(const std::vector<std::string>& args,
                          const std::vector<std::string>& bool_flags = {});

}  // namespace pif::ctl
