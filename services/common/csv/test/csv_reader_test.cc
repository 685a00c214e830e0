#include "pif/csv/csv_reader.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/csv/csv_writer.h"

namespace pif::csv {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

const std::vector<std::string> kChildColumns = {"person_id", "dob", "sex", "locality",
                                                "family_group_id"};

// Everything a reader returned, in order, up to and including nothing after kEnd.
struct Event {
  CsvReader::Result kind;
  Row row;
  CsvError error;
};

std::vector<Event> ReadAllFrom(CsvReader& reader) {
  std::vector<Event> events;
  for (;;) {
    Event event;
    event.kind = reader.Next(&event.row, &event.error);
    if (event.kind == CsvReader::Result::kEnd) break;
    events.push_back(std::move(event));
  }
  // The end is sticky.
  Row row;
  CsvError error;
  EXPECT_EQ(reader.Next(&row, &error), CsvReader::Result::kEnd);
  return events;
}

std::vector<Event> ReadAll(const std::string& text, CsvReaderOptions options = {},
                           const std::vector<std::string>& allowed = kChildColumns) {
  std::istringstream in(text);
  CsvReader reader(in, "children.csv", allowed, options);
  return ReadAllFrom(reader);
}

// Only the records, each as its cell values in header order (fails on any error).
std::vector<std::vector<std::string>> Values(const std::vector<Event>& events) {
  std::vector<std::vector<std::string>> out;
  for (const Event& event : events) {
    EXPECT_EQ(event.kind, CsvReader::Result::kRow) << event.error.ToString();
    std::vector<std::string> values;
    for (const auto& field : event.row.fields) values.push_back(field.second);
    out.push_back(values);
  }
  return out;
}

std::vector<int64_t> RowNumbers(const std::vector<Event>& events) {
  std::vector<int64_t> out;
  for (const Event& event : events) {
    out.push_back(event.kind == CsvReader::Result::kRow ? event.row.row_number : event.error.row);
  }
  return out;
}

// One line per event, to compare whole reads.
std::vector<std::string> Describe(const std::vector<Event>& events) {
  std::vector<std::string> out;
  for (const Event& event : events) {
    std::string line;
    if (event.kind == CsvReader::Result::kRow) {
      line = absl::StrCat("row ", event.row.row_number);
      for (const auto& [name, value] : event.row.fields)
        absl::StrAppend(&line, "|", name, "=", value);
    } else {
      line = absl::StrCat(event.kind == CsvReader::Result::kRowError ? "row error " : "file error ",
                          event.error.ToString());
      for (const std::string& cell : event.error.cells) absl::StrAppend(&line, "|", cell);
    }
    out.push_back(line);
  }
  return out;
}

TEST(CsvReaderTest, QuotedCellsKeepCommasDoubledQuotesAndLineBreaks) {
  const auto events = ReadAll(
      "person_id,locality,sex\r\n"
      "P1,\"Leith, Edinburgh\",M\r\n"
      "P2,\"the \"\"Shore\"\"\",F\r\n"
      "P3,\"line one\r\nline two\nline three\",X\r\n"
      "\"P4\",\"\",\"\"\"\"\r\n");
  ASSERT_EQ(events.size(), 4u);
  EXPECT_THAT(
      events[0].row.fields,
      ElementsAre(Pair("person_id", "P1"), Pair("locality", "Leith, Edinburgh"), Pair("sex", "M")));
  EXPECT_EQ(events[1].row.fields[1].second, "the \"Shore\"");
  EXPECT_EQ(events[2].row.fields[1].second, "line one\r\nline two\nline three");
  EXPECT_EQ(events[2].row.fields[2].second, "X");
  EXPECT_THAT(Values({events[3]}), ElementsAre(ElementsAre("P4", "", "\"")));
}

TEST(CsvReaderTest, RowNumbersCountRecordsNotPhysicalLines) {
  const auto events = ReadAll(
      "person_id,locality,sex\n"
      "P1,\"three\nphysical\nlines\",M\n"
      "P2,\"two\r\nlines\",F\n"
      "P3,Leith\n"  // a row error after the multi-line cells still names its spreadsheet row
      "P4,Leith,X\n");
  EXPECT_THAT(RowNumbers(events), ElementsAre(2, 3, 4, 5));
  EXPECT_EQ(events[2].kind, CsvReader::Result::kRowError);
  EXPECT_EQ(events[2].error.ToString(),
            "children.csv row 4: has 2 cells but the header names 3 columns [CSV_CELL_COUNT]");
  EXPECT_EQ(events[3].row.fields[0].second, "P4");
}

TEST(CsvReaderTest, StripsAUtf8ByteOrderMarkAtTheStart) {
  std::istringstream in("\xEF\xBB\xBFperson_id,sex\r\nP1,M\r\n");
  CsvReader reader(in, "children.csv", kChildColumns);
  const auto events = ReadAllFrom(reader);
  EXPECT_THAT(reader.columns(), ElementsAre("person_id", "sex"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_THAT(events[0].row.fields, ElementsAre(Pair("person_id", "P1"), Pair("sex", "M")));
  EXPECT_EQ(reader.bytes_read(), reader.file_size());
  EXPECT_EQ(reader.file_size(), 24);
}

TEST(CsvReaderTest, LfCrlfAndCrLineEndingsReadAlike) {
  const std::vector<std::string> lines = {"person_id,sex", "P1,M", "P2,F", "", "P3,X"};
  for (const std::string end : {"\n", "\r\n", "\r"}) {
    std::string text;
    for (const std::string& line : lines) text += line + end;
    const auto events = ReadAll(text);
    SCOPED_TRACE(absl::CHexEscape(end));
    EXPECT_THAT(Values(events), ElementsAre(ElementsAre("P1", "M"), ElementsAre("P2", "F"),
                                            ElementsAre("P3", "X")));
    EXPECT_THAT(RowNumbers(events), ElementsAre(2, 3, 5));
  }
}

TEST(CsvReaderTest, ReadsALastRecordWithoutALineEnd) {
  EXPECT_THAT(Values(ReadAll("person_id,sex\nP1,M\nP2,F")),
              ElementsAre(ElementsAre("P1", "M"), ElementsAre("P2", "F")));
  EXPECT_THAT(Values(ReadAll("person_id,sex\r\nP1,M\r\nP2,\"F\"")),
              ElementsAre(ElementsAre("P1", "M"), ElementsAre("P2", "F")));
  EXPECT_THAT(Values(ReadAll("person_id,sex\r\nP1,M\r\nP2,")),
              ElementsAre(ElementsAre("P1", "M"), ElementsAre("P2", "")));
}

TEST(CsvReaderTest, IgnoresBlankLinesAtTheEnd) {
  const auto events = ReadAll("person_id,sex\r\nP1,M\r\n\r\n\n\r\n");
  EXPECT_THAT(Describe(events), ElementsAre("row 2|person_id=P1|sex=M"));
}

TEST(CsvReaderTest, ABlankLineInsideDeliversNothingButUsesARowNumberLikeASpreadsheet) {
  const auto events = ReadAll("person_id,sex\r\nP1,M\r\n\r\nP2,F\r\n\nP3\n");
  EXPECT_THAT(Describe(events),
              ElementsAre("row 2|person_id=P1|sex=M", "row 4|person_id=P2|sex=F",
                          "row error children.csv row 6: has 1 cell but the header names 2 "
                          "columns [CSV_CELL_COUNT]|P3"));
}

TEST(CsvReaderTest, DeliversFieldsInHeaderOrderWhateverTheColumnOrder) {
  std::istringstream in("sex,family_group_id,person_id\nF,G7,P1\n");
  CsvReader reader(in, "children.csv", kChildColumns);
  const auto events = ReadAllFrom(reader);
  EXPECT_THAT(reader.columns(), ElementsAre("sex", "family_group_id", "person_id"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_THAT(events[0].row.fields, ElementsAre(Pair("sex", "F"), Pair("family_group_id", "G7"),
                                                Pair("person_id", "P1")));
}

TEST(CsvReaderTest, KeepsSpacesAndEveryEmptyCell) {
  const auto events = ReadAll("person_id,dob,sex,locality\n P1 ,,\tM\t,\"\"\n");
  EXPECT_THAT(Values(events), ElementsAre(ElementsAre(" P1 ", "", "\tM\t", "")));
}

TEST(CsvReaderTest, AnUnknownColumnStopsTheFileNamingRowOneAndTheColumn) {
  std::istringstream in("person_id,sexx\nP1,M\nP2,F\n");
  CsvReader reader(in, "children.csv", kChildColumns);
  const auto events = ReadAllFrom(reader);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, CsvReader::Result::kFileError);
  EXPECT_EQ(events[0].error.file, "children.csv");
  EXPECT_EQ(events[0].error.row, 1);
  EXPECT_EQ(events[0].error.column, "sexx");
  EXPECT_EQ(events[0].error.rule_code, kUnknownColumn);
  EXPECT_EQ(events[0].error.ToString(),
            "children.csv row 1: column \"sexx\": unknown column [CSV_UNKNOWN_COLUMN]");
  EXPECT_TRUE(reader.columns().empty());
}

TEST(CsvReaderTest, ADuplicateColumnIsAFileError) {
  const auto events = ReadAll("person_id,sex,person_id\nP1,M,P1\n");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, CsvReader::Result::kFileError);
  EXPECT_EQ(events[0].error.ToString(),
            "children.csv row 1: column \"person_id\": column appears more than once in the "
            "header [CSV_DUPLICATE_COLUMN]");
}

TEST(CsvReaderTest, AColumnWithoutANameIsAFileErrorGivingItsPosition) {
  auto events = ReadAll("person_id,,sex\nP1,x,M\n");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, CsvReader::Result::kFileError);
  EXPECT_EQ(events[0].error.rule_code, kEmptyColumn);
  EXPECT_EQ(events[0].error.ToString(),
            "children.csv row 1: column 2 of the header has no name [CSV_EMPTY_COLUMN]");
  // A trailing comma in the header makes a nameless last column.
  events = ReadAll("person_id,sex,\nP1,M,\n");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_THAT(events[0].error.message, HasSubstr("column 3 "));
}

TEST(CsvReaderTest, ReportsEveryHeaderProblemThenStops) {
  const auto events = ReadAll("sexx,person_id,person_id,,dobb,person_id\nP1,M,F,x,y,z\n");
  std::vector<std::string> found;
  for (const Event& event : events) {
    EXPECT_EQ(event.kind, CsvReader::Result::kFileError);
    found.push_back(event.error.rule_code + " " + event.error.column);
  }
  EXPECT_THAT(found, ElementsAre("CSV_UNKNOWN_COLUMN sexx", "CSV_DUPLICATE_COLUMN person_id",
                                 "CSV_EMPTY_COLUMN ", "CSV_UNKNOWN_COLUMN dobb"));
}

TEST(CsvReaderTest, AnEmptyFileHasNoHeader) {
  for (const std::string text : {"", "\xEF\xBB\xBF", "\r\n\r\n", "\n"}) {
    const auto events = ReadAll(text);
    SCOPED_TRACE(absl::CHexEscape(text));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].kind, CsvReader::Result::kFileError);
    EXPECT_EQ(events[0].error.ToString(),
              "children.csv row 1: the file is empty: the first row must name the columns "
              "[CSV_MISSING_HEADER]");
  }
}

