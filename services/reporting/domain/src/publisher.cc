#include "pif/reporting/domain/publisher.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "pif/core/domain_status.h"
#include "pif/proto_util/dates.h"

namespace pif::reporting {
namespace {

bool SamePeriod(const v1::PublishedReportSummary& summary, const figures::Period& period) {
  const std::optional<dates::Date> first = DateFromProto(summary.period().first_day());
  const std::optional<dates::Date> last = DateFromProto(summary.period().last_day());
  return first == period.first && last == period.last;
}

// The stored version of a request id, when it is of the period asked for again.
absl::StatusOr<AddedPublication> Replay(PublishedVersion version, const figures::Period& period) {
  if (!SamePeriod(version.summary, period)) {
    const std::string message =
        absl::StrCat("request_id was already used to publish version ", version.summary.version(),
                     " of another period; use a new request_id for a new publication");
    return InvalidArgumentWithFields(message, {{"request_id", "REQUEST_ID_REUSED", message}});
  }
  return AddedPublication{std::move(version), true};
}

}  // namespace

std::string SerializeDeterministically(const google::protobuf::Message& message) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream output(&bytes);
    google::protobuf::io::CodedOutputStream coded(&output);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  return bytes;
}

absl::StatusOr<AddedPublication> Publisher::Publish(const PublicationAsk& ask,
                                                    const std::string& caller) {
  absl::StatusOr<ReportRequest> checked = CheckPublicationAsk(ask);
  if (!checked.ok()) return checked.status();
  if (!ask.request_id.empty()) {
    absl::StatusOr<std::optional<PublishedVersion>> earlier =
        store_.FindByRequest(ask.council, ask.request_id);
    if (!earlier.ok()) return earlier.status();
    if (earlier->has_value()) return Replay(**std::move(earlier), checked->period);
  }
  absl::StatusOr<v1::Report> report = builder_.Build(*checked);
  if (!report.ok()) return report.status();
  if (report->disclosure_mode() != common::v1::DISCLOSURE_MODE_PUBLISHED) {
    return absl::InternalError("a report to publish was built without disclosure control");
  }
  NewPublication publication;
  publication.council = ask.council;
  publication.period = checked->period;
  publication.published_by = caller;
  publication.note = ask.note;
  publication.request_id = ask.request_id;
  publication.report_bytes = SerializeDeterministically(*report);
  absl::StatusOr<AddedPublication> added = store_.Add(publication);
  if (!added.ok()) return added.status();
  if (added->replayed) return Replay(std::move(added->version), checked->period);
  return added;
}

}  // namespace pif::reporting
