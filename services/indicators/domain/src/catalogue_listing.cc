#include "pif/indicators/domain/catalogue_listing.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "pif/core/domain_status.h"
#include "pif/engine/engine.h"

namespace pif::indicators {

absl::StatusOr<std::vector<const engine::Indicator*>> ListCatalogue(const std::vector<int>& areas) {
  for (size_t i = 0; i < areas.size(); ++i) {
    if (areas[i] >= 1 && areas[i] <= 10) continue;
    const std::string field = absl::StrCat("areas[", i, "]");
    const std::string message =
        absl::StrCat(field, " must be a framework area from 1 to 10; it is ", areas[i]);
    return InvalidArgumentWithFields(message, {{field, "OUT_OF_RANGE", message}});
  }
  std::vector<const engine::Indicator*> listed;
  for (const engine::Indicator& indicator : engine::Catalogue()) {
    if (areas.empty() ||
        std::find(areas.begin(), areas.end(), indicator.definition.area) != areas.end()) {
      listed.push_back(&indicator);
    }
  }
  return listed;
}

}  // namespace pif::indicators
