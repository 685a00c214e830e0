#include "pif/workforce/domain/compute_request.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "pif/core/council.h"
#include "pif/core/domain_status.h"
#include "pif/workforce/domain/figure_catalogue.h"

namespace pif::workforce {
namespace {

absl::StatusOr<std::vector<std::string>> CheckCodes(const std::vector<std::string>& asked) {
  for (size_t i = 0; i < asked.size(); ++i) {
    const std::string& code = asked[i];
    if (FindFigure(code) != nullptr) continue;
    const std::string field = absl::StrCat("codes[", i, "]");
    // A code is not personal data; quote it (bounded) so the integrator sees the typo.
    const std::string shown = code.size() <= 40 ? code : code.substr(0, 40) + "...";
    return InvalidField(
        field, "UNKNOWN_INDICATOR_CODE",
        absl::StrCat(field, " \"", shown,
                     "\" is not a workforce figure: use 7.1, 7.2, 7.3a, 7.3b, 7.3c, "
                     "7.4a, 7.4b, 7.5, 7.6, 7.7 or 9.1"));
  }
  std::vector<std::string> codes;
  for (const FigureDefinition& definition : WorkforceCatalogue()) {
    const bool wanted =
        asked.empty() || std::find(asked.begin(), asked.end(), definition.code) != asked.end();
    if (wanted) codes.push_back(definition.code);
  }
  return codes;
}

}  // namespace

absl::StatusOr<WorkforceQuery> CheckComputeRequest(const ComputeRequest& request) {
  if (absl::Status council = CheckCouncil(request.council); !council.ok()) return council;
  absl::StatusOr<figures::Period> period = figures::CheckPeriod(request.period, "period");
  if (!period.ok()) return period.status();
  absl::StatusOr<std::vector<std::string>> codes = CheckCodes(request.codes);
  if (!codes.ok()) return codes.status();
  WorkforceQuery query;
  query.council = request.council;
  query.period = *period;
  query.codes = *std::move(codes);
  query.published = request.published;
  return query;
}

bool NeedsCaseData(const std::vector<std::string>& codes) {
  return std::any_of(codes.begin(), codes.end(), [](const std::string& code) {
    const FigureDefinition* definition = FindFigure(code);
    return definition != nullptr && definition->needs_case_data;
  });
}

}  // namespace pif::workforce
