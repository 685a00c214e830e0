#include "figures_json.h"

#include <cstdint>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "pif/results_pg/stored_names.h"

namespace pif::workforce {
namespace {

using nlohmann::json;

using results_pg::NameOf;
using results_pg::StoredName;
using Unreadable = results_pg::UnreadableStored;

// Each enum by its name in the contract: the text is the stored form and never changes meaning.
constexpr StoredName<figures::SuppressionReason> kSuppressionNames[] = {
    {figures::SuppressionReason::kNone, "SUPPRESSION_REASON_UNSPECIFIED"},
    {figures::SuppressionReason::kPrimary, "SUPPRESSION_REASON_PRIMARY"},
    {figures::SuppressionReason::kSecondary, "SUPPRESSION_REASON_SECONDARY"},
};
// Read back by the first name that matches: a suppressed denominator is stored as under the
// threshold (the contract's one reason for both).
constexpr StoredName<figures::WithholdReason> kWithholdNames[] = {
    {figures::WithholdReason::kNone, "WITHHOLD_REASON_UNSPECIFIED"},
    {figures::WithholdReason::kNoDenominator, "WITHHOLD_REASON_NO_DENOMINATOR"},
    {figures::WithholdReason::kNumeratorSuppressed, "WITHHOLD_REASON_NUMERATOR_SUPPRESSED"},
    {figures::WithholdReason::kDenominatorUnderThreshold,
     "WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD"},
    {figures::WithholdReason::kDenominatorSuppressed,
     "WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD"},
};
constexpr StoredName<figures::Polarity> kPolarityNames[] = {
    {figures::Polarity::kHigherIsBetter, "POLARITY_HIGHER_IS_BETTER"},
    {figures::Polarity::kLowerIsBetter, "POLARITY_LOWER_IS_BETTER"},
    {figures::Polarity::kNeutral, "POLARITY_NEUTRAL"},
};

// The value of the stored name `text` (a JSON string).
template <typename Enum, size_t N>
Enum ValueOf(const StoredName<Enum> (&names)[N], const json& text) {
  return results_pg::ValueOf(names, text.get<std::string>());
}

// Text fields: left out when empty, as protobuf leaves them out.
void PutText(json& out, const char* name, const std::string& value) {
  if (!value.empty()) out[name] = value;
}
std::string TextOf(const json& in, const char* name) {
  return in.contains(name) ? in.at(name).get<std::string>() : std::string();
}

// int64 as protobuf writes it (a string); read from a string or a number.
int64_t Int64Of(const json& in) {
  if (in.is_number_integer()) return in.get<int64_t>();
  int64_t value = 0;
  if (!in.is_string() || !absl::SimpleAtoi(in.get<std::string>(), &value)) {
    throw Unreadable{"a stored count is not a whole number"};
  }
  return value;
}

json CountJson(const figures::PublishedCount& count) {
  // A suppressed count never carries its number.
  if (count.suppressed() || !count.value.has_value()) {
    return {{"suppressed", NameOf(kSuppressionNames, count.reason)}};
  }
  return {{"value", absl::StrCat(*count.value)}};
}

figures::PublishedCount CountFrom(const json& in) {
  figures::PublishedCount count;
  if (in.contains("value")) count.value = Int64Of(in.at("value"));
  if (in.contains("suppressed")) count.reason = ValueOf(kSuppressionNames, in.at("suppressed"));
  return count;
}

// A Percentage or a Measure: a value, or the reason it is withheld.
json ValueJson(const std::optional<double>& value, figures::WithholdReason reason) {
  if (value.has_value()) return {{"value", *value}};
  return {{"withheld", NameOf(kWithholdNames, reason)}};
}

void ValueFrom(const json& in, std::optional<double>* value, figures::WithholdReason* reason) {
  if (in.contains("value")) *value = in.at("value").get<double>();
  if (in.contains("withheld")) *reason = ValueOf(kWithholdNames, in.at("withheld"));
}

json PercentJson(const figures::PublishedPercent& percent) {
  return ValueJson(percent.value, percent.reason);
}
figures::PublishedPercent PercentFrom(const json& in) {
  figures::PublishedPercent percent;
  ValueFrom(in, &percent.value, &percent.reason);
  return percent;
}
json MeasureJson(const PublishedMeasure& measure) {
  return ValueJson(measure.value, measure.reason);
}
PublishedMeasure MeasureFrom(const json& in) {
  PublishedMeasure measure;
  ValueFrom(in, &measure.value, &measure.reason);
  return measure;
}

json CellJson(const figures::PublishedCell& cell) {
  json out = json::object();
  PutText(out, "dimension", cell.dimension);
  PutText(out, "category", cell.category);
  out["numerator"] = CountJson(cell.numerator);
  out["denominator"] = CountJson(cell.denominator);
  out["value"] = PercentJson(cell.percent);
  return out;
}

figures::PublishedCell CellFrom(const json& in) {
  figures::PublishedCell cell;
  cell.dimension = TextOf(in, "dimension");
  cell.category = TextOf(in, "category");
  cell.numerator = CountFrom(in.at("numerator"));
  cell.denominator = CountFrom(in.at("denominator"));
  cell.percent = PercentFrom(in.at("value"));
  return cell;
}

json SupplementJson(const FigureSupplement& supplement) {
  json out = json::object();
  PutText(out, "name", supplement.name);
  PutText(out, "label", supplement.label);
  if (const auto* count = std::get_if<figures::PublishedCount>(&supplement.value)) {
    out["count"] = CountJson(*count);
  } else {
    out["measure"] = MeasureJson(std::get<PublishedMeasure>(supplement.value));
  }
  PutText(out, "unit", supplement.unit);
  return out;
}

FigureSupplement SupplementFrom(const json& in) {
  FigureSupplement supplement;
  supplement.name = TextOf(in, "name");
  supplement.label = TextOf(in, "label");
  supplement.unit = TextOf(in, "unit");
  if (in.contains("count")) {
    supplement.value = CountFrom(in.at("count"));
  } else {
    supplement.value = MeasureFrom(in.at("measure"));
  }
  return supplement;
}

json FigureJson(const WorkforceFigure& figure) {
  json out = json::object();
  PutText(out, "code", figure.code);
  PutText(out, "title", figure.title);
  if (figure.numerator.has_value()) out["numerator"] = CountJson(*figure.numerator);
  if (figure.denominator.has_value()) out["denominator"] = CountJson(*figure.denominator);
  if (const auto* percent = std::get_if<figures::PublishedPercent>(&figure.headline)) {
    out["value"] = PercentJson(*percent);
  } else if (const auto* measure = std::get_if<PublishedMeasure>(&figure.headline)) {
    out["measure"] = MeasureJson(*measure);
  }
  if (figure.unknown.has_value()) out["unknown"] = CountJson(*figure.unknown);
  out["polarity"] = NameOf(kPolarityNames, figure.polarity);
  PutText(out, "definition_version", figure.definition_version);
  if (!figure.breakdowns.empty()) {
    json cells = json::array();
    for (const figures::PublishedCell& cell : figure.breakdowns) cells.push_back(CellJson(cell));
    out["breakdowns"] = std::move(cells);
  }
  if (!figure.supplementary.empty()) {
    json supplements = json::array();
    for (const FigureSupplement& supplement : figure.supplementary) {
      supplements.push_back(SupplementJson(supplement));
    }
    out["supplementary"] = std::move(supplements);
  }
  return out;
}

WorkforceFigure FigureFrom(const json& in) {
  WorkforceFigure figure;
  figure.code = TextOf(in, "code");
  figure.title = TextOf(in, "title");
  if (in.contains("numerator")) figure.numerator = CountFrom(in.at("numerator"));
  if (in.contains("denominator")) figure.denominator = CountFrom(in.at("denominator"));
  if (in.contains("value")) {
    figure.headline = PercentFrom(in.at("value"));
  } else if (in.contains("measure")) {
    figure.headline = MeasureFrom(in.at("measure"));
  }
  if (in.contains("unknown")) figure.unknown = CountFrom(in.at("unknown"));
  figure.polarity = ValueOf(kPolarityNames, in.at("polarity"));
  figure.definition_version = TextOf(in, "definition_version");
  if (in.contains("breakdowns")) {
    for (const json& cell : in.at("breakdowns")) figure.breakdowns.push_back(CellFrom(cell));
  }
  if (in.contains("supplementary")) {
    for (const json& supplement : in.at("supplementary")) {
      figure.supplementary.push_back(SupplementFrom(supplement));
    }
  }
  return figure;
}

json NoteJson(const figures::DataQualityNote& note) {
  json out = json::object();
  PutText(out, "code", note.code);
  PutText(out, "message", note.message);
  PutText(out, "indicator_code", note.indicator_code);
  if (note.count != 0) out["count"] = absl::StrCat(note.count);
  return out;
}

figures::DataQualityNote NoteFrom(const json& in) {
  figures::DataQualityNote note;
  note.code = TextOf(in, "code");
  note.message = TextOf(in, "message");
  note.indicator_code = TextOf(in, "indicator_code");
  if (in.contains("count")) note.count = Int64Of(in.at("count"));
  return note;
}

}  // namespace

std::string FiguresToJson(const FigureSet& set) {
  json out = json::object();
  if (!set.results.empty()) {
    json results = json::array();
    for (const WorkforceFigure& figure : set.results) results.push_back(FigureJson(figure));
    out["results"] = std::move(results);
  }
  if (!set.notes.empty()) {
    json notes = json::array();
    for (const figures::DataQualityNote& note : set.notes) notes.push_back(NoteJson(note));
    out["notes"] = std::move(notes);
  }
  return out.dump();
}

absl::StatusOr<FigureSet> FiguresFromJson(const std::string& text) {
  try {
    const json in = json::parse(text);
    if (!in.is_object()) throw Unreadable{"not an object"};
    FigureSet set;
    if (in.contains("results")) {
      for (const json& figure : in.at("results")) set.results.push_back(FigureFrom(figure));
    }
    if (in.contains("notes")) {
      for (const json& note : in.at("notes")) set.notes.push_back(NoteFrom(note));
    }
    return set;
  } catch (const Unreadable& error) {
    return absl::DataLossError(
        absl::StrCat("stored workforce figures cannot be read: ", error.what));
  } catch (const json::exception& error) {
    return absl::DataLossError(
        absl::StrCat("stored workforce figures cannot be read: ", error.what()));
  }
}

}  // namespace pif::workforce
