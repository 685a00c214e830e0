#include "pif/pg/migrations.h"

#include <algorithm>
#include <map>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "pif/pg/pool.h"
#include "pqxx/pqxx"

namespace pif::pg {
namespace {

absl::Status CheckOrdered(const std::vector<Migration>& migrations) {
  for (size_t i = 1; i < migrations.size(); ++i) {
    if (migrations[i].version <= migrations[i - 1].version) {
      return absl::InternalError(
          absl::StrCat("migration versions are not increasing at V", migrations[i].version));
    }
  }
  return absl::OkStatus();
}

bool IsMd5(absl::string_view text) {
  return text.size() == 32 && std::all_of(text.begin(), text.end(), [](char c) {
           return absl::ascii_isdigit(c) || (c >= 'a' && c <= 'f');
         });
}

// True when `checksum`, recorded for `migration`, is its text's md5 or one it accepts.
bool ChecksumMatches(pqxx::work& tx, const Migration& migration, const std::string& checksum) {
  const std::string current = tx.exec_params1("SELECT md5($1)", migration.sql)[0].as<std::string>();
  if (current == checksum) return true;
  const std::vector<std::string> accepted = AcceptedChecksums(migration);
  return std::find(accepted.begin(), accepted.end(), checksum) != accepted.end();
}

// Applies the missing migrations of `set` inside `tx`.
absl::StatusOr<MigrationReport> ApplySet(pqxx::work& tx, const MigrationSet& set) {
  const std::vector<Migration>& migrations = *set.migrations;
  if (absl::Status ordered = CheckOrdered(migrations); !ordered.ok()) return ordered;
  const std::string table = tx.quote_name(set.version_table);
  tx.exec(absl::StrCat("CREATE TABLE IF NOT EXISTS ", table,
                       " (version integer PRIMARY KEY, name text NOT NULL,"
                       " checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"));
  std::map<int, std::string> applied;
  for (const auto& row : tx.exec(absl::StrCat("SELECT version, checksum FROM ", table))) {
    applied[row[0].as<int>()] = row[1].as<std::string>();
  }
  std::map<int, const Migration*> known;
  for (const Migration& migration : migrations) known[migration.version] = &migration;
  for (const auto& [version, checksum] : applied) {
    auto it = known.find(version);
    if (it == known.end()) {
      return absl::FailedPreconditionError(
          absl::StrCat("the database has schema version ", version, " (", set.version_table,
                       ") which this binary does not know; run a newer release or restore the "
                       "database"));
    }
    if (!ChecksumMatches(tx, *it->second, checksum)) {
      return absl::FailedPreconditionError(
          absl::StrCat("migration V", version, " was changed after it was applied (",
                       set.version_table, "); add a new migration instead"));
    }
  }
  MigrationReport report;
  for (const Migration& migration : migrations) {
    if (applied.count(migration.version) != 0) continue;
    tx.exec(migration.sql);
    tx.exec_params(
        absl::StrCat("INSERT INTO ", table, " (version, name, checksum) VALUES ($1, $2, md5($3))"),
        migration.version, migration.name, migration.sql);
    report.applied.push_back(migration.version);
  }
  report.current_version = migrations.empty() ? 0 : migrations.back().version;
  return report;
}

}  // namespace

std::vector<std::string> AcceptedChecksums(const Migration& migration) {
  std::vector<std::string> accepted;
  for (absl::string_view line : absl::StrSplit(migration.sql, '\n')) {
    if (!absl::ConsumePrefix(&line, kAcceptsMd5Marker)) continue;
    line = absl::StripAsciiWhitespace(line);
    if (IsMd5(line)) accepted.emplace_back(line);
  }
  return accepted;
}

absl::StatusOr<std::vector<MigrationReport>> ApplyMigrationSets(
    pqxx::connection& connection, const std::string& lock_name,
    const std::vector<MigrationSet>& sets) {
  std::vector<MigrationReport> reports;
  try {
    pqxx::work tx(connection);
    tx.exec_params("SELECT pg_advisory_xact_lock(hashtext($1))", lock_name);
    for (const MigrationSet& set : sets) {
      if (set.migrations == nullptr) {
        return absl::InternalError(absl::StrCat("no migrations given for ", set.version_table));
      }
      absl::StatusOr<MigrationReport> report = ApplySet(tx, set);
      if (!report.ok()) return report.status();
      reports.push_back(*std::move(report));
    }
    tx.commit();
  } catch (const std::exception& error) {
    return StatusFromException(error);
  }
  return reports;
}

absl::StatusOr<MigrationReport> ApplyMigrations(pqxx::connection& connection,
                                                const std::string& lock_name,
                                                const std::vector<Migration>& migrations,
                                                const std::string& version_table) {
  auto reports = ApplyMigrationSets(connection, lock_name, {{version_table, &migrations}});
  if (!reports.ok()) return reports.status();
  return reports->front();
}

}  // namespace pif::pg
