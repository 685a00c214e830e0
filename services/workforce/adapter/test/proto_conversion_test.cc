// The workforce figures as pif.common.v1 results, internal and published, for each value kind:
// shaped by the domain (ShapeFigure) and converted by the adapter (FigureToProto).
#include "proto_conversion.h"

#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "pif/workforce/domain/figure_names.h"
#include "pif/workforce/domain/figure_shaping.h"

namespace pif::workforce {
namespace {

// One figure as handed out over gRPC, with the dimensions its notes name.
struct FigureProto {
  common::v1::IndicatorResult result;
  std::vector<std::string> withheld_dimensions;
};

FigureProto FigureToProto(const figures::IndicatorResult& result,
                          const FigureDefinition& definition,
                          const std::optional<figures::DisclosurePolicy>& policy) {
  const ShapedFigure shaped = ShapeFigure(result, definition, policy);
  FigureProto proto;
  workforce::FigureToProto(shaped.figure, &proto.result);
  proto.withheld_dimensions = shaped.withheld_dimensions;
  return proto;
}

const FigureDefinition& Definition(const std::string& code) {
  const FigureDefinition* definition = FindFigure(code);
  EXPECT_NE(definition, nullptr) << code;
  return *definition;
}

const figures::DisclosurePolicy kDefaultPolicy;

// "N" for a count shown, "c:primary"/"c:secondary" when suppressed, "-" when unset.
std::string CountText(bool present, const common::v1::Count& count) {
  if (!present) return "-";
  if (count.count_case() == common::v1::Count::kValue) return std::to_string(count.value());
  return count.suppressed() == common::v1::SUPPRESSION_REASON_PRIMARY ? "c:primary" : "c:secondary";
}

// The value to 1 decimal, or the name of the reason it is withheld.
std::string MeasureText(const common::v1::Measure& measure) {
  if (measure.measure_case() == common::v1::Measure::kValue) {
    return absl::StrFormat("%.1f", measure.value());
  }
  return common::v1::WithholdReason_Name(measure.withheld());
}

std::string PercentText(const common::v1::Percentage& percentage) {
  if (percentage.percentage_case() == common::v1::Percentage::kValue) {
    return absl::StrFormat("%.1f", percentage.value());
  }
  return common::v1::WithholdReason_Name(percentage.withheld());
}

const common::v1::SupplementaryFigure& Supplementary(const common::v1::IndicatorResult& result,
                                                     const std::string& name) {
  for (const common::v1::SupplementaryFigure& figure : result.supplementary()) {
    if (figure.name() == name) return figure;
  }
  ADD_FAILURE() << result.code() << " has no " << name;
  return common::v1::SupplementaryFigure::default_instance();
}

// 7.1 with 9 QSW employees: 3 under a year, 6 of 5-<10 years; 2 agency; 1 unknown.
figures::IndicatorResult LengthOfService() {
  figures::IndicatorResult result;
  result.code = "7.1";
  result.counts = {0, 9};
  result.unknown = 1;
  const char* bands[] = {"<1", "1-<2", "2-<5", "5-<10", "10-<20", "20+"};
  const int64_t counts[] = {3, 0, 0, 6, 0, 0};
  for (int i = 0; i < 6; ++i) {
    result.breakdowns.push_back({kLengthOfServiceBand, bands[i], {counts[i], 9}});
  }
  result.supplementary = {{kMedianYears, 5.4}, {kAgencyHeadcount, 2}};
  return result;
}

TEST(FigureProtosTest, LengthOfServiceInternalHasNoNumeratorNorHeadlineAndShowsBandsAndMedian) {
  const FigureProto proto = FigureToProto(LengthOfService(), Definition("7.1"), std::nullopt);
  const common::v1::IndicatorResult& r = proto.result;
  EXPECT_EQ(r.code(), "7.1");
  EXPECT_EQ(r.title(), Definition("7.1").title);
  EXPECT_EQ(r.polarity(), common::v1::POLARITY_NEUTRAL);
  EXPECT_EQ(r.definition_version(), "1");
  EXPECT_FALSE(r.has_numerator());
  EXPECT_EQ(CountText(r.has_denominator(), r.denominator()), "9");
  EXPECT_EQ(r.figure_case(), common::v1::IndicatorResult::FIGURE_NOT_SET);
  EXPECT_EQ(CountText(r.has_unknown(), r.unknown()), "1");
  ASSERT_EQ(r.breakdowns_size(), 6);
  EXPECT_EQ(r.breakdowns(0).dimension(), "length_of_service_band");
  EXPECT_EQ(r.breakdowns(0).category(), "<1");
  EXPECT_EQ(CountText(true, r.breakdowns(0).numerator()), "3");
  EXPECT_EQ(CountText(true, r.breakdowns(0).denominator()), "9");
  EXPECT_EQ(PercentText(r.breakdowns(0).value()), "33.3");
  EXPECT_EQ(PercentText(r.breakdowns(3).value()), "66.7");
  const common::v1::SupplementaryFigure& median = Supplementary(r, kMedianYears);
  EXPECT_EQ(median.unit(), "years");
  EXPECT_EQ(median.label(), "Median length of service (years)");
  EXPECT_EQ(MeasureText(median.measure()), "5.4");
  const common::v1::SupplementaryFigure& agency = Supplementary(r, kAgencyHeadcount);
  EXPECT_EQ(agency.unit(), "");
  EXPECT_EQ(CountText(agency.has_count(), agency.count()), "2");
  EXPECT_TRUE(proto.withheld_dimensions.empty());
}

TEST(FigureProtosTest, LengthOfServicePublishedSuppressesSmallBandsAndWithholdsASmallMedian) {
  const FigureProto proto = FigureToProto(LengthOfService(), Definition("7.1"), kDefaultPolicy);
  const common::v1::IndicatorResult& r = proto.result;
  EXPECT_FALSE(r.has_numerator());
  EXPECT_EQ(CountText(r.has_denominator(), r.denominator()), "9");
  EXPECT_EQ(CountText(r.has_unknown(), r.unknown()), "c:primary");
  // 3 is suppressed; the bands add up to the headcount, so 6 goes too (secondary).
  EXPECT_EQ(CountText(true, r.breakdowns(0).numerator()), "c:primary");
  EXPECT_EQ(CountText(true, r.breakdowns(3).numerator()), "c:secondary");
  EXPECT_EQ(CountText(true, r.breakdowns(1).numerator()), "0");
  EXPECT_EQ(PercentText(r.breakdowns(1).value()), "WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD");
  // The median of 9 staff would describe too few people.
  EXPECT_EQ(MeasureText(Supplementary(r, kMedianYears).measure()),
            "WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD");
  EXPECT_EQ(CountText(true, Supplementary(r, kAgencyHeadcount).count()), "c:primary");
}

TEST(FigureProtosTest, LengthOfServiceWithNoEmployeesHasNoMedian) {
  figures::IndicatorResult result;
  result.code = "7.2";
  result.supplementary = {{kAgencyHeadcount, 0}};
  const FigureProto proto = FigureToProto(result, Definition("7.2"), std::nullopt);
  EXPECT_EQ(MeasureText(Supplementary(proto.result, kMedianYears).measure()),
            "WITHHOLD_REASON_NO_DENOMINATOR");
  EXPECT_EQ(CountText(true, Supplementary(proto.result, kAgencyHeadcount).count()), "0");
}

// 7.3a: 8 sick days over a mean FTE of 19/12, 1 other unplanned day.
figures::IndicatorResult DaysLost(double mean_fte) {
  figures::IndicatorResult result;
  result.code = "7.3a";
  result.supplementary = {{kSickFteDaysLost, 8.25},
                          {kMeanFte, mean_fte},
                          {kOtherUnplannedFteDaysLost, 1.0},
                          {kDaysPerFte, 5.2}};
  return result;
}

TEST(FigureProtosTest, DaysLostCarriesItsRateAsTheMeasureWithNoCounts) {
  const FigureProto proto = FigureToProto(DaysLost(19.0 / 12.0), Definition("7.3a"), std::nullopt);
  const common::v1::IndicatorResult& r = proto.result;
  EXPECT_FALSE(r.has_numerator());
  EXPECT_FALSE(r.has_denominator());
  EXPECT_FALSE(r.has_unknown());
  ASSERT_TRUE(r.has_measure());
  EXPECT_EQ(MeasureText(r.measure()), "5.2");
  EXPECT_EQ(r.polarity(), common::v1::POLARITY_LOWER_IS_BETTER);
  // In the catalogue's order, the headline's figure not repeated.
  ASSERT_EQ(r.supplementary_size(), 3);
  EXPECT_EQ(r.supplementary(0).name(), kSickFteDaysLost);
  EXPECT_EQ(MeasureText(r.supplementary(0).measure()), "8.3");  // 8.25 rounded half away
  EXPECT_EQ(r.supplementary(0).unit(), "FTE days");
  EXPECT_EQ(r.supplementary(1).name(), kMeanFte);
  EXPECT_EQ(MeasureText(r.supplementary(1).measure()), "1.6");
  EXPECT_EQ(r.supplementary(2).name(), kOtherUnplannedFteDaysLost);
  EXPECT_EQ(MeasureText(r.supplementary(2).measure()), "1.0");
}

TEST(FigureProtosTest, PublishedDaysLostOfASmallGroupWithholdsTheRateAndTheDaysButNotTheFte) {
  const FigureProto proto =
      FigureToProto(DaysLost(19.0 / 12.0), Definition("7.3a"), kDefaultPolicy);
  const common::v1::IndicatorResult& r = proto.result;
  EXPECT_EQ(MeasureText(r.measure()), "WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD");
  EXPECT_EQ(MeasureText(Supplementary(r, kSickFteDaysLost).measure()),
            "WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD");
  EXPECT_EQ(MeasureText(Supplementary(r, kOtherUnplannedFteDaysLost).measure()),
            "WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD");
  EXPECT_EQ(MeasureText(Supplementary(r, kMeanFte).measure()), "1.6");
}

TEST(FigureProtosTest, PublishedDaysLostOfALargeGroupIsShownUnsuppressed) {
  // Measures are not counts: 1.0 days is not a small count to suppress.
  const FigureProto proto = FigureToProto(DaysLost(10.0), Definition("7.3a"), kDefaultPolicy);
  EXPECT_EQ(MeasureText(proto.result.measure()), "5.2");
  EXPECT_EQ(MeasureText(Supplementary(proto.result, kOtherUnplannedFteDaysLost).measure()), "1.0");
}

TEST(FigureProtosTest, DaysLostWithoutFteHasNoRate) {
  figures::IndicatorResult result;
  result.code = "7.3c";
  result.supplementary = {{kSickFteDaysLost, 0}, {kMeanFte, 0}, {kOtherUnplannedFteDaysLost, 0}};
  const FigureProto proto = FigureToProto(result, Definition("7.3c"), std::nullopt);
  EXPECT_EQ(MeasureText(proto.result.measure()), "WITHHOLD_REASON_NO_DENOMINATOR");
  EXPECT_EQ(MeasureText(Supplementary(proto.result, kMeanFte).measure()), "0.0");
}

TEST(FigureProtosTest, APercentageFigureHasCountsValueAndItsCountsAlongside) {
  figures::IndicatorResult result;
  result.code = "7.6";
  result.counts = {9, 12};
  result.supplementary = {{kRegCondCount, 2}, {kNotRegCount, 0}};
  const FigureProto internal = FigureToProto(result, Definition("7.6"), std::nullopt);
  const common::v1::IndicatorResult& r = internal.result;
  EXPECT_EQ(CountText(r.has_numerator(), r.numerator()), "9");
  EXPECT_EQ(CountText(r.has_denominator(), r.denominator()), "12");
  EXPECT_EQ(PercentText(r.value()), "75.0");
  EXPECT_EQ(CountText(r.has_unknown(), r.unknown()), "0");
  EXPECT_EQ(CountText(true, Supplementary(r, kRegCondCount).count()), "2");
  EXPECT_EQ(CountText(true, Supplementary(r, kNotRegCount).count()), "0");

  const FigureProto published = FigureToProto(result, Definition("7.6"), kDefaultPolicy);
  EXPECT_EQ(PercentText(published.result.value()), "75.0");
  EXPECT_EQ(CountText(true, Supplementary(published.result, kRegCondCount).count()), "c:primary");
  EXPECT_EQ(CountText(true, Supplementary(published.result, kNotRegCount).count()), "0");
}

TEST(FigureProtosTest, PublishedOpenCasesWithASmallNumeratorWithholdTheirPercentage) {
  figures::IndicatorResult result;
  result.code = "7.4a";
  result.counts = {4, 30};
  const FigureProto internal = FigureToProto(result, Definition("7.4a"), std::nullopt);
  EXPECT_EQ(PercentText(internal.result.value()), "13.3");
  const FigureProto published = FigureToProto(result, Definition("7.4a"), kDefaultPolicy);
  EXPECT_EQ(CountText(true, published.result.numerator()), "c:primary");
  EXPECT_EQ(CountText(true, published.result.denominator()), "30");
  EXPECT_EQ(PercentText(published.result.value()), "WITHHOLD_REASON_NUMERATOR_SUPPRESSED");
}

TEST(FigureProtosTest, AnEmptyDenominatorHasNoPercentageEvenInternally) {
  figures::IndicatorResult result;
  result.code = "9.1";
  const FigureProto proto = FigureToProto(result, Definition("9.1"), std::nullopt);
  EXPECT_EQ(PercentText(proto.result.value()), "WITHHOLD_REASON_NO_DENOMINATOR");
  EXPECT_EQ(CountText(true, proto.result.denominator()), "0");
}

TEST(FigureProtosTest, ManagerLevelCellsGetSecondarySuppression) {
  figures::IndicatorResult result;
  result.code = "9.1";
  result.counts = {20, 30};
  result.breakdowns = {{kManagerLevel, "TEAM", {12, 18}},
                       {kManagerLevel, "MIDDLE", {6, 8}},
                       {kManagerLevel, "SENIOR", {2, 4}},
                       {kManagerLevel, "NA", {0, 0}}};
  const FigureProto proto = FigureToProto(result, Definition("9.1"), kDefaultPolicy);
  const common::v1::IndicatorResult& r = proto.result;
  ASSERT_EQ(r.breakdowns_size(), 4);
  EXPECT_EQ(r.breakdowns(0).category(), "TEAM");
  EXPECT_EQ(CountText(true, r.breakdowns(2).numerator()), "c:primary");    // SENIOR 2
  EXPECT_EQ(CountText(true, r.breakdowns(1).numerator()), "c:secondary");  // MIDDLE 6, next
  EXPECT_EQ(CountText(true, r.breakdowns(0).numerator()), "12");
  EXPECT_EQ(PercentText(r.breakdowns(0).value()), "66.7");
  EXPECT_EQ(CountText(true, r.breakdowns(3).numerator()), "0");
  EXPECT_EQ(PercentText(r.value()), "66.7");
}

TEST(ComputeRequestOfTest, TakesTheRequestAsSentWithNoModeMeaningPublished) {
  v1::ComputeWorkforceRequest request;
  request.set_council("S12000033");
  request.mutable_period()->mutable_first_day()->set_year(2023);
  request.mutable_period()->mutable_first_day()->set_month(8);
  request.mutable_period()->mutable_first_day()->set_day(1);
  request.add_codes("9.1");
  request.add_codes("7.x");
  ComputeRequest sent = ComputeRequestOf(request);
  EXPECT_EQ(sent.council, "S12000033");
  ASSERT_TRUE(sent.period.given);
  ASSERT_TRUE(sent.period.first_day.has_value());
  EXPECT_EQ(sent.period.first_day->month, 8);
  EXPECT_FALSE(sent.period.last_day.has_value());
  EXPECT_EQ(sent.codes, (std::vector<std::string>{"9.1", "7.x"}));
  EXPECT_TRUE(sent.published);
  request.set_disclosure_mode(common::v1::DISCLOSURE_MODE_INTERNAL);
  EXPECT_FALSE(ComputeRequestOf(request).published);
  request.set_disclosure_mode(common::v1::DISCLOSURE_MODE_PUBLISHED);
  EXPECT_TRUE(ComputeRequestOf(request).published);
  request.clear_period();
  EXPECT_FALSE(ComputeRequestOf(request).period.given);
}

TEST(ResultSetToProtoTest, ProvenanceNamesThePolicyOnlyForPublishedFigures) {
  WorkforceResultSet set;
  set.provenance.council = "S12000033";
  set.provenance.period = {*dates::Date::FromYmd(2023, 8, 1), *dates::Date::FromYmd(2024, 7, 31)};
  set.provenance.workforce_data_version = 3;
  set.provenance.intake_data_version = 41;
  set.provenance.definitions_version = "wf-defs-1";
  set.provenance.computed_at = absl::FromUnixMicros(1700000000123456);
  set.provenance.result_id = "r-1";
  set.provenance.policy = figures::DisclosurePolicy();
  set.figures.notes = {{"REJECTIONS_OUTSTANDING", "2 workforce records are ...", "", 2}};
  set.reused = true;
  v1::ComputeWorkforceResponse response;
  ResultSetToProto(set, &response);
  const common::v1::Provenance& provenance = response.provenance();
  EXPECT_EQ(provenance.council(), "S12000033");
  EXPECT_EQ(provenance.period().last_day().day(), 31);
  EXPECT_EQ(provenance.workforce_data_version(), 3);
  EXPECT_EQ(provenance.intake_data_version(), 41);
  EXPECT_EQ(provenance.definitions_version(), "wf-defs-1");
  EXPECT_EQ(provenance.computed_at().seconds(), 1700000000);
  EXPECT_EQ(provenance.computed_at().nanos(), 123456000);
  EXPECT_EQ(provenance.result_id(), "r-1");
  EXPECT_EQ(provenance.disclosure_mode(), common::v1::DISCLOSURE_MODE_PUBLISHED);
  EXPECT_EQ(provenance.disclosure_policy().council(), "S12000033");
  EXPECT_EQ(provenance.disclosure_policy().min_shown_count(), 6);
  EXPECT_EQ(provenance.disclosure_policy().min_denominator(), 10);
  EXPECT_TRUE(provenance.disclosure_policy().secondary_suppression());
  ASSERT_EQ(response.notes_size(), 1);
  EXPECT_EQ(response.notes(0).count(), 2);
  EXPECT_TRUE(response.reused());

  set.provenance.policy.reset();
  v1::ComputeWorkforceResponse internal;
  ResultSetToProto(set, &internal);
  EXPECT_EQ(internal.provenance().disclosure_mode(), common::v1::DISCLOSURE_MODE_INTERNAL);
  EXPECT_FALSE(internal.provenance().has_disclosure_policy());
}

}  // namespace
}  // namespace pif::workforce