TEST(CsvReaderTest, AHeaderWithoutRecordsEndsCleanly) {
  std::istringstream in("person_id,sex\r\n");
  CsvReader reader(in, "children.csv", kChildColumns);
  EXPECT_TRUE(ReadAllFrom(reader).empty());
  EXPECT_THAT(reader.columns(), ElementsAre("person_id", "sex"));
}

TEST(CsvReaderTest, RowsWithTooFewOrTooManyCellsAreRejectedAndReadingGoesOn) {
  const auto events = ReadAll(
      "person_id,sex,dob\n"
      "P1,M\n"
      "P2,F,2010-01-01,extra\n"
      "P3,X,\n");
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].kind, CsvReader::Result::kRowError);
  EXPECT_EQ(events[0].error.rule_code, kCellCount);
  EXPECT_EQ(events[0].error.ToString(),
            "children.csv row 2: has 2 cells but the header names 3 columns [CSV_CELL_COUNT]");
  EXPECT_THAT(events[0].error.cells, ElementsAre("P1", "M"));
  EXPECT_EQ(events[1].kind, CsvReader::Result::kRowError);
  EXPECT_EQ(events[1].error.ToString(),
            "children.csv row 3: has 4 cells but the header names 3 columns [CSV_CELL_COUNT]");
  EXPECT_THAT(events[1].error.cells, ElementsAre("P2", "F", "2010-01-01", "extra"));
  EXPECT_EQ(events[2].kind, CsvReader::Result::kRow);
  EXPECT_EQ(events[2].row.row_number, 4);
  EXPECT_THAT(events[2].row.fields,
              ElementsAre(Pair("person_id", "P3"), Pair("sex", "X"), Pair("dob", "")));
}

