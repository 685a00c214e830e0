#include "pif/reporting/store/pg_self_evaluations.h"

#include <random>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "pif/core/domain_status.h"
#include "pif/proto_util/dates.h"
#include "pif/reporting/framework/framework.h"

namespace pif::reporting {
namespace {

// Every version with whether a later version of its eval_id superseded it ($1 council), the ones
// the filter keeps ($2 areas, $3 on or before, $4 in force only, $7 one eval_id).
constexpr char kChosenVersions[] =
    "WITH versions AS ("
    " SELECT v.*, v.data_version < max(v.data_version) OVER (PARTITION BY v.eval_id)"
    " AS superseded FROM self_evaluation_versions v WHERE v.council = $1),"
    " chosen AS (SELECT * FROM versions"
    " WHERE ($2::smallint[] IS NULL OR area = ANY($2::smallint[]))"
    " AND ($3::date IS NULL OR eval_date <= $3::date) AND (NOT $4::boolean OR NOT superseded)"
    " AND ($7::text IS NULL OR eval_id = $7::text))";

constexpr char kLatestPerArea[] =
    ", picked AS (SELECT DISTINCT ON (area) * FROM chosen"
    " ORDER BY area, eval_date DESC, eval_id DESC)";

constexpr char kEveryVersion[] = ", picked AS (SELECT * FROM chosen)";

// The listed columns of `picked` with their batch ($5 limit, $6 offset).
constexpr char kListed[] =
    " SELECT p.eval_id, p.area, p.qi_ref, p.eval_date::text, p.grade, p.evidence, p.approved_by,"
    " (extract(epoch FROM coalesce(b.committed_at, p.recorded_at)) * 1000000)::bigint,"
    " coalesce(b.caller, ''), coalesce(b.batch_id, ''), coalesce(b.source_system, ''),"
    " p.superseded"
    " FROM picked p LEFT JOIN import_batches b"
    " ON b.council = $1 AND b.data_version = p.data_version"
    " ORDER BY p.area, p.eval_date DESC, p.eval_id DESC, p.data_version DESC LIMIT $5 OFFSET $6";

constexpr char kCurrentSql[] =
    "SELECT eval_id, area, qi_ref, eval_date::text, grade, evidence, approved_by"
    " FROM self_evaluations WHERE council = $1 ORDER BY eval_id";

constexpr char kVersionsOfSql[] =
    "SELECT data_version, count(*) OVER () FROM self_evaluation_versions"
    " WHERE council = $1 AND eval_id = $2 ORDER BY data_version DESC LIMIT 1";

std::string TextOr(const pqxx::field& field) {
  return field.is_null() ? "" : field.as<std::string>();
}

// An evaluation from the first seven columns of a row (eval_id ... approved_by).
absl::StatusOr<v1::SelfEvaluation> EvaluationOf(const pqxx::row& row) {
  v1::SelfEvaluation evaluation;
  evaluation.set_eval_id(row[0].as<std::string>());
  evaluation.set_area(row[1].as<int>());
  evaluation.set_qi_ref(TextOr(row[2]));
  absl::StatusOr<dates::Date> date = dates::ParseDate(row[3].as<std::string>());
  if (!date.ok()) return absl::InternalError("a stored eval_date is not a date");
  *evaluation.mutable_eval_date() = DateToProto(*date);
  evaluation.set_grade(row[4].as<int>());
  evaluation.set_evidence(TextOr(row[5]));
  evaluation.set_approved_by(TextOr(row[6]));
  return evaluation;
}

absl::StatusOr<v1::RecordedSelfEvaluation> RecordedOf(const pqxx::row& row) {
  absl::StatusOr<v1::SelfEvaluation> evaluation = EvaluationOf(row);
  if (!evaluation.ok()) return evaluation.status();
  v1::RecordedSelfEvaluation recorded;
  recorded.set_grade_label(GradeLabel(evaluation->grade()));
  recorded.set_area_title(AreaTitle(evaluation->area()));
  *recorded.mutable_self_evaluation() = *std::move(evaluation);
  *recorded.mutable_recorded_at() = ToTimestamp(absl::FromUnixMicros(row[7].as<int64_t>()));
  recorded.set_recorded_by(row[8].as<std::string>());
  const std::string batch_id = row[9].as<std::string>();
  recorded.set_batch_id(IsSingleRecordBatch(batch_id, row[10].as<std::string>()) ? "" : batch_id);
  recorded.set_superseded(row[11].as<bool>());
  return recorded;
}

// '{1,2,3}' for a smallint[] parameter, nullopt for no filter.
std::optional<std::string> AreaArray(const std::vector<int>& areas) {
  if (areas.empty()) return std::nullopt;
  return absl::StrCat("{", absl::StrJoin(areas, ","), "}");
}

std::string NewSingleRecordBatchId() {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  return absl::StrFormat("%s%016x%016x", kSingleRecordBatchPrefix, random(), random());
}

}  // namespace

absl::StatusOr<CurrentEvaluations> PgSelfEvaluations::Current(const std::string& council) {
  auto lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(**lease);
    CurrentEvaluations current;
    const pqxx::result version = tx.exec_params(
        "SELECT data_version FROM council_data_versions WHERE council = $1", council);
    if (!version.empty()) current.data_version = version[0][0].as<int64_t>();
    for (const pqxx::row& row : tx.exec_params(kCurrentSql, council)) {
      absl::StatusOr<v1::SelfEvaluation> evaluation = EvaluationOf(row);
      if (!evaluation.ok()) return evaluation.status();
      current.evaluations.push_back(*std::move(evaluation));
    }
    tx.commit();
    return current;
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

absl::StatusOr<std::vector<v1::RecordedSelfEvaluation>> PgSelfEvaluations::List(
    const SelfEvaluationFilter& filter) {
  auto lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::read_transaction tx(**lease);
    const std::optional<std::string> on_or_before =
        filter.on_or_before.has_value()
            ? std::optional<std::string>(filter.on_or_before->ToString())
            : std::nullopt;
    const pqxx::result rows = tx.exec_params(
        absl::StrCat(kChosenVersions, filter.latest_only ? kLatestPerArea : kEveryVersion, kListed),
        filter.council, AreaArray(filter.areas), on_or_before, filter.latest_only, filter.limit,
        filter.offset,
        filter.eval_id.empty() ? std::nullopt : std::optional<std::string>(filter.eval_id));
    tx.commit();
    std::vector<v1::RecordedSelfEvaluation> listed;
    for (const pqxx::row& row : rows) {
      absl::StatusOr<v1::RecordedSelfEvaluation> recorded = RecordedOf(row);
      if (!recorded.ok()) return recorded.status();
      listed.push_back(*std::move(recorded));
    }
    return listed;
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

absl::StatusOr<RecordedOne> PgSelfEvaluations::Record(const std::string& council,
                                                      const submission::FlatRecord& evaluation,
                                                      const std::string& caller) {
  submission::BatchInfo info;
  info.council = council;
  info.batch_id = NewSingleRecordBatchId();
  info.caller = caller;
  info.source_system = kSingleRecordSource;
  info.started_at = absl::Now();
  std::optional<submission::BatchSummary> replay;
  auto writer = store_.Begin(info, &replay);
  if (!writer.ok()) return writer.status();
  if (replay.has_value() || *writer == nullptr) {
    return absl::InternalError("a new single-record batch id was already committed");
  }
  if (absl::Status added = (*writer)->AddValid(1, {}, evaluation); !added.ok()) return added;
  absl::StatusOr<submission::BatchSummary> summary = (*writer)->Commit(1);
  if (!summary.ok()) return summary.status();
  if (summary->rejected_count > 0 && !summary->rejections.empty()) {
    // The schema has no cross-record rule, so this is not expected; say why if it happens.
    return InvalidArgumentWithFields("the self-evaluation was rejected",
                                     summary->rejections.front().errors);
  }

  const std::string eval_id = evaluation.Get("eval_id").value_or("");
  int64_t latest_version = 0;
  int64_t version_count = 0;
  {
    auto lease = pool_.Acquire();
    if (!lease.ok()) return lease.status();
    try {
      pqxx::read_transaction tx(**lease);
      const pqxx::result rows = tx.exec_params(kVersionsOfSql, council, eval_id);
      tx.commit();
      if (rows.empty()) return absl::InternalError("a recorded self-evaluation has no version");
      latest_version = rows[0][0].as<int64_t>();
      version_count = rows[0][1].as<int64_t>();
    } catch (const std::exception& error) {
      return pg::StatusFromException(error);
    }
  }
  SelfEvaluationFilter filter;
  filter.council = council;
  filter.eval_id = eval_id;
  filter.limit = static_cast<int>(version_count);
  absl::StatusOr<std::vector<v1::RecordedSelfEvaluation>> versions = List(filter);
  if (!versions.ok()) return versions.status();
  for (v1::RecordedSelfEvaluation& version : *versions) {
    if (version.self_evaluation().eval_id() != eval_id || version.superseded()) continue;
    RecordedOne one;
    one.recorded = std::move(version);
    one.replaced = latest_version == summary->data_version && version_count > 1;
    return one;
  }
  return absl::InternalError("a recorded self-evaluation is not in force");
}

}  // namespace pif::reporting
