#include "compute_request.h"

#include <algorithm>
#include <optional>

#include "absl/strings/str_cat.h"
#include "domain/figure_catalogue.h"
#include "pif/core/domain_status.h"
#include "pif/submission_grpc/request_checks.h"

namespace pif::workforce {
namespace {

absl::StatusOr<dates::Date> CheckDay(bool present, const common::v1::Date& day,
                                     const std::string& field) {
  if (!present) return InvalidField(field, "REQUIRED_FIELD_MISSING", field + " is required");
  std::optional<dates::Date> date = dates::Date::FromYmd(day.year(), day.month(), day.day());
  if (!date.has_value() || day.year() < 1900 || day.year() > 2100) {
    return InvalidField(field, "MALFORMED_DATE",
                        absl::StrCat(field, " ", day.year(), "-", day.month(), "-", day.day(),
                                     " is not a calendar date from 1900 to 2100"));
  }
  return *date;
}

absl::StatusOr<figures::Period> CheckPeriod(const v1::ComputeWorkforceRequest& request) {
  if (!request.has_period()) {
    return InvalidField("period", "REQUIRED_FIELD_MISSING",
                        "period is required: its first_day and last_day");
  }
  const common::v1::Period& period = request.period();
  absl::StatusOr<dates::Date> first =
      CheckDay(period.has_first_day(), period.first_day(), "period.first_day");
  if (!first.ok()) return first.status();
  absl::StatusOr<dates::Date> last =
      CheckDay(period.has_last_day(), period.last_day(), "period.last_day");
  if (!last.ok()) return last.status();
  if (*last < *first) {
    return InvalidField("period.last_day", "PERIOD_END_BEFORE_START",
                        absl::StrCat("period.last_day ", last->ToString(),
                                     " is before period.first_day ", first->ToString()));
  }
  return figures::Period{*first, *last};
}

absl::StatusOr<std::vector<std::string>> CheckCodes(const v1::ComputeWorkforceRequest& request) {
  for (int i = 0; i < request.codes_size(); ++i) {
    const std::string& code = request.codes(i);
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
    const bool asked = request.codes().empty() ||
                       std::find(request.codes().begin(), request.codes().end(), definition.code) !=
                           request.codes().end();
    if (asked) codes.push_back(definition.code);
  }
  return codes;
}

}  // namespace

absl::StatusOr<ComputeArgs> CheckComputeRequest(const v1::ComputeWorkforceRequest& request) {
  if (absl::Status council = submission_grpc::CheckCouncil(request.council()); !council.ok()) {
    return council;
  }
  absl::StatusOr<figures::Period> period = CheckPeriod(request);
  if (!period.ok()) return period.status();
  absl::StatusOr<std::vector<std::string>> codes = CheckCodes(request);
  if (!codes.ok()) return codes.status();
  ComputeArgs args;
  args.council = request.council();
  args.period = *period;
  args.codes = *std::move(codes);
  args.published = request.disclosure_mode() != common::v1::DISCLOSURE_MODE_INTERNAL;
  return args;
}

bool NeedsCaseData(const std::vector<std::string>& codes) {
  return std::any_of(codes.begin(), codes.end(), [](const std::string& code) {
    const FigureDefinition* definition = FindFigure(code);
    return definition != nullptr && definition->needs_case_data;
  });
}

}  // namespace pif::workforce
