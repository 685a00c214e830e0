#include "pif/reporting/store/pg_published_reports.h"

#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "pif/proto_util/dates.h"

namespace pif::reporting {
namespace {

constexpr char kSummaryColumns[] =
    "version, council, period_first::text, period_last::text,"
    " (extract(epoch FROM published_at) * 1000000)::bigint, published_by, note, request_id";

// The report bytes as hex text, so they cross the text protocol unchanged.
constexpr char kReportColumn[] = "encode(report, 'hex')";

absl::StatusOr<v1::PublishedReportSummary> SummaryOf(const pqxx::row& row) {
  v1::PublishedReportSummary summary;
  summary.set_version(row[0].as<int64_t>());
  summary.set_council(row[1].as<std::string>());
  absl::StatusOr<dates::Date> first = dates::ParseDate(row[2].as<std::string>());
  absl::StatusOr<dates::Date> last = dates::ParseDate(row[3].as<std::string>());
  if (!first.ok() || !last.ok()) return absl::InternalError("a stored period is not two dates");
  *summary.mutable_period() = PeriodToProto(figures::Period{*first, *last});
  *summary.mutable_published_at() = ToTimestamp(absl::FromUnixMicros(row[4].as<int64_t>()));
  summary.set_published_by(row[5].as<std::string>());
  summary.set_note(row[6].as<std::string>());
  return summary;
}

// A whole version from the summary columns followed by the report column.
absl::StatusOr<PublishedVersion> VersionOf(const pqxx::row& row) {
  absl::StatusOr<v1::PublishedReportSummary> summary = SummaryOf(row);
  if (!summary.ok()) return summary.status();
  PublishedVersion version;
  version.summary = *std::move(summary);
  version.request_id = row[7].as<std::string>();
  version.report_bytes = absl::HexStringToBytes(row[8].as<std::string>());
  return version;
}

std::string SelectVersionSql(const char* where) {
  return absl::StrCat("SELECT ", kSummaryColumns, ", ", kReportColumn,
                      " FROM published_reports WHERE ", where);
}

}  // namespace

absl::StatusOr<std::optional<PublishedVersion>> PgPublishedReports::FindByRequest(
    const std::string& council, const std::string& request_id) {
  auto lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::read_transaction tx(**lease);
    const pqxx::result rows =
        tx.exec_params(SelectVersionSql("council = $1 AND request_id = $2 AND request_id <> ''"),
                       council, request_id);
    tx.commit();
    if (rows.empty()) return std::optional<PublishedVersion>();
    absl::StatusOr<PublishedVersion> version = VersionOf(rows[0]);
    if (!version.ok()) return version.status();
    return std::optional<PublishedVersion>(*std::move(version));
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

absl::StatusOr<AddedPublication> PgPublishedReports::Add(const NewPublication& publication) {
  auto lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::work tx(**lease);
    // One publication of a council at a time, so versions are numbered without gaps or races.
    tx.exec_params("SELECT pg_advisory_xact_lock(hashtext('pif.reporting.publish'), hashtext($1))",
                   publication.council);
    if (!publication.request_id.empty()) {
      const pqxx::result earlier =
          tx.exec_params(SelectVersionSql("council = $1 AND request_id = $2"), publication.council,
                         publication.request_id);
      if (!earlier.empty()) {
        absl::StatusOr<PublishedVersion> version = VersionOf(earlier[0]);
        tx.commit();
        if (!version.ok()) return version.status();
        return AddedPublication{*std::move(version), true};
      }
    }
    const pqxx::result inserted = tx.exec_params(
        absl::StrCat("INSERT INTO published_reports (council, version, period_first, period_last,"
                     " published_by, note, request_id, report) VALUES ($1,"
                     " (SELECT coalesce(max(version), 0) + 1 FROM published_reports"
                     " WHERE council = $1), $2::date, $3::date, $4, $5, $6, decode($7, 'hex'))"
                     " RETURNING ",
                     kSummaryColumns),
        publication.council, publication.period.first.ToString(),
        publication.period.last.ToString(), publication.published_by, publication.note,
        publication.request_id, absl::BytesToHexString(publication.report_bytes));
    tx.commit();
    absl::StatusOr<v1::PublishedReportSummary> summary = SummaryOf(inserted[0]);
    if (!summary.ok()) return summary.status();
    AddedPublication added;
    added.version.summary = *std::move(summary);
    added.version.request_id = publication.request_id;
    added.version.report_bytes = publication.report_bytes;
    return added;
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

absl::StatusOr<PublishedVersion> PgPublishedReports::Get(const std::string& council,
                                                         int64_t version) {
  auto lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::read_transaction tx(**lease);
    const pqxx::result rows =
        tx.exec_params(SelectVersionSql("council = $1 AND version = $2"), council, version);
    tx.commit();
    if (rows.empty()) {
      return absl::NotFoundError(
          absl::StrCat("council ", council, " has no published report version ", version));
    }
    return VersionOf(rows[0]);
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

absl::StatusOr<std::vector<v1::PublishedReportSummary>> PgPublishedReports::List(
    const PublishedFilter& filter) {
  auto lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::read_transaction tx(**lease);
    std::optional<std::string> first;
    std::optional<std::string> last;
    if (filter.period.has_value()) {
      first = filter.period->first.ToString();
      last = filter.period->last.ToString();
    }
    const pqxx::result rows =
        tx.exec_params(absl::StrCat("SELECT ", kSummaryColumns,
                                    " FROM published_reports WHERE council = $1"
                                    " AND ($2::date IS NULL OR (period_first = $2::date"
                                    " AND period_last = $3::date))"
                                    " ORDER BY version DESC LIMIT $4 OFFSET $5"),
                       filter.council, first, last, filter.limit, filter.offset);
    tx.commit();
    std::vector<v1::PublishedReportSummary> summaries;
    for (const pqxx::row& row : rows) {
      absl::StatusOr<v1::PublishedReportSummary> summary = SummaryOf(row);
      if (!summary.ok()) return summary.status();
      summaries.push_back(*std::move(summary));
    }
    return summaries;
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

}  // namespace pif::reporting
