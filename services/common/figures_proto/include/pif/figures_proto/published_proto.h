// The one conversion of the engine's published figures (counts, percentages, reasons, polarity)
// into pif.common.v1 messages, shared by the indicators and workforce services.
#pragma once

#include "pif/common/v1/results.pb.h"
#include "pif/figures/definition.h"
#include "pif/figures/disclosure.h"

namespace pif::figures_proto {

// The contract's suppression reason (none -> UNSPECIFIED).
common::v1::SuppressionReason SuppressionToProto(figures::SuppressionReason reason);
// The contract's withhold reason; a suppressed denominator is reported as under the threshold.
common::v1::WithholdReason WithholdToProto(figures::WithholdReason reason);
// The contract's polarity.
common::v1::Polarity PolarityToProto(figures::Polarity polarity);
// Writes a count, or why it is suppressed; a suppressed count never carries its number.
void CountToProto(const figures::PublishedCount& count, common::v1::Count* out);
// Writes a percentage, or why it is withheld.
void PercentToProto(const figures::PublishedPercent& percent, common::v1::Percentage* out);

}  // namespace pif::figures_proto
