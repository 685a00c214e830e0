// `pifctl report`: the PIF report of a council and period through the reporting service, as an
// HTML, CSV or JSON file: a draft built now, a new published version, or a version published
// before (which renders to exactly the same bytes every time).
#include <grpcpp/client_context.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "call_helpers.h"
#include "caller_identity.h"
#include "commands.h"
#include "pif/core/default_addresses.h"
#include "pif/core/domain_status.h"
#include "pif/core/flags.h"
#include "pif/dates/date.h"
#include "pif/grpc/channel.h"
#include "pif/grpc/status_mapping.h"
#include "pif/reporting/v1/reporting_service.grpc.pb.h"

namespace pif::ctl {
namespace {

constexpr int kCallFailed = 1;
constexpr int kUsageError = 2;
constexpr int kWriteFailed = 3;

constexpr char kHelp[] =
    "\n"
    "Writes the PIF report of a council to FILE (-o) as html, csv or json and prints the path\n"
    "and a short summary. Without --publish it is a draft built now (published figures unless\n"
    "--internal); with --publish the report is built with disclosure control, stored as the\n"
    "council's next immutable version, and that version is written; --published_version N\n"
    "writes a version published before, byte for byte the same every time.\n"
    "\n"
    "exit status: 0 written; 1 the service failed (nothing written); 2 usage error; 3 the file\n"
    "could not be written.\n";

struct ReportFlags {
  std::string address = kDefaultReportingAddress;
  std::string council;
  std::string from;
  std::string to;
  bool publish = false;
  bool internal = false;
  int64_t published_version = 0;
  std::string format = "html";
  std::string output;
  std::string note;
  std::string request_id;
  int64_t trend_periods = 5;
  int64_t timeout_seconds = 900;
};

int UsageError(const std::string& message) {
  std::cerr << "pifctl report: " << message << "\n(see pifctl report --help)\n";
  return kUsageError;
}

// `-o FILE` and `-o=FILE` as --output, the other arguments unchanged.
std::vector<std::string> WithShortOutput(const std::vector<std::string>& args) {
  std::vector<std::string> rewritten;
  for (const std::string& arg : args) {
    if (arg == "-o") {
      rewritten.push_back("--output");
    } else if (absl::StartsWith(arg, "-o=")) {
      rewritten.push_back("--output=" + arg.substr(3));
    } else {
      rewritten.push_back(arg);
    }
  }
  return rewritten;
}

std::optional<reporting::v1::RenderFormat> FormatOf(const std::string& text) {
  if (text == "html") return reporting::v1::RENDER_FORMAT_HTML;
  if (text == "csv") return reporting::v1::RENDER_FORMAT_CSV;
  if (text == "json") return reporting::v1::RENDER_FORMAT_JSON;
  return std::nullopt;
}

// Parses and checks the arguments; an exit status when the command should stop.
std::optional<int> ParseFlags(const std::vector<std::string>& args, ReportFlags* flags,
                              common::v1::Period* period) {
  FlagSet set("pifctl report");
  set.AddString("address", "PIFCTL_REPORTING_ADDRESS", "host:port of the reporting service",
                &flags->address);
  set.AddString("council", "PIFCTL_COUNCIL", "the council's 9-character GSS code (S12000033)",
                &flags->council);
  set.AddString("from", "", "first day of the period, YYYY-MM-DD", &flags->from);
  set.AddString("to", "", "last day of the period (the census date), YYYY-MM-DD", &flags->to);
  set.AddBool("publish", "", "publish the report as the council's next version, then write it",
              &flags->publish);
  set.AddBool("internal", "",
              "a draft with every figure (no disclosure control), for internal use only",
              &flags->internal);
  set.AddInt("published_version", "", "write this published version instead of a new report",
             &flags->published_version, 0, INT64_MAX);
  set.AddString("format", "", "html, csv or json", &flags->format);
  set.AddString("output", "", "the file to write (also -o FILE); required", &flags->output);
  set.AddString("note", "", "a note kept with a published version", &flags->note);
  set.AddString("request_id", "",
                "an idempotency key for --publish: the same key returns the version it made",
                &flags->request_id);
  set.AddInt("trend_periods", "", "periods the trends cover, the current one included",
             &flags->trend_periods, 1, 5);
  set.AddInt("timeout_seconds", "", "how long to wait for the report", &flags->timeout_seconds, 1,
             3600);
  if (absl::Status parsed = ParseWithCallerIdentity(set, WithShortOutput(args)); !parsed.ok()) {
    if (absl::IsNotFound(parsed)) {
      std::cout << parsed.message() << kHelp;
      return 0;
    }
    return UsageError(std::string(parsed.message()));
  }
  if (flags->council.empty()) return UsageError("--council is required, such as S12000033");
  if (flags->output.empty()) return UsageError("-o FILE (--output) is required");
  if (!FormatOf(flags->format).has_value()) return UsageError("--format must be html, csv or json");
  if (flags->published_version > 0) {
    if (flags->publish || flags->internal || !flags->from.empty() || !flags->to.empty()) {
      return UsageError(
          "--published_version writes a stored version: give no --from, --to, --publish or "
          "--internal with it");
    }
    return std::nullopt;
  }
  if (flags->publish && flags->internal) {
    return UsageError(
        "--internal cannot be published: published reports are disclosure-controlled");
  }
  absl::Status dates_ok = SetDate(flags->from, "from", period->mutable_first_day());
  if (dates_ok.ok()) dates_ok = SetDate(flags->to, "to", period->mutable_last_day());
  if (!dates_ok.ok()) return UsageError(std::string(dates_ok.message()));
  return std::nullopt;
}

void PrintFailure(const char* call, const grpc::Status& status, const std::string& address) {
  PrintCallFailure(absl::StrCat("pifctl report: ", call, " failed: "), status, "reporting",
                   address);
}

std::string DateText(const common::v1::Date& date) {
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

std::string PeriodText(const common::v1::Period& period) {
  return absl::StrCat(DateText(period.first_day()), " to ", DateText(period.last_day()));
}

// Writes `content` to `path` through a temporary file renamed into place, so a failed write
// never leaves a half file under the name asked for.
absl::Status WriteFile(const std::string& path, const std::string& content) {
  const std::string temporary = path + ".part";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) return absl::UnavailableError(absl::StrCat("cannot write ", temporary));
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    return absl::UnavailableError(absl::StrCat("cannot write ", path));
  }
  return absl::OkStatus();
}

// The counts a reader checks first: indicators, areas evaluated, notes.
void PrintContents(const reporting::v1::Report& report) {
  int indicators = 0;
  const reporting::v1::SelfEvaluationSummary* summary = nullptr;
  for (const reporting::v1::KeyQuestion& question : report.key_questions()) {
    for (const reporting::v1::Area& area : question.areas()) {
      indicators += area.indicators_size();
      for (const reporting::v1::ThemeGroup& group : area.theme_groups()) {
        indicators += group.indicators_size();
      }
      if (area.has_self_evaluation_summary()) summary = &area.self_evaluation_summary();
    }
  }
  std::cout << indicators << " indicators";
  if (summary != nullptr) {
    std::cout << "; " << summary->evaluated_area_count() << " of 10 areas self-evaluated";
    if (summary->has_median_grade()) {
      std::cout << absl::StrFormat(" (median grade %g)", summary->median_grade());
    }
  }
  std::cout << "; " << report.notes_size() << " data-quality note"
            << (report.notes_size() == 1 ? "" : "s") << "\n";
}

}  // namespace

