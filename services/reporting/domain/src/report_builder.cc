#include "pif/reporting/domain/report_builder.h"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "pif/core/log.h"
#include "pif/proto_util/dates.h"
#include "pif/reporting/domain/indicator_entries.h"
#include "pif/reporting/domain/self_evaluation_summary.h"
#include "pif/reporting/domain/trend.h"
#include "pif/reporting/framework/framework.h"

namespace pif::reporting {
namespace {

// Periods always computed, so that every indicator has a previous period to compare with.
constexpr int kMinComputedPeriods = 2;

// Notes the indicators service gives about intake's rejections, which the report replaces by
// asking intake itself.
constexpr const char* kIntakeRejectionNotes[] = {"REJECTIONS_OUTSTANDING",
                                                 "REJECTIONS_NOT_CHECKED"};

// Everything a report is assembled from, fetched before anything is assembled.
struct Inputs {
  std::vector<figures::Period> periods;  // oldest first; the last is the requested period
  indicators::v1::ListIndicatorsResponse catalogue;
  indicators::v1::ComputeIndicatorSeriesResponse series;
  std::vector<workforce::v1::ComputeWorkforceResponse> workforce;  // one per period
  int64_t open_rejections = 0;
  CurrentEvaluations evaluations;
};

std::string ModeName(common::v1::DisclosureMode mode) {
  return mode == common::v1::DISCLOSURE_MODE_INTERNAL ? "INTERNAL" : "PUBLISHED";
}

// INTERNAL when a service handed back figures of another disclosure mode than asked: a published
// report must never carry figures that were not disclosure-controlled.
absl::Status CheckMode(const common::v1::Provenance& provenance, common::v1::DisclosureMode mode,
                       const char* service) {
  if (provenance.disclosure_mode() == mode) return absl::OkStatus();
  return absl::InternalError(absl::StrCat("the ", service, " service returned ",
                                          ModeName(provenance.disclosure_mode()), " figures when ",
                                          ModeName(mode), " were asked for"));
}

// The framework area of a workforce code ("7.3a" -> 7, "9.1" -> 9); 0 when it names none.
int AreaOfCode(const std::string& code) {
  int area = 0;
  const size_t dot = code.find('.');
  if (dot == std::string::npos || !absl::SimpleAtoi(code.substr(0, dot), &area)) return 0;
  return area;
}

absl::StatusOr<Inputs> Fetch(const ReportRequest& request, IndicatorsSource& indicators,
                             WorkforceSource& workforce, IntakeSource& intake,
                             SelfEvaluationReader& self_evaluations) {
  Inputs inputs;
  inputs.periods =
      TrendPeriods(request.period, std::max(request.trend_period_count, kMinComputedPeriods));
  absl::StatusOr<indicators::v1::ListIndicatorsResponse> catalogue = indicators.Catalogue();
  if (!catalogue.ok()) return catalogue.status();
  inputs.catalogue = *std::move(catalogue);

  indicators::v1::ComputeIndicatorSeriesRequest series_request;
  series_request.set_council(request.council);
  for (const figures::Period& period : inputs.periods) {
    *series_request.mutable_list()->add_periods() = PeriodToProto(period);
  }
  for (const std::string& dimension : request.breakdowns) {
    series_request.add_breakdown_dimensions(dimension);
  }
  series_request.set_disclosure_mode(request.mode);
  absl::StatusOr<indicators::v1::ComputeIndicatorSeriesResponse> series =
      indicators.Series(series_request);
  if (!series.ok()) return series.status();
  if (series->period_results_size() != static_cast<int>(inputs.periods.size())) {
    return absl::InternalError(absl::StrCat("the indicators service returned ",
                                            series->period_results_size(), " periods for ",
                                            inputs.periods.size(), " asked"));
  }
  for (const indicators::v1::PeriodResults& period : series->period_results()) {
    if (absl::Status mode = CheckMode(period.provenance(), request.mode, "indicators");
        !mode.ok()) {
      return mode;
    }
  }
  inputs.series = *std::move(series);

  for (const figures::Period& period : inputs.periods) {
    workforce::v1::ComputeWorkforceRequest workforce_request;
    workforce_request.set_council(request.council);
    *workforce_request.mutable_period() = PeriodToProto(period);
    workforce_request.set_disclosure_mode(request.mode);
    absl::StatusOr<workforce::v1::ComputeWorkforceResponse> figures =
        workforce.Compute(workforce_request);
    if (!figures.ok()) return figures.status();
    if (absl::Status mode = CheckMode(figures->provenance(), request.mode, "workforce");
        !mode.ok()) {
      return mode;
    }
    inputs.workforce.push_back(*std::move(figures));
  }

  absl::StatusOr<int64_t> open = intake.OpenRejections(request.council);
  if (!open.ok()) return open.status();
  inputs.open_rejections = *open;

  absl::StatusOr<CurrentEvaluations> evaluations = self_evaluations.Current(request.council);
  if (!evaluations.ok()) return evaluations.status();
  inputs.evaluations = *std::move(evaluations);
  return inputs;
}

// Assembles a report from fetched inputs.
class Assembler {
 public:
  Assembler(const ReportRequest& request, const Inputs& inputs)
      : request_(request), inputs_(inputs) {
    for (size_t i = 0; i < inputs.periods.size(); ++i) {
      const indicators::v1::PeriodResults& period =
          inputs.series.period_results(static_cast<int>(i));
      indicator_periods_.push_back(
          IndexFigures(inputs.periods[i], period.provenance(), period.results(), period.notes()));
      const workforce::v1::ComputeWorkforceResponse& staff = inputs.workforce[i];
      workforce_periods_.push_back(
          IndexFigures(inputs.periods[i], staff.provenance(), staff.results(), staff.notes()));
    }
  }

