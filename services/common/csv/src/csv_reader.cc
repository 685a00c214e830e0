#include "pif/csv/csv_reader.h"

#include <csv.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace pif::csv {
namespace {

// libcsv options. CSV_STRICT: malformed quoting is an error, not silently repaired.
// CSV_STRICT_FINI: so is a quoted cell still open at the end of the file. CSV_REPALL_NL: line
// ends outside records are reported, so blank lines can be counted as spreadsheet rows.
// Not CSV_APPEND_NULL: cells are copied as (pointer, length), a terminating NUL is never read.
// Not CSV_EMPTY_IS_NULL: an empty cell is an empty string.
constexpr unsigned char kParserOptions = CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL;

// libcsv trims spaces and tabs around unquoted cells by default; RFC 4180 keeps them.
int NoSpaceCharacters(unsigned char /*c*/) { return 0; }

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Whether `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool IsValidUtf8(absl::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t length;
    unsigned char second_min = 0x80;
    unsigned char second_max = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) second_min = 0xA0;  // overlong
      if (c == 0xED) second_max = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) second_min = 0x90;  // overlong
      if (c == 0xF4) second_max = 0x8F;  // past U+10FFFF
    } else {
      return false;
    }
    if (n - i < length) return false;
    if (p[i + 1] < second_min || p[i + 1] > second_max) return false;
    for (size_t k = 2; k < length; ++k) {
      if (!IsContinuation(p[i + k])) return false;
    }
    i += length;
  }
  return true;
}

// A column name as shown inside quotes in a message: control characters, quotes and
// backslashes escaped, and every byte >= 0x80 escaped too when the name is not UTF-8.
std::string DisplayName(absl::string_view name) {
  return IsValidUtf8(name) ? absl::Utf8SafeCEscape(name) : absl::CHexEscape(name);
}

std::string Plural(size_t n, absl::string_view one, absl::string_view many) {
  return absl::StrCat(n, " ", n == 1 ? one : many);
}

}  // namespace

std::string CsvError::ToString() const {
  std::string out = file;
  if (row > 0) absl::StrAppend(&out, " row ", row);
  absl::StrAppend(&out, ": ");
  if (!column.empty()) absl::StrAppend(&out, "column \"", DisplayName(column), "\": ");
  absl::StrAppend(&out, message, " [", rule_code, "]");
  return out;
}

struct CsvReader::Impl {
  // A record or a problem, in file order, waiting for Next().
  struct Event {
    Result kind;
    int64_t row = 0;
    std::vector<std::string> cells;
    CsvError error;
  };

  Impl(std::istream* input, std::unique_ptr<std::istream> owned_input, std::string name,
       std::vector<std::string> allowed, CsvReaderOptions opts)
      : owned(std::move(owned_input)),
        in(input),
        file_name(std::move(name)),
        allowed_columns(std::move(allowed)),
        options(opts) {
    if (options.chunk_bytes < 4) options.chunk_bytes = 4;  // room to see a byte order mark
    chunk.resize(options.chunk_bytes);
    csv_init(&parser, kParserOptions);
    csv_set_space_func(&parser, NoSpaceCharacters);
    // Grow a long cell's buffer in 4 KiB steps rather than libcsv's default 128 bytes.
    csv_set_blk_size(&parser, 4096);
  }
  ~Impl() { csv_free(&parser); }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  CsvError MakeError(int64_t row, std::string column, absl::string_view rule_code,
                     std::string message) const {
    CsvError error;
    error.file = file_name;
    error.row = row;
    error.column = std::move(column);
    error.rule_code = std::string(rule_code);
    error.message = std::move(message);
    return error;
  }

  // Reports a problem that ends the reading of the file.
  void Stop(CsvError error) {
    Event event;
    event.kind = Result::kFileError;
    event.error = std::move(error);
    events.push_back(std::move(event));
    stopped = true;
  }

  void RowError(int64_t row, std::string column, absl::string_view rule_code, std::string message,
                std::vector<std::string> record) {
    Event event;
    event.kind = Result::kRowError;
    event.error = MakeError(row, std::move(column), rule_code, std::move(message));
    event.error.cells = std::move(record);
    events.push_back(std::move(event));
  }

  // The name of the column the cell at `index` of the current record belongs to, if known.
  std::string ColumnAt(size_t index) const {
    return index < columns.size() ? columns[index] : std::string();
  }

  // libcsv's end-of-cell callback.
  static void OnCell(void* text, size_t length, void* data) {
    auto* self = static_cast<Impl*>(data);
    if (self->stopped) return;
    self->cells.emplace_back(length == 0 ? "" : static_cast<const char*>(text), length);
    self->record_bytes += length + 1;
    if (self->record_bytes > self->options.max_record_bytes) self->StopTooLarge();
  }

  // libcsv's end-of-record callback: `c` is the byte that ended it (-1 at the end of the file).
  static void OnRecordEnd(int c, void* data) {
    auto* self = static_cast<Impl*>(data);
    if (self->stopped) return;
    if (self->cells.empty()) {
      // A line end outside any record (CSV_REPALL_NL): the LF of a CRLF whose CR ended the
      // previous line, or a blank line.
      if (c == '\n' && self->previous_line_end == '\r') {
        self->previous_line_end = 0;
      } else {
        self->previous_line_end = c;
        ++self->next_row;
      }
      return;
    }
    self->previous_line_end = c;
    self->EndRecord(self->next_row++);
  }

  void StopTooLarge() {
    Stop(MakeError(next_row, "", kRecordTooLarge,
                   absl::StrCat("the record is larger than ", options.max_record_bytes,
                                " bytes (is a quoted cell never closed?); the rest of the file "
                                "was not read")));
  }

  void EndRecord(int64_t row) {
    std::vector<std::string> record = std::move(cells);
    cells.clear();
    record_bytes = 0;
    if (!header_read) {
      header_read = true;
      CheckHeader(row, std::move(record));
      return;
    }
    if (record.size() != columns.size()) {
      std::string message =
          absl::StrCat("has ", Plural(record.size(), "cell", "cells"), " but the header names ",
                       Plural(columns.size(), "column", "columns"));
      RowError(row, "", kCellCount, std::move(message), std::move(record));
      return;
    }
    for (size_t i = 0; i < record.size(); ++i) {
      if (!IsValidUtf8(record[i])) {
        RowError(row, columns[i], kNotUtf8, "is not valid UTF-8 text", std::move(record));
        return;
      }
    }
    Event event;
    event.kind = Result::kRow;
    event.row = row;
    event.cells = std::move(record);
    events.push_back(std::move(event));
  }

  void CheckHeader(int64_t row, std::vector<std::string> names) {
    bool ok = true;
    for (size_t i = 0; i < names.size(); ++i) {
      const std::string& name = names[i];
      const auto report = [&](absl::string_view code, std::string message) {
        Event event;
        event.kind = Result::kFileError;
        event.error = MakeError(row, name, code, std::move(message));
        events.push_back(std::move(event));
        ok = false;
      };
      if (!IsValidUtf8(name)) {
        report(kNotUtf8, "column name is not valid UTF-8 text");
      } else if (name.empty()) {
        report(kEmptyColumn, absl::StrCat("column ", i + 1, " of the header has no name"));
      } else if (std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), name) !=
                 names.begin() + static_cast<std::ptrdiff_t>(i)) {
        const bool first_repeat =
            std::count(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), name) == 1;
        if (first_repeat) report(kDuplicateColumn, "column appears more than once in the header");
      } else if (std::find(allowed_columns.begin(), allowed_columns.end(), name) ==
                 allowed_columns.end()) {
        report(kUnknownColumn, "unknown column");
      }
    }
    if (ok) {
      columns = std::move(names);
    } else {
      stopped = true;
    }
  }

  // Reports libcsv's refusal of the current chunk.
  void StopParseError() {
    const int status = csv_error(&parser);
    if (status != CSV_EPARSE) {
      Stop(MakeError(next_row, ColumnAt(cells.size()), kRecordTooLarge,
                     absl::StrCat("the CSV parser failed: ", csv_strerror(status),
                                  "; the rest of the file was not read")));
      return;
    }
    // libcsv's parser struct is public: `quoted` tells which strict rule was broken.
    const char* what = parser.quoted
                           ? "a quote ends a quoted cell but is not followed by a comma or a "
                             "line end (a quote inside a quoted cell must be doubled)"
                           : "a quote inside a cell that does not start with a quote (quote the "
                             "whole cell and double the inner quote)";
    Stop(MakeError(next_row, ColumnAt(cells.size()), kMalformed,
                   absl::StrCat(what, "; the rest of the file was not read")));
  }

  // Reads and parses the next chunk, or finishes at the end of the input.
  void ReadMore() {
    if (stopped) {
      finished = true;
      return;
    }
    in->read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<size_t>(in->gcount());
    if (in->bad()) {
      Stop(MakeError(0, "", kReadError, "the file could not be read to its end"));
      return;
    }
    bytes_read += static_cast<int64_t>(got);
    const char* data = chunk.data();
    size_t length = got;
    if (at_start) {
      at_start = false;
      const auto byte = [&](size_t i) { return static_cast<unsigned char>(data[i]); };
      if (length >= 2 &&
          ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF))) {
        Stop(MakeError(1, "", kNotUtf8,
                       "the file is UTF-16 text; save it as CSV in UTF-8 (\"CSV UTF-8\")"));
        return;
      }
      if (length >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) {
        data += 3;  // UTF-8 byte order mark
        length -= 3;
      }
    }
    if (length > 0) {
      if (csv_parse(&parser, data, length, OnCell, OnRecordEnd, this) != length) {
        StopParseError();
        return;
      }
      if (stopped) return;
      // The cell libcsv is still collecting counts towards the record's size too.
      if (record_bytes + parser.entry_pos > options.max_record_bytes) {
        StopTooLarge();
        return;
      }
    }
    if (got < chunk.size()) Finish();  // read() comes back short only at the end (or on error)
  }

  void Finish() {
    if (csv_fini(&parser, OnCell, OnRecordEnd, this) != 0) {
      Stop(MakeError(next_row, ColumnAt(cells.size()), kMalformed,
                     "a quoted cell is not closed by the end of the file"));
    } else if (!stopped && !header_read) {
      Stop(MakeError(1, "", kMissingHeader,
                     "the file is empty: the first row must name the columns"));
    }
    finished = true;
  }

  std::unique_ptr<std::istream> owned;  // for OpenFile
  std::istream* in;
  std::string file_name;
  std::vector<std::string> allowed_columns;
  CsvReaderOptions options;
  csv_parser parser{};
  std::vector<char> chunk;
  int64_t bytes_read = 0;
  int64_t file_size = -1;
  bool at_start = true;   // the next chunk is the first
  bool stopped = false;   // a file error was found: nothing more is parsed
  bool finished = false;  // nothing more to read
  bool header_read = false;
  std::vector<std::string> columns;
  int64_t next_row = 1;            // spreadsheet row of the next record
  int previous_line_end = 0;       // byte that ended the previous line, 0 after a CRLF pair
  std::vector<std::string> cells;  // cells of the record being parsed
  size_t record_bytes = 0;         // their size, plus one per cell
  std::deque<Event> events;
};

CsvReader::CsvReader(std::istream& in, std::string file_name,
                     std::vector<std::string> allowed_columns, CsvReaderOptions options)
    : impl_(std::make_unique<Impl>(&in, nullptr, std::move(file_name), std::move(allowed_columns),
                                   options)) {
  // The size is what lies between the current position and the end, when the stream can seek.
  const std::istream::pos_type start = in.tellg();
  if (start != std::istream::pos_type(-1)) {
    in.seekg(0, std::ios::end);
    const std::istream::pos_type end = in.tellg();
    if (end != std::istream::pos_type(-1) && end >= start) {
      impl_->file_size = static_cast<int64_t>(end - start);
    }
    in.clear();
    in.seekg(start);
  }
}

CsvReader::CsvReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

std::unique_ptr<CsvReader> CsvReader::OpenFile(const std::string& path,
                                               std::vector<std::string> allowed_columns,
                                               CsvReaderOptions options) {
  namespace fs = std::filesystem;
  std::string name = fs::path(path).filename().string();
  if (name.empty()) name = path;
  auto file = std::make_unique<std::ifstream>();
  std::string open_error;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    open_error = "is a directory, not a file";
  } else {
    errno = 0;
    file->open(path, std::ios::in | std::ios::binary);
    if (!file->is_open()) {
      open_error = absl::StrCat("cannot open ", path, ": ",
                                errno != 0 ? std::strerror(errno) : "unknown error");
    }
  }
  std::istream* in = file.get();
  auto impl = std::make_unique<Impl>(in, std::move(file), std::move(name),
                                     std::move(allowed_columns), options);
  if (!open_error.empty()) {
    impl->Stop(impl->MakeError(0, "", kCannotOpen, std::move(open_error)));
  } else {
    const std::uintmax_t size = fs::file_size(path, ec);
    if (!ec) impl->file_size = static_cast<int64_t>(size);
  }
  return std::unique_ptr<CsvReader>(new CsvReader(std::move(impl)));
}

CsvReader::~CsvReader() = default;

CsvReader::Result CsvReader::Next(Row* row, CsvError* error) {
  Impl& impl = *impl_;
  while (impl.events.empty()) {
    if (impl.finished) return Result::kEnd;
    impl.ReadMore();
  }
  Impl::Event& event = impl.events.front();
  const Result kind = event.kind;
  if (kind == Result::kRow) {
    row->row_number = event.row;
    row->fields.resize(impl.columns.size());
    for (size_t i = 0; i < impl.columns.size(); ++i) {
      row->fields[i].first = impl.columns[i];  // assign: reuses the string's storage
      row->fields[i].second = std::move(event.cells[i]);
    }
  } else {
    *error = std::move(event.error);
  }
  impl.events.pop_front();
  return kind;
}

const std::vector<std::string>& CsvReader::columns() const { return impl_->columns; }
const std::string& CsvReader::file_name() const { return impl_->file_name; }
int64_t CsvReader::bytes_read() const { return impl_->bytes_read; }
int64_t CsvReader::file_size() const { return impl_->file_size; }

}  // namespace pif::csv
