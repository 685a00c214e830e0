#include "pif/pg/database.h"

#include <libpq-fe.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "pif/core/log.h"
#include "pif/pg/pool.h"
#include "pqxx/pqxx"

namespace pif::pg {
namespace {

// Returns libpq's parsed options of `conninfo`, or an error naming why it is malformed.
absl::StatusOr<std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)>> Parse(
    const std::string& conninfo) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  if (options == nullptr) {
    std::string message = error != nullptr ? error : "out of memory";
    PQfreemem(error);
    return absl::InvalidArgumentError(absl::StrCat("database_url is malformed: ", message));
  }
  return std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)>(options, &PQconninfoFree);
}

std::string Quote(absl::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

absl::StatusOr<std::string> DatabaseNameOf(const std::string& conninfo) {
  auto options = Parse(conninfo);
  if (!options.ok()) return options.status();
  std::string dbname;
  std::string user;
  for (PQconninfoOption* option = options->get(); option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    if (absl::string_view(option->keyword) == "dbname") dbname = option->val;
    if (absl::string_view(option->keyword) == "user") user = option->val;
  }
  if (dbname.empty()) dbname = user;
  if (dbname.empty()) {
    return absl::InvalidArgumentError("database_url names no dbname and no user");
  }
  return dbname;
}

absl::StatusOr<bool> EnsureDatabaseExists(const std::string& conninfo) {
  try {
    pqxx::connection probe(conninfo);
    return false;
  } catch (const pqxx::broken_connection& error) {
    // libpq reports a missing database only in the message text (SQLSTATE 3D000 is not exposed).
    if (absl::string_view(error.what()).find("does not exist") == absl::string_view::npos) {
      return StatusFromException(error);
    }
  } catch (const std::exception& error) {
    return StatusFromException(error);
  }
  auto dbname = DatabaseNameOf(conninfo);
  if (!dbname.ok()) return dbname.status();
  auto options = Parse(conninfo);
  if (!options.ok()) return options.status();
  std::string maintenance;
  for (PQconninfoOption* option = options->get(); option->keyword != nullptr; ++option) {
    if (option->val == nullptr || absl::string_view(option->keyword) == "dbname") continue;
    absl::StrAppend(&maintenance, option->keyword, "=", Quote(option->val), " ");
  }
  absl::StrAppend(&maintenance, "dbname=postgres");
  try {
    pqxx::connection admin(maintenance);
    pqxx::nontransaction tx(admin);
    tx.exec(absl::StrCat("CREATE DATABASE ", tx.quote_name(*dbname)));
    log::Event(log::Level::kInfo, "database_created").Str(log::Key::kDatabase, *dbname);
    return true;
  } catch (const pqxx::sql_error& error) {
    // A replica starting alongside created it first: 42P04, or 23505 when the two CREATE
    // DATABASE statements race on the catalog's unique index.
    if (error.sqlstate() == "42P04" || error.sqlstate() == "23505") return false;
    return StatusFromException(error);
  } catch (const std::exception& error) {
    return StatusFromException(error);
  }
}

}  // namespace pif::pg
