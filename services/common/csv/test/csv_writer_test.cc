// WriteCsvRow: RFC 4180 quoting only where needed,.
#include "pif/csv/csv_writer.h"

#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace pif::csv {
namespace {

TEST(WriteCsvRowTest, QuotesOnlyWhenNeededAndEndsWithCrlf) {
  std::ostringstream out;
  WriteCsvRow(out, {"plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", " lead", "trail ", "",
                    "tab\t", "in side", "Caf\xC3\xA9"});
  EXPECT_EQ(out.str(),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",\" lead\",\"trail \",,"
            "\"tab\t\",in side,Caf\xC3\xA9\r\n");
}

TEST(WriteCsvRowTest, QuotesALoneEmptyCellSoTheRecordIsNotABlankLine) {
  std::ostringstream out;
  WriteCsvRow(out, {""});
  WriteCsvRow(out, {"", ""});
  EXPECT_EQ(out.str(), "\"\"\r\n,\r\n");
}

}  // namespace
}  // namespace pif::csv
