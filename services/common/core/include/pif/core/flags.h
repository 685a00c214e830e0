// Command-line flags with environment overrides, parsed without global state so they can be tested.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace pif {

// Looks an environment variable up; returns nullopt when it is not set.
using EnvLookup = std::function<std::optional<std::string>(absl::string_view name)>;

// The process environment, as an EnvLookup.
EnvLookup ProcessEnvironment();

// A set of named flags, each also settable by an environment variable.
// Precedence: a flag given on the command line, then the environment variable, then the default.
class FlagSet {
 public:
  // Creates an empty set; `program` names the binary in the usage text.
  explicit FlagSet(std::string program);

  // Declares --name (and env) as a string flag written into *target; *target holds the default.
  void AddString(std::string name, std::string env, std::string help, std::string* target);
  // Declares an integer flag accepted in [min, max].
  void AddInt(std::string name, std::string env, std::string help, int64_t* target, int64_t min,
              int64_t max);
  // Declares a boolean flag (true/false/1/0/yes/no; a bare --name means true).
  void AddBool(std::string name, std::string env, std::string help, bool* target);

  // Reads the environment then argv[1..]; an unknown flag, a positional argument or a bad value
  // is INVALID_ARGUMENT naming the flag or variable. --help returns NOT_FOUND with the usage text.
  absl::Status Parse(const std::vector<std::string>& args, const EnvLookup& env) const;

  // The usage text listing every flag, its variable, default and help.
  std::string Usage() const;

 private:
  struct Flag {
    std::string name;
    std::string env;
    std::string help;
    std::string default_text;
    bool is_bool = false;
    std::function<absl::Status(absl::string_view)> set;
  };
  const Flag* Find(absl::string_view name) const;

  std::string program_;
  std::vector<Flag> flags_;
};

}  // namespace pif