  // Fills everything but built_at; INTERNAL when the catalogue names an indicator the results
  // do not hold (a report never has silent gaps).
  absl::Status Fill(v1::Report* report) {
    report->set_council(request_.council);
    *report->mutable_period() = PeriodToProto(request_.period);
    report->set_disclosure_mode(request_.mode);
    const LatestEvaluations latest =
        LatestPerArea(inputs_.evaluations.evaluations, request_.period.last);
    for (const KeyQuestionInfo& info : KeyQuestions()) {
      v1::KeyQuestion* question = report->add_key_questions();
      question->set_number(info.number);
      question->set_question(info.question);
      for (int area : info.areas) FillArea(area, latest, question->add_areas());
    }
    FillNotes(report);
    FillSources(report);
    return status_;
  }

 private:
  using Entries = google::protobuf::RepeatedPtrField<v1::IndicatorEntry>;

  void FillArea(int number, const LatestEvaluations& latest, v1::Area* area) {
    area->set_number(number);
    area->set_title(AreaTitle(number));
    if (number == 1 || number == 2) {
      FillThemeGroups(number, area);
    } else if (number == 5) {
      for (const indicators::v1::IndicatorDefinition& definition : inputs_.catalogue.indicators()) {
        if (definition.area() == number)
          AddIndicator(definition.code(), area->mutable_indicators());
      }
    } else if (number == 7 || number == 9) {
      for (const common::v1::IndicatorResult& result : inputs_.workforce.back().results()) {
        if (AreaOfCode(result.code()) != number) continue;
        *area->add_indicators() =
            MakeEntry(result.code(), workforce_periods_, request_.trend_period_count);
      }
    }
    *area->mutable_self_evaluation() =
        AreaEvaluationOf(number, latest[static_cast<size_t>(number - 1)]);
    if (number == kAreaCount) {
      *area->mutable_self_evaluation_summary() = SummarizeSelfEvaluation(latest);
    }
  }

  void FillThemeGroups(int number, v1::Area* area) {
    for (common::v1::ShanarriTheme theme : ThemeOrder()) {
      v1::ThemeGroup group;
      group.set_theme(theme);
      group.set_title(ThemeTitle(theme));
      for (const indicators::v1::IndicatorDefinition& definition : inputs_.catalogue.indicators()) {
        if (definition.area() != number || definition.theme() != theme) continue;
        AddIndicator(definition.code(), group.mutable_indicators());
      }
      if (group.indicators_size() > 0) *area->add_theme_groups() = std::move(group);
    }
    // An indicator of the area without a heading is still reported, never dropped.
    for (const indicators::v1::IndicatorDefinition& definition : inputs_.catalogue.indicators()) {
      if (definition.area() == number &&
          definition.theme() == common::v1::SHANARRI_THEME_UNSPECIFIED) {
        AddIndicator(definition.code(), area->mutable_indicators());
      }
    }
  }

  // Adds the entry of an indicator of the indicators service (unless it is shown only as a
  // breakdown of another).
  void AddIndicator(const std::string& code, Entries* entries) {
    if (ShownOnlyAsBreakdown(code)) return;
    if (indicator_periods_.back().by_code.count(code) == 0) {
      if (status_.ok()) {
        status_ = absl::InternalError(absl::StrCat("the indicators service's catalogue lists ",
                                                   code, " but its results do not"));
      }
      return;
    }
    *entries->Add() = MakeEntry(code, indicator_periods_, request_.trend_period_count);
  }

