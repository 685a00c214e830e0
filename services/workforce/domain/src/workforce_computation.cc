#include "pif/workforce/domain/workforce_computation.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "pif/core/log.h"
#include "pif/workforce/domain/data_quality_notes.h"
#include "pif/workforce/domain/figure_catalogue.h"
#include "pif/workforce/domain/figure_shaping.h"
#include "pif/workforce/domain/figures.h"

namespace pif::workforce {
namespace {

// The set as returned: the stored figures with the provenance of their key and stored row.
WorkforceResultSet ResultSetOf(const ResultKey& key, StoredFigures stored, bool reused) {
  WorkforceResultSet set;
  set.provenance.council = key.council;
  set.provenance.period = key.period;
  set.provenance.workforce_data_version = key.workforce_data_version;
  set.provenance.intake_data_version = key.intake_data_version;
  set.provenance.definitions_version = key.definitions_version;
  set.provenance.computed_at = stored.computed_at;
  set.provenance.result_id = std::move(stored.result_id);
  set.provenance.policy = key.policy;
  set.figures = std::move(stored.figures);
  set.reused = reused;
  return set;
}

// The figures asked for of `computed`, shaped in catalogue order; INTERNAL when the domain gave
// one the catalogue lacks or left one out.
absl::StatusOr<std::vector<ShapedFigure>> ShapeAsked(
    const std::vector<figures::IndicatorResult>& computed, const std::vector<std::string>& codes,
    const std::optional<figures::DisclosurePolicy>& policy) {
  std::vector<ShapedFigure> shaped;
  for (const figures::IndicatorResult& result : computed) {
    const FigureDefinition* definition = FindFigure(result.code);
    if (definition == nullptr) {
      return absl::InternalError("the workforce domain gave a figure the catalogue lacks");
    }
    if (std::find(codes.begin(), codes.end(), result.code) == codes.end()) continue;
    shaped.push_back(ShapeFigure(result, *definition, policy));
  }
  if (shaped.size() != codes.size()) {
    return absl::InternalError("the workforce domain did not give every figure asked for");
  }
  return shaped;
}

}  // namespace

absl::StatusOr<WorkforceResultSet> WorkforceComputation::Compute(const ComputeRequest& request) {
  absl::StatusOr<WorkforceQuery> query = CheckComputeRequest(request);
  if (!query.ok()) return query.status();
  return ComputeChecked(*query);
}

absl::StatusOr<WorkforceResultSet> WorkforceComputation::ComputeChecked(
    const WorkforceQuery& query) {
  const absl::Time started = absl::Now();
  const bool needs_intake = NeedsCaseData(query.codes);

  ResultKey key;
  key.council = query.council;
  key.period = query.period;
  key.definitions_version = WorkforceDefinitionsVersion();
  key.codes = absl::StrJoin(query.codes, ",");
  if (query.published) key.policy = figures::DisclosurePolicy();

  // Figures stored for the current data versions are returned as they were stored.
  absl::StatusOr<int64_t> workforce_version = staff_.CurrentVersion(query.council);
  if (!workforce_version.ok()) return workforce_version.status();
  key.workforce_data_version = *workforce_version;
  if (needs_intake) {
    absl::StatusOr<int64_t> intake_version = intake_.CurrentVersion(query.council);
    if (!intake_version.ok()) return intake_version.status();
    key.intake_data_version = *intake_version;
  }
  absl::StatusOr<std::optional<StoredFigures>> found = results_.Find(key);
  if (!found.ok()) return found.status();
  if (found->has_value()) return ResultSetOf(key, **std::move(found), /*reused=*/true);

  // Each source is read in one consistent snapshot; the key quotes the versions actually read.
  absl::StatusOr<StaffSnapshot> staff = staff_.Read(query.council);
  if (!staff.ok()) return staff.status();
  key.workforce_data_version = staff->data_version;
  std::optional<IntakeOpenCases> cases;
  if (needs_intake) {
    absl::StatusOr<IntakeOpenCases> loaded = intake_.Load(query.council, query.period.census());
    if (!loaded.ok()) return loaded.status();
    key.intake_data_version = loaded->data_version;
    cases = *std::move(loaded);
  }
  const std::vector<figures::IndicatorResult> computed =
      ComputeWorkforce(staff->records.staff, staff->records.absences, query.period,
                       cases.has_value() ? &cases->cases : nullptr);
  absl::StatusOr<std::vector<ShapedFigure>> shaped = ShapeAsked(computed, query.codes, key.policy);
  if (!shaped.ok()) return shaped.status();
  absl::StatusOr<int64_t> open_rejections = staff_.OpenRejections(query.council);
  if (!open_rejections.ok()) return open_rejections.status();

  FigureSet to_store;
  to_store.notes = DataQualityNotes(*open_rejections, *shaped);
  for (ShapedFigure& figure : *shaped) to_store.results.push_back(std::move(figure.figure));
  absl::StatusOr<SavedFigures> saved = results_.Save(key, to_store);
  if (!saved.ok()) return saved.status();
  log::Event(log::Level::kInfo, "workforce_computed")
      .Str(log::Key::kCouncil, key.council)
      .Int(log::Key::kVersion, key.workforce_data_version)
      .Int(log::Key::kCount, static_cast<int64_t>(to_store.results.size()))
      .Int(log::Key::kDurationMs, absl::ToInt64Milliseconds(absl::Now() - started));
  return ResultSetOf(key, std::move(saved->stored), /*reused=*/!saved->inserted);
}

}  // namespace pif::workforce
