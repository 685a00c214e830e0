// `pifctl audit`: reads a council's access audit from all four services (each keeps its own)
// and prints it as one timeline, oldest first. Needs a token with the auditor role for the
// council. Fails (status 1) when any service cannot be read: a partial audit is not printed.
#include <grpcpp/client_context.h>

#include <cctype>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "audit_records.h"
#include "call_helpers.h"
#include "caller_identity.h"
#include "commands.h"
#include "pif/audit/v1/audit_service.grpc.pb.h"
#include "pif/core/default_addresses.h"
#include "pif/core/flags.h"
#include "pif/grpc/channel.h"
#include "pif/proto_util/dates.h"

namespace pif::ctl {
namespace {

// Exit status of a failed call.
constexpr int kCallFailed = 1;
// Exit status of a usage error.
constexpr int kUsage = 2;

// One service whose audit is read.
struct AuditSource {
  std::string service;  // "intake"
  std::string address;  // host:port
};

// Reads every page of `source`'s audit for `request`'s council and window into *records.
grpc::Status ReadAll(const AuditSource& source, audit::v1::ListAuditRecordsRequest request,
                     absl::Duration timeout, std::vector<audit::v1::AuditRecord>* records) {
  auto stub = audit::v1::AuditService::NewStub(OpenChannel(source.address));
  do {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
    audit::v1::ListAuditRecordsResponse response;
    grpc::Status status = stub->ListAuditRecords(&context, request, &response);
    if (!status.ok()) return status;
    for (audit::v1::AuditRecord& record : *response.mutable_records()) {
      records->push_back(std::move(record));
    }
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty());
  return grpc::Status::OK;
}

}  // namespace

int RunAudit(const std::vector<std::string>& args) {
  std::vector<AuditSource> sources = {{"intake", kDefaultIntakeAddress},
                                      {"indicators", kDefaultIndicatorsAddress},
                                      {"workforce", kDefaultWorkforceAddress},
                                      {"reporting", kDefaultReportingAddress}};
  std::string council;
  std::string since;
  std::string until;
  std::string format = "table";
  int64_t timeout_seconds = 60;
  FlagSet flags("pifctl audit");
  for (AuditSource& source : sources) {
    std::string variable = absl::StrCat("PIFCTL_", source.service, "_ADDRESS");
    for (char& c : variable) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    flags.AddString(absl::StrCat(source.service, "_address"), variable,
                    absl::StrCat("host:port of the ", source.service, " service"), &source.address);
  }
  flags.AddString("council", "", "the council whose audit is read (9-character GSS code)",
                  &council);
  flags.AddString("since", "",
                  "records at or after this time: YYYY-MM-DD (midnight UTC) or RFC 3339", &since);
  flags.AddString("until", "", "records before this time (same forms); empty = up to now", &until);
  flags.AddString("format", "", "json or table", &format);
  flags.AddInt("timeout_seconds", "", "how long to wait for each page", &timeout_seconds, 1, 3600);
  if (absl::Status parsed = ParseWithCallerIdentity(flags, args); !parsed.ok()) {
    const bool help = absl::IsNotFound(parsed);
    (help ? std::cout : std::cerr) << parsed.message() << "\n";
    return help ? 0 : kUsage;
  }
  absl::StatusOr<AuditFormat> output = ParseAuditFormat(format);
  absl::StatusOr<absl::Time> since_time = ParseAuditTime(since, "since");
  absl::StatusOr<absl::Time> until_time = until.empty()
                                              ? absl::StatusOr<absl::Time>(absl::InfiniteFuture())
                                              : ParseAuditTime(until, "until");
  for (const absl::Status& status : {output.status(), since_time.status(), until_time.status()}) {
    if (!status.ok()) {
      std::cerr << "pifctl audit: " << status.message() << "\n";
      return kUsage;
    }
  }
  if (council.empty()) {
    std::cerr << "pifctl audit: --council is required\n";
    return kUsage;
  }

  audit::v1::ListAuditRecordsRequest request;
  request.set_council(council);
  *request.mutable_since() = ToTimestamp(*since_time);
  if (!until.empty()) *request.mutable_until() = ToTimestamp(*until_time);
  request.set_page_size(1000);
  std::vector<std::vector<audit::v1::AuditRecord>> per_service(sources.size());
  for (size_t i = 0; i < sources.size(); ++i) {
    const grpc::Status status =
        ReadAll(sources[i], request, absl::Seconds(timeout_seconds), &per_service[i]);
    if (!status.ok()) {
      PrintCallFailure(absl::StrCat("pifctl audit: ", sources[i].service, ": "), status,
                       sources[i].service, sources[i].address);
      return kCallFailed;
    }
  }
  WriteAudit(std::cout, *output, MergeByTime(std::move(per_service)));
  return 0;
}

}  // namespace pif::ctl
