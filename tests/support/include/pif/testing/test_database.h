// A fresh PostgreSQL database per test, on the throwaway cluster started by tests/run-tests.sh.
#pragma once

#include <string>

#include "absl/strings/string_view.h"

namespace pif::testing {

// The conninfo of the test cluster's superuser (PIF_TEST_PG); aborts the test binary with a clear
// message when it is not set, since storage tests must run against a real PostgreSQL.
std::string TestServerConninfo();

// Creates an empty database named pif_test_<prefix>_<random> and drops it when destroyed.
class TestDatabase {
 public:
  explicit TestDatabase(absl::string_view prefix);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // Database name.
  const std::string& name() const { return name_; }
  // Conninfo that reaches this database as the superuser.
  std::string conninfo() const;

 private:
  std::string name_;
};

// Conninfo of a database that does not exist yet (for testing creation); dropped on destruction.
class MissingDatabase {
 public:
  explicit MissingDatabase(absl::string_view prefix);
  ~MissingDatabase();
  const std::string& name() const { return name_; }
  std::string conninfo() const;

 private:
  std::string name_;
};

}  // namespace pif::testing