  // The report-wide notes: intake's rejections (asked of intake), then the indicators and
  // workforce services' notes that concern no single indicator.
  void FillNotes(v1::Report* report) {
    if (inputs_.open_rejections > 0) {
      common::v1::DataQualityNote* note = report->add_notes();
      note->set_code("REJECTIONS_OUTSTANDING");
      note->set_count(inputs_.open_rejections);
      note->set_message(absl::StrCat(
          inputs_.open_rejections, inputs_.open_rejections == 1 ? " record is" : " records are",
          " still rejected at intake and not counted in these figures."));
    }
    for (const common::v1::DataQualityNote& note : indicator_periods_.back().notes) {
      if (!note.indicator_code().empty()) continue;
      if (std::find(std::begin(kIntakeRejectionNotes), std::end(kIntakeRejectionNotes),
                    note.code()) != std::end(kIntakeRejectionNotes)) {
        continue;
      }
      *report->add_notes() = note;
    }
    for (const common::v1::DataQualityNote& note : workforce_periods_.back().notes) {
      if (note.indicator_code().empty()) *report->add_notes() = note;
    }
  }

  // Every computation used, each once: indicators then workforce, oldest period first, then the
  // self-evaluations read.
  void FillSources(v1::Report* report) {
    std::set<std::string> seen;
    auto add = [&](const common::v1::Provenance& provenance) {
      if (!provenance.result_id().empty() && !seen.insert(provenance.result_id()).second) return;
      *report->add_sources() = provenance;
    };
    for (const PeriodFigures& period : indicator_periods_) add(period.provenance);
    for (const PeriodFigures& period : workforce_periods_) add(period.provenance);
    common::v1::Provenance evaluations;
    evaluations.set_council(request_.council);
    *evaluations.mutable_period() = PeriodToProto(request_.period);
    evaluations.set_definitions_version(kSelfEvaluationDefinitionsVersion);
    evaluations.set_result_id(absl::StrCat("self-evaluations@", inputs_.evaluations.data_version));
    evaluations.set_disclosure_mode(request_.mode);
    add(evaluations);
  }

  const ReportRequest& request_;
  const Inputs& inputs_;
  std::vector<PeriodFigures> indicator_periods_;
  std::vector<PeriodFigures> workforce_periods_;
  absl::Status status_;
};

}  // namespace

bool ShownOnlyAsBreakdown(const std::string& code) {
  return code == "2 R.5 child" || code == "2 R.5 parent";
}

ReportBuilder::ReportBuilder(IndicatorsSource& indicators, WorkforceSource& workforce,
                             IntakeSource& intake, SelfEvaluationReader& self_evaluations,
                             std::function<absl::Time()> clock)
    : indicators_(indicators),
      workforce_(workforce),
      intake_(intake),
      self_evaluations_(self_evaluations),
      clock_(std::move(clock)) {}

absl::StatusOr<v1::Report> ReportBuilder::Build(const ReportRequest& request) {
  const absl::Time started = clock_();
  absl::StatusOr<Inputs> inputs =
      Fetch(request, indicators_, workforce_, intake_, self_evaluations_);
  if (!inputs.ok()) {
    log::Event(log::Level::kWarning, "report_not_built")
        .Str(log::Key::kCouncil, request.council)
        .Str(log::Key::kCode, absl::StatusCodeToString(inputs.status().code()));
    return inputs.status();
  }
  v1::Report report;
  Assembler assembler(request, *inputs);
  if (absl::Status filled = assembler.Fill(&report); !filled.ok()) return filled;
  const absl::Time built_at = clock_();
  *report.mutable_built_at() = ToTimestamp(built_at);
  // The self-evaluation summary is computed now, from the versions read now.
  for (common::v1::Provenance& source : *report.mutable_sources()) {
    if (source.definitions_version() == kSelfEvaluationDefinitionsVersion) {
      *source.mutable_computed_at() = ToTimestamp(built_at);
    }
  }
  log::Event(log::Level::kInfo, "report_built")
      .Str(log::Key::kCouncil, request.council)
      .Int(log::Key::kCount, report.sources_size())
      .Int(log::Key::kDurationMs, absl::ToInt64Milliseconds(built_at - started));
  return report;
}

}  // namespace pif::reporting
