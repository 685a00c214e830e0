#include "result_json.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "pif/results_pg/stored_names.h"

namespace pif::indicators {
namespace {

using nlohmann::json;

using results_pg::NameOf;
using results_pg::StoredName;
using results_pg::ValueOf;
using Unreadable = results_pg::UnreadableStored;

// Each enum as stored: the text is part of the stored form and never changes meaning.
constexpr StoredName<figures::SuppressionReason> kSuppressionNames[] = {
    {figures::SuppressionReason::kNone, "NONE"},
    {figures::SuppressionReason::kPrimary, "PRIMARY"},
    {figures::SuppressionReason::kSecondary, "SECONDARY"},
};
constexpr StoredName<figures::WithholdReason> kWithholdNames[] = {
    {figures::WithholdReason::kNone, "NONE"},
    {figures::WithholdReason::kNoDenominator, "NO_DENOMINATOR"},
    {figures::WithholdReason::kNumeratorSuppressed, "NUMERATOR_SUPPRESSED"},
    {figures::WithholdReason::kDenominatorSuppressed, "DENOMINATOR_SUPPRESSED"},
    {figures::WithholdReason::kDenominatorUnderThreshold, "DENOMINATOR_UNDER_THRESHOLD"},
};
constexpr StoredName<figures::Polarity> kPolarityNames[] = {
    {figures::Polarity::kHigherIsBetter, "HIGHER_IS_BETTER"},
    {figures::Polarity::kLowerIsBetter, "LOWER_IS_BETTER"},
    {figures::Polarity::kNeutral, "NEUTRAL"},
};

json CountJson(const figures::PublishedCount& count) {
  json out = json::object();
  if (count.value.has_value()) out["value"] = *count.value;
  out["suppressed"] = NameOf(kSuppressionNames, count.reason);
  return out;
}

figures::PublishedCount CountFrom(const json& in) {
  figures::PublishedCount count;
  if (in.contains("value")) count.value = in.at("value").get<int64_t>();
  count.reason = ValueOf(kSuppressionNames, in.at("suppressed").get<std::string>());
  return count;
}

json PercentJson(const figures::PublishedPercent& percent) {
  json out = json::object();
  if (percent.value.has_value()) out["tenths"] = std::llround(*percent.value * 10.0);
  out["withheld"] = NameOf(kWithholdNames, percent.reason);
  return out;
}

figures::PublishedPercent PercentFrom(const json& in) {
  figures::PublishedPercent percent;
  // The engine's value is tenths / 10.0 (figures::PercentOf): the same division gives it back.
  if (in.contains("tenths")) {
    percent.value = static_cast<double>(in.at("tenths").get<int64_t>()) / 10.0;
  }
  percent.reason = ValueOf(kWithholdNames, in.at("withheld").get<std::string>());
  return percent;
}

json FiguresJson(const IndicatorFigures& figures) {
  json cells = json::array();
  for (const figures::PublishedCell& cell : figures.breakdowns) {
    cells.push_back({{"dimension", cell.dimension},
                     {"category", cell.category},
                     {"numerator", CountJson(cell.numerator)},
                     {"denominator", CountJson(cell.denominator)},
                     {"percent", PercentJson(cell.percent)}});
  }
  json supplementary = json::array();
  for (const SupplementaryCount& figure : figures.supplementary) {
    supplementary.push_back(
        {{"name", figure.name}, {"label", figure.label}, {"count", CountJson(figure.count)}});
  }
  return {{"code", figures.code},
          {"title", figures.title},
          {"polarity", NameOf(kPolarityNames, figures.polarity)},
          {"definition_version", figures.definition_version},
          {"numerator", CountJson(figures.numerator)},
          {"denominator", CountJson(figures.denominator)},
          {"unknown", CountJson(figures.unknown)},
          {"percent", PercentJson(figures.percent)},
          {"breakdowns", cells},
          {"supplementary", supplementary},
          {"withheld_dimensions", figures.withheld_dimensions},
          {"breakdowns_withheld", figures.breakdowns_withheld}};
}

IndicatorFigures FiguresFrom(const json& in) {
  IndicatorFigures figures;
  figures.code = in.at("code").get<std::string>();
  figures.title = in.at("title").get<std::string>();
  figures.polarity = ValueOf(kPolarityNames, in.at("polarity").get<std::string>());
  figures.definition_version = in.at("definition_version").get<std::string>();
  figures.numerator = CountFrom(in.at("numerator"));
  figures.denominator = CountFrom(in.at("denominator"));
  figures.unknown = CountFrom(in.at("unknown"));
  figures.percent = PercentFrom(in.at("percent"));
  for (const json& cell : in.at("breakdowns")) {
    figures::PublishedCell out;
    out.dimension = cell.at("dimension").get<std::string>();
    out.category = cell.at("category").get<std::string>();
    out.numerator = CountFrom(cell.at("numerator"));
    out.denominator = CountFrom(cell.at("denominator"));
    out.percent = PercentFrom(cell.at("percent"));
    figures.breakdowns.push_back(std::move(out));
  }
  for (const json& figure : in.at("supplementary")) {
    figures.supplementary.push_back({figure.at("name").get<std::string>(),
                                     figure.at("label").get<std::string>(),
                                     CountFrom(figure.at("count"))});
  }
  figures.withheld_dimensions = in.at("withheld_dimensions").get<std::vector<std::string>>();
  figures.breakdowns_withheld = in.at("breakdowns_withheld").get<bool>();
  return figures;
}

// Runs a reader, turning every way it can fail into DATA_LOSS (the stored text is ours).
template <typename T, typename Read>
absl::StatusOr<T> ReadStored(const std::string& text, const char* what, Read read) {
  try {
    return read(json::parse(text));
  } catch (const Unreadable& error) {
    return absl::DataLossError(absl::StrCat("stored ", what, " cannot be read: ", error.what));
  } catch (const json::exception& error) {
    return absl::DataLossError(absl::StrCat("stored ", what, " cannot be read: ", error.what()));
  }
}

}  // namespace

std::string ResultsToJson(const std::vector<IndicatorFigures>& results) {
  json out = json::array();
  for (const IndicatorFigures& figures : results) out.push_back(FiguresJson(figures));
  return out.dump();
}

absl::StatusOr<std::vector<IndicatorFigures>> ResultsFromJson(const std::string& text) {
  return ReadStored<std::vector<IndicatorFigures>>(text, "results", [](const json& in) {
    std::vector<IndicatorFigures> results;
    for (const json& figures : in) results.push_back(FiguresFrom(figures));
    return results;
  });
}

std::string NotesToJson(const std::vector<DataQualityNote>& notes) {
  json out = json::array();
  for (const DataQualityNote& note : notes) {
    out.push_back({{"code", note.code},
                   {"message", note.message},
                   {"indicator_code", note.indicator_code},
                   {"count", note.count}});
  }
  return out.dump();
}

absl::StatusOr<std::vector<DataQualityNote>> NotesFromJson(const std::string& text) {
  return ReadStored<std::vector<DataQualityNote>>(text, "notes", [](const json& in) {
    std::vector<DataQualityNote> notes;
    for (const json& note : in) {
      notes.push_back({note.at("code").get<std::string>(), note.at("message").get<std::string>(),
                       note.at("indicator_code").get<std::string>(),
                       note.at("count").get<int64_t>()});
    }
    return notes;
  });
}

}  // namespace pif::indicators
