#include "import_summary.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "nlohmann/json.hpp"
#include "progress.h"

namespace pif::ctl {
namespace {

using Json = nlohmann::ordered_json;

std::string Rfc3339(const google::protobuf::Timestamp& timestamp) {
  const absl::Time time =
      absl::FromUnixSeconds(timestamp.seconds()) + absl::Nanoseconds(timestamp.nanos());
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", time, absl::UTCTimeZone());
}

RejectedRecord FromService(const common::v1::Rejection& rejection) {
  RejectedRecord record;
  record.file = rejection.source().file();
  record.row = rejection.source().row();
  record.position = rejection.position();
  record.record_type = rejection.record_type();
  record.record_id = rejection.record_id();
  for (const common::v1::FieldError& error : rejection.errors()) {
    record.problems.push_back({error.field(), error.rule_code(), error.message()});
  }
  return record;
}

RejectedRecord FromReader(const csv::CsvError& error, const std::string& record_type) {
  RejectedRecord record;
  record.file = error.file;
  record.row = error.row;
  record.record_type = record_type;
  record.problems.push_back({error.column, error.rule_code, error.message});
  return record;
}

// Orders rejections by file (in the order the files were sent) then row.
class FileOrder {
 public:
  explicit FileOrder(const std::vector<SentFile>& files) {
    for (size_t i = 0; i < files.size(); ++i) index_[files[i].file] = i;
  }
  std::tuple<size_t, int64_t, int64_t> Key(const RejectedRecord& record) const {
    auto found = index_.find(record.file);
    const size_t file = found == index_.end() ? std::numeric_limits<size_t>::max() : found->second;
    return {file, record.row, record.position};
  }

