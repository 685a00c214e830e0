// The stored form of workforce figures is protobuf's JSON of the response, as every stored row
// has it: text protobuf wrote reads back, and text written here is what protobuf reads as the
// same message.
#include "figures_json.h"

#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>

#include <string>

#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "pif/workforce/v1/workforce_service.pb.h"

namespace pif::workforce {
namespace {

// Results and notes in every form a stored response has: a published percentage figure with a
// suppressed numerator and a withheld value, 7.1 (headcount, bands, a measure and a count
// alongside), 7.3a (a measure headline, measures withheld alongside), a note of each kind.
v1::ComputeWorkforceResponse EveryForm() {
  v1::ComputeWorkforceResponse response;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"pb(
        results {
          code: "7.4b"
          title: "Open cases allocated"
          polarity: POLARITY_HIGHER_IS_BETTER
          definition_version: "1"
          numerator { suppressed: SUPPRESSION_REASON_PRIMARY }
          denominator { value: 30 }
          value { withheld: WITHHOLD_REASON_NUMERATOR_SUPPRESSED }
          unknown { value: 0 }
        }
        results {
          code: "7.1"
          title: "Length of service of QSWs"
          polarity: POLARITY_NEUTRAL
          definition_version: "1"
          denominator { value: 12 }
          unknown { value: 1 }
          breakdowns {
            dimension: "length_of_service_band"
            category: "<1"
            numerator { suppressed: SUPPRESSION_REASON_SECONDARY }
            denominator { value: 12 }
            value { withheld: WITHHOLD_REASON_DENOMINATOR_UNDER_THRESHOLD }
          }
          breakdowns {
            dimension: "length_of_service_band"
            category: "5-<10"
            numerator { value: 7 }
            denominator { value: 12 }
            value { value: 58.3 }
          }
          supplementary {
            name: "median_years"
            label: "Median length of service (years)"
            unit: "years"
            measure { value: 5.4 }
          }
          supplementary {
            name: "agency_headcount"
            label: "Agency staff"
            count { value: 0 }
          }
        }
        results {
          code: "7.3a"
          title: "Days lost"
          polarity: POLARITY_LOWER_IS_BETTER
          definition_version: "2"
          measure { value: 5.3 }
          supplementary {
            name: "sick_fte_days_lost"
            label: "Sick days"
            unit: "FTE days"
            measure { withheld: WITHHOLD_REASON_NO_DENOMINATOR }
          }
          supplementary {
            name: "mean_fte"
            label: "Mean FTE"
            unit: "FTE"
            measure { value: 0 }
          }
        }
        notes {
          code: "REJECTIONS_OUTSTANDING"
          message: "2 workforce records are still rejected and not counted in these figures."
          count: 2
        }
        notes {
          code: "BREAKDOWN_WITHHELD"
          message: "The manager_level breakdown of 9.1 is not published."
          indicator_code: "9.1"
        }
      )pb",
      &response));
  return response;
}

// The text the service stored before this code: protobuf's JSON with the .proto's field names.
std::string AsProtobufWroteIt(const v1::ComputeWorkforceResponse& response) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  EXPECT_TRUE(google::protobuf::util::MessageToJsonString(response, &json, options).ok());
  return json;
}

