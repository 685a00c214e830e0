// PgSubmissionStore::ReadSnapshot: every record of a council at one data version, streamed with
// COPY from one REPEATABLE READ READ ONLY transaction, parents before children, in key order.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "pif/submission_pg/pg_submission_store.h"
#include "store_json.h"
#include "store_sql.h"

namespace pif::submission {
namespace {

using SnapshotTransaction = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

// The setting COPY reads the council from (COPY takes no parameters).
constexpr char kCouncilSetting[] = "pif.snapshot_council";

// Decodes one field of PostgreSQL's COPY text format; nullopt for \N.
std::optional<std::string> DecodeField(const std::string& line, size_t begin, size_t end) {
  if (end - begin == 2 && line[begin] == '\\' && line[begin + 1] == 'N') return std::nullopt;
  std::string value;
  value.reserve(end - begin);
  for (size_t i = begin; i < end; ++i) {
    if (line[i] != '\\' || i + 1 == end) {
      value += line[i];
      continue;
    }
    const char c = line[++i];
    switch (c) {
      case 'b':
        value += '\b';
        break;
      case 'f':
        value += '\f';
        break;
      case 'n':
        value += '\n';
        break;
      case 'r':
        value += '\r';
        break;
      case 't':
        value += '\t';
        break;
      case 'v':
        value += '\v';
        break;
      default:
        if (c >= '0' && c <= '7') {
          int code = c - '0';
          for (int k = 0; k < 2 && i + 1 < end && line[i + 1] >= '0' && line[i + 1] <= '7'; ++k) {
            code = code * 8 + (line[++i] - '0');
          }
          value += static_cast<char>(code);
        } else {
          value += c;  // \\ and any escaped ordinary character
        }
    }
  }
  return value;
}

// Fills `record` from one COPY line of its columns; false when the line has another shape.
bool DecodeLine(const std::string& line, FlatRecord& record) {
  size_t end_of_line = line.size();
  if (end_of_line > 0 && line[end_of_line - 1] == '\n') --end_of_line;
  size_t begin = 0;
  for (size_t column = 0; column < record.values.size(); ++column) {
    size_t end = line.find('\t', begin);
    if (end == std::string::npos || end > end_of_line) end = end_of_line;
    if (begin > end_of_line) return false;
    record.values[column] = DecodeField(line, begin, end);
    begin = end + 1;
  }
  return begin == end_of_line + 1;
}

std::string CopyQuery(pqxx::transaction_base& tx, const RecordSchema& type) {
  std::vector<std::string> columns;
  for (const Column& column : type.columns) {
    columns.push_back(internal::StoredText(column.kind, tx.quote_name(column.name)));
  }
  std::vector<std::string> order = {"council"};
  for (const std::string& key : type.key) order.push_back(tx.quote_name(key));
  return absl::StrCat("(SELECT ", absl::StrJoin(columns, ", "), " FROM ", tx.quote_name(type.table),
                      " WHERE council = current_setting(", tx.quote(kCouncilSetting),
                      ")::bpchar ORDER BY ", absl::StrJoin(order, ", "), ")");
}

// Streams one type's records to `on_record`; on a callback's error, reads the rest of the COPY
// without delivering it (so the connection goes back to the pool clean) and returns the error.
absl::Status StreamType(SnapshotTransaction& tx, const RecordSchema& type,
                        const std::function<absl::Status(const FlatRecord&)>& on_record) {
  pqxx::stream_from stream(tx, CopyQuery(tx, type));
  FlatRecord record;
  record.schema = &type;
  record.values.resize(type.columns.size());
  absl::Status status;
  std::string line;
  while (stream.get_raw_line(line)) {
    if (!status.ok()) continue;
    if (!DecodeLine(line, record)) {
      status = absl::InternalError(absl::StrCat("unreadable ", type.type, " row in the store"));
      continue;
    }
    status = on_record(record);
  }
  stream.complete();
  return status;
}

}  // namespace

absl::Status PgSubmissionStore::ReadSnapshot(
    const std::string& council, const std::vector<std::string>& types,
    const std::function<absl::Status(const SnapshotInfo&)>& on_header,
    const std::function<absl::Status(const FlatRecord&)>& on_record) {
  std::vector<int> selected;
  for (const std::string& name : types) {
    const int index = internal::TypeIndex(schema_, name);
    if (index < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(schema_.service, " has no record type ", name));
    }
    selected.push_back(index);
  }
  if (types.empty()) {
    for (size_t i = 0; i < schema_.types.size(); ++i) selected.push_back(static_cast<int>(i));
  }
  std::sort(selected.begin(), selected.end());
  selected.erase(std::unique(selected.begin(), selected.end()), selected.end());

  absl::StatusOr<pg::Pool::Lease> lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    SnapshotTransaction tx(**lease);
    SnapshotInfo info;
    std::vector<std::string> counts;
    for (int index : selected) {
      counts.push_back(absl::StrCat("(SELECT count(*) FROM ",
                                    tx.quote_name(schema_.types[index].table),
                                    " WHERE council = $1)"));
    }
    const pqxx::row header = tx.exec_params1(
        absl::StrCat("SELECT coalesce((SELECT data_version FROM council_data_versions"
                     " WHERE council = $1), 0), ",
                     internal::TimestampToMicros("now()"), ", ", absl::StrJoin(counts, ", ")),
        council);
    info.data_version = header[0].as<int64_t>();
    info.taken_at = internal::FromMicros(header[1].as<int64_t>());
    for (size_t i = 0; i < selected.size(); ++i) {
      info.counts.push_back({schema_.types[selected[i]].type,
                             header[static_cast<pqxx::row::size_type>(2 + i)].as<int64_t>()});
    }
    if (absl::Status status = on_header(info); !status.ok()) return status;
    tx.exec_params("SELECT set_config($1, $2, true)", kCouncilSetting, council);
    for (int index : selected) {
      if (absl::Status status = StreamType(tx, schema_.types[index], on_record); !status.ok()) {
        return status;
      }
    }
    tx.commit();
    return absl::OkStatus();
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

}  // namespace pif::submission