 private:
  std::map<std::string, size_t> index_;
};

void AddPerFileCounts(const BatchOutcome& outcome, const common::v1::Batch* audit,
                      const std::string& audit_error, ImportSummary* summary) {
  const common::v1::SubmissionSummary& result = outcome.summary;
  std::map<std::string, std::pair<int64_t, int64_t>> by_type;  // accepted, rejected by service
  bool known = false;
  if (audit != nullptr) {
    for (const common::v1::RecordTypeCount& count : audit->record_type_counts()) {
      by_type[count.record_type()] = {count.accepted_count(), count.rejected_count()};
    }
    known = true;
  } else if (!result.replayed() && !result.rejections_truncated()) {
    std::map<std::string, int64_t> rejected_by_file;
    for (const common::v1::Rejection& rejection : result.rejections()) {
      ++rejected_by_file[rejection.source().file()];
    }
    int64_t accepted_total = 0;
    int64_t rejected_total = 0;
    for (const SentFile& file : outcome.files) {
      const int64_t rejected = rejected_by_file[file.file];
      by_type[file.record_type] = {file.rows_sent - rejected, rejected};
      accepted_total += file.rows_sent - rejected;
      rejected_total += rejected;
    }
    known = accepted_total == result.accepted_count() && rejected_total == result.rejected_count();
    if (!known) {
      summary->file_counts_note =
          "per-file counts not shown: the service's rejections do not match the rows sent";
    }
  } else {
    summary->file_counts_note = absl::StrCat("per-file counts not shown: ", audit_error);
  }
  for (const SentFile& file : outcome.files) {
    FileResult counts{file.file, file.record_type, std::nullopt, std::nullopt,
                      file.unreadable_rows};
    if (known) {
      const auto& [accepted, rejected] = by_type[file.record_type];
      counts.accepted = accepted;
      counts.rejected = rejected + file.unreadable_rows;
    }
    summary->files.push_back(counts);
  }
}

void AddRejections(const BatchOutcome& outcome, ImportSummary* summary) {
  const common::v1::SubmissionSummary& result = outcome.summary;
  std::map<std::string, std::string> type_of_file;
  for (const SentFile& file : outcome.files) type_of_file[file.file] = file.record_type;
  std::vector<RejectedRecord> merged;
  for (const common::v1::Rejection& rejection : result.rejections()) {
    merged.push_back(FromService(rejection));
  }
  const FileOrder order(outcome.files);
  // When the service listed only its first rejections, an unreadable row after the last listed
  // one would be listed ahead of kept rejections that come before it: leave such rows out.
  std::optional<std::tuple<size_t, int64_t, int64_t>> last_listed;
  if (result.rejections_truncated() && !merged.empty()) last_listed = order.Key(merged.back());
  for (const csv::CsvError& error : outcome.row_errors) {
    RejectedRecord record = FromReader(error, type_of_file[error.file]);
    if (last_listed.has_value() && order.Key(record) > *last_listed) continue;
    merged.push_back(std::move(record));
  }
  std::stable_sort(merged.begin(), merged.end(),
                   [&order](const RejectedRecord& a, const RejectedRecord& b) {
                     return order.Key(a) < order.Key(b);
                   });
  if (merged.size() > kMaxListedRejections) merged.resize(kMaxListedRejections);
  int64_t listed_kept = 0;
  for (const RejectedRecord& record : merged) listed_kept += record.position > 0 ? 1 : 0;
  summary->rejections = std::move(merged);
  summary->rejections_not_listed =
      summary->rejected - static_cast<int64_t>(summary->rejections.size());
  summary->kept_not_listed = result.rejected_count() - listed_kept;
}

void AppendNotListed(const ImportSummary& summary, std::string* text) {
  if (summary.rejections_not_listed <= 0) return;
  absl::StrAppend(text, "... and ", FormatCount(summary.rejections_not_listed),
                  " more rejected records, not listed here.\n");
  if (summary.kept_not_listed > 0) {
    absl::StrAppend(text, "  ", FormatCount(summary.kept_not_listed), " of them are kept by ",
                    summary.service.name, " with their errors: list them with ",
                    summary.service.list_rejections_method, " (council ", summary.council,
                    ", batch_id ", summary.batch_id,
                    "), for example\n    grpcurl -plaintext -d '{\"council\":\"", summary.council,
                    "\",\"batch_id\":\"", summary.batch_id, "\",\"page_size\":1000}' ",
                    summary.service.address, " ", summary.service.list_rejections_method, "\n");
  }
  const int64_t unreadable_not_listed = summary.rejections_not_listed - summary.kept_not_listed;
  if (unreadable_not_listed > 0) {
    absl::StrAppend(text, "  ", FormatCount(unreadable_not_listed),
                    " of them are unreadable rows (not sent): correct the rows listed and import "
                    "again to see the rest.\n");
  }
}

}  // namespace

ImportSummary BuildImportSummary(const ServiceEndpoint& service, const std::string& council,
                                 const BatchOutcome& outcome, const common::v1::Batch* audit,
                                 const std::string& audit_error,
                                 const std::vector<SkippedFile>& skipped) {
  const common::v1::SubmissionSummary& result = outcome.summary;
  ImportSummary summary;
  summary.service = service;
  summary.council = result.council().empty() ? council : result.council();
  summary.batch_id = result.batch_id();
  summary.data_version = result.data_version();
  if (result.has_committed_at()) summary.committed_at = Rfc3339(result.committed_at());
  summary.replayed = result.replayed();
  summary.accepted = result.accepted_count();
  summary.rejected = result.rejected_count() + outcome.row_error_count;
  summary.unreadable_rows = outcome.row_error_count;
  summary.cleared_rejections = result.cleared_rejection_count();
  summary.skipped = skipped;
  AddPerFileCounts(outcome, audit, audit_error, &summary);
  AddRejections(outcome, &summary);
  return summary;
}

std::string Printable(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      absl::StrAppendFormat(&out, "\\x%02x", byte);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string RejectionLine(const RejectedRecord& record, const FieldProblem& problem) {
  std::string line =
      record.file.empty() ? absl::StrCat("record ", record.position) : Printable(record.file);
  if (!record.file.empty() && record.row > 0) absl::StrAppend(&line, " row ", record.row);
  absl::StrAppend(&line, ": ");
  if (!problem.field.empty()) absl::StrAppend(&line, Printable(problem.field), ": ");
  absl::StrAppend(&line, Printable(problem.message), " [", Printable(problem.rule_code), "]");
  return line;
}

std::string FormatSummaryText(const ImportSummary& summary) {
  std::string text = absl::StrCat(summary.service.name, " batch ", summary.batch_id, " (council ",
                                  summary.council, "): data version ", summary.data_version);
  if (!summary.committed_at.empty()) absl::StrAppend(&text, ", committed ", summary.committed_at);
  absl::StrAppend(&text, "\n");
  if (summary.replayed) {
    absl::StrAppend(&text,
                    "replayed: this batch id was already committed, so nothing changed; the "
                    "counts are those of its first commit\n");
  }
  absl::StrAppend(&text, "accepted ", FormatCount(summary.accepted), ", rejected ",
                  FormatCount(summary.rejected));
  if (summary.unreadable_rows > 0) {
    absl::StrAppend(&text, " (", FormatCount(summary.unreadable_rows),
                    " of them unreadable rows, not sent)");
  }
  absl::StrAppend(&text, "\n");
  if (summary.cleared_rejections > 0) {
    absl::StrAppend(&text, FormatCount(summary.cleared_rejections),
                    " earlier rejections cleared by corrected records\n");
  }
  size_t width = 0;
  for (const FileResult& file : summary.files) width = std::max(width, file.file.size());
  if (!summary.file_counts_note.empty()) absl::StrAppend(&text, summary.file_counts_note, "\n");
  for (const FileResult& file : summary.files) {
    if (!file.accepted.has_value() || !file.rejected.has_value()) continue;
    absl::StrAppendFormat(&text, "  %-*s %10s accepted %10s rejected", width, file.file,
                          FormatCount(*file.accepted), FormatCount(*file.rejected));
    if (file.unreadable_rows > 0) {
      absl::StrAppend(&text, " (", FormatCount(file.unreadable_rows), " unreadable)");
    }
    absl::StrAppend(&text, "\n");
  }
  for (const SkippedFile& skipped : summary.skipped) {
    absl::StrAppend(&text, skipped.file, ": not imported: ", skipped.reason, "\n");
  }
  for (const RejectedRecord& record : summary.rejections) {
    for (const FieldProblem& problem : record.problems) {
      absl::StrAppend(&text, RejectionLine(record, problem), "\n");
    }
  }
  AppendNotListed(summary, &text);
  return text;
}

std::string FormatSummaryJson(const ImportSummary& summary) {
  Json json;
  json["council"] = summary.council;
  json["batch_id"] = summary.batch_id;
  json["data_version"] = summary.data_version;
  json["accepted"] = summary.accepted;
  json["rejected"] = summary.rejected;
  json["replayed"] = summary.replayed;
  json["committed_at"] = summary.committed_at;
  json["unreadable_rows"] = summary.unreadable_rows;
  json["cleared_rejections"] = summary.cleared_rejections;
  Json files = Json::array();
  for (const FileResult& file : summary.files) {
    Json entry;
    entry["file"] = file.file;
    entry["record_type"] = file.record_type;
    entry["accepted"] = file.accepted.has_value() ? Json(*file.accepted) : Json(nullptr);
    entry["rejected"] = file.rejected.has_value() ? Json(*file.rejected) : Json(nullptr);
    entry["unreadable_rows"] = file.unreadable_rows;
    files.push_back(std::move(entry));
  }
  json["files"] = std::move(files);
  Json skipped = Json::array();
  for (const SkippedFile& file : summary.skipped) {
    skipped.push_back(Json{{"file", file.file}, {"reason", file.reason}});
  }
  json["not_imported"] = std::move(skipped);
  Json rejections = Json::array();
  for (const RejectedRecord& record : summary.rejections) {
    for (const FieldProblem& problem : record.problems) {
      Json entry;
      entry["file"] = record.file;
      entry["row"] = record.row;
      entry["record_type"] = record.record_type;
      entry["record_id"] = record.record_id;
      entry["field"] = problem.field;
      entry["rule_code"] = problem.rule_code;
      entry["message"] = problem.message;
      rejections.push_back(std::move(entry));
    }
  }
  json["rejections"] = std::move(rejections);
  json["rejections_not_listed"] = summary.rejections_not_listed;
  // Text the service echoed back may hold bytes that are not UTF-8: replace, never throw.
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace pif::ctl