TEST(CsvReaderTest, AQuotedCellNotClosedByTheEndIsMalformedAtItsRow) {
  const auto events = ReadAll("person_id,locality\nP1,Leith\nP2,\"Leith\nP3,Portobello\n");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].row.fields[1].second, "Leith");
  EXPECT_EQ(events[1].kind, CsvReader::Result::kFileError);
  EXPECT_EQ(events[1].error.ToString(),
            "children.csv row 3: column \"locality\": a quoted cell is not closed by the end of "
            "the file [CSV_MALFORMED]");
}

TEST(CsvReaderTest, MalformedQuotingStopsReadingAtItsRowAndColumn) {
  struct Case {
    std::string record;
    std::string message_part;
  };
  const Case cases[] = {
      {"P2,Le\"ith", "a quote inside a cell that does not start with a quote"},
      {"P2,\"Leith\"x", "must be doubled"},
      {"P2,\"Leith\" ", "must be doubled"},  // spaces are data: nothing may follow the quote
      {"P2, \"Leith\"", "a quote inside a cell that does not start with a quote"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.record);
    const auto events =
        ReadAll("person_id,locality\nP1,\"Leith,\nNorth\"\n" + c.record + "\nP3,Portobello\n");
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].kind, CsvReader::Result::kRow);
    EXPECT_EQ(events[0].row.fields[1].second, "Leith,\nNorth");
    EXPECT_EQ(events[1].kind, CsvReader::Result::kFileError);
    EXPECT_EQ(events[1].error.rule_code, kMalformed);
    EXPECT_EQ(events[1].error.row, 3);
    EXPECT_EQ(events[1].error.column, "locality");
    EXPECT_THAT(events[1].error.message, HasSubstr(c.message_part));
    EXPECT_THAT(events[1].error.message, HasSubstr("the rest of the file was not read"));
  }
}

