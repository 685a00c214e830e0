#include "pif/indicators/domain/explainer.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "pif/core/domain_status.h"
#include "pif/engine/engine.h"
#include "pif/indicators/domain/result_figures.h"

namespace pif::indicators {
namespace {

// A page token: the data version of the first page and the offset of the next unit.
constexpr char kTokenPrefix[] = "explain1";

struct PagePosition {
  int64_t data_version = -1;  // -1: first page, any version
  int64_t offset = 0;
};

std::string TokenFor(const PagePosition& position) {
  return absl::StrCat(kTokenPrefix, ":", position.data_version, ":", position.offset);
}

absl::StatusOr<PagePosition> ParseToken(const std::string& token) {
  PagePosition position;
  if (token.empty()) return position;
  std::vector<std::string> parts = absl::StrSplit(token, ':');
  if (parts.size() == 3 && parts[0] == kTokenPrefix &&
      absl::SimpleAtoi(parts[1], &position.data_version) &&
      absl::SimpleAtoi(parts[2], &position.offset) && position.data_version >= 0 &&
      position.offset >= 0) {
    return position;
  }
  return InvalidField("page_token", "MALFORMED_PAGE_TOKEN",
                      "page_token is not one this service handed out; start again without one");
}

absl::StatusOr<int> PageSize(int32_t requested) {
  if (requested < 0) {
    return InvalidField("page_size", "OUT_OF_RANGE",
                        absl::StrCat("page_size must be 0 (the default, ", kDefaultExplainPageSize,
                                     ") or 1 to ", kMaxExplainPageSize));
  }
  if (requested == 0) return kDefaultExplainPageSize;
  return std::min<int>(requested, kMaxExplainPageSize);
}

bool Selected(const engine::UnitExplanation& unit, UnitSelection selection) {
  switch (selection) {
    case UnitSelection::kAll:
      return true;
    case UnitSelection::kDenominator:
      return unit.in_denominator;
    case UnitSelection::kNumerator:
      return unit.in_numerator;
    case UnitSelection::kNotNumerator:
      return unit.in_denominator && !unit.in_numerator;
    case UnitSelection::kExcluded:
      return !unit.in_denominator;
  }
  return false;
}

}  // namespace

absl::StatusOr<ExplainPage> Explainer::Explain(const ExplainRequest& request) {
  if (absl::Status status = CheckCouncil(request.council); !status.ok()) return status;
  absl::StatusOr<figures::Period> period = figures::CheckPeriod(request.period, "period");
  if (!period.ok()) return period.status();
  if (request.code.empty()) {
    return InvalidField("code", "REQUIRED_FIELD_MISSING",
                        "code is required: the indicator code as ListIndicators writes it");
  }
  const engine::Indicator* indicator = engine::FindIndicator(request.code);
  if (indicator == nullptr) {
    const std::string shown =
        request.code.size() <= 40 ? request.code : request.code.substr(0, 40) + "...";
    return absl::NotFoundError(absl::StrCat("no indicator has the code \"", shown, "\""));
  }
  absl::StatusOr<int> page_size = PageSize(request.page_size);
  if (!page_size.ok()) return page_size.status();
  absl::StatusOr<PagePosition> position = ParseToken(request.page_token);
  if (!position.ok()) return position.status();

  absl::StatusOr<int64_t> version = snapshots_->CurrentVersion(request.council);
  if (!version.ok()) return version.status();
  absl::StatusOr<CouncilSnapshot> snapshot = snapshots_->Get(request.council, *version);
  if (!snapshot.ok()) return snapshot.status();
  if (position->data_version >= 0 && position->data_version != snapshot->data_version) {
    return absl::AbortedError(absl::StrCat(
        "the council's data changed between pages (data version ", position->data_version, " then ",
        snapshot->data_version, "): start the explanation again"));
  }

  std::optional<std::string> filter;
  if (!request.unit_id.empty()) filter = request.unit_id;
  absl::StatusOr<std::vector<engine::UnitExplanation>> units =
      engine::Explain(*snapshot->snapshot, *period, request.code, filter);
  if (!units.ok()) return units.status();
  if (filter.has_value() && units->empty()) {
    // "Explained whether or not it was considered": a unit the indicator never looked at.
    engine::UnitExplanation unit;
    unit.unit_id = *filter;
    if (snapshot->snapshot->FindChild(*filter) != nullptr) unit.person_id = *filter;
    unit.reasons.push_back(absl::StrCat(*filter, " is not among the units ", request.code,
                                        " considers for ", period->first.ToString(), " to ",
                                        period->last.ToString()));
    units->push_back(std::move(unit));
  }
  std::vector<engine::UnitExplanation> selected;
  for (engine::UnitExplanation& unit : *units) {
    if (Selected(unit, request.selection)) selected.push_back(std::move(unit));
  }
  std::stable_sort(selected.begin(), selected.end(),
                   [](const engine::UnitExplanation& a, const engine::UnitExplanation& b) {
                     return a.unit_id < b.unit_id;
                   });

  engine::ComputeRequest compute;
  compute.period = *period;
  compute.codes = {request.code};
  absl::StatusOr<std::vector<figures::IndicatorResult>> result =
      engine::Compute(*snapshot->snapshot, compute);
  if (!result.ok()) return result.status();

  ExplainPage page;
  page.provenance.council = request.council;
  page.provenance.period = *period;
  page.provenance.intake_data_version = snapshot->data_version;
  page.provenance.definitions_version = engine::DefinitionsVersion();
  page.provenance.computed_at = absl::Now();
  page.provenance.mode = DisclosureMode::kInternal;
  page.definition = &indicator->definition;
  page.result = InternalFigures(result->front(), indicator->definition);
  const size_t begin = std::min(selected.size(), static_cast<size_t>(position->offset));
  const size_t end = std::min(selected.size(), begin + static_cast<size_t>(*page_size));
  page.units.assign(std::make_move_iterator(selected.begin() + static_cast<std::ptrdiff_t>(begin)),
                    std::make_move_iterator(selected.begin() + static_cast<std::ptrdiff_t>(end)));
  if (end < selected.size()) {
    page.next_page_token = TokenFor({snapshot->data_version, static_cast<int64_t>(end)});
  }
  return page;
}

}  // namespace pif::indicators
