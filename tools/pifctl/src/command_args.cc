#include "command_args.h"

#include <algorithm>

#include "absl/strings/match.h"

namespace pif::ctl {

SplitArgs SplitPositional(const std::vector<std::string>& args,
                          const std::vector<std::string>& bool_flags) {
  SplitArgs split;
  if (args.empty()) return split;
  split.flags.push_back(args[0]);
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      split.positional.insert(split.positional.end(), args.begin() + i + 1, args.end());
      break;
    }
    if (arg == "-h") {
      split.flags.push_back(arg);
      continue;
    }
    if (!absl::StartsWith(arg, "--")) {
      split.positional.push_back(arg);
      continue;
    }
    split.flags.push_back(arg);
    const std::string name = arg.substr(2);
    const bool takes_next =
        name.find('=') == std::string::npos && name != "help" &&
        std::find(bool_flags.begin(), bool_flags.end(), name) == bool_flags.end();
    if (takes_next && i + 1 < args.size()) split.flags.push_back(args[++i]);
  }
  return split;
}

}  // namespace pif::ctl
