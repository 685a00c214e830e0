// The call a handler is answering: which rpc it is, who calls it (the verified token and the
// client certificate) and whether they may, for the council the request names. While a handler
// holds its CallScope, calls it makes to other services carry the caller's token, the rest of its
// deadline and its cancellation (pif/grpc/service_client.h). docs/decisions/0005-access-control.md.
#pragma once

#include <grpcpp/server_context.h>
#include <grpcpp/support/server_interceptor.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "pif/auth/caller.h"
#include "pif/auth/token_verifier.h"

namespace pif {

namespace internal {
class CallNotesBox;
}  // namespace internal

// How a server authenticates its callers.
struct CallAuthOptions {
  // Verifies bearer tokens; without one every call that needs a caller is UNAUTHENTICATED.
  std::shared_ptr<const auth::TokenVerifier> verifier;
  // Certificate names (common name or DNS name) of the pif services this server trusts to call
  // services-only rpcs on a caller's behalf.
  std::set<std::string> service_identities;
  // The time tokens are checked against.
  std::function<absl::Time()> clock = [] { return absl::Now(); };
};

// Records, as each call starts, which rpc it is and how its callers are authenticated, for the
// CallScope its handler opens. ServiceHost installs it first, on every server.
class CallRegistryInterceptorFactory
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit CallRegistryInterceptorFactory(std::shared_ptr<const CallAuthOptions> options);
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  std::shared_ptr<const CallAuthOptions> options_;
};

// One call being answered. Open it first in every handler; it is the thread's current call until
// destroyed.
class CallScope {
 public:
  explicit CallScope(const grpc::ServerContext& context);
  ~CallScope();
  CallScope(const CallScope&) = delete;
  CallScope& operator=(const CallScope&) = delete;

  // Authenticates the caller and authorizes the rpc (pif/auth/rpc_rules.h), then, when `council`
  // is given, checks it is a GSS code and that the caller may act for it. UNAUTHENTICATED
  // without a valid token, INVALID_ARGUMENT for a malformed council, PERMISSION_DENIED for a
  // role, service identity or council the caller lacks; an rpc the table does not know is denied.
  absl::Status Authorize(const std::optional<std::string>& council);

  // For a council read later in the call (a stream's header): after Authorize(nullopt) returned
  // OK, checks the council's format and that the caller may act for it.
  absl::Status AuthorizeCouncil(const std::string& council) const;

  // The caller; meaningful after Authorize returned OK.
  const auth::Caller& caller() const { return caller_; }
  // The caller as batches, deletions, policies and publications record it: caller().AuditName(),
  // then the `x-pif-client` name the client gave, when it gave one ("user=jo@council
  // certificate=pif-pifctl client=pifctl/0.1"); meaningful after Authorize returned OK.
  std::string RecordedCaller() const;
  // The rpc's full method name ("/pif.intake.v1.IntakeService/GetBatch"); empty when the call was
  // not recorded (no registry interceptor on this server).
  const std::string& method() const { return method_; }
  // The server context of the call.
  const grpc::ServerContext& context() const { return context_; }

  // The call this thread is answering, or nullptr.
  static const CallScope* Current();

  // Tells the access audit that the call read `read` and wrote `written` records (added to what
  // was noted before); a call that notes nothing is audited with 0 and 0.
  void NoteRecords(int64_t read, int64_t written) const;
  // Tells the access audit which children the call read or erased: person ids, or
  // "<RecordType>:<record id>" for a record that names no child (never a record's values).
  void NoteChildrenRead(const std::vector<std::string>& ids) const;

 private:
  // Tells the access audit who the caller is, as far as Authorize has established it.
  void NoteCaller() const;

  const grpc::ServerContext& context_;
  const CallScope* previous_;
  std::string method_;
  std::shared_ptr<const CallAuthOptions> options_;
  // The call's notes for the access audit; null when the call was not recorded.
  std::shared_ptr<internal::CallNotesBox> notes_;
  auth::Caller caller_;
};

// The caller's bearer token from the call's metadata (`authorization: Bearer <token>`); empty
// when there is none.
std::string BearerTokenOf(const grpc::ServerContextBase& context);

// The names the client certificate of the call carries (common name and DNS names), printable.
std::vector<std::string> CertificateNamesOf(const grpc::ServerContextBase& context);

}  // namespace pif
