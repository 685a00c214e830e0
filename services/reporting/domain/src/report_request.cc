#include "pif/reporting/domain/report_request.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "pif/core/domain_status.h"
#include "pif/reporting/domain/trend.h"

namespace pif::reporting {
namespace {

constexpr size_t kMaxNoteLength = 2000;
constexpr size_t kMaxRequestIdLength = 128;

absl::StatusOr<common::v1::DisclosureMode> CheckMode(common::v1::DisclosureMode mode,
                                                     const std::string& field) {
  switch (mode) {
    case common::v1::DISCLOSURE_MODE_UNSPECIFIED:
    case common::v1::DISCLOSURE_MODE_PUBLISHED:
      return common::v1::DISCLOSURE_MODE_PUBLISHED;
    case common::v1::DISCLOSURE_MODE_INTERNAL:
      return common::v1::DISCLOSURE_MODE_INTERNAL;
    default:
      return InvalidField(field, "UNKNOWN_CODE",
                          absl::StrCat(field, " must be DISCLOSURE_MODE_INTERNAL or _PUBLISHED"));
  }
}

absl::StatusOr<int> CheckTrendCount(int count, const std::string& field) {
  if (count == 0) return kMaxTrendPeriods;
  if (count < 1 || count > kMaxTrendPeriods) {
    return InvalidField(field, "OUT_OF_RANGE",
                        absl::StrCat(field, " must be 1 to ", kMaxTrendPeriods,
                                     " (0 = ", kMaxTrendPeriods, "); it is ", count));
  }
  return count;
}

absl::StatusOr<std::vector<std::string>> CheckBreakdowns(const std::vector<std::string>& asked,
                                                         const std::string& field) {
  const std::vector<std::string>& standard = StandardBreakdowns();
  if (asked.empty()) return standard;
  std::vector<bool> wanted(standard.size(), false);
  for (size_t i = 0; i < asked.size(); ++i) {
    auto found = std::find(standard.begin(), standard.end(), asked[i]);
    if (found == standard.end()) {
      return InvalidField(
          absl::StrCat(field, "[", i, "]"), "UNKNOWN_BREAKDOWN",
          absl::StrCat(field, "[", i,
                       "] must be sex, age_band, ethnic_group, disability or locality"));
    }
    wanted[static_cast<size_t>(found - standard.begin())] = true;
  }
  std::vector<std::string> breakdowns;
  for (size_t i = 0; i < standard.size(); ++i) {
    if (wanted[i]) breakdowns.push_back(standard[i]);
  }
  return breakdowns;
}

bool IsPrintableAscii(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c <= 0x7e; });
}

// The fields every request shares, named with `prefix` ("" or "draft.").
absl::StatusOr<ReportRequest> Common(const std::string& council,
                                     const figures::PeriodFields& period,
                                     common::v1::DisclosureMode mode, int trend_period_count,
                                     const std::string& prefix) {
  ReportRequest request;
  request.council = council;
  absl::StatusOr<figures::Period> dates =
      figures::CheckPeriod(period, absl::StrCat(prefix, "period"));
  if (!dates.ok()) return dates.status();
  request.period = *dates;
  absl::StatusOr<common::v1::DisclosureMode> checked_mode =
      CheckMode(mode, absl::StrCat(prefix, "disclosure_mode"));
  if (!checked_mode.ok()) return checked_mode.status();
  request.mode = *checked_mode;
  absl::StatusOr<int> count =
      CheckTrendCount(trend_period_count, absl::StrCat(prefix, "trend_period_count"));
  if (!count.ok()) return count.status();
  request.trend_period_count = *count;
  request.breakdowns = StandardBreakdowns();
  return request;
}

}  // namespace

const std::vector<std::string>& StandardBreakdowns() {
  static const auto* const kBreakdowns =
      new std::vector<std::string>{"sex", "age_band", "ethnic_group", "disability", "locality"};
  return *kBreakdowns;
}

absl::StatusOr<ReportRequest> CheckReportAsk(const ReportAsk& ask) {
  absl::StatusOr<ReportRequest> checked =
      Common(ask.council, ask.period, ask.mode, ask.trend_period_count, ask.field_prefix);
  if (!checked.ok()) return checked.status();
  absl::StatusOr<std::vector<std::string>> breakdowns =
      CheckBreakdowns(ask.breakdowns, absl::StrCat(ask.field_prefix, "breakdown_dimensions"));
  if (!breakdowns.ok()) return breakdowns.status();
  checked->breakdowns = *std::move(breakdowns);
  return checked;
}

absl::StatusOr<ReportRequest> CheckPublicationAsk(const PublicationAsk& ask) {
  if (ask.note.size() > kMaxNoteLength) {
    return InvalidField("note", "VALUE_TOO_LONG",
                        absl::StrCat("note must be at most ", kMaxNoteLength, " bytes"));
  }
  if (ask.request_id.size() > kMaxRequestIdLength || !IsPrintableAscii(ask.request_id)) {
    return InvalidField("request_id", "MALFORMED_REQUEST_ID",
                        absl::StrCat("request_id must be at most ", kMaxRequestIdLength,
                                     " printable ASCII characters"));
  }
  return Common(ask.council, ask.period, common::v1::DISCLOSURE_MODE_PUBLISHED,
                ask.trend_period_count, "");
}

}  // namespace pif::reporting
