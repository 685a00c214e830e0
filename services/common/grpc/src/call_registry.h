// The calls a server is answering, keyed by their server context: which rpc each is and how its
// callers are authenticated (recorded by CallRegistryInterceptorFactory as the call starts), and
// what its handler told the access audit (through its CallScope). Private to pif_grpc.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "pif/grpc/call_scope.h"

namespace pif::internal {

// What the handler of one call told the access audit.
struct CallNotes {
  // The verified caller's audit name (auth::Caller::AuditName()); empty until a CallScope
  // authenticated the call.
  std::string caller;
  int64_t records_read = 0;
  int64_t records_written = 0;
  // Person ids (or "<RecordType>:<record id>") the call read or erased, in the order noted.
  std::vector<std::string> children;
};

// The notes of one call, shared by its CallScope (writing) and the audit interceptor (reading).
class CallNotesBox {
 public:
  // Runs `change` on the notes under the box's lock.
  template <typename Change>
  void Update(Change change) {
    std::lock_guard<std::mutex> lock(mutex_);
    change(notes_);
  }
  // A copy of the notes as they are now.
  CallNotes Read() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return notes_;
  }

 private:
  mutable std::mutex mutex_;
  CallNotes notes_;
};

// What the registry knows of a call in progress.
struct CallEntry {
  std::string method;
  std::shared_ptr<const CallAuthOptions> options;
  std::shared_ptr<CallNotesBox> notes = std::make_shared<CallNotesBox>();
};

// Calls in progress, keyed by their server context (alive for the whole call).
class CallRegistry {
 public:
  // The process's one registry.
  static CallRegistry& Get() {
    static CallRegistry* registry = new CallRegistry();  // used until exit
    return *registry;
  }
  // Records `context`'s call until Remove.
  void Add(const grpc::ServerContextBase* context, CallEntry entry) {
    std::lock_guard<std::mutex> lock(mutex_);
    calls_[context] = std::move(entry);
  }
  // Forgets `context`'s call.
  void Remove(const grpc::ServerContextBase* context) {
    std::lock_guard<std::mutex> lock(mutex_);
    calls_.erase(context);
  }
  // The entry of `context`'s call (its notes shared, not copied); nullopt when not recorded.
  std::optional<CallEntry> Find(const grpc::ServerContextBase* context) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = calls_.find(context);
    if (found == calls_.end()) return std::nullopt;
    return found->second;
  }

 private:
  mutable std::mutex mutex_;
  std::map<const grpc::ServerContextBase*, CallEntry> calls_;
};

}  // namespace pif::internal
