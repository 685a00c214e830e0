#include "result_output.h"

#include <sstream>

#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace pif::ctl {
namespace {

// A published 1 S.1 with a suppressed numerator, a 1 N.1 with no denominator, and a cell of each
// kind.
struct Figures {
  common::v1::Provenance provenance;
  google::protobuf::RepeatedPtrField<common::v1::IndicatorResult> results;

  ResultsView view() const { return {&provenance, &results}; }
};

Figures Sample() {
  Figures figures;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"pb(council: "S12000033"
           period {
             first_day { year: 2023 month: 8 day: 1 }
             last_day { year: 2024 month: 7 day: 31 }
           }
           intake_data_version: 12
           definitions_version: "defs-0123456789ab"
           disclosure_mode: DISCLOSURE_MODE_PUBLISHED)pb",
      &figures.provenance));
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"pb(code: "1 S.1"
           title: "Repeat referrals, within 365 days"
           numerator { suppressed: SUPPRESSION_REASON_PRIMARY }
           denominator { value: 40 }
           value { withheld: WITHHOLD_REASON_NUMERATOR_SUPPRESSED }
           unknown { value: 0 }
           polarity: POLARITY_LOWER_IS_BETTER
           breakdowns {
             dimension: "sex"
             category: "F"
             numerator { value: 0 }
             denominator { value: 25 }
             value { value: 0 }
           }
           breakdowns {
             dimension: "sex"
             category: "NOT_RECORDED"
             numerator { suppressed: SUPPRESSION_REASON_SECONDARY }
             denominator { value: 15 }
             value { withheld: WITHHOLD_REASON_NUMERATOR_SUPPRESSED }
           })pb",
      figures.results.Add()));
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"pb(code: "1 ACH.3(i)"
           title: "On track"
           numerator { value: 0 }
           denominator { value: 0 }
           value { withheld: WITHHOLD_REASON_NO_DENOMINATOR }
           unknown { value: 0 }
           polarity: POLARITY_HIGHER_IS_BETTER)pb",
      figures.results.Add()));
  return figures;
}

TEST(ResultOutputTest, JsonHasTheDocumentedShapeWithSuppressionSpeltOut) {
  const Figures figures = Sample();
  const nlohmann::ordered_json json = ResultsJson(figures.view());
  EXPECT_EQ(json.dump(),
            R"j({"council":"S12000033","period":{"from":"2023-08-01","to":"2024-07-31"},)j"
            R"j("data_version":12,"definitions_version":"defs-0123456789ab","indicators":[)j"
            R"j({"code":"1 S.1","title":"Repeat referrals, within 365 days",)j"
            R"j("numerator":{"suppressed":"primary"},"denominator":40,)j"
            R"j("value":{"withheld":"numerator_suppressed"},"unknown":0,)j"
            R"j("polarity":"lower_is_better","breakdowns":[)j"
            R"j({"dimension":"sex","category":"F","numerator":0,"denominator":25,"value":0.0},)j"
            R"j({"dimension":"sex","category":"NOT_RECORDED",)j"
            R"j("numerator":{"suppressed":"secondary"},"denominator":15,)j"
            R"j("value":{"withheld":"numerator_suppressed"}}]},)j"
            R"j({"code":"1 ACH.3(i)","title":"On track","numerator":0,"denominator":0,)j"
            R"j("value":null,"unknown":0,"polarity":"higher_is_better","breakdowns":[]}]})j");
}

TEST(ResultOutputTest, CsvHasOneRowPerIndicatorAndCellWithCForSuppressed) {
  const Figures figures = Sample();
  std::ostringstream out;
  WriteResults(out, OutputFormat::kCsv, figures.view());
  EXPECT_EQ(out.str(),
            "code,title,dimension,category,numerator,denominator,value,unknown,polarity\r\n"
            "1 S.1,\"Repeat referrals, within 365 days\",,,c,40,c,0,lower_is_better\r\n"
            "1 S.1,\"Repeat referrals, within 365 days\",sex,F,0,25,0.0,,lower_is_better\r\n"
            "1 S.1,\"Repeat referrals, within 365 days\",sex,NOT_RECORDED,c,15,c,,"
            "lower_is_better\r\n"
            "1 ACH.3(i),On track,,,0,0,,0,higher_is_better\r\n");
}

TEST(ResultOutputTest, TableAlignsColumnsUnderAProvenanceLine) {
  const Figures figures = Sample();
  std::ostringstream out;
  WriteResults(out, OutputFormat::kTable, figures.view());
  EXPECT_EQ(out.str(),
            "council S12000033  period 2023-08-01 to 2024-07-31  data version 12  definitions "
            "defs-0123456789ab  published\n"
            "\n"
            "code        title                              breakdown         N   D    %  "
            "unknown\n"
            "1 S.1       Repeat referrals, within 365 days                    c  40    c        0\n"
            "                                               sex=F             0  25  0.0\n"
            "                                               sex=NOT_RECORDED  c  15    c\n"
            "1 ACH.3(i)  On track                                             0   0    -        "
            "0\n");
}

TEST(ResultOutputTest, FormatNamesAreJsonCsvOrTable) {
  EXPECT_EQ(*ParseOutputFormat("csv"), OutputFormat::kCsv);
  EXPECT_EQ(*ParseOutputFormat("table"), OutputFormat::kTable);
  EXPECT_FALSE(ParseOutputFormat("xml").ok());
}

}  // namespace
}  // namespace pif::ctl
