#include "pif/submission/validate.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace pif::submission {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// One column of every kind, with the bounds and limits of the contracts.
const RecordSchema& TestType() {
  static const RecordSchema* const type = [] {
    auto* t = new RecordSchema{"Placement", "placements.csv", "placements", {}, {"placement_id"}};
    Column id{"placement_id", ColumnKind::kText, true};
    Column start_date{"start_date", ColumnKind::kDate, true};
    Column end_date{"end_date", ColumnKind::kDate};
    Column code{"type",
                ColumnKind::kCode,
                true,
                {"HOME", "KIN", "FOST_LA", "FOST_PURCH", "PROSP_ADOPT", "OTH_COMM", "RES_LA",
                 "RES_VOL", "RES_SCHOOL", "SECURE", "CRISIS", "OTH_RES"}};
    Column flag{"short_break", ColumnKind::kCode, false, {"Y", "N"}};
    Column start{"start", ColumnKind::kDateTime};
    Column end{"end", ColumnKind::kDateTime};
    Column month{"month", ColumnKind::kYearMonth};
    Column scqf{"leaver_scqf", ColumnKind::kInteger};
    scqf.min = 0;
    scqf.max = 12;
    Column count{"count", ColumnKind::kInteger};
    Column fte{"fte", ColumnKind::kDecimal};
    fte.min = 0;
    fte.max = 1;
    fte.min_exclusive = true;
    Column days{"fte_days_lost", ColumnKind::kDecimal};
    days.min = 0;
    Column ratio{"ratio", ColumnKind::kDecimal};
    ratio.min = 0.1;
    ratio.max = 2.5;
    Column locality{"locality", ColumnKind::kText};
    locality.max_length = kFreeTextMaxLength;
    Column carer{"carer_id", ColumnKind::kText};
    t->columns = {id,   start_date, end_date, code, flag,  start,    end,  month,
                  scqf, count,      fte,      days, ratio, locality, carer};
    t->order_rules = {{"start_date", "end_date", "PLACEMENT_END_BEFORE_START"},
                      {"start", "end", "INCIDENT_END_BEFORE_START"}};
    return t;
  }();
  return *type;
}

// A valid record of TestType with `column` set to `value` (nullopt: not recorded).
FlatRecord With(const std::string& column, std::optional<std::string> value) {
  FlatRecord record{&TestType(), {}};
  record.Set("placement_id", "PL1");
  record.Set("start_date", "2023-02-01");
  record.Set("type", "HOME");
  EXPECT_TRUE(record.Set(column, std::move(value))) << column;
  return record;
}

struct Case {
  const char* rule;  // what the case shows
  std::string column;
  std::optional<std::string> value;
  std::string rule_code;  // empty: valid
  std::string message;    // checked when not empty
};

