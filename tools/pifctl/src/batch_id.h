// The default batch id of an import: derived from what is imported, so that running the same
// import twice sends the same batch id and the service replays the first result.
#pragma once

#include <istream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace pif::ctl {

// `pifctl-` and the SHA-256 (hex) of the council and of each file's name and content, in the
// given order. Equal inputs give equal ids; any changed byte, name or council gives another.
// `files` are (file name, content) pairs; a stream that fails mid-read is DATA_LOSS naming
// the file.
absl::StatusOr<std::string> BatchIdOf(
    const std::string& council, const std::vector<std::pair<std::string, std::istream*>>& files);

// BatchIdOf over files on disk: (file name, path) pairs. NOT_FOUND when a file cannot be opened.
absl::StatusOr<std::string> BatchIdOfFiles(
    const std::string& council, const std::vector<std::pair<std::string, std::string>>& files);

// Whether `batch_id` is acceptable to the services: 1 to 128 printable ASCII characters.
bool IsValidBatchId(const std::string& batch_id);

}  // namespace pif::ctl
