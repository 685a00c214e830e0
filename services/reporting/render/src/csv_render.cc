#include "csv_render.h"

#include <sstream>

#include "absl/strings/str_cat.h"
#include "pif/csv/csv_writer.h"
#include "report_walk.h"
#include "text_format.h"

namespace pif::report_render {
namespace {

using common::v1::Count;
using reporting::v1::IndicatorEntry;
using reporting::v1::Report;

enum Column {
  kRecordType,
  kCouncil,
  kPeriodFrom,
  kPeriodTo,
  kArea,
  kTheme,
  kCode,
  kTitle,
  kDimension,
  kCategory,
  kLabel,
  kNumerator,
  kDenominator,
  kValue,
  kUnit,
  kUnknown,
  kNumeratorSuppressed,
  kDenominatorSuppressed,
  kUnknownSuppressed,
  kValueWithheld,
  kPolarity,
  kPreviousValue,
  kChange,
  kDefinitionVersion,
  kIntakeDataVersion,
  kWorkforceDataVersion,
  kDefinitionsVersion,
  kComputedAt,
  kResultId,
  kGrade,
  kGradeLabel,
  kEvalDate,
  kQiRef,
  kEvidence,
  kApprovedBy,
  kMessage,
  kColumnCount,
};

// Text from outside pif, made inert for spreadsheets (see the header).
std::string Text(const std::string& text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r')) {
    return "'" + text;
  }
  return text;
}

std::string PolarityCode(common::v1::Polarity polarity) {
  switch (polarity) {
    case common::v1::POLARITY_HIGHER_IS_BETTER:
      return "higher_is_better";
    case common::v1::POLARITY_LOWER_IS_BETTER:
      return "lower_is_better";
    case common::v1::POLARITY_NEUTRAL:
      return "neutral";
    default:
      return "";
  }
}

// One row being filled in.
class CsvRow {
 public:
  explicit CsvRow(const std::string& record_type) : cells_(kColumnCount) {
    cells_[kRecordType] = record_type;
  }
  void Set(Column column, std::string value) { cells_[column] = std::move(value); }
  void SetText(Column column, const std::string& value) { cells_[column] = Text(value); }
  void SetCount(Column column, Column flag, bool present, const Count& count) {
    if (!present) return;
    if (count.count_case() == Count::kValue) {
      cells_[column] = absl::StrCat(count.value());
    } else if (count.count_case() == Count::kSuppressed) {
      cells_[column] = "c";
      cells_[flag] = SuppressionCode(count.suppressed());
    }
  }
  void SetFigure(const Figure& figure) {
    if (figure.state == Figure::State::kValue) {
      cells_[kValue] = OneDecimal(figure.value);
    } else if (figure.state == Figure::State::kWithheld) {
      cells_[kValue] = WithheldForDisclosure(figure.withheld) ? "c" : "";
      cells_[kValueWithheld] = WithholdCode(figure.withheld);
    }
  }
  void SetPeriod(const common::v1::Period& period) {
    cells_[kPeriodFrom] = IsoDate(period.first_day());
    cells_[kPeriodTo] = IsoDate(period.last_day());
  }
  void SetSource(const common::v1::Provenance* source, const std::string& result_id) {
    cells_[kResultId] = Text(result_id);
    if (source == nullptr) return;
    cells_[kIntakeDataVersion] = absl::StrCat(source->intake_data_version());
    cells_[kWorkforceDataVersion] = absl::StrCat(source->workforce_data_version());
    cells_[kDefinitionsVersion] = Text(source->definitions_version());
    cells_[kComputedAt] = TimestampText(source->computed_at());
  }
  const std::vector<std::string>& cells() const { return cells_; }

 private:
  std::vector<std::string> cells_;
};

// Writes rows that share the report's council and period.
class CsvWriter {
 public:
  CsvWriter(const Report& report, std::ostream& out) : report_(report), out_(out) {}

  CsvRow Start(const std::string& record_type) const {
    CsvRow row(record_type);
    row.SetText(kCouncil, report_.council());
    row.SetPeriod(report_.period());
    return row;
  }
  void Write(const CsvRow& row) { csv::WriteCsvRow(out_, row.cells()); }