std::vector<Case> Cases() {
  const std::string c201(201, 'c');
  return {
      // Required fields.
      {"required id missing", "placement_id", std::nullopt, kRequiredFieldMissing,
       "placement_id is required and was not given"},
      {"required id empty is missing", "placement_id", "", kRequiredFieldMissing, ""},
      {"required date missing", "start_date", std::nullopt, kRequiredFieldMissing,
       "start_date is required and was not given"},
      {"required code missing", "type", std::nullopt, kRequiredFieldMissing, ""},
      {"optional missing", "end_date", std::nullopt, "", ""},
      // Codes: closed, exact, case-sensitive.
      {"known code", "type", "FOST_LA", "", ""},
      {"unknown code", "type", "FOSTER", kUnknownCode,
       "type \"FOSTER\" is not one of HOME, KIN, FOST_LA, FOST_PURCH, PROSP_ADOPT, OTH_COMM, "
       "RES_LA, RES_VOL, RES_SCHOOL, SECURE, CRISIS, OTH_RES"},
      {"code in lower case", "type", "fost_la", kUnknownCode,
       "type \"fost_la\" is not one of HOME, KIN, FOST_LA, FOST_PURCH, PROSP_ADOPT, OTH_COMM, "
       "RES_LA, RES_VOL, RES_SCHOOL, SECURE, CRISIS, OTH_RES (codes are case-sensitive: "
       "FOST_LA)"},
      {"code with spaces", "type", " KIN ", kUnknownCode,
       "type \" KIN \" is not one of HOME, KIN, FOST_LA, FOST_PURCH, PROSP_ADOPT, OTH_COMM, "
       "RES_LA, RES_VOL, RES_SCHOOL, SECURE, CRISIS, OTH_RES (a code has no spaces around it)"},
      {"flag Y", "short_break", "Y", "", ""},
      {"flag N", "short_break", "N", "", ""},
      {"flag in lower case", "short_break", "y", kUnknownCode,
       "short_break \"y\" is not one of Y, N (codes are case-sensitive: Y)"},
      {"flag as a word", "short_break", "Yes", kUnknownCode,
       "short_break \"Yes\" is not one of Y, N"},
      // Dates: strict YYYY-MM-DD, calendar dates, years 1900-2100.
      {"leap day in a leap year", "end_date", "2024-02-29", "", ""},
      {"leap day in a common year", "end_date", "2023-02-29", kMalformedDate,
       "end_date \"2023-02-29\" is not a calendar date"},
      {"30 February", "end_date", "2023-02-30", kMalformedDate,
       "end_date \"2023-02-30\" is not a calendar date"},
      {"month 13", "end_date", "2023-13-01", kMalformedDate, ""},
      {"no zero padding", "end_date", "2023-2-1", kMalformedDate,
       "end_date \"2023-2-1\" is not a date in the form YYYY-MM-DD"},
      {"day first", "end_date", "01/02/2023", kMalformedDate, ""},
      {"date with a space", "end_date", "2023-02-01 ", kMalformedDate, ""},
      {"date with a time", "end_date", "2023-02-01T00:00", kMalformedDate, ""},
      {"first year", "start_date", "1900-01-01", "", ""},
      {"last year", "start_date", "2100-12-31", "", ""},
      {"year before 1900", "start_date", "1899-12-31", kMalformedDate,
       "start_date \"1899-12-31\" is outside the years 1900-2100"},
      {"year after 2100", "end_date", "2101-01-01", kMalformedDate, ""},
      // Date-times: YYYY-MM-DDTHH:MM[:SS].
      {"midnight without seconds", "start", "2023-03-26T00:00", "", ""},
      {"last second of a day", "start", "2023-03-26T23:59:59", "", ""},
      {"hour 24", "start", "2023-03-26T24:00", kMalformedDateTime,
       "start \"2023-03-26T24:00\" is not a time of day (hour 00-23, minute 00-59, second "
       "00-59)"},
      {"second 60", "start", "2023-03-26T10:00:60", kMalformedDateTime, ""},
      {"space instead of T", "start", "2023-03-26 10:00", kMalformedDateTime,
       "start \"2023-03-26 10:00\" is not a date-time in the form YYYY-MM-DDTHH:MM[:SS]"},
      {"offset", "start", "2023-03-26T10:00Z", kMalformedDateTime, ""},
      {"fraction", "start", "2023-03-26T10:00:00.5", kMalformedDateTime, ""},
      {"date-time on 30 February", "start", "2023-02-30T10:00", kMalformedDateTime, ""},
      {"date only", "start", "2023-03-26", kMalformedDateTime, ""},
      // Months: YYYY-MM.
      {"month", "month", "2024-02", "", ""},
      {"month 13 of a year", "month", "2024-13", kMalformedMonth, ""},
      {"month without padding", "month", "2024-2", kMalformedMonth,
       "month \"2024-2\" is not a month in the form YYYY-MM"},
      {"month as a date", "month", "2024-02-01", kMalformedMonth, ""},
      // Integers.
      {"integer lowest", "leaver_scqf", "0", "", ""},
      {"integer highest", "leaver_scqf", "12", "", ""},
      {"integer above", "leaver_scqf", "13", kOutOfRange,
       "leaver_scqf \"13\" is out of range: must be from 0 to 12"},
      {"integer below", "leaver_scqf", "-1", kOutOfRange,
       "leaver_scqf \"-1\" is out of range: must be from 0 to 12"},
      {"integer with a point", "leaver_scqf", "1.5", kMalformedNumber,
       "leaver_scqf \"1.5\" is not a whole number (digits, optionally after '-')"},
      {"integer written 5.0", "leaver_scqf", "5.0", kMalformedNumber, ""},
      {"integer with plus", "leaver_scqf", "+3", kMalformedNumber, ""},
      {"integer with a space", "leaver_scqf", "3 ", kMalformedNumber, ""},
      {"integer with exponent", "leaver_scqf", "1e1", kMalformedNumber, ""},
      {"integer as a word", "leaver_scqf", "three", kMalformedNumber, ""},
      {"lone minus", "leaver_scqf", "-", kMalformedNumber, ""},
      {"negative integer without bounds", "count", "-15", "", ""},
      {"largest 32-bit integer", "count", "2147483647", "", ""},
      {"smallest 32-bit integer", "count", "-2147483648", "", ""},
      {"integer beyond 32 bits", "count", "2147483648", kOutOfRange,
       "count \"2147483648\" is out of range: must be from -2147483648 to 2147483647"},
      {"integer beyond 64 bits", "count", "99999999999999999999999", kOutOfRange, ""},
      // Decimals.
      {"decimal at an inclusive max", "fte", "1", "", ""},
      {"decimal inside", "fte", "0.5", "", ""},
      {"decimal just above an exclusive min", "fte", "0.0001", "", ""},
      {"decimal at an exclusive min", "fte", "0", kOutOfRange,
       "fte \"0\" is out of range: must be more than 0 and at most 1"},
      {"decimal zero written long", "fte", "0.000", kOutOfRange, ""},
      {"decimal a hair above max", "fte", "1.0000000000000000000001", kOutOfRange, ""},
      {"negative decimal", "fte", "-0.5", kOutOfRange, ""},
      {"decimal with exponent", "fte", "1e-3", kMalformedNumber,
       "fte \"1e-3\" is not a decimal number (digits with at most one '.', optionally after "
       "'-'; no exponent)"},
      {"decimal without whole digits", "fte", ".5", kMalformedNumber, ""},
      {"decimal without fraction digits", "fte", "5.", kMalformedNumber, ""},
      {"decimal comma", "fte", "0,5", kMalformedNumber, ""},
      {"two points", "fte", "0.5.1", kMalformedNumber, ""},
      {"decimal with plus", "fte", "+0.5", kMalformedNumber, ""},
      {"decimal with a space", "fte", " 0.5", kMalformedNumber, ""},
      {"decimal not a number", "fte", "NaN", kMalformedNumber, ""},
      {"decimal at an inclusive min", "fte_days_lost", "0", "", ""},
      {"decimal below an inclusive min", "fte_days_lost", "-0.01", kOutOfRange,
       "fte_days_lost \"-0.01\" is out of range: must be at least 0"},
      {"large decimal without max", "fte_days_lost", "123456789012345678901234567890.5", "", ""},
      {"decimal at a fractional min", "ratio", "0.1", "", ""},
      {"decimal below a fractional min", "ratio", "0.0999999999999999", kOutOfRange,
       "ratio \"0.0999999999999999\" is out of range: must be from 0.1 to 2.5"},
      {"decimal at a fractional max", "ratio", "2.5", "", ""},
      {"decimal above a fractional max", "ratio", "2.5000000000000001", kOutOfRange, ""},
      // Text: UTF-8, no NUL, length in characters.
      {"id at its limit", "carer_id", std::string(200, 'c'), "", ""},
      {"id over its limit", "carer_id", c201, kTooLong,
       "carer_id \"cccccccccccccccccccccccccccccccccccccccc...\" is 201 characters long; at most "
       "200 are allowed"},
      {"free text at its limit", "locality", std::string(2000, 'l'), "", ""},
      {"free text over its limit", "locality", std::string(2001, 'l'), kTooLong, ""},
      {"limit counts characters not bytes", "carer_id",
       [] {
         std::string s;
         for (int i = 0; i < 200; ++i) s += "\xC3\xA9";
         return s;
       }(),
       "", ""},
      {"text with spaces kept", "locality", "  Leith  ", "", ""},
      {"text in another script", "locality", "\xE0\xA4\xA6\xE0\xA4\xBF\xE0\xA4\xB2", "", ""},
      {"NUL byte", "locality", std::string("Lei\0th", 6), kMalformedText,
       "locality \"Lei\\x00th\" contains a NUL character"},
      {"stray byte", "locality", "Le\xFFith", kMalformedText,
       "locality \"Le\\xFFith\" is not UTF-8 text"},
      {"overlong slash", "locality", "\xC0\xAF", kMalformedText, ""},
      {"surrogate", "locality", "\xED\xA0\x80", kMalformedText, ""},
      {"truncated sequence", "locality", "\xE2\x82", kMalformedText, ""},
      {"above U+10FFFF", "locality", "\xF4\x90\x80\x80", kMalformedText, ""},
      {"NUL in a code", "type", std::string("HOME\0", 5), kMalformedText, ""},
      {"control characters are escaped", "type", "A\"B\\C\n", kUnknownCode,
       "type \"A\\\"B\\\\C\\x0A\" is not one of HOME, KIN, FOST_LA, FOST_PURCH, PROSP_ADOPT, "
       "OTH_COMM, RES_LA, RES_VOL, RES_SCHOOL, SECURE, CRISIS, OTH_RES"},
      // Order: an end before its start.
      {"end before start", "end_date", "2023-01-04", "PLACEMENT_END_BEFORE_START",
       "end_date 2023-01-04 is before start_date 2023-02-01"},
      {"end on its start", "end_date", "2023-02-01", "", ""},
      {"end after start", "end_date", "2023-02-02", "", ""},
      {"malformed end is not compared", "end_date", "2023-01-32", kMalformedDate, ""},
  };
}

