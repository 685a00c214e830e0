// libFuzzer target of pif::csv::CsvReader (and WriteCsvRow).
//
// Build and run (clang and libclang-rt-14-dev installed):
//   cmake -S <project> -B /tmp/pif-fuzz -DCMAKE_CXX_COMPILER=clang++ -DPIF_FUZZ=ON
//   cmake --build /tmp/pif-fuzz --target csv_reader_fuzz -j1
//   mkdir -p /tmp/csv-corpus && /tmp/pif-fuzz/.../csv_reader_fuzz /tmp/csv-corpus \
//       -max_total_time=60 -rss_limit_mb=512
// A crash leaves crash-<sha1> in the working directory; replay it with
//   csv_reader_fuzz crash-<sha1>
//
// The first input byte picks the chunk size (4..67 bytes, so every construct gets cut at a
// chunk boundary) and whether a valid header is put in front of the rest (so the fuzzer spends
// its time on records, not on guessing column names). Checked on every input:
// - no crash, leak, or undefined behaviour (the sanitizers);
// - row numbers (of records and row errors) strictly increase, starting at 2 or later;
// - every record has one field per header column, named as the header names them, in order,
//   and its values are valid UTF-8;
// - row errors have a rule code and a row; after a file error only file errors follow;
// - bytes_read() never exceeds the input size, and reaches it when the whole input was read;
// - the records delivered, written back with WriteCsvRow and read again, come back identical.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "pif/csv/csv_reader.h"
#include "pif/csv/csv_writer.h"

namespace {

const std::vector<std::string> kColumns = {"a", "b", "c"};

void Check(bool ok, const char* what) {
  if (!ok) {
    std::cerr << "invariant broken: " << what << "\n";
    std::abort();
  }
}

bool IsUtf8(const std::string& s) {
  // Independent (simpler, slower) check than the reader's: decode and re-check ranges.
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    const uint32_t min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

struct Outcome {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> records;
  bool file_error = false;
};

Outcome ReadChecked(const std::string& input, size_t chunk_bytes) {
  using pif::csv::CsvReader;
  pif::csv::CsvReaderOptions options;
  options.chunk_bytes = chunk_bytes;
  options.max_record_bytes = 512;
  std::istringstream in(input);
  CsvReader reader(in, "fuzz.csv", kColumns, options);
  Check(reader.file_size() == static_cast<int64_t>(input.size()), "file_size");
  Outcome outcome;
  int64_t last_row = 1;
  pif::csv::Row row;
  pif::csv::CsvError error;
  for (;;) {
    const CsvReader::Result result = reader.Next(&row, &error);
    Check(reader.bytes_read() <= static_cast<int64_t>(input.size()), "bytes_read <= size");
    if (result == CsvReader::Result::kEnd) break;
    if (result == CsvReader::Result::kFileError) {
      Check(!error.rule_code.empty() && !error.message.empty(), "file error text");
      Check(error.ToString().find(error.rule_code) != std::string::npos, "ToString has code");
      outcome.file_error = true;
      continue;
    }
    Check(!outcome.file_error, "nothing but file errors after a file error");
    if (outcome.columns.empty()) outcome.columns = reader.columns();
    Check(!outcome.columns.empty() && outcome.columns == reader.columns(), "columns stable");
    if (result == CsvReader::Result::kRowError) {
      Check(error.row > last_row, "row error numbers increase");
      last_row = error.row;
      Check(error.rule_code == "CSV_CELL_COUNT" || error.rule_code == "CSV_NOT_UTF8",
            "row error code");
      Check(error.rule_code != "CSV_CELL_COUNT" || error.cells.size() != outcome.columns.size(),
            "cell count error has another count");
      continue;
    }
    Check(row.row_number > last_row, "row numbers increase");
    last_row = row.row_number;
    Check(row.fields.size() == outcome.columns.size(), "one field per column");
    std::vector<std::string> values;
    for (size_t i = 0; i < row.fields.size(); ++i) {
      Check(row.fields[i].first == outcome.columns[i], "field named as its column");
      Check(IsUtf8(row.fields[i].second), "values are UTF-8");
      values.push_back(row.fields[i].second);
    }
    outcome.records.push_back(std::move(values));
  }
  if (!outcome.file_error) {
    Check(reader.bytes_read() == static_cast<int64_t>(input.size()), "whole input read");
    Check(!reader.columns().empty(), "a file read without a file error has a header");
  }
  Check(outcome.columns.empty() || outcome.columns == reader.columns(), "columns stable");
  outcome.columns = reader.columns();
  pif::csv::Row again;
  Check(reader.Next(&again, &error) == CsvReader::Result::kEnd, "end is sticky");
  return outcome;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t chunk_bytes = 4 + (data[0] & 0x3F);
  std::string input(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] & 0x40) input = "a,b,c\r\n" + input;
  const Outcome outcome = ReadChecked(input, chunk_bytes);
  if (outcome.file_error || outcome.columns.empty()) return 0;

  // Round trip: what was delivered, written out and read again, is delivered identical.
  std::ostringstream out;
  pif::csv::WriteCsvRow(out, outcome.columns);
  for (const auto& record : outcome.records) pif::csv::WriteCsvRow(out, record);
  const Outcome again = ReadChecked(out.str(), chunk_bytes);
  Check(!again.file_error, "round trip: no file error");
  Check(again.columns == outcome.columns, "round trip: same columns");
  Check(again.records == outcome.records, "round trip: same records");
  return 0;
}
