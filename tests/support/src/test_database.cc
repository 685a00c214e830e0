#include "pif/testing/test_database.h"

#include <cstdlib>
#include <iostream>
#include <random>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "pqxx/pqxx"

namespace pif::testing {
namespace {

std::string UniqueName(absl::string_view prefix) {
  static std::mt19937_64 generator{std::random_device{}()};
  return absl::StrFormat("pif_test_%s_%08x", prefix, static_cast<uint32_t>(generator()));
}

void Drop(const std::string& name) {
  try {
    pqxx::connection admin(TestServerConninfo() + " dbname=postgres");
    pqxx::nontransaction tx(admin);
    tx.exec(absl::StrCat("DROP DATABASE IF EXISTS ", tx.quote_name(name), " WITH (FORCE)"));
  } catch (const std::exception& error) {
    std::cerr << "could not drop test database " << name << ": " << error.what() << "\n";
  }
}

}  // namespace

std::string TestServerConninfo() {
  const char* value = std::getenv("PIF_TEST_PG");
  if (value == nullptr || *value == '\0') {
    std::cerr << "PIF_TEST_PG is not set. Storage tests need the throwaway PostgreSQL that "
                 "tests/run-tests.sh starts; run them through that script.\n";
    std::abort();
  }
  return value;
}

TestDatabase::TestDatabase(absl::string_view prefix) : name_(UniqueName(prefix)) {
  pqxx::connection admin(TestServerConninfo() + " dbname=postgres");
  pqxx::nontransaction tx(admin);
  tx.exec(absl::StrCat("CREATE DATABASE ", tx.quote_name(name_)));
}

TestDatabase::~TestDatabase() { Drop(name_); }

std::string TestDatabase::conninfo() const {
  return absl::StrCat(TestServerConninfo(), " dbname=", name_);
}

MissingDatabase::MissingDatabase(absl::string_view prefix) : name_(UniqueName(prefix)) {}

MissingDatabase::~MissingDatabase() { Drop(name_); }

std::string MissingDatabase::conninfo() const {
  return absl::StrCat(TestServerConninfo(), " dbname=", name_);
}

}  // namespace pif::testing
