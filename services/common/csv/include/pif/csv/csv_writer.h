// Writing CSV records that CsvReader (pif/csv/csv_reader.h) reads back identical.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace pif::csv {

// Writes one record: cells quoted per RFC 4180 only when needed (a comma, quote, CR or LF, or a
// leading or trailing space or tab; and a lone empty cell, so the record is not a blank line),
// quotes doubled, the record ended by CRLF.
void WriteCsvRow(std::ostream& out, const std::vector<std::string>& cells);

}  // namespace pif::csv
