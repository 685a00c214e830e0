// pif-sample-council: writes a synthetic council's CSV files (case-data.md) into a folder.
#include <chrono>
#include <iostream>

#include "absl/strings/str_format.h"
#include "pif/core/flags.h"
#include "pif/dates/date.h"
#include "pif/sample/council.h"
#include "pif/sample/csv_writer.h"

int main(int argc, char** argv) {
  int64_t children = 5000;
  int64_t seed = 1;
  int64_t years = 5;
  std::string as_of = pif::sample::DefaultAsOf().ToString();
  std::string out;
  pif::FlagSet flags("pif-sample-council");
  flags.AddInt("children", "PIF_SAMPLE_CHILDREN", "children (and unborn children) in the council",
               &children, 1, 20'000'000);
  flags.AddInt("seed", "PIF_SAMPLE_SEED", "seed of every random choice (same seed, same council)",
               &seed, 0, INT64_MAX);
  flags.AddString("as_of", "PIF_SAMPLE_AS_OF", "extraction date YYYY-MM-DD (nothing after it)",
                  &as_of);
  flags.AddInt("years", "PIF_SAMPLE_YEARS", "years of history for trends", &years, 1, 20);
  flags.AddString("out", "PIF_SAMPLE_OUT", "folder to write the CSV files into (required)", &out);
  if (absl::Status parsed =
          flags.Parse(std::vector<std::string>(argv, argv + argc), pif::ProcessEnvironment());
      !parsed.ok()) {
    const bool help = absl::IsNotFound(parsed);
    (help ? std::cout : std::cerr) << parsed.message() << "\n";
    return help ? 0 : 2;
  }
  const absl::StatusOr<pif::dates::Date> date = pif::dates::ParseDate(as_of);
  if (!date.ok()) {
    std::cerr << "flag --as_of: " << date.status().message() << "\n";
    return 2;
  }
  if (out.empty()) {
    std::cerr << "--out (or PIF_SAMPLE_OUT) is required\n";
    return 2;
  }

  pif::sample::SampleOptions options;
  options.children = children;
  options.seed = static_cast<uint64_t>(seed);
  options.as_of = *date;
  options.years = static_cast<int>(years);
  const auto start = std::chrono::steady_clock::now();
  const pif::sample::SampleCouncil council = pif::sample::GenerateSampleCouncil(options);
  const auto generated = std::chrono::steady_clock::now();
  if (absl::Status written = pif::sample::WriteCouncilCsv(council, out); !written.ok()) {
    std::cerr << written.message() << "\n";
    return 1;
  }
  const auto done = std::chrono::steady_clock::now();

  int64_t total = 0;
  for (const auto& [file, count] : pif::sample::RecordCounts(council)) {
    std::cout << absl::StrFormat("%-22s %12d\n", file, count);
    total += count;
  }
  auto seconds = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  std::cout << absl::StrFormat("%-22s %12d\n", "total", total)
            << absl::StrFormat(
                   "wrote %s (seed %d, as of %s): generated in %.2f s, written in %.2f s\n", out,
                   seed, date->ToString(), seconds(start, generated), seconds(generated, done));
  return 0;
}
