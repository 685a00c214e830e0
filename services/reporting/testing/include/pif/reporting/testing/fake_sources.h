// Fakes of the report's sources and of the domain's stores (self-evaluations, published reports),
// in memory: every value a test checks is set by the test.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "pif/common/v1/framework.pb.h"
#include "pif/proto_util/dates.h"
#include "pif/reporting/domain/published_reports.h"
#include "pif/reporting/domain/report_sources.h"
#include "pif/reporting/domain/self_evaluation_store.h"

namespace pif::reporting::testing {

// One indicator of the fake catalogue, with its value in each period of a series (oldest first;
// the last value is reused for periods beyond the list).
struct FakeIndicator {
  std::string code;
  int area = 1;
  common::v1::ShanarriTheme theme = common::v1::SHANARRI_THEME_UNSPECIFIED;
  common::v1::Polarity polarity = common::v1::POLARITY_HIGHER_IS_BETTER;
  std::vector<double> values;  // percentages; a negative value is withheld
  std::vector<std::string> definition_versions = {"1"};
};

inline common::v1::IndicatorResult ResultOf(const FakeIndicator& indicator, size_t period) {
  auto at = [period](const auto& list) { return list[std::min(period, list.size() - 1)]; };
  common::v1::IndicatorResult result;
  result.set_code(indicator.code);
  result.set_title(absl::StrCat("Title of ", indicator.code));
  const double value = at(indicator.values);
  if (value < 0) {
    result.mutable_value()->set_withheld(common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED);
    result.mutable_numerator()->set_suppressed(common::v1::SUPPRESSION_REASON_PRIMARY);
  } else {
    result.mutable_value()->set_value(value);
    result.mutable_numerator()->set_value(static_cast<int64_t>(value * 10));
  }
  result.mutable_denominator()->set_value(1000);
  result.mutable_unknown()->set_value(3);
  result.set_polarity(indicator.polarity);
  result.set_definition_version(at(indicator.definition_versions));
  return result;
}

// The indicators service: a catalogue and series of made-up results.
class FakeIndicators final : public IndicatorsSource {
 public:
  explicit FakeIndicators(std::vector<FakeIndicator> indicators)
      : indicators_(std::move(indicators)) {}

  absl::StatusOr<indicators::v1::ListIndicatorsResponse> Catalogue() override {
    if (!failure.ok()) return failure;
    indicators::v1::ListIndicatorsResponse response;
    for (const FakeIndicator& indicator : indicators_) {
      indicators::v1::IndicatorDefinition* definition = response.add_indicators();
      definition->set_code(indicator.code);
      definition->set_area(indicator.area);
      definition->set_theme(indicator.theme);
      definition->set_polarity(indicator.polarity);
    }
    response.set_definitions_version("defs-1");
    return response;
  }

  absl::StatusOr<indicators::v1::ComputeIndicatorSeriesResponse> Series(
      const indicators::v1::ComputeIndicatorSeriesRequest& request) override {
    last_request = request;
    if (!failure.ok()) return failure;
    indicators::v1::ComputeIndicatorSeriesResponse response;
    for (int i = 0; i < request.list().periods_size(); ++i) {
      indicators::v1::PeriodResults* period = response.add_period_results();
      common::v1::Provenance* provenance = period->mutable_provenance();
      provenance->set_council(request.council());
      *provenance->mutable_period() = request.list().periods(i);
      provenance->set_intake_data_version(7);
      provenance->set_definitions_version("defs-1");
      provenance->set_result_id(absl::StrCat("indicators-", i));
      provenance->set_disclosure_mode(answer_mode.value_or(request.disclosure_mode()));
      for (const FakeIndicator& indicator : indicators_) {
        *period->add_results() = ResultOf(indicator, static_cast<size_t>(i));
      }
      for (const common::v1::DataQualityNote& note : notes) *period->add_notes() = note;
    }
    return response;
  }

  // Every call fails with this when not OK.
  absl::Status failure;
  // The disclosure mode the provenance claims (default: the one asked for).
  std::optional<common::v1::DisclosureMode> answer_mode;
  // Notes given with every period.
  std::vector<common::v1::DataQualityNote> notes;
  // The last series asked for.
  indicators::v1::ComputeIndicatorSeriesRequest last_request;