TEST(ValidateRecordTest, AppliesEachRule) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.rule);
    FlatRecord record = With(c.column, c.value);
    const std::vector<FieldViolation> violations = ValidateRecord(record);
    if (c.rule_code.empty()) {
      EXPECT_THAT(violations, IsEmpty());
      continue;
    }
    ASSERT_EQ(violations.size(), 1u);
    EXPECT_EQ(violations[0].field, c.column);
    EXPECT_EQ(violations[0].rule_code, c.rule_code);
    if (!c.message.empty()) {
      EXPECT_EQ(violations[0].message, c.message);
    }
  }
}

TEST(ValidateRecordTest, MessagesAreAlwaysUtf8AndShort) {
  FlatRecord record = With("type", std::string(5000, '\xFF'));
  const std::vector<FieldViolation> violations = ValidateRecord(record);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rule_code, kMalformedText);
  EXPECT_LT(violations[0].message.size(), 200u);
  for (char c : violations[0].message) EXPECT_LT(static_cast<unsigned char>(c), 0x80u);
}

// Whether `text` is well-formed UTF-8 (as a proto3 string field must be).
bool IsUtf8(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t n = b < 0x80                   ? 1
                    : (b >= 0xC2 && b <= 0xDF) ? 2
                    : (b >= 0xE0 && b <= 0xEF) ? 3
                    : (b >= 0xF0 && b <= 0xF4) ? 4
                                               : 0;
    if (n == 0 || i + n > text.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

TEST(ValidateRecordTest, RandomBytesInAnyColumnGiveUtf8FieldsAndMessages) {
  std::uint32_t state = 12345;
  const auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 24;
  };
  static const char kAlphabet[] = "0123456789-.:T+eE ABCHOMEYN\"\\\x00\xC3\xA9\xFF\xED\xA0";
  const std::string alphabet(kAlphabet, sizeof kAlphabet - 1);
  for (const Column& column : TestType().columns) {
    for (int round = 0; round < 500; ++round) {
      std::string value;
      const std::uint32_t length = next() % 24;
      for (std::uint32_t k = 0; k < length; ++k) {
        value += round % 2 == 0 ? alphabet[next() % alphabet.size()] : static_cast<char>(next());
      }
      FlatRecord record = With(column.name, value);
      for (const FieldViolation& v : ValidateRecord(record)) {
        EXPECT_TRUE(IsUtf8(v.field)) << column.name;
        EXPECT_TRUE(IsUtf8(v.message)) << column.name;
        EXPECT_FALSE(v.rule_code.empty());
      }
    }
  }
}

TEST(ValidateRecordTest, AStartMissingOrMalformedSkipsTheOrderRule) {
  FlatRecord missing = With("start_date", std::nullopt);
  missing.Set("end_date", "2000-01-01");
  const std::vector<FieldViolation> a = ValidateRecord(missing);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].rule_code, kRequiredFieldMissing);

  FlatRecord malformed = With("start_date", "2023-02-31");
  malformed.Set("end_date", "2000-01-01");
  const std::vector<FieldViolation> b = ValidateRecord(malformed);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].rule_code, kMalformedDate);
}

