#include "store_json.h"

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"

namespace pif::submission::internal {
namespace {

using nlohmann::json;

// Received text may be invalid UTF-8: replace bad bytes rather than fail to keep the record.
std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json ErrorsValue(const std::vector<FieldViolation>& errors) {
  json array = json::array();
  for (const FieldViolation& error : errors) {
    array.push_back({{"field", SafeText(error.field)},
                     {"rule_code", SafeText(error.rule_code)},
                     {"message", SafeText(error.message)}});
  }
  return array;
}

std::vector<FieldViolation> ErrorsOf(const json& array) {
  std::vector<FieldViolation> errors;
  for (const json& error : array) {
    errors.push_back({error.at("field").get<std::string>(),
                      error.at("rule_code").get<std::string>(),
                      error.at("message").get<std::string>()});
  }
  return errors;
}

absl::Status Corrupt(const char* what) {
  return absl::InternalError(absl::StrCat("stored ", what, " cannot be read"));
}

}  // namespace

std::string ErrorsToJson(const std::vector<FieldViolation>& errors) {
  return Dump(ErrorsValue(errors));
}

absl::StatusOr<std::vector<FieldViolation>> ErrorsFromJson(const std::string& text) {
  try {
    return ErrorsOf(json::parse(text));
  } catch (const json::exception&) {
    return Corrupt("rejection errors");
  }
}

std::string CellsToJson(const std::vector<std::pair<std::string, std::string>>& cells) {
  json array = json::array();
  for (const auto& [name, text] : cells) {
    array.push_back(json::array({SafeText(name), SafeText(text)}));
  }
  return Dump(array);
}

absl::StatusOr<std::vector<std::pair<std::string, std::string>>> CellsFromJson(
    const std::string& text) {
  try {
    std::vector<std::pair<std::string, std::string>> cells;
    for (const json& cell : json::parse(text)) {
      cells.emplace_back(cell.at(0).get<std::string>(), cell.at(1).get<std::string>());
    }
    return cells;
  } catch (const json::exception&) {
    return Corrupt("rejection cells");
  }
}

std::string SummaryToJson(const BatchSummary& summary) {
  json rejections = json::array();
  for (const RejectionInfo& rejection : summary.rejections) {
    rejections.push_back({{"position", rejection.position},
                          {"source_file", rejection.source.file},
                          {"source_row", rejection.source.row},
                          {"record_type", SafeText(rejection.record_type)},
                          {"record_id", SafeText(rejection.record_id)},
                          {"rejection_id", rejection.rejection_id},
                          {"errors", ErrorsValue(rejection.errors)}});
  }
  json per_type = json::array();
  for (const auto& [type, counts] : summary.per_type) {
    per_type.push_back(json::array({type, counts.first, counts.second}));
  }
  const json value = {{"council", summary.council},
                      {"batch_id", summary.batch_id},
                      {"data_version", summary.data_version},
                      {"accepted_count", summary.accepted_count},
                      {"rejected_count", summary.rejected_count},
                      {"rejections", rejections},
                      {"rejections_truncated", summary.rejections_truncated},
                      {"cleared_rejection_count", summary.cleared_rejection_count},
                      {"committed_at_us", ToMicros(summary.committed_at)},
                      {"per_type", per_type}};
  return Dump(value);
}

absl::StatusOr<BatchSummary> SummaryFromJson(const std::string& text) {
  try {
    const json value = json::parse(text);
    BatchSummary summary;
    summary.council = value.at("council").get<std::string>();
    summary.batch_id = value.at("batch_id").get<std::string>();
    summary.data_version = value.at("data_version").get<int64_t>();
    summary.accepted_count = value.at("accepted_count").get<int64_t>();
    summary.rejected_count = value.at("rejected_count").get<int64_t>();
    // Listings leave the rejections out.
    for (const json& item : value.value("rejections", json::array())) {
      RejectionInfo rejection;
      rejection.position = item.at("position").get<int64_t>();
      rejection.source.file = item.at("source_file").get<std::string>();
      rejection.source.row = item.at("source_row").get<int64_t>();
      rejection.record_type = item.at("record_type").get<std::string>();
      rejection.record_id = item.at("record_id").get<std::string>();
      rejection.rejection_id = item.at("rejection_id").get<std::string>();
      rejection.errors = ErrorsOf(item.at("errors"));
      summary.rejections.push_back(std::move(rejection));
    }
    summary.rejections_truncated = value.at("rejections_truncated").get<bool>();
    summary.cleared_rejection_count = value.at("cleared_rejection_count").get<int64_t>();
    summary.committed_at = FromMicros(value.at("committed_at_us").get<int64_t>());
    for (const json& item : value.at("per_type")) {
      summary.per_type.push_back(
          {item.at(0).get<std::string>(), {item.at(1).get<int64_t>(), item.at(2).get<int64_t>()}});
    }
    return summary;
  } catch (const json::exception&) {
    return Corrupt("batch summary");
  }
}

int64_t ToMicros(absl::Time time) { return absl::ToUnixMicros(time); }

absl::Time FromMicros(int64_t micros) { return absl::FromUnixMicros(micros); }

std::string MicrosToTimestamp(const std::string& expr) {
  return absl::StrCat("(timestamptz 'epoch' + (", expr, ")::bigint * interval '1 microsecond')");
}

std::string TimestampToMicros(const std::string& expr) {
  return absl::StrCat("(extract(epoch FROM ", expr, ") * 1000000)::bigint");
}

}  // namespace pif::submission::internal
