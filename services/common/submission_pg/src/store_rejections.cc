// SubmissionStore: listing and fetching the rejected records a council's batches kept.
#include <algorithm>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "pif/submission_pg/pg_submission_store.h"
#include "store_json.h"

namespace pif::submission {
namespace {

using internal::FromMicros;
using internal::TimestampToMicros;

constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;

std::string RejectionColumns() {
  return absl::StrCat(
      "council::text, rejection_id, batch_id, position, source_file, source_row, record_type,"
      " record_id, cells::text, received_typed, errors::text, ",
      TimestampToMicros("received_at"),
      ", coalesce(cleared_reason, ''), coalesce(cleared_by_batch, ''),"
      " coalesce(cleared_by_deletion::text, ''), ",
      TimestampToMicros("cleared_at"), ", data_version, coalesce(cleared_by, '')");
}

absl::StatusOr<StoredRejection> RejectionOf(const pqxx::row& row) {
  StoredRejection stored;
  stored.council = row[0].as<std::string>();
  stored.rejection.rejection_id = row[1].as<std::string>();
  stored.batch_id = row[2].as<std::string>();
  stored.rejection.position = row[3].as<int64_t>();
  stored.rejection.source.file = row[4].as<std::string>();
  stored.rejection.source.row = row[5].as<int64_t>();
  stored.rejection.record_type = row[6].as<std::string>();
  stored.rejection.record_id = row[7].as<std::string>();
  auto cells = internal::CellsFromJson(row[8].as<std::string>());
  if (!cells.ok()) return cells.status();
  stored.cells = *std::move(cells);
  stored.received_typed = row[9].as<bool>();
  auto errors = internal::ErrorsFromJson(row[10].as<std::string>());
  if (!errors.ok()) return errors.status();
  stored.rejection.errors = *std::move(errors);
  stored.received_at = FromMicros(row[11].as<int64_t>());
  stored.cleared_reason = row[12].as<std::string>();
  stored.cleared_by_batch = row[13].as<std::string>();
  stored.cleared_by_deletion = row[14].as<std::string>();
  if (!row[15].is_null()) stored.cleared_at = FromMicros(row[15].as<int64_t>());
  stored.cleared_by = row[17].as<std::string>();
  return stored;
}

// Where a page ends: the last rejection's (data version, position), opaque to the caller.
struct PagePosition {
  int64_t data_version = 0;
  int64_t position = 0;
};

std::string EncodeToken(const PagePosition& last) {
  return absl::WebSafeBase64Escape(absl::StrCat(last.data_version, ":", last.position));
}

absl::StatusOr<PagePosition> DecodeToken(const std::string& token) {
  PagePosition position;
  if (token.empty()) return position;
  std::string text;
  if (absl::WebSafeBase64Unescape(token, &text)) {
    std::vector<std::string> parts = absl::StrSplit(text, ':');
    if (parts.size() == 2 && absl::SimpleAtoi(parts[0], &position.data_version) &&
        absl::SimpleAtoi(parts[1], &position.position)) {
      return position;
    }
  }
  return absl::InvalidArgumentError("page_token is not a token this service gave out");
}

}  // namespace

absl::StatusOr<RejectionPage> PgSubmissionStore::ListRejections(const RejectionFilter& filter) {
  absl::StatusOr<PagePosition> after = DecodeToken(filter.page_token);
  if (!after.ok()) return after.status();
  const int page_size =
      filter.page_size <= 0 ? kDefaultPageSize : std::min(filter.page_size, kMaxPageSize);
  absl::StatusOr<pg::Pool::Lease> lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  const std::string matches =
      " FROM rejections WHERE council = $1 AND ($2 = '' OR batch_id = $2)"
      " AND ($3 = '' OR record_type = $3)";
  try {
    // One snapshot, so the page and the open count agree.
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(**lease);
    const pqxx::result rows = tx.exec_params(
        absl::StrCat("SELECT ", RejectionColumns(), matches,
                     " AND ($4 OR cleared_reason IS NULL) AND (data_version, position) > ($5, $6)"
                     " ORDER BY data_version, position LIMIT $7"),
        filter.council, filter.batch_id, filter.record_type, filter.include_cleared,
        after->data_version, after->position, page_size + 1);
    RejectionPage page;
    for (const auto& row : rows) {
      if (static_cast<int>(page.rejections.size()) == page_size) {
        const pqxx::row& last = rows[page_size - 1];
        page.next_page_token = EncodeToken({last[16].as<int64_t>(), last[3].as<int64_t>()});
        break;
      }
      absl::StatusOr<StoredRejection> rejection = RejectionOf(row);
      if (!rejection.ok()) return rejection.status();
      page.rejections.push_back(*std::move(rejection));
    }
    page.open_count =
        tx.exec_params1(absl::StrCat("SELECT count(*)", matches, " AND cleared_reason IS NULL"),
                        filter.council, filter.batch_id, filter.record_type)[0]
            .as<int64_t>();
    return page;
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

absl::StatusOr<StoredRejection> PgSubmissionStore::GetRejection(const std::string& council,
                                                                const std::string& rejection_id) {
  absl::StatusOr<pg::Pool::Lease> lease = pool_.Acquire();
  if (!lease.ok()) return lease.status();
  try {
    pqxx::read_transaction tx(**lease);
    const pqxx::result rows =
        tx.exec_params(absl::StrCat("SELECT ", RejectionColumns(),
                                    " FROM rejections WHERE council = $1 AND rejection_id = $2"),
                       council, rejection_id);
    if (rows.empty()) {
      return absl::NotFoundError(
          absl::StrCat("council ", council, " has no rejection ", rejection_id));
    }
    return RejectionOf(rows[0]);
  } catch (const std::exception& error) {
    return pg::StatusFromException(error);
  }
}

}  // namespace pif::submission
