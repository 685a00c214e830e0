#include "pif/figures_proto/published_proto.h"

namespace pif::figures_proto {

common::v1::SuppressionReason SuppressionToProto(figures::SuppressionReason reason) {
  switch (reason) {
    case figures::SuppressionReason::kNone:
      return common::v1::SUPPRESSION_REASON_UNSPECIFIED;
    case figures::SuppressionReason::kPrimary:
      return common::v1::SUPPRESSION_REASON_PRIMARY;
    case figures::SuppressionReason::kSecondary:
      return common::v1::SUPPRESSION_REASON_SECONDARY;
  }
  return common::v1::SUPPRESSION_REASON_UNSPECIFIED;
}

common::v1::WithholdReason WithholdToProto(figures::WithholdReason reason) {
  switch (reason) {
    case figures::WithholdReason::kNone:
      return common::v1::WITHHOLD_REASON_UNSPECIFIED;
    case figures::WithholdReason::kNoDenominator:
      return common::v1::WITHHOLD_REASON_NO_DENOMINATOR;
    case figures::WithholdReason::kNumeratorSuppressed:
      return common::v1::WITHHOLD_REASON_NUMERATOR_SUPPRESSED;
    // The contract has one reason for a denominator under the threshold "or itself suppressed".
    case figures::WithholdReason::kDenominatorSuppressed:
    case figures::WithholdReason::kDenominatorUnderThreshold:
      return common::v1::WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD;
  }
  return common::v1::WITHHOLD_REASON_UNSPECIFIED;
}

common::v1::Polarity PolarityToProto(figures::Polarity polarity) {
  switch (polarity) {
    case figures::Polarity::kHigherIsBetter:
      return common::v1::POLARITY_HIGHER_IS_BETTER;
    case figures::Polarity::kLowerIsBetter:
      return common::v1::POLARITY_LOWER_IS_BETTER;
    case figures::Polarity::kNeutral:
      return common::v1::POLARITY_NEUTRAL;
  }
  return common::v1::POLARITY_UNSPECIFIED;
}

void CountToProto(const figures::PublishedCount& count, common::v1::Count* out) {
  // A suppressed count never carries its number.
  if (count.suppressed() || !count.value.has_value()) {
    out->set_suppressed(SuppressionToProto(count.reason));
  } else {
    out->set_value(*count.value);
  }
}

void PercentToProto(const figures::PublishedPercent& percent, common::v1::Percentage* out) {
  if (percent.value.has_value()) {
    out->set_value(*percent.value);
  } else {
    out->set_withheld(WithholdToProto(percent.reason));
  }
}

}  // namespace pif::figures_proto
