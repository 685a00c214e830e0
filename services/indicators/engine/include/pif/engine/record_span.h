// A read-only view of a run of record pointers held in one of the snapshot's flat lists.
#pragma once

#include <cstddef>
#include <iterator>

namespace pif::engine {

// A contiguous run of `const T*` owned elsewhere (by the Snapshot); cheap to copy.
template <typename T>
class RecordSpan {
 public:
  using iterator = const T* const*;
  using reverse_iterator = std::reverse_iterator<iterator>;

  RecordSpan() = default;
  // The run [begin, end).
  RecordSpan(iterator begin, iterator end) : begin_(begin), end_(end) {}

  iterator begin() const { return begin_; }
  iterator end() const { return end_; }
  reverse_iterator rbegin() const { return reverse_iterator(end_); }
  reverse_iterator rend() const { return reverse_iterator(begin_); }
  // Number of records in the run.
  size_t size() const { return static_cast<size_t>(end_ - begin_); }
  // True when the run holds no record.
  bool empty() const { return begin_ == end_; }
  // The i-th record (i < size()).
  const T* operator[](size_t i) const { return begin_[i]; }
  // The first record (not empty()).
  const T* front() const { return *begin_; }
  // The last record (not empty()).
  const T* back() const { return *(end_ - 1); }

 private:
  iterator begin_ = nullptr;
  iterator end_ = nullptr;
};

}  // namespace pif::engine