TEST(FiguresJsonTest, TextProtobufWroteReadsBackIntoEveryPart) {
  absl::StatusOr<FigureSet> read = FiguresFromJson(AsProtobufWroteIt(EveryForm()));
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_EQ(read->results.size(), 3u);
  const WorkforceFigure& allocated = read->results[0];
  EXPECT_EQ(allocated.code, "7.4b");
  EXPECT_EQ(allocated.numerator->reason, figures::SuppressionReason::kPrimary);
  EXPECT_FALSE(allocated.numerator->value.has_value());
  EXPECT_EQ(allocated.denominator->value, 30);
  EXPECT_EQ(std::get<figures::PublishedPercent>(allocated.headline).reason,
            figures::WithholdReason::kNumeratorSuppressed);
  EXPECT_EQ(allocated.unknown->value, 0);

  const WorkforceFigure& service = read->results[1];
  EXPECT_FALSE(service.numerator.has_value());
  EXPECT_TRUE(std::holds_alternative<std::monostate>(service.headline));
  EXPECT_EQ(service.polarity, figures::Polarity::kNeutral);
  ASSERT_EQ(service.breakdowns.size(), 2u);
  EXPECT_EQ(service.breakdowns[0].numerator.reason, figures::SuppressionReason::kSecondary);
  EXPECT_EQ(service.breakdowns[0].percent.reason,
            figures::WithholdReason::kDenominatorUnderThreshold);
  EXPECT_EQ(service.breakdowns[1].percent.value, 58.3);
  ASSERT_EQ(service.supplementary.size(), 2u);
  EXPECT_EQ(service.supplementary[0].unit, "years");
  EXPECT_EQ(std::get<PublishedMeasure>(service.supplementary[0].value).value, 5.4);
  EXPECT_EQ(std::get<figures::PublishedCount>(service.supplementary[1].value).value, 0);

  const WorkforceFigure& days = read->results[2];
  EXPECT_FALSE(days.denominator.has_value());
  EXPECT_FALSE(days.unknown.has_value());
  EXPECT_EQ(std::get<PublishedMeasure>(days.headline).value, 5.3);
  EXPECT_EQ(std::get<PublishedMeasure>(days.supplementary[0].value).reason,
            figures::WithholdReason::kNoDenominator);
  EXPECT_EQ(std::get<PublishedMeasure>(days.supplementary[1].value).value, 0.0);

  ASSERT_EQ(read->notes.size(), 2u);
  EXPECT_EQ(read->notes[0].count, 2);
  EXPECT_EQ(read->notes[0].indicator_code, "");
  EXPECT_EQ(read->notes[1].indicator_code, "9.1");
  EXPECT_EQ(read->notes[1].count, 0);
}

TEST(FiguresJsonTest, TextWrittenHereIsTheSameMessageToProtobuf) {
  const v1::ComputeWorkforceResponse original = EveryForm();
  absl::StatusOr<FigureSet> read = FiguresFromJson(AsProtobufWroteIt(original));
  ASSERT_TRUE(read.ok()) << read.status();
  const std::string written = FiguresToJson(*read);
  v1::ComputeWorkforceResponse parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(written, &parsed).ok()) << written;
  std::string difference;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&difference);
  EXPECT_TRUE(differencer.Compare(original, parsed)) << difference;
  // And it reads back to the same text.
  EXPECT_EQ(FiguresToJson(FiguresFromJson(written).value()), written);
}

TEST(FiguresJsonTest, ASuppressedDenominatorIsStoredAsTheContractsOneReason) {
  FigureSet set;
  WorkforceFigure figure;
  figure.code = "7.1";
  figure.supplementary.push_back(
      {"median_years", "Median", "years",
       PublishedMeasure{std::nullopt, figures::WithholdReason::kDenominatorSuppressed}});
  set.results.push_back(figure);
  const FigureSet read = FiguresFromJson(FiguresToJson(set)).value();
  EXPECT_EQ(std::get<PublishedMeasure>(read.results[0].supplementary[0].value).reason,
            figures::WithholdReason::kDenominatorUnderThreshold);
}

TEST(FiguresJsonTest, AnEmptySetAndUnreadableText) {
  EXPECT_EQ(FiguresToJson(FigureSet()), "{}");
  EXPECT_TRUE(FiguresFromJson("{}").value().results.empty());
  EXPECT_EQ(FiguresFromJson("not json").status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(FiguresFromJson(R"({"results": [{"code": "7.1"}]})").status().code(),
            absl::StatusCode::kDataLoss);  // no polarity
  EXPECT_EQ(FiguresFromJson(R"({"results": [{"polarity": "POLARITY_SIDEWAYS"}]})").status().code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(FiguresFromJson(R"({"notes": [{"count": "two"}]})").status().code(),
            absl::StatusCode::kDataLoss);
}

}  // namespace
}  // namespace pif::workforce
