#include "pif/engine/engine.h"

#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "pif/dates/age.h"
#include "src/indicators/groups.h"

namespace pif::engine {
namespace {

constexpr Dimension kAllDimensions[] = {Dimension::kSex, Dimension::kAgeBand,
                                        Dimension::kEthnicGroup, Dimension::kDisability,
                                        Dimension::kLocality};

// Sums units into totals and breakdown cells.
class CountingSink final : public UnitSink {
 public:
  CountingSink(IndicatorResult* result, const std::vector<Dimension>& dimensions, Date census)
      : result_(result), dimensions_(dimensions), census_(census) {}

  void Add(absl::string_view, const Child* child, Membership membership,
           absl::FunctionRef<std::vector<std::string>()>) override {
    Count(child, membership, {}, {});
  }
  void AddWithCategory(absl::string_view, const Child* child, Membership membership,
                       absl::string_view dimension, absl::string_view category,
                       absl::FunctionRef<std::vector<std::string>()>) override {
    Count(child, membership, dimension, category);
  }
  void AddSupplementary(absl::string_view name, double amount) override {
    supplementary_[std::string(name)] += amount;
  }

  // Writes the cells and supplementary figures into the result, in a stable order.
  void Finish() {
    for (auto& [key, counts] : cells_) {
      result_->breakdowns.push_back(BreakdownCell{key.first, key.second, counts});
    }
    for (auto& [name, value] : supplementary_) {
      result_->supplementary.push_back(SupplementaryFigure{name, value});
    }
  }

 private:
  void Count(const Child* child, Membership membership, absl::string_view dimension,
             absl::string_view category) {
    if (membership == Membership::kOutside) return;
    if (membership == Membership::kUnknown) {
      ++result_->unknown;
      return;
    }
    const bool in_numerator = membership == Membership::kNumerator;
    Tally(result_->counts, in_numerator);
    if (!dimension.empty()) {
      Tally(cells_[{std::string(dimension), std::string(category)}], in_numerator);
    }
    if (child == nullptr) return;
    for (Dimension d : dimensions_) {
      Tally(cells_[{std::string(DimensionName(d)), CategoryOf(*child, d, census_)}], in_numerator);
    }
  }
  static void Tally(Counts& counts, bool in_numerator) {
    ++counts.denominator;
    if (in_numerator) ++counts.numerator;
  }

  IndicatorResult* result_;
  const std::vector<Dimension>& dimensions_;
  Date census_;
  std::map<std::pair<std::string, std::string>, Counts> cells_;
  std::map<std::string, double> supplementary_;
};

// Collects every unit with its reasons.
class ExplainingSink final : public UnitSink {
 public:
  explicit ExplainingSink(std::optional<std::string> filter) : filter_(std::move(filter)) {}

  void Add(absl::string_view unit_id, const Child* child, Membership membership,
           absl::FunctionRef<std::vector<std::string>()> reasons) override {
    const absl::string_view person = child != nullptr ? child->person_id : absl::string_view();
    if (filter_.has_value() && unit_id != *filter_ && person != *filter_) return;
    UnitExplanation unit;
    unit.unit_id = std::string(unit_id);
    unit.person_id = std::string(person);
    unit.in_denominator =
        membership == Membership::kDenominator || membership == Membership::kNumerator;
    unit.in_numerator = membership == Membership::kNumerator;
    unit.unknown = membership == Membership::kUnknown;
    unit.reasons = reasons();
    units_.push_back(std::move(unit));
  }
  void AddWithCategory(absl::string_view unit_id, const Child* child, Membership membership,
                       absl::string_view, absl::string_view,
                       absl::FunctionRef<std::vector<std::string>()> reasons) override {
    Add(unit_id, child, membership, reasons);
  }
  void AddSupplementary(absl::string_view, double) override {}

  std::vector<UnitExplanation> Take() { return std::move(units_); }