 private:
  std::vector<FakeIndicator> indicators_;
};

// The workforce service: 7.1, 7.4a and 9.1, with a value that rises by `step` each period.
class FakeWorkforce final : public WorkforceSource {
 public:
  absl::StatusOr<workforce::v1::ComputeWorkforceResponse> Compute(
      const workforce::v1::ComputeWorkforceRequest& request) override {
    requests.push_back(request);
    if (!failure.ok()) return failure;
    const size_t period = requests.size() - 1;
    workforce::v1::ComputeWorkforceResponse response;
    common::v1::Provenance* provenance = response.mutable_provenance();
    provenance->set_council(request.council());
    *provenance->mutable_period() = request.period();
    provenance->set_workforce_data_version(3);
    provenance->set_result_id(absl::StrCat("workforce-", period));
    provenance->set_disclosure_mode(request.disclosure_mode());
    for (const char* code : {"7.1", "7.4a", "9.1"}) {
      FakeIndicator indicator{code,
                              7,
                              common::v1::SHANARRI_THEME_UNSPECIFIED,
                              common::v1::POLARITY_HIGHER_IS_BETTER,
                              {50.0 + step * static_cast<double>(period)}};
      *response.add_results() = ResultOf(indicator, 0);
    }
    for (const common::v1::DataQualityNote& note : notes) *response.add_notes() = note;
    return response;
  }

  absl::Status failure;
  double step = 1.0;
  std::vector<common::v1::DataQualityNote> notes;
  std::vector<workforce::v1::ComputeWorkforceRequest> requests;
};

// The intake service: a settable count of records still rejected.
class FakeIntake final : public IntakeSource {
 public:
  absl::StatusOr<int64_t> OpenRejections(const std::string&) override {
    if (!failure.ok()) return failure;
    return open_rejections;
  }
  absl::Status failure;
  int64_t open_rejections = 0;
};

// The self-evaluations: those in force (`current`, for reports) and the listed versions
// (`listed`, for ListSelfEvaluations), kept apart so each test sets only what it reads.
class FakeSelfEvaluations final : public SelfEvaluationStore {
 public:
  absl::StatusOr<CurrentEvaluations> Current(const std::string&) override {
    if (!failure.ok()) return failure;
    return current;
  }

  // The versions of `listed` of the filter's council, areas and on_or_before date, from its
  // offset, at most its limit.
  absl::StatusOr<std::vector<v1::RecordedSelfEvaluation>> List(
      const SelfEvaluationFilter& filter) override {
    last_filter = filter;
    if (!failure.ok()) return failure;
    std::vector<v1::RecordedSelfEvaluation> matching;
    for (const auto& [council, version] : listed) {
      const v1::SelfEvaluation& evaluation = version.self_evaluation();
      if (council != filter.council) continue;
      if (!filter.areas.empty() && std::find(filter.areas.begin(), filter.areas.end(),
                                             evaluation.area()) == filter.areas.end()) {
        continue;
      }
      if (filter.on_or_before.has_value() &&
          dates::Date::FromYmd(evaluation.eval_date().year(), evaluation.eval_date().month(),
                               evaluation.eval_date().day()) > filter.on_or_before) {
        continue;
      }
      matching.push_back(version);
    }
    std::vector<v1::RecordedSelfEvaluation> page;
    for (size_t i = static_cast<size_t>(filter.offset);
         i < matching.size() && page.size() < static_cast<size_t>(filter.limit); ++i) {
      page.push_back(matching[i]);
    }
    return page;
  }

  // Keeps what was recorded and answers with its eval_id and caller, replaced when the council
  // recorded the same eval_id before.
  absl::StatusOr<RecordedOne> Record(const std::string& council,
                                     const submission::FlatRecord& evaluation,
                                     const std::string& caller) override {
    if (!failure.ok()) return failure;
    const std::string eval_id = evaluation.Get("eval_id").value_or("");
    RecordedOne one;
    for (const auto& [earlier_council, earlier] : recorded) {
      if (earlier_council == council && earlier.Get("eval_id") == eval_id) one.replaced = true;
    }
    recorded.emplace_back(council, evaluation);
    one.recorded.mutable_self_evaluation()->set_eval_id(eval_id);
    one.recorded.set_recorded_by(caller);
    return one;
  }

