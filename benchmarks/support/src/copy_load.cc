#include "pif/bench/copy_load.h"

#include <libpq-fe.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "pif/bench/machine_stats.h"
#include "pif/bench/sample_data.h"
#include "pif/intake/domain/case_schema.h"

namespace pif::bench {
namespace {

// Appends `value` escaped for COPY's text format.
void AppendEscaped(const std::string& value, std::string* out) {
  for (char c : value) {
    switch (c) {
      case '\\':
        out->append("\\\\");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      default:
        out->push_back(c);
    }
  }
}

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;

absl::Status Exec(PGconn* connection, const std::string& sql, ExecStatusType expected) {
  PGresult* result = PQexec(connection, sql.c_str());
  const bool ok = PQresultStatus(result) == expected;
  const std::string message = ok ? "" : PQresultErrorMessage(result);
  PQclear(result);
  if (!ok) return absl::InternalError(absl::StrCat(sql.substr(0, 60), ": ", message));
  return absl::OkStatus();
}

absl::Status CopyTableData(PGconn* connection, const CopyTable& table) {
  // Identifiers come from intake's own schema; quoted because some are keywords ("end").
  const std::string sql =
      absl::StrCat("COPY \"", table.table, "\" (",
                   absl::StrJoin(table.columns, ", ",
                                 [](std::string* out, const std::string& column) {
                                   absl::StrAppend(out, "\"", column, "\"");
                                 }),
                   ") FROM STDIN");
  if (absl::Status started = Exec(connection, sql, PGRES_COPY_IN); !started.ok()) return started;
  constexpr size_t kPiece = 1 << 20;
  for (size_t offset = 0; offset < table.text.size(); offset += kPiece) {
    const size_t size = std::min(kPiece, table.text.size() - offset);
    if (PQputCopyData(connection, table.text.data() + offset, static_cast<int>(size)) != 1) {
      return absl::InternalError(PQerrorMessage(connection));
    }
  }
  if (PQputCopyEnd(connection, nullptr) != 1) {
    return absl::InternalError(PQerrorMessage(connection));
  }
  PGresult* result = PQgetResult(connection);
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  const std::string message = ok ? "" : PQresultErrorMessage(result);
  PQclear(result);
  while ((result = PQgetResult(connection)) != nullptr) PQclear(result);
  if (!ok) return absl::InternalError(absl::StrCat("COPY ", table.table, ": ", message));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<CopyData> BuildCopyData(const std::string& dir, const std::string& council) {
  CopyData data;
  const auto& types = intake::CaseSchema().types;
  for (const submission::RecordSchema& schema : types) {
    CopyTable& table = data.tables.emplace_back();
    table.table = schema.table;
    table.columns.push_back("council");
    for (const submission::Column& column : schema.columns) table.columns.push_back(column.name);
  }
  absl::Status read = ReadCaseCsv(dir, [&](const submission::FlatRecord& record) {
    size_t type = 0;
    while (&types[type] != record.schema) ++type;
    CopyTable& table = data.tables[type];
    table.text.append(council);
    for (const auto& value : record.values) {
      table.text.push_back('\t');
      if (value.has_value()) {
        AppendEscaped(*value, &table.text);
      } else {
        table.text.append("\\N");
      }
    }
    table.text.push_back('\n');
    ++table.rows;
    ++data.rows;
  });
  if (!read.ok()) return read;
  for (const CopyTable& table : data.tables) data.bytes += static_cast<int64_t>(table.text.size());
  return data;
}

absl::StatusOr<CopyLoadResult> CopyLoad(const std::string& conninfo, const CopyData& data) {
  Connection connection(PQconnectdb(conninfo.c_str()), &PQfinish);
  if (PQstatus(connection.get()) != CONNECTION_OK) {
    return absl::UnavailableError(PQerrorMessage(connection.get()));
  }
  const pid_t backend = PQbackendPID(connection.get());
  const double cpu_before = ProcessCpuSeconds(backend);
  const Stopwatch wall;
  if (absl::Status begun = Exec(connection.get(), "BEGIN", PGRES_COMMAND_OK); !begun.ok()) {
    return begun;
  }
  for (const CopyTable& table : data.tables) {
    if (absl::Status copied = CopyTableData(connection.get(), table); !copied.ok()) return copied;
  }
  if (absl::Status committed = Exec(connection.get(), "COMMIT", PGRES_COMMAND_OK);
      !committed.ok()) {
    return committed;
  }
  CopyLoadResult result;
  result.wall_seconds = wall.Seconds();
  result.backend_cpu_seconds = ProcessCpuSeconds(backend) - cpu_before;
  return result;
}

}  // namespace pif::bench
