#include "store_writer.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "pif/core/log.h"
#include "store_commit.h"
#include "store_json.h"
#include "store_sql.h"

namespace pif::submission::internal {
namespace {

// The staging columns before the values, in COPY order.
constexpr std::array<const char*, 9> kMetaColumns = {
    "pif_type",         // schema position of a valid record's type; NULL when rejected on its own
    "pif_position",     // 1-based position in the stream
    "pif_file",         // source file ('' when not from a file)
    "pif_row",          // source row (0 when not known)
    "pif_record_type",  // rejected on its own: the type as received
    "pif_record_id",    // the record's key values joined by '|'
    "pif_typed",        // rejected on its own: sent typed rather than as raw cells
    "pif_cells",        // rejected on its own: [[name, text], ...] as received
    "pif_errors",       // rejected on its own: its errors; valid: cross-record errors at commit
};
constexpr size_t kStageColumns = kMetaColumns.size() + kMaxColumns;
using StageRow = std::array<const char*, kStageColumns>;

// True when PostgreSQL text can hold `text` as it is (valid UTF-8 without NUL).
bool IsStorable(const std::string& text) {
  for (char c : text) {
    if (c == '\0' || static_cast<unsigned char>(c) >= 0x80) return SafeText(text) == text;
  }
  return true;
}

std::string StageDefinition(const SubmissionSchema& schema) {
  std::vector<std::string> values;
  for (int i = 0; i < kMaxColumns; ++i) values.push_back(absl::StrCat(ValueColumn(i), " text"));
  std::string sql =
      absl::StrCat("CREATE TEMP TABLE ", kStageTable,
                   " (pif_type integer, pif_position bigint NOT NULL, pif_file text NOT NULL,"
                   " pif_row bigint NOT NULL, pif_record_type text, pif_record_id text NOT NULL,"
                   " pif_typed boolean, pif_cells jsonb, pif_errors jsonb, ",
                   absl::StrJoin(values, ", "),
                   ", pif_superseded_by bigint, pif_candidate boolean NOT NULL DEFAULT true)"
                   " PARTITION BY LIST (pif_type) ON COMMIT DROP;\n");
  for (size_t i = 0; i < schema.types.size(); ++i) {
    absl::StrAppend(&sql, "CREATE TEMP TABLE ", StagePartition(static_cast<int>(i)),
                    " PARTITION OF ", kStageTable, " FOR VALUES IN (", i, ") ON COMMIT DROP;\n");
  }
  absl::StrAppend(&sql, "CREATE TEMP TABLE ", kStageRejected, " PARTITION OF ", kStageTable,
                  " FOR VALUES IN (NULL) ON COMMIT DROP;\n");
  return sql;
}

std::vector<std::string> StageColumns() {
  std::vector<std::string> columns(kMetaColumns.begin(), kMetaColumns.end());
  for (int i = 0; i < kMaxColumns; ++i) columns.push_back(ValueColumn(i));
  return columns;
}

}  // namespace

PgBatchWriter::PgBatchWriter(pg::Pool::Lease lease, std::unique_ptr<pqxx::work> tx,
                             const SubmissionSchema& schema, const BatchInfo& info)
    : lease_(std::move(lease)), tx_(std::move(tx)), schema_(schema) {
  staged_.info = info;
  staged_.valid_counts.assign(schema.types.size(), 0);
}

absl::StatusOr<std::unique_ptr<BatchWriter>> PgBatchWriter::Start(pg::Pool::Lease lease,
                                                                  std::unique_ptr<pqxx::work> tx,
                                                                  const SubmissionSchema& schema,
                                                                  const BatchInfo& info) {
  std::unique_ptr<PgBatchWriter> writer(
      new PgBatchWriter(std::move(lease), std::move(tx), schema, info));
  try {
    writer->tx_->exec(StageDefinition(schema));
    writer->stream_ = std::make_unique<pqxx::stream_to>(*writer->tx_, kStageTable, StageColumns());
  } catch (const std::exception& error) {
    return writer->Fail(error);
  }
  return std::unique_ptr<BatchWriter>(std::move(writer));
}

PgBatchWriter::~PgBatchWriter() {
  if (open_) {
    // A stream that broke or ended without its count: everything staged is rolled back.
    log::Event(log::Level::kWarning, "batch_abandoned")
        .Str(log::Key::kCouncil, staged_.info.council)
        .Str(log::Key::kBatchId, staged_.info.batch_id)
        .Int(log::Key::kCount, staged_.record_count);
  }
}

int PgBatchWriter::TypeOf(const FlatRecord& record) const {
  if (record.schema == nullptr) return -1;
  for (size_t i = 0; i < schema_.types.size(); ++i) {
    if (&schema_.types[i] == record.schema) return static_cast<int>(i);
  }
  return TypeIndex(schema_, record.schema->type);
}

absl::Status PgBatchWriter::Fail(const std::exception& error) {
  open_ = false;
  stream_.reset();
  tx_.reset();
  return pg::StatusFromException(error);
}

absl::Status PgBatchWriter::AddValid(int64_t position, const SourceRef& source,
                                     const FlatRecord& record) {
  if (!open_) return absl::FailedPreconditionError("the batch is no longer open");
  const int type = TypeOf(record);
  if (type < 0 || record.values.size() != schema_.types[type].columns.size()) {
    return absl::InvalidArgumentError("the record does not belong to this service's schema");
  }
  const RecordSchema& schema = schema_.types[type];
  std::vector<std::string> key;
  for (const std::string& column : schema.key) {
    const auto& value = record.values[ColumnPosition(schema, column)];
    key.push_back(value.value_or(""));
  }
  for (const auto& value : record.values) {
    if (value.has_value() && !IsStorable(*value)) {
      return absl::InvalidArgumentError(
          "a record value is not valid UTF-8 or holds a NUL character; it must be rejected "
          "before it is staged");
    }
  }
  const std::string type_text = absl::StrCat(type);
  const std::string position_text = absl::StrCat(position);
  const std::string file = SafeText(source.file);
  const std::string row_text = absl::StrCat(source.row);
  const std::string record_id = absl::StrJoin(key, "|");
  StageRow row{};
  row[0] = type_text.c_str();
  row[1] = position_text.c_str();
  row[2] = file.c_str();
  row[3] = row_text.c_str();
  row[5] = record_id.c_str();
  for (size_t i = 0; i < record.values.size(); ++i) {
    if (record.values[i].has_value()) row[kMetaColumns.size() + i] = record.values[i]->c_str();
  }
  try {
    *stream_ << row;
  } catch (const std::exception& error) {
    return Fail(error);
  }
  ++staged_.valid_counts[type];
  ++staged_.record_count;
  return absl::OkStatus();
}

absl::Status PgBatchWriter::AddRejected(
    int64_t position, const SourceRef& source, const std::string& record_type,
    const std::string& record_id,
    const std::vector<std::pair<std::string, std::string>>& received_cells, bool received_typed,
    const std::vector<FieldViolation>& errors) {
  if (!open_) return absl::FailedPreconditionError("the batch is no longer open");
  const std::string position_text = absl::StrCat(position);
  const std::string file = SafeText(source.file);
  const std::string row_text = absl::StrCat(source.row);
  const std::string type = SafeText(record_type);
  const std::string id = SafeText(record_id);
  const std::string cells = CellsToJson(received_cells);
  const std::string error_json = ErrorsToJson(errors);
  StageRow row{};
  row[1] = position_text.c_str();
  row[2] = file.c_str();
  row[3] = row_text.c_str();
  row[4] = type.c_str();
  row[5] = id.c_str();
  row[6] = received_typed ? "t" : "f";
  row[7] = cells.c_str();
  row[8] = error_json.c_str();
  try {
    *stream_ << row;
  } catch (const std::exception& error) {
    return Fail(error);
  }
  ++staged_.rejected_counts[type];
  ++staged_.record_count;
  return absl::OkStatus();
}

absl::StatusOr<BatchSummary> PgBatchWriter::Commit(int64_t expected_count) {
  if (!open_) return absl::FailedPreconditionError("the batch is no longer open");
  try {
    stream_->complete();
    stream_.reset();
    if (expected_count != staged_.record_count) {
      open_ = false;
      tx_->abort();
      return absl::FailedPreconditionError(absl::StrCat("the batch end counts ", expected_count,
                                                        " records but ", staged_.record_count,
                                                        " were received; nothing was committed"));
    }
    absl::StatusOr<BatchSummary> summary = CommitStaged(*tx_, schema_, staged_);
    open_ = false;
    if (!summary.ok() || summary->replayed) {
      tx_->abort();
      return summary;
    }
    tx_->commit();
    log::Event(log::Level::kInfo, "batch_committed")
        .Str(log::Key::kCouncil, staged_.info.council)
        .Str(log::Key::kBatchId, staged_.info.batch_id)
        .Int(log::Key::kCount, staged_.record_count)
        .Int(log::Key::kVersion, summary->data_version);
    return summary;
  } catch (const std::exception& error) {
    return Fail(error);
  }
}

}  // namespace pif::submission::internal