  absl::Status failure;
  CurrentEvaluations current;
  // Versions to list: (council, version) in the store's order.
  std::vector<std::pair<std::string, v1::RecordedSelfEvaluation>> listed;
  // Every evaluation recorded: (council, record).
  std::vector<std::pair<std::string, submission::FlatRecord>> recorded;
  // The last filter List was asked.
  SelfEvaluationFilter last_filter;
};

// A self-evaluation of `area` dated `year`-`month`-`day` with `grade`.
inline v1::SelfEvaluation Evaluation(const std::string& eval_id, int area, int grade, int year,
                                     int month, int day) {
  v1::SelfEvaluation evaluation;
  evaluation.set_eval_id(eval_id);
  evaluation.set_area(area);
  evaluation.set_grade(grade);
  evaluation.mutable_eval_date()->set_year(year);
  evaluation.mutable_eval_date()->set_month(month);
  evaluation.mutable_eval_date()->set_day(day);
  evaluation.set_evidence(absl::StrCat("evidence for ", eval_id));
  return evaluation;
}

// Published versions in memory, numbered per council.
class FakePublished final : public PublishedReports {
 public:
  absl::StatusOr<std::optional<PublishedVersion>> FindByRequest(
      const std::string& council, const std::string& request_id) override {
    for (const PublishedVersion& version : versions) {
      if (version.summary.council() == council && version.request_id == request_id) {
        return std::optional<PublishedVersion>(version);
      }
    }
    return std::optional<PublishedVersion>();
  }

  absl::StatusOr<AddedPublication> Add(const NewPublication& publication) override {
    int64_t last = 0;
    for (const PublishedVersion& version : versions) {
      if (version.summary.council() == publication.council) {
        last = std::max(last, version.summary.version());
      }
    }
    PublishedVersion version;
    version.summary.set_version(last + 1);
    version.summary.set_council(publication.council);
    *version.summary.mutable_period() = PeriodToProto(publication.period);
    version.summary.set_published_by(publication.published_by);
    version.summary.set_note(publication.note);
    version.request_id = publication.request_id;
    version.report_bytes = publication.report_bytes;
    versions.push_back(version);
    return AddedPublication{version, false};
  }

  absl::StatusOr<PublishedVersion> Get(const std::string& council, int64_t number) override {
    for (const PublishedVersion& version : versions) {
      if (version.summary.council() == council && version.summary.version() == number) {
        return version;
      }
    }
    return absl::NotFoundError("no such version");
  }

  absl::StatusOr<std::vector<v1::PublishedReportSummary>> List(
      const PublishedFilter& filter) override {
    last_filter = filter;
    std::vector<v1::PublishedReportSummary> matching;
    for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
      if (it->summary.council() != filter.council) continue;
      if (filter.period.has_value() &&
          (DateFromProto(it->summary.period().first_day()) != filter.period->first ||
           DateFromProto(it->summary.period().last_day()) != filter.period->last)) {
        continue;
      }
      matching.push_back(it->summary);
    }
    std::vector<v1::PublishedReportSummary> listed;
    for (size_t i = static_cast<size_t>(filter.offset);
         i < matching.size() && listed.size() < static_cast<size_t>(filter.limit); ++i) {
      listed.push_back(matching[i]);
    }
    return listed;
  }

  std::vector<PublishedVersion> versions;
  // The last filter List was asked.
  PublishedFilter last_filter;
};

// Every source of a report, faked, the catalogue holding one indicator: 1 S.1 (area 1, Safe,
// lower is better) at 12% in every period.
struct FakeReportSources {
  FakeIndicators indicators{{FakeIndicator{
      "1 S.1", 1, common::v1::SHANARRI_THEME_SAFE, common::v1::POLARITY_LOWER_IS_BETTER, {12.0}}}};
  FakeWorkforce workforce;
  FakeIntake intake;
  FakeSelfEvaluations evaluations;
};

// The period 1 August 2023 to 31 July 2024 as a request sends it.
inline common::v1::Period ClasYear() {
  common::v1::Period period;
  period.mutable_first_day()->set_year(2023);
  period.mutable_first_day()->set_month(8);
  period.mutable_first_day()->set_day(1);
  period.mutable_last_day()->set_year(2024);
  period.mutable_last_day()->set_month(7);
  period.mutable_last_day()->set_day(31);
  return period;
}

}  // namespace pif::reporting::testing
