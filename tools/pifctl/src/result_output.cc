#include "result_output.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "pif/csv/csv_writer.h"

namespace pif::ctl {
namespace {

using json = nlohmann::ordered_json;

std::string DateText(const common::v1::Date& date) {
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

// "SUPPRESSION_REASON_PRIMARY" -> "primary": the enum's name without its prefix, lower case.
std::string LowerName(const std::string& name, absl::string_view prefix) {
  absl::string_view rest = name;
  if (rest.substr(0, prefix.size()) == prefix) rest.remove_prefix(prefix.size());
  return absl::AsciiStrToLower(rest);
}

std::string SuppressionText(common::v1::SuppressionReason reason) {
  return LowerName(common::v1::SuppressionReason_Name(reason), "SUPPRESSION_REASON_");
}

std::string WithheldText(common::v1::WithholdReason reason) {
  return LowerName(common::v1::WithholdReason_Name(reason), "WITHHOLD_REASON_");
}

std::string PolarityText(common::v1::Polarity polarity) {
  return LowerName(common::v1::Polarity_Name(polarity), "POLARITY_");
}

json CountJson(bool present, const common::v1::Count& count) {
  if (!present) return nullptr;
  if (count.count_case() == common::v1::Count::kValue) return count.value();
  if (count.count_case() == common::v1::Count::kSuppressed) {
    return {{"suppressed", SuppressionText(count.suppressed())}};
  }
  return nullptr;
}

// A value's number, or why there is none (no denominator: null).
json FigureJson(bool has_value, double value, common::v1::WithholdReason withheld) {
  if (has_value) return value;
  if (withheld == common::v1::WITHHOLD_REASON_NO_DENOMINATOR ||
      withheld == common::v1::WITHHOLD_REASON_UNSPECIFIED) {
    return nullptr;
  }
  return {{"withheld", WithheldText(withheld)}};
}

// The headline or cell value, whichever of percentage or measure it carries.
template <typename Message>
json ValueJson(const Message& message) {
  if (message.has_value()) {
    const common::v1::Percentage& p = message.value();
    return FigureJson(p.percentage_case() == common::v1::Percentage::kValue, p.value(),
                      p.withheld());
  }
  if (message.has_measure()) {
    const common::v1::Measure& m = message.measure();
    return FigureJson(m.measure_case() == common::v1::Measure::kValue, m.value(), m.withheld());
  }
  return nullptr;
}

// A count as a cell of CSV or the table: the number, `c` when suppressed, empty when absent.
std::string CountText(bool present, const common::v1::Count& count) {
  if (!present) return "";
  if (count.count_case() == common::v1::Count::kValue) return absl::StrCat(count.value());
  if (count.count_case() == common::v1::Count::kSuppressed) return "c";
  return "";
}

// A value as a cell: one decimal, `c` when withheld for disclosure, empty without denominator.
std::string ValueText(const json& value) {
  if (value.is_null()) return "";
  if (value.is_object()) return "c";
  return absl::StrFormat("%.1f", value.get<double>());
}

// One printed row: an indicator's headline (empty dimension) or one of its cells.
struct Row {
  std::string code;
  std::string title;
  std::string dimension;
  std::string category;
  std::string numerator;
  std::string denominator;
  std::string value;
  std::string unknown;
  std::string polarity;
};

std::vector<Row> RowsOf(const ResultsView& view) {
  std::vector<Row> rows;
  for (const common::v1::IndicatorResult& result : *view.results) {
    const std::string polarity = PolarityText(result.polarity());
    rows.push_back({result.code(), result.title(), "", "",
                    CountText(result.has_numerator(), result.numerator()),
                    CountText(result.has_denominator(), result.denominator()),
                    ValueText(ValueJson(result)), CountText(result.has_unknown(), result.unknown()),
                    polarity});
    for (const common::v1::BreakdownCell& cell : result.breakdowns()) {
      rows.push_back({result.code(), result.title(), cell.dimension(), cell.category(),
                      CountText(cell.has_numerator(), cell.numerator()),
                      CountText(cell.has_denominator(), cell.denominator()),
                      ValueText(ValueJson(cell)), "", polarity});
    }
  }
  return rows;
}

void WriteCsv(std::ostream& out, const ResultsView& view) {
  csv::WriteCsvRow(out, {"code", "title", "dimension", "category", "numerator", "denominator",
                         "value", "unknown", "polarity"});
  for (const Row& row : RowsOf(view)) {
    csv::WriteCsvRow(out, {row.code, row.title, row.dimension, row.category, row.numerator,
                           row.denominator, row.value, row.unknown, row.polarity});
  }
}

// Longest title shown in the table before it is cut with "...".
constexpr size_t kTableTitleWidth = 40;

void WriteTable(std::ostream& out, const ResultsView& view) {
  const common::v1::Provenance& provenance = *view.provenance;
  out << "council " << provenance.council() << "  period "
      << DateText(provenance.period().first_day()) << " to "
      << DateText(provenance.period().last_day()) << "  data version "
      << provenance.intake_data_version() << "  definitions " << provenance.definitions_version()
      << "  "
      << (provenance.disclosure_mode() == common::v1::DISCLOSURE_MODE_INTERNAL ? "internal"
                                                                               : "published")
      << "\n\n";
  std::vector<std::vector<std::string>> lines = {
      {"code", "title", "breakdown", "N", "D", "%", "unknown"}};
  for (const Row& row : RowsOf(view)) {
    std::string title = row.dimension.empty() ? row.title : "";
    if (title.size() > kTableTitleWidth) title = title.substr(0, kTableTitleWidth - 3) + "...";
    const std::string breakdown =
        row.dimension.empty() ? "" : absl::StrCat(row.dimension, "=", row.category);
    lines.push_back({row.dimension.empty() ? row.code : "", title, breakdown, row.numerator,
                     row.denominator, row.value.empty() ? "-" : row.value, row.unknown});
  }
  std::vector<size_t> widths(lines[0].size(), 0);
  for (const auto& line : lines) {
    for (size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], line[i].size());
  }
  for (const auto& line : lines) {
    std::string text;
    for (size_t i = 0; i < line.size(); ++i) {
      // Text columns left-aligned, numbers right-aligned.
      const bool number = i >= 3;
      const std::string pad(widths[i] - line[i].size(), ' ');
      absl::StrAppend(&text, i == 0 ? "" : "  ", number ? pad + line[i] : line[i] + pad);
    }
    out << std::string(absl::StripTrailingAsciiWhitespace(text)) << "\n";
  }
}

}  // namespace

absl::StatusOr<OutputFormat> ParseOutputFormat(absl::string_view text) {
  if (text == "json") return OutputFormat::kJson;
  if (text == "csv") return OutputFormat::kCsv;
  if (text == "table") return OutputFormat::kTable;
  return absl::InvalidArgumentError(
      absl::StrCat("--format must be json, csv or table, not '", text, "'"));
}

json ResultsJson(const ResultsView& view) {
  const common::v1::Provenance& provenance = *view.provenance;
  json indicators = json::array();
  for (const common::v1::IndicatorResult& result : *view.results) {
    json breakdowns = json::array();
    for (const common::v1::BreakdownCell& cell : result.breakdowns()) {
      breakdowns.push_back({{"dimension", cell.dimension()},
                            {"category", cell.category()},
                            {"numerator", CountJson(cell.has_numerator(), cell.numerator())},
                            {"denominator", CountJson(cell.has_denominator(), cell.denominator())},
                            {"value", ValueJson(cell)}});
    }
    indicators.push_back(
        {{"code", result.code()},
         {"title", result.title()},
         {"numerator", CountJson(result.has_numerator(), result.numerator())},
         {"denominator", CountJson(result.has_denominator(), result.denominator())},
         {"value", ValueJson(result)},
         {"unknown", CountJson(result.has_unknown(), result.unknown())},
         {"polarity", PolarityText(result.polarity())},
         {"breakdowns", breakdowns}});
  }
  return {{"council", provenance.council()},
          {"period",
           {{"from", DateText(provenance.period().first_day())},
            {"to", DateText(provenance.period().last_day())}}},
          {"data_version", provenance.intake_data_version()},
          {"definitions_version", provenance.definitions_version()},
          {"indicators", indicators}};
}

void WriteResults(std::ostream& out, OutputFormat format, const ResultsView& view) {
  switch (format) {
    case OutputFormat::kJson:
      out << ResultsJson(view).dump(2) << "\n";
      return;
    case OutputFormat::kCsv:
      WriteCsv(out, view);
      return;
    case OutputFormat::kTable:
      WriteTable(out, view);
      return;
  }
}

}  // namespace pif::ctl
