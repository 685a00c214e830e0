// What the indicators service keeps in its own database: computed result sets with their
// provenance, and each council's disclosure policy. The PostgreSQL store implements it; tests use
// a fake.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "pif/figures/disclosure.h"
#include "pif/indicators/domain/computed_results.h"

namespace pif::indicators {

// Identifies a computation: two computations with equal keys give the same figures.
struct ResultKey {
  std::string council;
  figures::Period period;
  int64_t intake_data_version = 0;
  std::string definitions_version;
  // The canonical indicator codes and breakdown dimensions asked for ("codes=*;breakdowns=sex").
  std::string request;
  DisclosureMode mode = DisclosureMode::kPublished;
  // The policy applied (PUBLISHED only).
  std::optional<figures::DisclosurePolicy> policy;
};

// A council's disclosure policy as set, with who set it and when.
struct StoredPolicy {
  figures::DisclosurePolicy policy;
  absl::Time updated_at;
  std::string updated_by;
};

// A result set as saved: the set with its id and time, and whether an identical one was there.
struct SavedResultSet {
  ResultSet set;
  // True when the key was already stored (a concurrent identical computation won): `set` is
  // then the stored one, not the one passed in.
  bool already_stored = false;
};

// The indicators service's storage.
class IndicatorsStore {
 public:
  virtual ~IndicatorsStore() = default;

  // The stored result set with this key, or nullopt.
  virtual absl::StatusOr<std::optional<ResultSet>> FindResult(const ResultKey& key) = 0;
  // Stores `set` under `key`, giving it a result id and computed_at (kept from the first store
  // of the key when one is already there).
  virtual absl::StatusOr<SavedResultSet> SaveResult(const ResultKey& key, const ResultSet& set) = 0;

  // The council's policy, or nullopt when it never set one.
  virtual absl::StatusOr<std::optional<StoredPolicy>> FindPolicy(const std::string& council) = 0;
  // Sets the council's policy (replacing any earlier one); returns it as stored.
  virtual absl::StatusOr<StoredPolicy> SavePolicy(const std::string& council,
                                                  const figures::DisclosurePolicy& policy,
                                                  const std::string& updated_by) = 0;
};

}  // namespace pif::indicators