 private:
  const Report& report_;
  std::ostream& out_;
};

// The columns every row of one indicator carries: where it sits and what it is.
void SetIndicatorColumns(const IndicatorPlace& place, CsvRow* row) {
  const common::v1::IndicatorResult& result = place.entry->result();
  row->Set(kArea, absl::StrCat(place.area->number()));
  if (place.theme_group != nullptr) {
    row->SetText(kTheme, place.theme_group->title().empty() ? ThemeTitle(place.theme_group->theme())
                                                            : place.theme_group->title());
  }
  row->SetText(kCode, result.code());
  row->SetText(kTitle, result.title());
  row->Set(kPolarity, PolarityCode(result.polarity()));
}

void WriteIndicator(const IndicatorPlace& place, const SourceIndex& sources, CsvWriter& writer) {
  const IndicatorEntry& entry = *place.entry;
  const common::v1::IndicatorResult& result = entry.result();
  const common::v1::Provenance* source = sources.Find(entry.result_id());
  const Figure headline = FigureOf(result);
  const std::string unit = headline.percentage ? "percent" : HeadlineMeasureUnit(result.code());

  CsvRow total = writer.Start("indicator");
  SetIndicatorColumns(place, &total);
  total.SetCount(kNumerator, kNumeratorSuppressed, result.has_numerator(), result.numerator());
  total.SetCount(kDenominator, kDenominatorSuppressed, result.has_denominator(),
                 result.denominator());
  total.SetCount(kUnknown, kUnknownSuppressed, result.has_unknown(), result.unknown());
  total.SetFigure(headline);
  if (headline.state != Figure::State::kAbsent) total.Set(kUnit, unit);
  if (entry.has_previous()) {
    const Figure previous = FigureOf(entry.previous());
    total.Set(kPreviousValue, previous.state == Figure::State::kValue
                                  ? OneDecimal(previous.value)
                                  : (previous.state == Figure::State::kWithheld &&
                                             WithheldForDisclosure(previous.withheld)
                                         ? "c"
                                         : ""));
  }
  total.Set(kChange, ChangeCode(entry.change()));
  total.SetText(kDefinitionVersion, result.definition_version());
  total.SetSource(source, entry.result_id());
  writer.Write(total);

  for (const common::v1::BreakdownCell& cell : result.breakdowns()) {
    CsvRow row = writer.Start("breakdown");
    SetIndicatorColumns(place, &row);
    row.SetText(kDimension, cell.dimension());
    row.SetText(kCategory, cell.category());
    row.SetCount(kNumerator, kNumeratorSuppressed, cell.has_numerator(), cell.numerator());
    row.SetCount(kDenominator, kDenominatorSuppressed, cell.has_denominator(), cell.denominator());
    const Figure figure = FigureOf(cell);
    row.SetFigure(figure);
    if (figure.state != Figure::State::kAbsent) row.Set(kUnit, unit);
    row.SetText(kDefinitionVersion, result.definition_version());
    row.SetSource(source, entry.result_id());
    writer.Write(row);
  }

  for (const common::v1::SupplementaryFigure& figure : result.supplementary()) {
    CsvRow row = writer.Start("supplementary");
    SetIndicatorColumns(place, &row);
    row.SetText(kCategory, figure.name());
    row.SetText(kLabel, figure.label());
    if (figure.has_count()) {
      row.SetCount(kNumerator, kNumeratorSuppressed, true, figure.count());
    } else if (figure.has_measure()) {
      row.SetFigure(FigureOfMeasure(figure.measure()));
      row.SetText(kUnit, figure.unit());
    }
    row.SetText(kDefinitionVersion, result.definition_version());
    row.SetSource(source, entry.result_id());
    writer.Write(row);
  }

  for (const reporting::v1::TrendPoint& point : entry.trend_points()) {
    CsvRow row = writer.Start("trend");
    SetIndicatorColumns(place, &row);
    row.SetPeriod(point.period());
    row.SetCount(kNumerator, kNumeratorSuppressed, point.has_numerator(), point.numerator());
    row.SetCount(kDenominator, kDenominatorSuppressed, point.has_denominator(),
                 point.denominator());
    const Figure figure = FigureOf(point);
    row.SetFigure(figure);
    if (figure.state != Figure::State::kAbsent) row.Set(kUnit, unit);
    row.SetText(kDefinitionVersion, point.definition_version());
    row.SetSource(sources.Find(point.result_id()), point.result_id());
    writer.Write(row);
  }

  for (const common::v1::DataQualityNote& note : entry.notes()) {
    CsvRow row = writer.Start("note");
    SetIndicatorColumns(place, &row);
    row.SetText(kCategory, note.code());
    row.Set(kNumerator, absl::StrCat(note.count()));
    row.SetText(kMessage, note.message());
    writer.Write(row);
  }
}

void WriteReportNotes(const Report& report, CsvWriter& writer) {
  for (const common::v1::DataQualityNote& note : report.notes()) {
    CsvRow row = writer.Start("note");
    row.SetText(kCode, note.indicator_code());
    row.SetText(kCategory, note.code());
    row.Set(kNumerator, absl::StrCat(note.count()));
    row.SetText(kMessage, note.message());
    writer.Write(row);
  }
}

void WriteSelfEvaluation(const reporting::v1::Area& area, CsvWriter& writer) {
  const reporting::v1::SelfEvaluationSummary& summary = area.self_evaluation_summary();
  const auto start = [&](const std::string& record_type) {
    CsvRow row = writer.Start(record_type);
    row.Set(kArea, absl::StrCat(area.number()));
    row.Set(kCode, "10.1");
    row.Set(kTitle, "Summary of the self-evaluation");
    return row;
  };
  for (const reporting::v1::AreaEvaluation& evaluation : summary.areas()) {
    CsvRow row = start("self_evaluation");
    row.Set(kCategory, absl::StrCat(evaluation.area()));
    row.SetText(kLabel, evaluation.area_title());
    if (evaluation.has_self_evaluation()) {
      const reporting::v1::SelfEvaluation& latest = evaluation.self_evaluation();
      row.Set(kGrade, absl::StrCat(latest.grade()));
      row.SetText(kGradeLabel, evaluation.grade_label());
      row.Set(kEvalDate, IsoDate(latest.eval_date()));
      row.SetText(kQiRef, latest.qi_ref());
      row.SetText(kEvidence, latest.evidence());
      row.SetText(kApprovedBy, latest.approved_by());
      row.SetText(kResultId, latest.eval_id());
    } else {
      row.Set(kMessage, "not evaluated");
    }
    writer.Write(row);
  }
  for (const reporting::v1::GradeCount& count : summary.grade_counts()) {
    CsvRow row = start("grade_count");
    row.Set(kGrade, absl::StrCat(count.grade()));
    row.SetText(kGradeLabel, count.label());
    row.Set(kNumerator, absl::StrCat(count.count()));
    row.Set(kDenominator, absl::StrCat(summary.evaluated_area_count()));
    writer.Write(row);
  }
  CsvRow median = start("median_grade");
  if (summary.has_median_grade()) median.Set(kValue, OneDecimal(summary.median_grade()));
  median.Set(kDenominator, absl::StrCat(summary.evaluated_area_count()));
  writer.Write(median);
}

}  // namespace

