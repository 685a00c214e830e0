// Disclosure control of published figures (indicators.md section 7). It lives among the indicator
// group files only because the library globs this directory; it registers no indicator.
#include "pif/figures/disclosure.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace pif::figures {
namespace {

// Primary suppression of one count.
PublishedCount PrimaryCount(int64_t value, const DisclosurePolicy& policy) {
  PublishedCount count;
  if (value >= 1 && value < policy.smallest_shown_count) {
    count.reason = SuppressionReason::kPrimary;
  } else {
    count.value = value;
  }
  return count;
}

void SuppressSecondary(PublishedCount& count) {
  count.value.reset();
  count.reason = SuppressionReason::kSecondary;
}

// One cell of a row of a breakdown table: its true value and its published form.
struct RowCell {
  int64_t value;
  PublishedCount* published;
};

// Secondary suppression of one row of a breakdown table: the cells of one dimension, for the
// numerators or for the denominators, whose total is the indicator's (published) total. False
// when the row cannot be protected by suppressing cells (the caller then withholds the dimension).
bool ProtectRow(std::vector<RowCell>& row, const PublishedCount& total) {
  // Decision: a row whose total is itself suppressed needs no secondary suppression: nothing can
  // be subtracted from a total that is not shown (and every non-zero cell of such a row is at most
  // the total, so already primary-suppressed).
  if (total.suppressed()) return true;
  // Decision: repeated until stable. The first rule needs one pass (after it the row has two
  // suppressed cells), the "all ones" rule below may need a further cell; rows do not interact
  // (every count belongs to exactly one row: its dimension's numerators or denominators), so a
  // stable row is a stable table.
  for (;;) {
    int suppressed = 0;
    bool all_ones = true;
    for (const RowCell& cell : row) {
      if (!cell.published->suppressed()) continue;
      ++suppressed;
      if (cell.value != 1) all_ones = false;
    }
    // Decision: a row needs another suppressed cell when
    //  - exactly one cell is suppressed: the total minus the shown cells gives it back; or
    //  - two or more are suppressed and every one of them is 1: a zero is shown, so a reader
    //    knows every `c` is at least 1, and k suppressed cells adding up to k are all 1s (six
    //    children each of a different ethnic group).
    // Two or more suppressed cells otherwise reveal only their sum, which section 7 accepts
    // (the "two already suppressed need nothing more" case).
    const bool needs_more = suppressed == 1 || (suppressed >= 2 && all_ones);
    if (!needs_more) return true;
    // Decision: the secondary cell is the smallest non-zero cell still shown (ties: the first in
    // the table's category order). A zero is not chosen while a non-zero cell is available:
    // suppressing a zero leaves the sum of the suppressed cells unchanged, so it hides nothing
    // about their values, and section 7 shows true zeros. With the total shown and the cells
    // adding up to it, a lone suppressed cell always leaves a non-zero cell shown (the total is at
    // least smallest_shown_count, the cell below it). A zero is chosen only when no non-zero cell
    // is left: every non-zero cell is a suppressed 1, or the cells miss part of the total (units
    // with no child, such as anonymous survey responses, are in the total but in no cell). Then a
    // suppressed zero is what stops a reader pinning the values: one of the `c`s is 0, and which
    // one is not known.
    RowCell* chosen = nullptr;
    for (RowCell& cell : row) {
      if (cell.published->suppressed() || cell.value == 0) continue;
      if (chosen == nullptr || cell.value < chosen->value) chosen = &cell;
    }
    for (RowCell& cell : row) {
      if (chosen != nullptr) break;
      if (!cell.published->suppressed()) chosen = &cell;
    }
    // Decision: no cell left to suppress (every cell is a suppressed 1, or a lone suppressed cell
    // misses part of the total): cell suppression cannot protect the row, so the dimension is
    // withheld from the published result.
    if (chosen == nullptr) return false;
    SuppressSecondary(*chosen->published);
  }
}

PublishedPercent PercentFor(const Counts& counts, const PublishedCount& numerator,
                            const PublishedCount& denominator, const DisclosurePolicy& policy) {
  PublishedPercent percent;
  if (counts.denominator == 0) {
    percent.reason = WithholdReason::kNoDenominator;
  } else if (numerator.suppressed()) {
    // Decision: a suppressed numerator (primary or secondary) always takes its percentage out:
    // with the denominator shown, the percentage gives the numerator back.
    percent.reason = WithholdReason::kNumeratorSuppressed;
  } else if (denominator.suppressed()) {
    // Decision: likewise a suppressed denominator (with the numerator shown, 100 * N / % gives it
    // back), even where it is at or above min_percent_denominator (a secondary cell).
    percent.reason = WithholdReason::kDenominatorSuppressed;
  } else if (counts.denominator < policy.min_percent_denominator) {
    percent.reason = WithholdReason::kDenominatorUnderThreshold;
  } else {
    percent.value = PercentOf(counts);
  }
  return percent;
}

}  // namespace