 private:
  std::optional<std::string> filter_;
  std::vector<UnitExplanation> units_;
};

absl::Status CheckPeriod(const Period& period) {
  if (period.last < period.first) {
    return absl::InvalidArgumentError(absl::StrCat("the period ends (", period.last.ToString(),
                                                   ") before it starts (", period.first.ToString(),
                                                   ")"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::string_view DimensionName(Dimension dimension) {
  switch (dimension) {
    case Dimension::kSex:
      return "sex";
    case Dimension::kAgeBand:
      return "age_band";
    case Dimension::kEthnicGroup:
      return "ethnic_group";
    case Dimension::kDisability:
      return "disability";
    case Dimension::kLocality:
      return "locality";
  }
  return "unknown";
}

std::optional<Dimension> ParseDimension(absl::string_view name) {
  for (Dimension d : kAllDimensions) {
    if (DimensionName(d) == name) return d;
  }
  return std::nullopt;
}

std::string AgeBandOf(const Child& child, Date census) {
  const std::optional<int> age = dates::AgeOn(child.dob, census);
  if (!age.has_value()) return "unborn";
  if (*age < 5) return "0-4";
  if (*age < 12) return "5-11";
  if (*age < 16) return "12-15";
  return "16+";
}

std::string CategoryOf(const Child& child, Dimension dimension, Date census) {
  const std::string* value = nullptr;
  switch (dimension) {
    case Dimension::kAgeBand:
      return AgeBandOf(child, census);
    case Dimension::kSex:
      value = &child.sex;
      break;
    case Dimension::kEthnicGroup:
      value = &child.ethnic_group;
      break;
    case Dimension::kDisability:
      value = &child.disability;
      break;
    case Dimension::kLocality:
      value = &child.locality;
      break;
  }
  return value->empty() ? "not recorded" : *value;
}

const std::vector<Indicator>& Catalogue() {
  static const std::vector<Indicator>* catalogue = [] {
    auto* all = new std::vector<Indicator>();
    for (auto group : kIndicatorGroups) {
      std::vector<Indicator> indicators = group();
      all->insert(all->end(), indicators.begin(), indicators.end());
    }
    return all;
  }();
  return *catalogue;
}

const Indicator* FindIndicator(absl::string_view code) {
  for (const Indicator& indicator : Catalogue()) {
    if (indicator.definition.code == code) return &indicator;
  }
  return nullptr;
}

const std::string& DefinitionsVersion() {
  static const std::string* version = [] {
    // FNV-1a over every code and version: any definition change gives a new set version.
    uint64_t hash = 1469598103934665603ULL;
    for (const Indicator& indicator : Catalogue()) {
      for (char c : absl::StrCat(indicator.definition.code, "=",
                                 indicator.definition.definition_version, ";")) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
      }
    }
    return new std::string(absl::StrFormat("defs-%012x", hash & 0xffffffffffffULL));
  }();
  return *version;
}

absl::StatusOr<std::vector<IndicatorResult>> Compute(const Snapshot& snapshot,
                                                     const ComputeRequest& request) {
  if (absl::Status status = CheckPeriod(request.period); !status.ok()) return status;
  std::vector<const Indicator*> selected;
  if (request.codes.empty()) {
    for (const Indicator& indicator : Catalogue()) selected.push_back(&indicator);
  } else {
    for (const std::string& code : request.codes) {
      const Indicator* indicator = FindIndicator(code);
      if (indicator == nullptr) {
        return absl::NotFoundError(absl::StrCat("no indicator has the code \"", code, "\""));
      }
      selected.push_back(indicator);
    }
  }
  std::vector<IndicatorResult> results;
  results.reserve(selected.size());
  for (const Indicator* indicator : selected) {
    IndicatorResult result;
    result.code = indicator->definition.code;
    CountingSink sink(&result, request.breakdowns, request.period.census());
    indicator->evaluate(snapshot, request.period, sink);
    sink.Finish();
    results.push_back(std::move(result));
  }
  return results;
}

absl::StatusOr<std::vector<UnitExplanation>> Explain(const Snapshot& snapshot, const Period& period,
                                                     absl::string_view code,
                                                     std::optional<std::string> unit_filter) {
  if (absl::Status status = CheckPeriod(period); !status.ok()) return status;
  const Indicator* indicator = FindIndicator(code);
  if (indicator == nullptr) {
    return absl::NotFoundError(absl::StrCat("no indicator has the code \"", code, "\""));
  }
  ExplainingSink sink(std::move(unit_filter));
  indicator->evaluate(snapshot, period, sink);
  return sink.Take();
}

}  // namespace pif::engine
