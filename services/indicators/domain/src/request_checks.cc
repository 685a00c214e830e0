#include "pif/indicators/domain/request_checks.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "pif/core/domain_status.h"

namespace pif::indicators {
namespace {

constexpr BreakdownCellOnly kBreakdownCellsOnly[] = {
    {"2 R.5 child", "2 R.5", "respondent", "CHILD"},
    {"2 R.5 parent", "2 R.5", "respondent", "PARENT_CARER"},
};

constexpr engine::Dimension kDimensionOrder[] = {
    engine::Dimension::kSex, engine::Dimension::kAgeBand, engine::Dimension::kEthnicGroup,
    engine::Dimension::kDisability, engine::Dimension::kLocality};

}  // namespace

absl::StatusOr<std::vector<std::string>> CheckCodes(const std::vector<std::string>& codes,
                                                    const std::string& field) {
  for (size_t i = 0; i < codes.size(); ++i) {
    if (engine::FindIndicator(codes[i]) != nullptr) continue;
    const std::string name = absl::StrCat(field, "[", i, "]");
    // A code is not child data; quote it so the integrator sees the typo (bounded in length).
    const std::string shown = codes[i].size() <= 40 ? codes[i] : codes[i].substr(0, 40) + "...";
    return InvalidField(
        name, "UNKNOWN_INDICATOR_CODE",
        absl::StrCat(name, " \"", shown,
                     "\" is not an indicator code of the catalogue (written as ",
                     "ListIndicators writes it, for example \"1 N.5a\" or \"5.1\")"));
  }
  std::vector<std::string> ordered;
  for (const engine::Indicator& indicator : engine::Catalogue()) {
    if (std::find(codes.begin(), codes.end(), indicator.definition.code) != codes.end()) {
      ordered.push_back(indicator.definition.code);
    }
  }
  return ordered;
}

const BreakdownCellOnly* PublishedOnlyAsBreakdown(std::string_view code) {
  for (const BreakdownCellOnly& part : kBreakdownCellsOnly) {
    if (code == part.code) return &part;
  }
  return nullptr;
}

absl::StatusOr<std::vector<std::string>> CheckCodesFor(const std::vector<std::string>& codes,
                                                       DisclosureMode mode,
                                                       const std::string& field) {
  absl::StatusOr<std::vector<std::string>> checked = CheckCodes(codes, field);
  if (!checked.ok() || mode != DisclosureMode::kPublished) return checked;
  for (size_t i = 0; i < codes.size(); ++i) {
    const BreakdownCellOnly* part = PublishedOnlyAsBreakdown(codes[i]);
    if (part == nullptr) continue;
    const std::string name = absl::StrCat(field, "[", i, "]");
    return InvalidField(
        name, "PUBLISHED_ONLY_AS_BREAKDOWN",
        absl::StrCat(name, " \"", part->code, "\" is not published on its own: it is published ",
                     "only as the ", part->category, " cell of the ", part->dimension,
                     " breakdown of \"", part->whole, "\", where it is protected with the other ",
                     "cells (beside its total it could be worked out by subtraction); ask for \"",
                     part->whole, "\" or for INTERNAL figures"));
  }
  if (!checked->empty()) return checked;
  std::vector<std::string> published;
  for (const engine::Indicator& indicator : engine::Catalogue()) {
    if (PublishedOnlyAsBreakdown(indicator.definition.code) == nullptr) {
      published.push_back(indicator.definition.code);
    }
  }
  return published;
}

absl::StatusOr<std::vector<engine::Dimension>> CheckBreakdowns(
    const std::vector<std::string>& names, const std::string& field) {
  std::vector<engine::Dimension> wanted;
  for (size_t i = 0; i < names.size(); ++i) {
    std::optional<engine::Dimension> dimension = engine::ParseDimension(names[i]);
    if (!dimension.has_value()) {
      std::vector<std::string> known;
      for (engine::Dimension d : kDimensionOrder) {
        known.emplace_back(engine::DimensionName(d));
      }
      const std::string name = absl::StrCat(field, "[", i, "]");
      const std::string shown = names[i].size() <= 40 ? names[i] : names[i].substr(0, 40) + "...";
      return InvalidField(name, "UNKNOWN_BREAKDOWN_DIMENSION",
                          absl::StrCat(name, " \"", shown, "\" is not a breakdown dimension; use ",
                                       absl::StrJoin(known, ", ")));
    }
    wanted.push_back(*dimension);
  }
  std::vector<engine::Dimension> ordered;
  for (engine::Dimension d : kDimensionOrder) {
    if (std::find(wanted.begin(), wanted.end(), d) != wanted.end()) ordered.push_back(d);
  }
  return ordered;
}

}  // namespace pif::indicators
