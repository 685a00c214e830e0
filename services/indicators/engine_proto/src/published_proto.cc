#include "pif/engine_proto/published_proto.h"

namespace pif::engine_proto {

common::v1::SuppressionReason SuppressionToProto(engine::SuppressionReason reason) {
  switch (reason) {
    case engine::SuppressionReason::kNone:
      return common::v1::SUPPRESSION_REASON_UNSPECIFIED;
    case engine::SuppressionReason::kPrimary:
      return common::v1::SUPPRESSION_REASON_PRIMARY;
    case engine::SuppressionReason::kSecondary:
      return common::v1::SUPPRESSION_REASON_SECONDARY;
  }
  return common::v1::SUPPRESSION_REASON_UNSPECIFIED;
}

common::v1::WithholdReason WithholdToProto(engine::WithholdReason reason) {
  switch (reason) {
    case engine::WithholdReason::kNone:
      return common::v1::WITHHOLD_REASON_UNSPECIFIED;
    case engine::WithholdReason::kNoDenominator:
      return common::v1::WITHHOLD_REASON_NO_DENOMINATOR;
    case engine::WithholdReason::kNumeratorSuppressed:
      return common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED;
    // The contract has one reason for a denominator under the threshold "or itself suppressed".
    case engine::WithholdReason::kDenominatorSuppressed:
    case engine::WithholdReason::kDenominatorUnderThreshold:
      return common::v1::WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD;
  }
  return common::v1::WITHHOLD_REASON_UNSPECIFIED;
}

common::v1::Polarity PolarityToProto(engine::Polarity polarity) {
  switch (polarity) {
    case engine::Polarity::kHigherIsBetter:
      return common::v1::POLARITY_HIGHER_IS_BETTER;
    case engine::Polarity::kLowerIsBetter:
      return common::v1::POLARITY_LOWER_IS_BETTER;
    case engine::Polarity::kNeutral:
      return common::v1::POLARITY_NEUTRAL;
  }
  return common::v1::POLARITY_UNSPECIFIED;
}

void CountToProto(const engine::PublishedCount& count, common::v1::Count* out) {
  // A suppressed count never carries its number.
  if (count.suppressed() || !count.value.has_value()) {
    out->set_suppressed(SuppressionToProto(count.reason));
  } else {
    out->set_value(*count.value);
  }
}

void PercentToProto(const engine::PublishedPercent& percent, common::v1::Percentage* out) {
  if (percent.value.has_value()) {
    out->set_value(*percent.value);
  } else {
    out->set_withheld(WithholdToProto(percent.reason));
  }
}

}  // namespace pif::engine_proto
