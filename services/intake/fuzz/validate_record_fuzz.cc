// libFuzzer target of submission::ValidateRecord over intake's case schema (every record type):
// the per-record validation every submitted record goes through, whatever its bytes.
//
// Build and run (clang and libclang-rt-14-dev installed):
//   cmake -S <project> -B /tmp/pif-fuzz -DCMAKE_CXX_COMPILER=clang++ -DPIF_FUZZ=ON \
//       -DPIF_BUILD_TESTS=OFF -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined"
//   cmake --build /tmp/pif-fuzz --target validate_record_fuzz -j2
//   mkdir -p /tmp/record-corpus && /tmp/pif-fuzz/services/intake/validate_record_fuzz \
//       /tmp/record-corpus -max_total_time=300 -rss_limit_mb=1024
// A crash leaves crash-<sha1> in the working directory; replay it with
//   validate_record_fuzz crash-<sha1>
//
// The first input byte picks the record type; the rest is cut at 0x1F into the values of its
// columns in contract order (missing values and a value of exactly 0x1E are "not recorded").
// Checked on every input:
// - no crash, leak or undefined behaviour (the sanitizers);
// - every violation has a rule code and a message, and names a column of the record type;
// - a record found valid is in canonical form: validating it again finds nothing and changes
//   nothing;
// - validating the same values twice gives the same violations (no hidden state).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "pif/intake/domain/case_schema.h"
#include "pif/submission/validate.h"

namespace {

using pif::submission::FlatRecord;
using pif::submission::RecordSchema;

[[noreturn]] void Fail(const RecordSchema& type, const std::string& why) {
  std::cerr << type.type << ": " << why << "\n";
  std::abort();
}

FlatRecord RecordOf(const RecordSchema& type, const uint8_t* data, size_t size) {
  FlatRecord record;
  record.schema = &type;
  record.values.resize(type.columns.size());
  size_t column = 0;
  std::string value;
  auto put = [&] {
    if (column < record.values.size() && value != "\x1e") record.values[column] = value;
    ++column;
    value.clear();
  };
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0x1f) {
      put();
    } else {
      value.push_back(static_cast<char>(data[i]));
    }
  }
  put();
  return record;
}

bool NamesAColumn(const RecordSchema& type, const std::string& field) {
  for (const auto& column : type.columns) {
    if (field == column.name) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto& types = pif::intake::CaseSchema().types;
  const RecordSchema& type = types[data[0] % types.size()];
  FlatRecord record = RecordOf(type, data + 1, size - 1);
  FlatRecord again = record;
  const auto violations = pif::submission::ValidateRecord(record);
  for (const auto& violation : violations) {
    if (violation.rule_code.empty() || violation.message.empty()) {
      Fail(type, "a violation without rule code or message on " + violation.field);
    }
    if (!NamesAColumn(type, violation.field)) {
      Fail(type, "a violation names no column: '" + violation.field + "'");
    }
  }
  if (pif::submission::ValidateRecord(again) != violations) {
    Fail(type, "the same values gave other violations the second time");
  }
  if (violations.empty()) {
    FlatRecord canonical = record;
    if (!pif::submission::ValidateRecord(canonical).empty()) {
      Fail(type, "a record found valid is invalid in its canonical form");
    }
    if (canonical.values != record.values) Fail(type, "the canonical form is not stable");
  }
  return 0;
}