TEST(ValidateRecordTest, ComparesDateTimesInCanonicalForm) {
  FlatRecord record = With("start", "2023-03-26T10:00");
  record.Set("end", "2023-03-26T09:59:59");
  const std::vector<FieldViolation> violations = ValidateRecord(record);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "end");
  EXPECT_EQ(violations[0].rule_code, "INCIDENT_END_BEFORE_START");
  EXPECT_EQ(violations[0].message, "end 2023-03-26T09:59:59 is before start 2023-03-26T10:00:00");

  FlatRecord same = With("start", "2023-03-26T10:00");
  same.Set("end", "2023-03-26T10:00:00");
  EXPECT_THAT(ValidateRecord(same), IsEmpty());
}

TEST(ValidateRecordTest, CollectsEveryViolationOfARecordInColumnOrder) {
  FlatRecord record{&TestType(), {}};
  record.Set("start_date", "2023-02-30");
  record.Set("type", "FOSTER");
  record.Set("leaver_scqf", "13");
  record.Set("fte", "0");
  record.Set("start", "2023-03-26T10:00");
  record.Set("end", "2023-03-26T09:00");
  std::vector<std::pair<std::string, std::string>> got;
  for (const FieldViolation& v : ValidateRecord(record)) got.emplace_back(v.field, v.rule_code);
  EXPECT_THAT(
      got, ElementsAre(std::pair<std::string, std::string>("placement_id", kRequiredFieldMissing),
                       std::pair<std::string, std::string>("start_date", kMalformedDate),
                       std::pair<std::string, std::string>("type", kUnknownCode),
                       std::pair<std::string, std::string>("leaver_scqf", kOutOfRange),
                       std::pair<std::string, std::string>("fte", kOutOfRange),
                       std::pair<std::string, std::string>("end", "INCIDENT_END_BEFORE_START")));
}

