// The snapshot's building blocks: finding a record by id and grouping records by owner, in time
// linear in the records when they come in key order (as intake exports them).
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace pif::engine::internal {

// "No owner": a record whose parent is not in the snapshot.
inline constexpr uint32_t kNoOwner = std::numeric_limits<uint32_t>::max();

// Finds the position of an id among `count` ids (`id_at(i)`, each unique). Asked in the order
// the ids are stored, it compares a few neighbours of the last answer; otherwise, when the ids
// are in ascending order (checked once), it gallops from the last answer, so a search costs the
// log of the distance jumped; only ids in no order get a hash index, built once.
template <typename IdAt>
class OrdinalFinder {
 public:
  OrdinalFinder(size_t count, IdAt id_at) : count_(count), id_at_(id_at) {}

  // The position of `id`, or kNoOwner when no id matches.
  uint32_t Find(absl::string_view id) {
    if (count_ == 0) return kNoOwner;
    // The last answer and its neighbours first: the records of one parent arrive together, the
    // parents mostly in their own order (a few skipped, siblings' records interleaved).
    const size_t last = last_ == kNoOwner ? 0 : last_;
    if (id_at_(last) == id) return Remember(last);
    for (size_t step = 1; step <= kNeighbours; ++step) {
      if (last + step < count_ && id_at_(last + step) == id) return Remember(last + step);
      if (step <= last && id_at_(last - step) == id) return Remember(last - step);
    }
    if (order_ == Order::kUnknown) order_ = IdsAscend() ? Order::kAscending : Order::kNone;
    if (order_ == Order::kAscending) return Gallop(last, id);
    if (index_.empty()) BuildIndex();
    auto found = index_.find(id);
    if (found == index_.end()) return kNoOwner;
    return Remember(found->second);
  }

 private:
  static constexpr size_t kNeighbours = 8;
  enum class Order { kUnknown, kAscending, kNone };

  uint32_t Remember(size_t i) { return last_ = static_cast<uint32_t>(i); }

  bool IdsAscend() const {
    for (size_t i = 1; i < count_; ++i) {
      if (!(id_at_(i - 1) < id_at_(i))) return false;
    }
    return true;
  }

  // Exponential then binary search for `id` among ascending ids, starting at `from`.
  uint32_t Gallop(size_t from, absl::string_view id) {
    size_t low = 0;   // the first position that can hold id
    size_t high = 0;  // one past the last
    if (id_at_(from) < id) {
      size_t bound = 1;
      while (from + bound < count_ && id_at_(from + bound) < id) bound *= 2;
      low = from + bound / 2 + 1;
      high = std::min(from + bound + 1, count_);
    } else {
      size_t bound = 1;
      while (bound <= from && !(id_at_(from - bound) < id)) bound *= 2;
      low = bound > from ? 0 : from - bound + 1;
      high = from - bound / 2 + 1;
    }
    while (low < high) {  // the first position in [low, high) whose id is not below `id`
      const size_t middle = low + (high - low) / 2;
      if (id_at_(middle) < id) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    if (low < count_ && id_at_(low) == id) return Remember(low);
    return kNoOwner;
  }

  void BuildIndex() {
    index_.reserve(count_);
    for (size_t i = 0; i < count_; ++i) index_.try_emplace(id_at_(i), static_cast<uint32_t>(i));
  }

  size_t count_;
  IdAt id_at_;
  uint32_t last_ = kNoOwner;
  Order order_ = Order::kUnknown;
  absl::flat_hash_map<absl::string_view, uint32_t> index_;
};

// Groups `records` by owner (`owners[i]` is record i's owner below `owner_count`, or kNoOwner):
// fills `flat` with pointers to the owned records, each owner's in input order, and returns the
// offsets (owner_count + 1 of them) of each owner's run in `flat`. Linear time.
template <typename T>
std::vector<uint32_t> GroupByOwner(const std::vector<T>& records,
                                   const std::vector<uint32_t>& owners, size_t owner_count,
                                   std::vector<const T*>& flat) {
  std::vector<uint32_t> offsets(owner_count + 1, 0);
  for (uint32_t owner : owners) {
    if (owner != kNoOwner) ++offsets[owner + 1];
  }
  for (size_t i = 0; i < owner_count; ++i) offsets[i + 1] += offsets[i];
  flat.assign(offsets[owner_count], nullptr);
  std::vector<uint32_t> next(offsets.begin(), offsets.end() - 1);
  for (size_t i = 0; i < records.size(); ++i) {
    if (owners[i] != kNoOwner) flat[next[owners[i]]++] = &records[i];
  }
  return offsets;
}

// Sorts each owner's run of `flat` (runs as GroupByOwner returns them) by `less`, leaving runs
// that are already in order untouched.
template <typename T, typename Less>
void SortRuns(std::vector<const T*>& flat, const std::vector<uint32_t>& offsets, Less less) {
  for (size_t i = 0; i + 1 < offsets.size(); ++i) {
    auto begin = flat.begin() + offsets[i];
    auto end = flat.begin() + offsets[i + 1];
    if (end - begin > 1 && !std::is_sorted(begin, end, less)) std::sort(begin, end, less);
  }
}

// True when `record` is an element of `records` (compared with std::less, which orders any
// pointers).
template <typename T>
bool IsElementOf(const std::vector<T>& records, const T& record) {
  std::less<const T*> before;
  return !records.empty() && !before(&record, records.data()) &&
         before(&record, records.data() + records.size());
}

}  // namespace pif::engine::internal