TEST(CsvReaderTest, ACellThatIsNotUtf8RejectsItsRowNamingTheColumn) {
  const auto events = ReadAll(
      "person_id,locality,sex\n"
      "P1,Leith\xFF,M\n"
      "P2,Caf\xC3\xA9,F\n");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, CsvReader::Result::kRowError);
  EXPECT_EQ(events[0].error.ToString(),
            "children.csv row 2: column \"locality\": is not valid UTF-8 text [CSV_NOT_UTF8]");
  EXPECT_THAT(events[0].error.cells, ElementsAre("P1", "Leith\xFF", "M"));
  EXPECT_EQ(events[1].kind, CsvReader::Result::kRow);
  EXPECT_EQ(events[1].row.fields[1].second, "Caf\xC3\xA9");
}

TEST(CsvReaderTest, AcceptsOnlyWellFormedUtf8) {
  struct Case {
    std::string text;
    bool valid;
  };
  const Case cases[] = {
      {"\xE2\x82\xAC", true},           // euro sign
      {"\xF0\x9F\x98\x80", true},       // emoji, 4 bytes
      {"\xF4\x8F\xBF\xBF", true},       // U+10FFFF
      {"\xEF\xBB\xBF", true},           // U+FEFF inside a cell is text, not a mark to strip
      {"\x80", false},                  // lone continuation byte
      {"\xC0\xAF", false},              // overlong '/'
      {"\xE0\x80\xAF", false},          // overlong, 3 bytes
      {"\xED\xA0\x80", false},          // UTF-16 surrogate
      {"\xF4\x90\x80\x80", false},      // past U+10FFFF
      {"\xE2\x82", false},              // cut short
      {"\xE2\x82x", false},             // continuation missing
      {"\xF8\x88\x80\x80\x80", false},  // 5-byte form
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::CHexEscape(c.text));
    const auto events = ReadAll("person_id,locality\nP1,a" + c.text + "b\n");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].kind, c.valid ? CsvReader::Result::kRow : CsvReader::Result::kRowError);
  }
}

TEST(CsvReaderTest, AHeaderNameThatIsNotUtf8IsAFileErrorShownEscaped) {
  const auto events = ReadAll("person_id,s\xFFx\nP1,M\n");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, CsvReader::Result::kFileError);
  EXPECT_EQ(events[0].error.ToString(),
            "children.csv row 1: column \"s\\xffx\": column name is not valid UTF-8 text "
            "[CSV_NOT_UTF8]");
}

TEST(CsvReaderTest, RefusesAUtf16File) {
  const auto events = ReadAll(std::string("\xFF\xFEp\0e\0r\0", 8));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, CsvReader::Result::kFileError);
  EXPECT_EQ(events[0].error.rule_code, kNotUtf8);
  EXPECT_THAT(events[0].error.message, HasSubstr("UTF-16"));
}