PublishedResult Publish(const IndicatorResult& result, const IndicatorDefinition& definition,
                        const DisclosurePolicy& policy) {
  PublishedResult published;
  published.code = result.code;
  published.numerator = PrimaryCount(result.counts.numerator, policy);
  published.denominator = PrimaryCount(result.counts.denominator, policy);
  published.unknown = PrimaryCount(result.unknown, policy);
  published.percent = PercentFor(result.counts, published.numerator, published.denominator, policy);

  // Decision: an indicator never broken down below council level (breakdowns_publishable false:
  // 1 H.4, 1 H.5, 1 R.3) loses every breakdown, indicator-specific dimensions included.
  if (!definition.breakdowns_publishable) {
    published.breakdowns_withheld = true;
  } else {
    published.breakdowns.reserve(result.breakdowns.size());
    for (const BreakdownCell& cell : result.breakdowns) {
      PublishedCell out;
      out.dimension = cell.dimension;
      out.category = cell.category;
      out.numerator = PrimaryCount(cell.counts.numerator, policy);
      out.denominator = PrimaryCount(cell.counts.denominator, policy);
      published.breakdowns.push_back(std::move(out));
    }
    if (policy.secondary_suppression) {
      // Each dimension is one table row for the numerators (total N) and one for the
      // denominators (total D). Decision: a dimension whose cells do not add up to the total
      // (units with no child are in no cell) is protected all the same, as if they did.
      std::map<std::string, std::vector<size_t>> by_dimension;
      for (size_t i = 0; i < result.breakdowns.size(); ++i) {
        by_dimension[result.breakdowns[i].dimension].push_back(i);
      }
      std::vector<RowCell> row;
      for (const auto& [dimension, cells] : by_dimension) {
        row.clear();
        for (size_t i : cells) {
          row.push_back(
              {result.breakdowns[i].counts.numerator, &published.breakdowns[i].numerator});
        }
        bool protectable = ProtectRow(row, published.numerator);
        row.clear();
        for (size_t i : cells) {
          row.push_back(
              {result.breakdowns[i].counts.denominator, &published.breakdowns[i].denominator});
        }
        protectable = ProtectRow(row, published.denominator) && protectable;
        if (!protectable) published.withheld_dimensions.push_back(dimension);
      }
    }
    for (size_t i = 0; i < result.breakdowns.size(); ++i) {
      PublishedCell& out = published.breakdowns[i];
      out.percent = PercentFor(result.breakdowns[i].counts, out.numerator, out.denominator, policy);
    }
    if (!published.withheld_dimensions.empty()) {
      const std::vector<std::string>& withheld = published.withheld_dimensions;
      published.breakdowns.erase(
          std::remove_if(published.breakdowns.begin(), published.breakdowns.end(),
                         [&](const PublishedCell& cell) {
                           return std::find(withheld.begin(), withheld.end(), cell.dimension) !=
                                  withheld.end();
                         }),
          published.breakdowns.end());
    }
  }

  // Decision: supplementary figures are counts (incidents, counts by type, responses): a value
  // above 0 and below smallest_shown_count is suppressed, 0 is shown. They get no secondary
  // suppression among themselves: the engine declares none of them to be the parts of a
  // published total (counts by type may overlap: one child can have several types) -- except the
  // survey "responses" figure below.
  for (const SupplementaryFigure& figure : result.supplementary) {
    PublishedFigure out;
    out.name = figure.name;
    if (figure.value > 0 && figure.value < static_cast<double>(policy.smallest_shown_count)) {
      out.reason = SuppressionReason::kPrimary;
    } else {
      out.value = figure.value;
    }
    published.supplementary.push_back(std::move(out));
  }
  // Decision: a survey indicator's "responses" is D + unknown (surveys.cc), so with D and
  // responses shown a suppressed unknown is their difference (and likewise a suppressed D).
  // When either is suppressed the responses figure is suppressed too (secondary): the headline D
  // stays as section 7 has it.
  if (policy.secondary_suppression && definition.unit == UnitKind::kRespondent &&
      (published.denominator.suppressed() || published.unknown.suppressed())) {
    for (PublishedFigure& figure : published.supplementary) {
      if (figure.name == "responses" && figure.reason == SuppressionReason::kNone &&
          figure.value.value_or(0) > 0) {
        figure.value.reset();
        figure.reason = SuppressionReason::kSecondary;
      }
    }
  }
  return published;
}

std::string DisplayText(const PublishedCount& count) {
  if (count.suppressed() || !count.value.has_value()) return "c";
  return absl::StrCat(*count.value);
}

}  // namespace pif::figures
