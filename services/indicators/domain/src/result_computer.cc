#include "pif/indicators/domain/result_computer.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "pif/core/domain_status.h"
#include "pif/engine/engine.h"
#include "pif/indicators/domain/data_quality_notes.h"
#include "pif/indicators/domain/period_sequence.h"
#include "pif/indicators/domain/result_figures.h"

namespace pif::indicators {
namespace {

// The part of a result key that says what was asked for, in canonical form.
std::string RequestText(const std::vector<std::string>& codes,
                        const std::vector<engine::Dimension>& breakdowns) {
  std::vector<std::string> names;
  for (engine::Dimension d : breakdowns) names.emplace_back(engine::DimensionName(d));
  return absl::StrCat("codes=", codes.empty() ? "*" : absl::StrJoin(codes, ","),
                      ";breakdowns=", absl::StrJoin(names, ","));
}

// OK unless a PUBLISHED set holds a result published only as a breakdown cell. A plan never asks
// for one (CheckCodesFor); this keeps any set, stored or computed, that breaks the rule from
// being handed out.
absl::Status CheckPublishable(const ResultSet& set) {
  if (set.provenance.mode != DisclosureMode::kPublished) return absl::OkStatus();
  for (const IndicatorFigures& figures : set.results) {
    if (PublishedOnlyAsBreakdown(figures.code) != nullptr) {
      return absl::InternalError(absl::StrCat("published result set ", set.provenance.result_id,
                                              " holds ", figures.code,
                                              ", which is published only as a breakdown cell"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ResultSet> ComputeResultSet(
    const CouncilSnapshot& snapshot, const std::string& council, const figures::Period& period,
    const std::vector<std::string>& codes, const std::vector<engine::Dimension>& breakdowns,
    DisclosureMode mode, const std::optional<figures::DisclosurePolicy>& policy) {
  engine::ComputeRequest request;
  request.period = period;
  request.codes = codes;
  request.breakdowns = breakdowns;
  absl::StatusOr<std::vector<figures::IndicatorResult>> results =
      engine::Compute(*snapshot.snapshot, request);
  if (!results.ok()) return results.status();
  ResultSet set;
  set.provenance.council = council;
  set.provenance.period = period;
  set.provenance.intake_data_version = snapshot.data_version;
  set.provenance.definitions_version = engine::DefinitionsVersion();
  set.provenance.mode = mode;
  if (mode == DisclosureMode::kPublished)
    set.provenance.policy = policy.value_or(figures::DisclosurePolicy());
  for (const figures::IndicatorResult& result : *results) {
    const engine::Indicator* indicator = engine::FindIndicator(result.code);
    if (indicator == nullptr) {
      return absl::InternalError(absl::StrCat("the engine returned unknown code ", result.code));
    }
    set.results.push_back(
        mode == DisclosureMode::kPublished
            ? PublishedFigures(result, indicator->definition, *set.provenance.policy)
            : InternalFigures(result, indicator->definition));
  }
  set.notes = DataQualityNotes(snapshot.open_rejections, set.results, !breakdowns.empty());
  return set;
}

absl::StatusOr<ResultComputer::Plan> ResultComputer::MakePlan(
    const std::string& council, std::vector<figures::Period> periods,
    const std::vector<std::string>& codes, const std::vector<std::string>& breakdowns,
    DisclosureMode mode) {
  Plan plan;
  plan.council = council;
  plan.periods = std::move(periods);
  plan.mode = mode;
  absl::StatusOr<std::vector<std::string>> checked_codes = CheckCodesFor(codes, mode);
  if (!checked_codes.ok()) return checked_codes.status();
  plan.codes = std::move(*checked_codes);
  absl::StatusOr<std::vector<engine::Dimension>> checked_breakdowns = CheckBreakdowns(breakdowns);
  if (!checked_breakdowns.ok()) return checked_breakdowns.status();
  plan.breakdowns = std::move(*checked_breakdowns);
  if (mode == DisclosureMode::kPublished) {
    absl::StatusOr<PolicyInForce> policy = policies_->Get(council);
    if (!policy.ok()) return policy.status();
    plan.policy = policy->policy;
  }
  return plan;
}

absl::StatusOr<std::vector<ComputedResultSet>> ResultComputer::Run(const Plan& plan) {
  absl::StatusOr<int64_t> version = snapshots_->CurrentVersion(plan.council);
  if (!version.ok()) return version.status();
  ResultKey key;
  key.council = plan.council;
  key.definitions_version = engine::DefinitionsVersion();
  key.request = RequestText(plan.codes, plan.breakdowns);
  key.mode = plan.mode;
  key.policy = plan.policy;

  // Looks every period up at one data version; true when all were stored.
  std::vector<std::optional<ResultSet>> stored(plan.periods.size());
  auto look_up = [&](int64_t data_version) -> absl::StatusOr<bool> {
    bool all = true;
    key.intake_data_version = data_version;
    for (size_t i = 0; i < plan.periods.size(); ++i) {
      key.period = plan.periods[i];
      absl::StatusOr<std::optional<ResultSet>> found = store_->FindResult(key);
      if (!found.ok()) return found.status();
      stored[i] = std::move(*found);
      all = all && stored[i].has_value();
    }
    return all;
  };
  absl::StatusOr<bool> all_stored = look_up(*version);
  if (!all_stored.ok()) return all_stored.status();

  std::vector<ComputedResultSet> sets(plan.periods.size());
  if (!*all_stored) {
    absl::StatusOr<CouncilSnapshot> snapshot = snapshots_->Get(plan.council, *version);
    if (!snapshot.ok()) return snapshot.status();
    if (snapshot->data_version != *version) {
      // The data changed since the version was asked: every period must come from the newer one.
      all_stored = look_up(snapshot->data_version);
      if (!all_stored.ok()) return all_stored.status();
    }
    key.intake_data_version = snapshot->data_version;
    for (size_t i = 0; i < plan.periods.size(); ++i) {
      if (stored[i].has_value()) continue;
      absl::StatusOr<ResultSet> computed =
          ComputeResultSet(*snapshot, plan.council, plan.periods[i], plan.codes, plan.breakdowns,
                           plan.mode, plan.policy);
      if (!computed.ok()) return computed.status();
      key.period = plan.periods[i];
      absl::StatusOr<SavedResultSet> saved = store_->SaveResult(key, *computed);
      if (!saved.ok()) return saved.status();
      sets[i] = {std::move(saved->set), saved->already_stored};
    }
  }
  for (size_t i = 0; i < plan.periods.size(); ++i) {
    if (stored[i].has_value()) sets[i] = {std::move(*stored[i]), true};
    if (absl::Status status = CheckPublishable(sets[i].set); !status.ok()) return status;
  }
  return sets;
}

absl::StatusOr<ComputedResultSet> ResultComputer::Compute(const ComputeRequest& request) {
  if (absl::Status status = CheckCouncil(request.council); !status.ok()) return status;
  absl::StatusOr<figures::Period> period = figures::CheckPeriod(request.period, "period");
  if (!period.ok()) return period.status();
  absl::StatusOr<Plan> plan =
      MakePlan(request.council, {*period}, request.codes, request.breakdowns, request.mode);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<std::vector<ComputedResultSet>> sets = Run(*plan);
  if (!sets.ok()) return sets.status();
  return std::move(sets->front());
}

absl::StatusOr<std::vector<ResultSet>> ResultComputer::ComputeSeries(const SeriesRequest& request) {
  if (absl::Status status = CheckCouncil(request.council); !status.ok()) return status;
  std::vector<figures::Period> periods;
  if (request.sequence.has_value()) {
    absl::StatusOr<figures::Period> first =
        figures::CheckPeriod(request.sequence->first, "sequence.first");
    if (!first.ok()) return first.status();
    absl::StatusOr<std::vector<figures::Period>> consecutive = ConsecutivePeriods(
        *first, request.sequence->count, request.sequence->step_months, "sequence");
    if (!consecutive.ok()) return consecutive.status();
    periods = std::move(*consecutive);
  } else if (request.list.has_value()) {
    const std::vector<figures::PeriodFields>& list = *request.list;
    if (list.empty() || list.size() > static_cast<size_t>(kMaxSeriesPeriods)) {
      const std::string message = absl::StrCat("list.periods must hold 1 to ", kMaxSeriesPeriods,
                                               " periods; it holds ", list.size());
      return InvalidArgumentWithFields(message, {{"list.periods", "OUT_OF_RANGE", message}});
    }
    for (size_t i = 0; i < list.size(); ++i) {
      absl::StatusOr<figures::Period> period =
          figures::CheckPeriod(list[i], absl::StrCat("list.periods[", i, "]"));
      if (!period.ok()) return period.status();
      periods.push_back(*period);
    }
  } else {
    const std::string message = "periods is required: a sequence or a list of periods";
    return InvalidArgumentWithFields(message, {{"periods", "REQUIRED_FIELD_MISSING", message}});
  }
  absl::StatusOr<Plan> plan = MakePlan(request.council, std::move(periods), request.codes,
                                       request.breakdowns, request.mode);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<std::vector<ComputedResultSet>> sets = Run(*plan);
  if (!sets.ok()) return sets.status();
  std::vector<ResultSet> results;
  for (ComputedResultSet& set : *sets) results.push_back(std::move(set.set));
  return results;
}

}  // namespace pif::indicators
