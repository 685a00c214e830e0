#include "pif/core/flags.h"

#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace pif {

EnvLookup ProcessEnvironment() {
  return [](absl::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

FlagSet::FlagSet(std::string program) : program_(std::move(program)) {}

void FlagSet::AddString(std::string name, std::string env, std::string help, std::string* target) {
  Flag flag{std::move(name), std::move(env), std::move(help), *target, false, nullptr};
  flag.set = [target](absl::string_view value) {
    *target = std::string(value);
    return absl::OkStatus();
  };
  flags_.push_back(std::move(flag));
}

void FlagSet::AddInt(std::string name, std::string env, std::string help, int64_t* target,
                     int64_t min, int64_t max) {
  Flag flag{std::move(name),       std::move(env), std::move(help),
            absl::StrCat(*target), false,          nullptr};
  flag.set = [target, min, max](absl::string_view value) {
    int64_t parsed = 0;
    if (!absl::SimpleAtoi(value, &parsed)) {
      return absl::InvalidArgumentError(absl::StrCat("'", value, "' is not a whole number"));
    }
    if (parsed < min || parsed > max) {
      return absl::InvalidArgumentError(
          absl::StrCat(parsed, " is outside the allowed range ", min, " to ", max));
    }
    *target = parsed;
    return absl::OkStatus();
  };
  flags_.push_back(std::move(flag));
}

void FlagSet::AddBool(std::string name, std::string env, std::string help, bool* target) {
  Flag flag{std::move(name), std::move(env), std::move(help), *target ? "true" : "false", true,
            nullptr};
  flag.set = [target](absl::string_view value) {
    const std::string lower = absl::AsciiStrToLower(value);
    if (lower == "true" || lower == "1" || lower == "yes") {
      *target = true;
    } else if (lower == "false" || lower == "0" || lower == "no") {
      *target = false;
    } else {
      return absl::InvalidArgumentError(absl::StrCat("'", value, "' is not true or false"));
    }
    return absl::OkStatus();
  };
  flags_.push_back(std::move(flag));
}

const FlagSet::Flag* FlagSet::Find(absl::string_view name) const {
  for (const Flag& flag : flags_) {
    if (flag.name == name) return &flag;
  }
  return nullptr;
}

absl::Status FlagSet::Parse(const std::vector<std::string>& args, const EnvLookup& env) const {
  for (const Flag& flag : flags_) {
    if (flag.env.empty()) continue;
    std::optional<std::string> value = env(flag.env);
    if (!value.has_value()) continue;
    if (absl::Status status = flag.set(*value); !status.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("environment variable ", flag.env, ": ", status.message()));
    }
  }
  for (size_t i = 1; i < args.size(); ++i) {
    absl::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") return absl::NotFoundError(Usage());
    if (!absl::ConsumePrefix(&arg, "--")) {
      return absl::InvalidArgumentError(
          absl::StrCat("unexpected argument '", arg, "'; flags are written --name=value"));
    }
    absl::string_view name = arg;
    std::optional<absl::string_view> value;
    if (size_t eq = arg.find('='); eq != absl::string_view::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
    }
    const Flag* flag = Find(name);
    if (flag == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("unknown flag --", name, "; see --help"));
    }
    if (!value.has_value()) {
      if (flag->is_bool) {
        value = "true";
      } else if (i + 1 < args.size()) {
        value = args[++i];
      } else {
        return absl::InvalidArgumentError(absl::StrCat("flag --", name, " needs a value"));
      }
    }
    if (absl::Status status = flag->set(*value); !status.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("flag --", name, ": ", status.message()));
    }
  }
  return absl::OkStatus();
}

std::string FlagSet::Usage() const {
  std::string text = absl::StrCat("usage: ", program_, " [--flag=value ...]\n\nflags:\n");
  for (const Flag& flag : flags_) {
    absl::StrAppend(&text, "  --", flag.name, "  ", flag.help, "\n      default: '",
                    flag.default_text, "'");
    if (!flag.env.empty()) absl::StrAppend(&text, "; environment: ", flag.env);
    absl::StrAppend(&text, "\n");
  }
  return text;
}

}  // namespace pif