TEST(ValidateRecordTest, RewritesValidValuesIntoCanonicalForm) {
  struct Canon {
    std::string column;
    std::string received;
    std::optional<std::string> stored;
  };
  const Canon cases[] = {
      {"start", "2023-03-26T00:00", "2023-03-26T00:00:00"},
      {"start", "2023-03-26T23:59:59", "2023-03-26T23:59:59"},
      {"end_date", "2024-02-29", "2024-02-29"},
      {"month", "2024-02", "2024-02"},
      {"leaver_scqf", "007", "7"},
      {"count", "-0", "0"},
      {"count", "-0012", "-12"},
      {"fte", "0.50", "0.5"},
      {"fte", "1.000", "1"},
      {"fte", "00.25", "0.25"},
      {"fte_days_lost", "-0.0", "0"},
      {"locality", " Leith ", " Leith "},
      {"locality", "", std::nullopt},
  };
  for (const Canon& c : cases) {
    SCOPED_TRACE(c.column + "=" + c.received);
    FlatRecord record = With(c.column, c.received);
    EXPECT_THAT(ValidateRecord(record), IsEmpty());
    EXPECT_EQ(record.Get(c.column), c.stored);
  }
}

TEST(ValidateRecordTest, LeavesARejectedValueAsReceived) {
  FlatRecord record = With("leaver_scqf", "013");
  record.Set("fte", "0.000");
  record.Set("start", "2023-03-26T24:00");
  EXPECT_EQ(ValidateRecord(record).size(), 3u);
  EXPECT_EQ(record.Get("leaver_scqf"), std::optional<std::string>("013"));
  EXPECT_EQ(record.Get("fte"), std::optional<std::string>("0.000"));
  EXPECT_EQ(record.Get("start"), std::optional<std::string>("2023-03-26T24:00"));
}

