#include "pif/csv/csv_writer.h"

namespace pif::csv {

void WriteCsvRow(std::ostream& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out.put(',');
    const std::string& cell = cells[i];
    const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
    const bool quote = cell.find_first_of(",\"\r\n") != std::string::npos ||
                       (!cell.empty() && (is_space(cell.front()) || is_space(cell.back()))) ||
                       (cell.empty() && cells.size() == 1);
    if (!quote) {
      out << cell;
      continue;
    }
    out.put('"');
    for (const char c : cell) {
      if (c == '"') out.put('"');
      out.put(c);
    }
    out.put('"');
  }
  out << "\r\n";
}

}  // namespace pif::csv