const std::vector<std::string>& CsvColumns() {
  static const std::vector<std::string>* const kColumns = new std::vector<std::string>{
      "record_type",
      "council",
      "period_from",
      "period_to",
      "area",
      "theme",
      "code",
      "title",
      "dimension",
      "category",
      "label",
      "numerator",
      "denominator",
      "value",
      "unit",
      "unknown",
      "numerator_suppressed",
      "denominator_suppressed",
      "unknown_suppressed",
      "value_withheld",
      "polarity",
      "previous_value",
      "change",
      "definition_version",
      "intake_data_version",
      "workforce_data_version",
      "definitions_version",
      "computed_at",
      "result_id",
      "grade",
      "grade_label",
      "eval_date",
      "qi_ref",
      "evidence",
      "approved_by",
      "message",
  };
  return *kColumns;
}

std::string RenderCsv(const Report& report) {
  std::ostringstream out;
  csv::WriteCsvRow(out, CsvColumns());
  CsvWriter writer(report, out);
  const SourceIndex sources(report);
  WriteReportNotes(report, writer);
  for (const IndicatorPlace& place : IndicatorsInOrder(report)) {
    WriteIndicator(place, sources, writer);
  }
  for (const reporting::v1::KeyQuestion& question : report.key_questions()) {
    for (const reporting::v1::Area& area : question.areas()) {
      if (area.has_self_evaluation_summary()) WriteSelfEvaluation(area, writer);
    }
  }
  return out.str();
}

}  // namespace pif::report_render