TEST(ValidateRecordTest, RunsTheSchemaChecksOnCanonicalValuesAfterTheFieldChecks) {
  RecordSchema type = TestType();
  std::vector<std::string> seen;
  type.checks = {[&seen](const FlatRecord& record, std::vector<FieldViolation>& violations) {
    seen.push_back(record.Get("leaver_scqf").value_or("-"));
    seen.push_back(std::to_string(violations.size()));
    if (record.Get("short_break") == std::optional<std::string>("Y")) {
      violations.push_back({"short_break", "SHORT_BREAK_NOT_ALLOWED", "no short breaks here"});
    }
  }};
  FlatRecord record{&type, {}};
  record.Set("start_date", "2023-02-01");
  record.Set("type", "HOME");
  record.Set("leaver_scqf", "007");
  record.Set("short_break", "Y");
  const std::vector<FieldViolation> violations = ValidateRecord(record);
  EXPECT_THAT(seen, ElementsAre("7", "1"));  // placement_id was already reported missing
  ASSERT_EQ(violations.size(), 2u);
  EXPECT_EQ(violations[0].rule_code, kRequiredFieldMissing);
  EXPECT_EQ(violations[1].rule_code, "SHORT_BREAK_NOT_ALLOWED");
}

TEST(ValidateRecordTest, MakesMessagesOfSchemaChecksUtf8) {
  RecordSchema type = TestType();
  type.checks = {[](const FlatRecord& record, std::vector<FieldViolation>& violations) {
    violations.push_back({"type", "ECHO", "type " + record.Get("type").value_or("") + " echoed"});
  }};
  FlatRecord record{&type, {}};
  record.Set("placement_id", "PL1");
  record.Set("start_date", "2023-02-01");
  record.Set("type", std::string("H\xFF\0E", 4));
  const std::vector<FieldViolation> violations = ValidateRecord(record);
  ASSERT_EQ(violations.size(), 2u);
  EXPECT_EQ(violations[0].rule_code, kMalformedText);
  EXPECT_EQ(violations[1].message, "type H\\xFF\\x00E echoed");
}

TEST(ValidateRecordTest, ShortensALongCodeList) {
  RecordSchema type{"Survey", "survey.csv", "survey", {}, {"item"}};
  Column item{"item", ColumnKind::kCode, true, {}};
  for (int i = 0; i < 40; ++i) item.codes.push_back("CODE_NUMBER_" + std::to_string(i));
  type.columns = {item};
  FlatRecord record{&type, {}};
  record.Set("item", "CODE");
  const std::vector<FieldViolation> violations = ValidateRecord(record);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].message,
            "item \"CODE\" is not one of CODE_NUMBER_0, CODE_NUMBER_1, CODE_NUMBER_2, "
            "CODE_NUMBER_3, CODE_NUMBER_4, CODE_NUMBER_5, CODE_NUMBER_6, CODE_NUMBER_7, "
            "CODE_NUMBER_8, CODE_NUMBER_9, ... (40 codes)");
}

TEST(ValidateRecordTest, FillsMissingTrailingValuesAsNotRecorded) {
  FlatRecord record{&TestType(), {std::string("PL1"), std::string("2023-02-01")}};
  const std::vector<FieldViolation> violations = ValidateRecord(record);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "type");
  EXPECT_EQ(record.values.size(), TestType().columns.size());
}

TEST(ValidateRecordTest, ARecordWithoutSchemaHasNoRecordType) {
  FlatRecord record;
  const std::vector<FieldViolation> violations = ValidateRecord(record);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rule_code, kUnknownRecordType);
}

}  // namespace
}  // namespace pif::submission