TEST(CsvReaderTest, ReadsAFileLargerThanAChunkWithACellAcrossTheChunkBoundary) {
  const size_t kChunk = CsvReaderOptions{}.chunk_bytes;
  std::string text = "person_id,locality\r\n";
  int next = 0;
  while (text.size() < kChunk - 40) text += absl::StrCat("P", next++, ",plain\r\n");
  const std::string spanning = absl::StrCat("across \"the\"\r\nboundary, ", std::string(80, 'x'));
  const size_t cell_start = text.size() + absl::StrCat("P", next, ",").size();
  text += absl::StrCat("P", next++, ",\"across \"\"the\"\"\r\nboundary, ", std::string(80, 'x'),
                       "\"\r\n");
  const size_t cell_end = text.size() - 2;
  ASSERT_LT(cell_start, kChunk);
  ASSERT_GT(cell_end, kChunk);
  const int spanning_index = next - 1;
  while (text.size() < 3 * kChunk + 100) text += absl::StrCat("P", next++, ",plain\r\n");

  const std::string path = testing::TempDir() + "/csv_reader_test_children.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  auto reader = CsvReader::OpenFile(path, kChildColumns);
  EXPECT_EQ(reader->file_name(), "csv_reader_test_children.csv");
  EXPECT_EQ(reader->file_size(), static_cast<int64_t>(text.size()));
  const auto events = ReadAllFrom(*reader);
  std::remove(path.c_str());
  EXPECT_EQ(reader->bytes_read(), static_cast<int64_t>(text.size()));
  ASSERT_EQ(events.size(), static_cast<size_t>(next));
  for (int i = 0; i < next; ++i) {
    ASSERT_EQ(events[i].kind, CsvReader::Result::kRow) << events[i].error.ToString();
    EXPECT_EQ(events[i].row.row_number, i + 2);
    EXPECT_EQ(events[i].row.fields[0].second, absl::StrCat("P", i));
    EXPECT_EQ(events[i].row.fields[1].second, i == spanning_index ? spanning : "plain");
  }
}

TEST(CsvReaderTest, GivesTheSameResultWhateverTheChunkSize) {
  // Byte order mark, CRLF pairs, quotes, multi-line cells, blank lines, row errors: with a tiny
  // chunk every one of them is cut somewhere.
  const std::string text =
      "\xEF\xBB\xBF"
      "person_id,locality,sex\r\n"
      "P1,\"Leith, \"\"North\"\"\r\nEdinburgh\",M\r\n"
      "\r\n"
      "P2,,F\r\n"
      "P3,Caf\xC3\xA9\xFF,X\r\n"
      "P4,too,many,cells\r\n"
      "\"P5\",\"\",\"\"\"\"\r\n"
      "P6,\"end\",";
  const auto expected = Describe(ReadAll(text));
  ASSERT_EQ(expected.size(), 6u);
  EXPECT_EQ(expected[0], "row 2|person_id=P1|locality=Leith, \"North\"\r\nEdinburgh|sex=M");
  EXPECT_EQ(expected[1], "row 4|person_id=P2|locality=|sex=F");
  EXPECT_EQ(expected[5], "row 8|person_id=P6|locality=end|sex=");
  for (size_t chunk : {1, 4, 5, 7, 16, 64}) {
    SCOPED_TRACE(chunk);
    CsvReaderOptions options;
    options.chunk_bytes = chunk;
    EXPECT_EQ(Describe(ReadAll(text, options)), expected);
  }
}

TEST(CsvReaderTest, ARecordLargerThanTheLimitStopsReading) {
  // A quote that is never closed would otherwise swallow the rest of a large file.
  std::string text = "person_id,locality\nP1,Leith\nP2,\"unclosed\n";
  for (int i = 3; i < 2000; ++i) text += absl::StrCat("P", i, ",Leith\n");
  CsvReaderOptions options;
  options.chunk_bytes = 256;
  options.max_record_bytes = 1000;
  std::istringstream in(text);
  CsvReader reader(in, "children.csv", kChildColumns, options);
  const auto events = ReadAllFrom(reader);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].row.fields[0].second, "P1");
  EXPECT_EQ(events[1].kind, CsvReader::Result::kFileError);
  EXPECT_EQ(events[1].error.rule_code, kRecordTooLarge);
  EXPECT_EQ(events[1].error.row, 3);
  EXPECT_LE(reader.bytes_read(), 1000 + 256 + 64);  // it stopped reading early
}

