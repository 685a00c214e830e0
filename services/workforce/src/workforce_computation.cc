#include "workforce_computation.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "compute_request.h"
#include "data_quality_notes.h"
#include "domain/figure_catalogue.h"
#include "domain/figures.h"
#include "domain/workforce_schema.h"
#include "figure_protos.h"
#include "pif/core/log.h"
#include "pif/proto_util/dates.h"
#include "pif/submission_grpc/proto_conversions.h"
#include "staff_rows.h"

namespace pif::workforce {
namespace {

common::v1::Date DateToProto(dates::Date date) {
  common::v1::Date out;
  out.set_year(date.year());
  out.set_month(date.month());
  out.set_day(date.day());
  return out;
}

// The provenance of stored figures: from their key and their stored row.
common::v1::Provenance ProvenanceOf(const ResultKey& key, const StoredFigures& stored) {
  common::v1::Provenance provenance;
  provenance.set_council(key.council);
  *provenance.mutable_period()->mutable_first_day() = DateToProto(key.period.first);
  *provenance.mutable_period()->mutable_last_day() = DateToProto(key.period.last);
  provenance.set_intake_data_version(key.intake_data_version);
  provenance.set_workforce_data_version(key.workforce_data_version);
  provenance.set_definitions_version(key.definitions_version);
  *provenance.mutable_computed_at() = ToTimestamp(stored.computed_at);
  provenance.set_result_id(stored.result_id);
  if (key.policy.has_value()) {
    provenance.set_disclosure_mode(common::v1::DISCLOSURE_MODE_PUBLISHED);
    common::v1::DisclosurePolicy* policy = provenance.mutable_disclosure_policy();
    policy->set_council(key.council);
    policy->set_min_shown_count(key.policy->smallest_shown_count);
    policy->set_min_denominator(key.policy->min_percent_denominator);
    policy->set_secondary_suppression(key.policy->secondary_suppression);
  } else {
    provenance.set_disclosure_mode(common::v1::DISCLOSURE_MODE_INTERNAL);
  }
  return provenance;
}

v1::ComputeWorkforceResponse ResponseOf(const ResultKey& key, StoredFigures stored, bool reused) {
  v1::ComputeWorkforceResponse response = std::move(stored.figures);
  *response.mutable_provenance() = ProvenanceOf(key, stored);
  response.set_reused(reused);
  return response;
}

// The council's staff rows and absences, and the workforce data version they were read at.
absl::StatusOr<StaffRecords> ReadStaff(submission::SubmissionStore& store,
                                       const std::string& council, int64_t* data_version) {
  StaffRecords records;
  absl::Status read = store.ReadSnapshot(
      council, {},
      [&](const submission::SnapshotInfo& info) {
        *data_version = info.data_version;
        return absl::OkStatus();
      },
      [&](const submission::FlatRecord& record) { return AppendStoredRecord(record, &records); });
  if (!read.ok()) return read;
  return records;
}

// The council's workforce rejections still open.
absl::StatusOr<int64_t> OpenRejections(submission::SubmissionStore& store,
                                       const std::string& council) {
  submission::RejectionFilter filter;
  filter.council = council;
  filter.page_size = 1;
  auto page = store.ListRejections(filter);
  if (!page.ok()) return page.status();
  return page->open_count;
}

}  // namespace

absl::StatusOr<v1::ComputeWorkforceResponse> WorkforceComputation::Compute(
    const v1::ComputeWorkforceRequest& request) {
  const absl::Time started = absl::Now();
  absl::StatusOr<ComputeArgs> args = CheckComputeRequest(request);
  if (!args.ok()) return args.status();
  const bool needs_intake = NeedsCaseData(args->codes);

  ResultKey key;
  key.council = args->council;
  key.period = args->period;
  key.definitions_version = WorkforceDefinitionsVersion();
  key.codes = absl::StrJoin(args->codes, ",");
  if (args->published) key.policy = figures::DisclosurePolicy();

  // Figures stored for the current data versions are returned as they were stored.
  auto workforce_version = records_.GetDataVersion(args->council);
  if (!workforce_version.ok()) return workforce_version.status();
  key.workforce_data_version = workforce_version->version;
  if (needs_intake) {
    absl::StatusOr<int64_t> intake_version = intake_.CurrentVersion(args->council);
    if (!intake_version.ok()) return intake_version.status();
    key.intake_data_version = *intake_version;
  }
  auto found = results_.Find(key);
  if (!found.ok()) return found.status();
  if (found->has_value()) return ResponseOf(key, **std::move(found), /*reused=*/true);

  // Each source is read in one consistent snapshot; the key quotes the versions actually read.
  absl::StatusOr<StaffRecords> staff =
      ReadStaff(records_, args->council, &key.workforce_data_version);
  if (!staff.ok()) return staff.status();
  std::optional<IntakeOpenCases> cases;
  if (needs_intake) {
    absl::StatusOr<IntakeOpenCases> loaded = intake_.Load(args->council, args->period.census());
    if (!loaded.ok()) return loaded.status();
    key.intake_data_version = loaded->data_version;
    cases = *std::move(loaded);
  }
  const std::vector<figures::IndicatorResult> computed = ComputeWorkforce(
      staff->staff, staff->absences, args->period, cases.has_value() ? &cases->cases : nullptr);

  std::vector<FigureProto> figures;
  for (const figures::IndicatorResult& result : computed) {
    const FigureDefinition* definition = FindFigure(result.code);
    if (definition == nullptr) {
      return absl::InternalError("the workforce domain gave a figure the catalogue lacks");
    }
    if (std::find(args->codes.begin(), args->codes.end(), result.code) == args->codes.end()) {
      continue;
    }
    figures.push_back(FigureToProto(result, *definition, key.policy));
  }
  if (figures.size() != args->codes.size()) {
    return absl::InternalError("the workforce domain did not give every figure asked for");
  }
  absl::StatusOr<int64_t> open_rejections = OpenRejections(records_, args->council);
  if (!open_rejections.ok()) return open_rejections.status();

  v1::ComputeWorkforceResponse computed_figures;
  for (common::v1::DataQualityNote& note : DataQualityNotes(*open_rejections, figures)) {
    *computed_figures.add_notes() = std::move(note);
  }
  for (FigureProto& figure : figures) *computed_figures.add_results() = std::move(figure.result);
  bool inserted = false;
  absl::StatusOr<StoredFigures> stored = results_.Save(key, computed_figures, &inserted);
  if (!stored.ok()) return stored.status();
  log::Event(log::Level::kInfo, "workforce_computed")
      .Str(log::Key::kCouncil, key.council)
      .Int(log::Key::kVersion, key.workforce_data_version)
      .Int(log::Key::kCount, static_cast<int64_t>(figures.size()))
      .Int(log::Key::kDurationMs, absl::ToInt64Milliseconds(absl::Now() - started));
  return ResponseOf(key, *std::move(stored), /*reused=*/!inserted);
}

}  // namespace pif::workforce