int RunReport(const std::vector<std::string>& args) {
  ReportFlags flags;
  common::v1::Period period;
  if (std::optional<int> stop = ParseFlags(args, &flags, &period); stop.has_value()) return *stop;
  const reporting::v1::RenderFormat format = *FormatOf(flags.format);
  auto stub = reporting::v1::ReportingService::NewStub(OpenChannel(flags.address));
  const absl::Time deadline = absl::Now() + absl::Seconds(flags.timeout_seconds);

  // What is written, and what the summary says about it.
  reporting::v1::RenderReportRequest render;
  render.set_council(flags.council);
  render.set_format(format);
  std::optional<reporting::v1::PublishedReport> published;
  bool replayed = false;
  if (flags.publish) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(deadline));
    context.AddMetadata("x-pif-client", "pifctl");
    reporting::v1::PublishReportRequest request;
    request.set_council(flags.council);
    *request.mutable_period() = period;
    request.set_note(flags.note);
    request.set_request_id(flags.request_id);
    request.set_trend_period_count(static_cast<int32_t>(flags.trend_periods));
    reporting::v1::PublishReportResponse response;
    const grpc::Status status = stub->PublishReport(&context, request, &response);
    if (!status.ok()) {
      PrintFailure("PublishReport", status, flags.address);
      return kCallFailed;
    }
    published = response.published_report();
    replayed = response.replayed();
    render.set_published_version(published->summary().version());
  } else if (flags.published_version > 0) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(deadline));
    reporting::v1::GetPublishedReportRequest request;
    request.set_council(flags.council);
    request.set_version(flags.published_version);
    reporting::v1::GetPublishedReportResponse response;
    const grpc::Status status = stub->GetPublishedReport(&context, request, &response);
    if (!status.ok()) {
      PrintFailure("GetPublishedReport", status, flags.address);
      return kCallFailed;
    }
    published = response.published_report();
    render.set_published_version(flags.published_version);
  } else {
    reporting::v1::ReportDraft* draft = render.mutable_draft();
    *draft->mutable_period() = period;
    draft->set_disclosure_mode(flags.internal ? common::v1::DISCLOSURE_MODE_INTERNAL
                                              : common::v1::DISCLOSURE_MODE_PUBLISHED);
    draft->set_trend_period_count(static_cast<int32_t>(flags.trend_periods));
  }

  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(deadline));
  reporting::v1::RenderReportResponse rendered;
  const grpc::Status status = stub->RenderReport(&context, render, &rendered);
  if (!status.ok()) {
    PrintFailure("RenderReport", status, flags.address);
    if (published.has_value()) {
      std::cerr << "Version " << published->summary().version()
                << " is published; write it with --published_version "
                << published->summary().version() << ".\n";
    }
    return kCallFailed;
  }
  if (absl::Status written = WriteFile(flags.output, rendered.content()); !written.ok()) {
    std::cerr << "pifctl report: " << written.message() << "\n";
    return kWriteFailed;
  }
  std::error_code error;
  const std::filesystem::path absolute = std::filesystem::absolute(flags.output, error);
  std::cout << (error ? flags.output : absolute.string()) << "\n";
  std::cout << absl::StrFormat("%s, %d bytes, ", rendered.content_type(),
                               rendered.content().size());
  if (published.has_value()) {
    const reporting::v1::PublishedReportSummary& summary = published->summary();
    std::cout << flags.council << " " << PeriodText(summary.period()) << ": published version "
              << summary.version() << (replayed ? " (published before with this request id)" : "")
              << ", published "
              << absl::FormatTime("%Y-%m-%dT%H:%M:%SZ",
                                  absl::FromUnixSeconds(summary.published_at().seconds()),
                                  absl::UTCTimeZone())
              << "\n";
    PrintContents(published->report());
  } else {
    std::cout << flags.council << " " << PeriodText(period) << ": draft with "
              << (flags.internal ? "every figure (internal use only)"
                                 : "disclosure control applied")
              << "\n";
  }
  return 0;
}

}  // namespace pif::ctl