TEST(CsvReaderTest, AFileThatCannotBeOpenedIsAFileErrorWithoutARow) {
  auto reader = CsvReader::OpenFile("/nonexistent-pif-dir/children.csv", kChildColumns);
  const auto events = ReadAllFrom(*reader);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, CsvReader::Result::kFileError);
  EXPECT_EQ(events[0].error.rule_code, kCannotOpen);
  EXPECT_EQ(events[0].error.row, 0);
  EXPECT_EQ(events[0].error.ToString(),
            "children.csv: cannot open /nonexistent-pif-dir/children.csv: No such file or "
            "directory [CSV_CANNOT_OPEN]");
  EXPECT_EQ(reader->bytes_read(), 0);

  auto directory = CsvReader::OpenFile(testing::TempDir(), kChildColumns);
  const auto directory_events = ReadAllFrom(*directory);
  ASSERT_EQ(directory_events.size(), 1u);
  EXPECT_EQ(directory_events[0].error.rule_code, kCannotOpen);
}

TEST(CsvReaderTest, CountsBytesForAProgressBar) {
  std::string text = "person_id,sex\n";
  for (int i = 0; i < 100; ++i) text += absl::StrCat("P", i, ",M\n");
  CsvReaderOptions options;
  options.chunk_bytes = 100;
  std::istringstream in(text);
  CsvReader reader(in, "children.csv", kChildColumns, options);
  EXPECT_EQ(reader.file_size(), static_cast<int64_t>(text.size()));
  EXPECT_EQ(reader.bytes_read(), 0);
  Row row;
  CsvError error;
  ASSERT_EQ(reader.Next(&row, &error), CsvReader::Result::kRow);
  EXPECT_EQ(reader.bytes_read(), 100);  // one chunk, not the whole file
  int64_t previous = reader.bytes_read();
  while (reader.Next(&row, &error) == CsvReader::Result::kRow) {
    EXPECT_GE(reader.bytes_read(), previous);
    previous = reader.bytes_read();
  }
  EXPECT_EQ(reader.bytes_read(), static_cast<int64_t>(text.size()));
}

TEST(CsvErrorTest, LeavesOutTheRowAndColumnWhenAbsent) {
  CsvError error;
  error.file = "placements.csv";
  error.rule_code = "CSV_READ_ERROR";
  error.message = "the file could not be read to its end";
  EXPECT_EQ(error.ToString(),
            "placements.csv: the file could not be read to its end [CSV_READ_ERROR]");
  error.row = 17;
  error.column = "end\ndate\"";
  EXPECT_EQ(error.ToString(),
            "placements.csv row 17: column \"end\\ndate\\\"\": the file could not be read to its "
            "end [CSV_READ_ERROR]");
}

TEST(WriteCsvRowTest, WhatItWritesReadsBackIdentical) {
  const std::vector<std::string> header = {"person_id", "locality", "sex", "dob",
                                           "family_group_id"};
  const std::vector<std::vector<std::string>> rows = {
      {"P1", "Leith, Edinburgh", "M", "", ""},
      {"P2", "the \"Shore\"", "\"", "\"\"", "\"start"},
      {"P3", "line one\r\nline two\nline three\rfour", "X", "end\"", ","},
      {"P4", "  spaced  ", "\t", " ", ""},
      {"", "", "", "", ""},
      {"P6", "Caf\xC3\xA9 \xF0\x9F\x98\x80", "NK", "2010-01-01", "G1"},
      {"P7", std::string("nul\0byte", 8), "\r\n", "\n", "\r"},
  };
  std::ostringstream out;
  WriteCsvRow(out, header);
  for (const auto& row : rows) WriteCsvRow(out, row);
  const auto events = ReadAll(out.str());
  EXPECT_EQ(Values(events), rows);
  EXPECT_THAT(RowNumbers(events), ElementsAre(2, 3, 4, 5, 6, 7, 8));

  // A single column, where an empty value must not turn into a blank line.
  std::ostringstream single;
  WriteCsvRow(single, {"person_id"});
  WriteCsvRow(single, {""});
  WriteCsvRow(single, {"P1"});
  EXPECT_THAT(Values(ReadAll(single.str())), ElementsAre(ElementsAre(""), ElementsAre("P1")));
}

}  // namespace
}  // namespace pif::csv
