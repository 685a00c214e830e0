// Record ids: a prefix and a zero-padded sequence number, so string order is creation order.
#pragma once

#include <cstdint>
#include <string>

namespace pif::sample::internal {

// One sequence of ids ("C0000001", "C0000002", ...).
class IdSequence {
 public:
  // Ids `prefix` followed by the number padded with zeros to `width` digits.
  IdSequence(const char* prefix, int width) : prefix_(prefix), width_(width) {}
  // The next id of the sequence.
  std::string Next();
  // Ids handed out so far.
  int64_t count() const { return next_ - 1; }

 private:
  const char* prefix_;
  int width_;
  int64_t next_ = 1;
};

// Formats `prefix` and `number` padded with zeros to `width` digits.
std::string FormatId(const char* prefix, int64_t number, int width);

// Every id sequence of the case records.
struct Ids {
  IdSequence child{"C", 7};
  IdSequence involvement{"I", 8};
  IdSequence allocation{"AL", 8};
  IdSequence referral{"RF", 7};
  IdSequence registration{"RG", 7};
  IdSequence episode{"E", 7};
  IdSequence legal{"L", 7};
  IdSequence placement{"P", 8};
  IdSequence assessment{"AS", 8};
  IdSequence need{"N", 8};
  IdSequence review{"RV", 8};
  IdSequence incident{"IN", 8};
  IdSequence response{"SR", 8};
};

}  // namespace pif::sample::internal
