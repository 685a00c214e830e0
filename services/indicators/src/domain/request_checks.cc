#include "request_checks.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "pif/common/domain_status.h"

namespace pif::indicators {
namespace {

constexpr BreakdownCellOnly kBreakdownCellsOnly[] = {
    {"2 R.5 child", "2 R.5", "respondent", "CHILD"},
    {"2 R.5 parent", "2 R.5", "respondent", "PARENT_CARER"},
};

constexpr engine::Dimension kDimensionOrder[] = {
    engine::Dimension::kSex, engine::Dimension::kAgeBand, engine::Dimension::kEthnicGroup,
    engine::Dimension::kDisability, engine::Dimension::kLocality};

absl::Status Invalid(const std::string& field, const std::string& rule,
                     const std::string& message) {
  return InvalidArgumentWithFields(message, {{field, rule, message}});
}

absl::StatusOr<engine::Date> CheckDay(const std::optional<DateFields>& day,
                                      const std::string& field) {
  if (!day.has_value()) {
    return Invalid(field, "REQUIRED_FIELD_MISSING", field + " is required");
  }
  std::optional<engine::Date> date = engine::Date::FromYmd(day->year, day->month, day->day);
  if (!date.has_value() || day->year < 1900 || day->year > 2100) {
    return Invalid(field, "MALFORMED_DATE",
                   absl::StrCat(field, " ", day->year, "-", day->month, "-", day->day,
                                " is not a calendar date from 1900 to 2100"));
  }
  return *date;
}

}  // namespace

absl::StatusOr<engine::Period> CheckPeriod(const PeriodFields& period, const std::string& field) {
  if (!period.first_day.has_value() && !period.last_day.has_value()) {
    return Invalid(field, "REQUIRED_FIELD_MISSING",
                   field + " is required: its first_day and last_day");
  }
  absl::StatusOr<engine::Date> first = CheckDay(period.first_day, field + ".first_day");
  if (!first.ok()) return first.status();
  absl::StatusOr<engine::Date> last = CheckDay(period.last_day, field + ".last_day");
  if (!last.ok()) return last.status();
  if (*last < *first) {
    return Invalid(field + ".last_day", "PERIOD_END_BEFORE_START",
                   absl::StrCat(field, ".last_day ", last->ToString(), " is before ", field,
                                ".first_day ", first->ToString()));
  }
  return engine::Period{*first, *last};
}

absl::StatusOr<std::vector<std::string>> CheckCodes(const std::vector<std::string>& codes,
                                                    const std::string& field) {
  for (size_t i = 0; i < codes.size(); ++i) {
    if (engine::FindIndicator(codes[i]) != nullptr) continue;
    const std::string name = absl::StrCat(field, "[", i, "]");
    // A code is not child data; quote it so the integrator sees the typo (bounded in length).
    const std::string shown = codes[i].size() <= 40 ? codes[i] : codes[i].substr(0, 40) + "...";
    return Invalid(name, "UNKNOWN_INDICATOR_CODE",
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
    return Invalid(
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
      return Invalid(name, "UNKNOWN_BREAKDOWN_DIMENSION",
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
