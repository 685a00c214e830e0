// Streaming reader (and a small writer) of one CSV file of the interchange contract
// (shared/spec/case-data.md): RFC 4180 quoting, a header row naming the columns in any
// order, rows numbered as a spreadsheet shows them, and every problem reported as a value.
//
// Built on Debian's libcsv in strict mode. The rules, beyond RFC 4180's letter:
// - A UTF-8 byte order mark at the start is stripped. A UTF-16 file is refused (CSV_NOT_UTF8).
// - Records may end in CRLF, LF or CR; the last record may lack a line ending.
// - Spaces are part of a cell (RFC 4180): ` M ` is delivered as ` M `, not trimmed. A quoted
//   cell must therefore start and end the cell exactly: ` "M"` or `"M" ` is CSV_MALFORMED.
// - A blank line delivers no record but, like in a spreadsheet, uses up a row number, so the
//   numbers in errors match what the user sees when they open the file. (Blank lines at the
//   end of the file are therefore simply ignored.) A line break inside a quoted cell does not
//   start a new row.
// - Header problems (CSV_MISSING_HEADER, CSV_UNKNOWN_COLUMN, CSV_DUPLICATE_COLUMN,
//   CSV_EMPTY_COLUMN, CSV_NOT_UTF8 in a name) are file errors: every header problem is
//   reported, then reading stops.
// - A record whose cell count differs from the header's (CSV_CELL_COUNT) or that holds a cell
//   that is not valid UTF-8 (CSV_NOT_UTF8, naming the first bad column) is a row error:
//   reported with the row's raw cells, and reading goes on with the next record.
// - Malformed quoting (CSV_MALFORMED: a quote inside an unquoted cell, text after a closing
//   quote, a quoted cell not closed by the end of the file) stops reading, as does a record
//   larger than CsvReaderOptions::max_record_bytes (CSV_RECORD_TOO_LARGE, almost always a quote
//   that is never closed). After broken quoting the reader cannot know where the following
//   records start, and guessing could shift values into the wrong columns; the records before
//   it have been delivered and the error names the row to fix.
// - Memory stays flat however long the file: it is read in chunks, and at most one chunk's
//   records (plus one record of up to max_record_bytes) are held at a time.
#ifndef PIF_CSV_CSV_READER_H_
#define PIF_CSV_CSV_READER_H_

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace pif::csv {

// Stable rule codes of the reader's errors.
inline constexpr char kCannotOpen[] = "CSV_CANNOT_OPEN";            // file: missing, unreadable
inline constexpr char kReadError[] = "CSV_READ_ERROR";              // file: I/O error mid-file
inline constexpr char kMissingHeader[] = "CSV_MISSING_HEADER";      // file: no header row
inline constexpr char kUnknownColumn[] = "CSV_UNKNOWN_COLUMN";      // file: name not allowed
inline constexpr char kDuplicateColumn[] = "CSV_DUPLICATE_COLUMN";  // file: name twice
inline constexpr char kEmptyColumn[] = "CSV_EMPTY_COLUMN";          // file: column without name
inline constexpr char kMalformed[] = "CSV_MALFORMED";               // file, at a row: quoting
inline constexpr char kRecordTooLarge[] = "CSV_RECORD_TOO_LARGE";   // file, at a row
inline constexpr char kCellCount[] = "CSV_CELL_COUNT";              // row
inline constexpr char kNotUtf8[] = "CSV_NOT_UTF8";  // row (a cell), or file (header, UTF-16)

// One problem found while reading. `row` is the spreadsheet row (header = 1), 0 when the
// problem is not at a row (cannot open); `column` is the column's name, empty when the problem
// is not in one column.
struct CsvError {
  std::string file;
  int64_t row = 0;
  std::string column;
  std::string rule_code;
  std::string message;
  // For row errors: the record's cells as read, so a rejected row can be kept verbatim.
  std::vector<std::string> cells;

  // `children.csv row 17: column "sexx": unknown column [CSV_UNKNOWN_COLUMN]`; the row and
  // column parts are left out when absent. Control characters and bytes that are not UTF-8 in
  // the column name are escaped.
  std::string ToString() const;
};

// One record: its spreadsheet row number and (column name, raw cell text) for every column of
// the header, in header order. An empty cell is an empty string.
struct Row {
  int64_t row_number = 0;
  std::vector<std::pair<std::string, std::string>> fields;
};

struct CsvReaderOptions {
  // Bytes read from the input at a time (at least 4).
  size_t chunk_bytes = 64 * 1024;
  // Largest record accepted (cell bytes plus one per cell); a larger one is CSV_RECORD_TOO_LARGE.
  size_t max_record_bytes = 4 * 1024 * 1024;
};

// Pull reader of one CSV file:
//
//   auto reader = CsvReader::OpenFile(path, {"person_id", "dob", "sex"});
//   Row row;
//   CsvError error;
//   for (;;) {
//     switch (reader->Next(&row, &error)) {
//       case CsvReader::Result::kRow: ...; continue;
//       case CsvReader::Result::kRowError: ...; continue;   // the row is rejected
//       case CsvReader::Result::kFileError: ...; continue;  // no rows follow
//       case CsvReader::Result::kEnd: break;
//     }
//     break;
//   }
//
// Not thread-safe; one reader per file.
class CsvReader {
 public:
  enum class Result {
    kRow,        // *row holds the next record.
    kRowError,   // *error holds a problem with one record; reading goes on.
    kFileError,  // *error holds a problem that stops reading; more of them may follow.
    kEnd,        // Nothing more (returned again on every later call).
  };

  // Reads `in`, which must outlive the reader. `file_name` names the file in errors;
  // `allowed_columns` are the column names the header may use.
  CsvReader(std::istream& in, std::string file_name, std::vector<std::string> allowed_columns,
            CsvReaderOptions options = {});
  // Opens the file at `path` (named by its last path component in errors). A file that cannot
  // be opened is reported as CSV_CANNOT_OPEN by the first Next().
  static std::unique_ptr<CsvReader> OpenFile(const std::string& path,
                                             std::vector<std::string> allowed_columns,
                                             CsvReaderOptions options = {});
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // The next record or problem. `row` and `error` must not be null; only the one named by the
  // result is written (`row`'s storage is reused across calls).
  Result Next(Row* row, CsvError* error);

  // The header's column names, in file order; empty until the header has been read (by the
  // first Next()) or when it was rejected.
  const std::vector<std::string>& columns() const;
  const std::string& file_name() const;
  // Bytes taken from the input so far (including a byte order mark), for a progress bar.
  int64_t bytes_read() const;
  // Size of the input in bytes, or -1 when it cannot be known (a non-seekable stream).
  int64_t file_size() const;

 private:
  struct Impl;
  explicit CsvReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pif::csv

#endif  // PIF_CSV_CSV_READER_H_
