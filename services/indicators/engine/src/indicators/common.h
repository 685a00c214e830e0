// Small helpers shared by the indicator group files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "pif/dates/age.h"
#include "pif/engine/indicator.h"

namespace pif::engine::rules {

// A short break placement (short_break = Y): ignored everywhere.
inline bool IsShortBreak(const Placement& p) { return p.short_break == "Y"; }
// An accommodating placement: not HOME and not a short break.
inline bool IsAccommodating(const Placement& p) { return p.type != "HOME" && !IsShortBreak(p); }

// Membership from the two tests of a unit.
inline Membership MembershipOf(bool in_denominator, bool in_numerator) {
  if (!in_denominator) return Membership::kOutside;
  return in_numerator ? Membership::kNumerator : Membership::kDenominator;
}

// Age in completed years on d; nullopt when no dob or dob after d.
inline std::optional<int> AgeOn(const Child& child, Date d) { return dates::AgeOn(child.dob, d); }

// "d" as YYYY-MM-DD, for reasons.
inline std::string Text(Date d) { return d.ToString(); }
// An optional date as YYYY-MM-DD or "not recorded".
inline std::string Text(const std::optional<Date>& d) {
  return d.has_value() ? d->ToString() : std::string("not recorded");
}

// A value or "not recorded", for reasons.
inline std::string Text(const std::string& code) {
  return code.empty() ? std::string("not recorded") : code;
}

// The "D:" part of a definition written "D: ... N: ...", without the marker; empty without it.
inline std::string DenominatorPart(const std::string& definition) {
  const size_t d = definition.find("D: ");
  if (d == std::string::npos) return "";
  const size_t n = definition.find(" N: ", d);
  return definition.substr(d + 3, n == std::string::npos ? std::string::npos : n - d - 3);
}

// The first sentence of the "N:" part of a definition, without the marker; empty without it.
inline std::string NumeratorPart(const std::string& definition) {
  const size_t n = definition.find(" N: ");
  if (n == std::string::npos) return "";
  const size_t begin = n + 4;
  const size_t end = definition.find(". ", begin);
  return definition.substr(begin, end == std::string::npos ? std::string::npos : end + 1 - begin);
}

// A definition with the fields every indicator sets.
inline IndicatorDefinition Define(std::string code, std::string title, int area, Theme theme,
                                  UnitKind unit, Polarity polarity, std::string definition) {
  IndicatorDefinition d;
  d.code = std::move(code);
  d.title = std::move(title);
  d.area = area;
  d.theme = theme;
  d.unit = unit;
  d.polarity = polarity;
  d.definition_version = "1";
  d.denominator_text = DenominatorPart(definition);
  d.numerator_text = NumeratorPart(definition);
  d.definition = std::move(definition);
  return d;
}

// `d` with breakdown dimensions of its own.
inline IndicatorDefinition WithOwnDimensions(IndicatorDefinition d,
                                             std::vector<std::string> dimensions) {
  d.own_dimensions = std::move(dimensions);
  return d;
}

// `d` reporting these supplementary figures.
inline IndicatorDefinition WithSupplementary(IndicatorDefinition d,
                                             std::vector<std::string> names) {
  d.supplementary_names = std::move(names);
  return d;
}

}  // namespace pif::engine::rules
