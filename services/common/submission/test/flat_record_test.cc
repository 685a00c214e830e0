#include "pif/submission/flat_record.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "pif/submission/validate.h"

namespace pif::submission {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using Cells = std::vector<std::pair<std::string, std::string>>;

// A review item: two key columns, the second a code.
RecordSchema ReviewItemType() {
  RecordSchema type{"ReviewItem", "review_items.csv", "review_items", {}, {"review_id", "item"}};
  Column review_id{"review_id", ColumnKind::kText, true};
  Column item{"item", ColumnKind::kCode, true, {"HIGH_RISK", "SUBSTANCE_MISUSE"}};
  Column value{"value", ColumnKind::kCode, true, {"YES", "NO"}};
  Column note{"note", ColumnKind::kText};
  type.columns = {review_id, item, value, note};
  return type;
}

TEST(FlatRecordTest, GetsAndSetsValuesByColumnName) {
  const RecordSchema type = ReviewItemType();
  FlatRecord record{&type, {}};
  EXPECT_TRUE(record.Set("value", "NO"));
  EXPECT_TRUE(record.Set("review_id", "R17"));
  EXPECT_EQ(record.Get("value"), std::optional<std::string>("NO"));
  EXPECT_EQ(record.Get("review_id"), std::optional<std::string>("R17"));
  EXPECT_EQ(record.Get("item"), std::nullopt);
  ASSERT_EQ(record.values.size(), 4u);
  EXPECT_EQ(record.values[2], std::optional<std::string>("NO"));
}

TEST(FlatRecordTest, SetClearsAValueWithNullopt) {
  const RecordSchema type = ReviewItemType();
  FlatRecord record{&type, {}};
  ASSERT_TRUE(record.Set("note", "kept"));
  EXPECT_TRUE(record.Set("note", std::nullopt));
  EXPECT_EQ(record.Get("note"), std::nullopt);
}

TEST(FlatRecordTest, AnUnknownColumnIsNeitherSetNorFound) {
  const RecordSchema type = ReviewItemType();
  FlatRecord record{&type, {}};
  EXPECT_FALSE(record.Set("colour", "red"));
  EXPECT_EQ(record.Get("colour"), std::nullopt);
  FlatRecord no_schema;
  EXPECT_FALSE(no_schema.Set("value", "NO"));
  EXPECT_EQ(no_schema.Get("value"), std::nullopt);
}

TEST(RecordIdTest, JoinsKeyValuesWithABar) {
  const RecordSchema type = ReviewItemType();
  FlatRecord record{&type, {}};
  record.Set("review_id", "R17");
  record.Set("item", "HIGH_RISK");
  record.Set("value", "YES");
  EXPECT_EQ(RecordId(record), "R17|HIGH_RISK");
}

TEST(RecordIdTest, LeavesMissingKeyPartsEmpty) {
  const RecordSchema type = ReviewItemType();
  FlatRecord record{&type, {}};
  record.Set("item", "HIGH_RISK");
  EXPECT_EQ(RecordId(record), "|HIGH_RISK");
  record.Set("item", std::nullopt);
  record.Set("review_id", "R17");
  EXPECT_EQ(RecordId(record), "R17|");
}

TEST(RecordIdTest, IsTheSingleKeyValueForASingleKey) {
  RecordSchema type{"Child", "children.csv", "children", {}, {"person_id"}};
  type.columns = {Column{"person_id", ColumnKind::kText, true}, Column{"locality"}};
  FlatRecord record{&type, {}};
  record.Set("person_id", "P1");
  record.Set("locality", "Leith");
  EXPECT_EQ(RecordId(record), "P1");
}

TEST(KeyValuesOfTest, SplitsAJoinedIdBackIntoItsKeyValues) {
  const RecordSchema type = ReviewItemType();
  EXPECT_EQ(KeyValuesOf(type, "R17|HIGH_RISK"),
            (std::optional<std::vector<std::string>>{{"R17", "HIGH_RISK"}}));
  // Only the first key column may hold a bar: the split is at the last one.
  EXPECT_EQ(KeyValuesOf(type, "R|17|HIGH_RISK"),
            (std::optional<std::vector<std::string>>{{"R|17", "HIGH_RISK"}}));
  FlatRecord record{&type, {}};
  ASSERT_TRUE(record.Set("review_id", "R|17"));
  ASSERT_TRUE(record.Set("item", "SUBSTANCE_MISUSE"));
  EXPECT_EQ(KeyValuesOf(type, RecordId(record)),
            (std::optional<std::vector<std::string>>{{"R|17", "SUBSTANCE_MISUSE"}}));
}

TEST(KeyValuesOfTest, AnIdWithTooFewOrEmptyPartsIsNone) {
  const RecordSchema type = ReviewItemType();
  EXPECT_EQ(KeyValuesOf(type, "R17"), std::nullopt);
  EXPECT_EQ(KeyValuesOf(type, "R17|"), std::nullopt);
  EXPECT_EQ(KeyValuesOf(type, "|HIGH_RISK"), std::nullopt);
  RecordSchema single{"Child", "children.csv", "children", {}, {"person_id"}};
  single.columns = {Column{"person_id", ColumnKind::kText, true}};
  EXPECT_EQ(KeyValuesOf(single, "C|1"), (std::optional<std::vector<std::string>>{{"C|1"}}));
  EXPECT_EQ(KeyValuesOf(single, ""), std::nullopt);
}

TEST(FromNamedCellsTest, PlacesCellsByNameInAnyOrder) {
  const RecordSchema type = ReviewItemType();
  std::vector<FieldViolation> violations;
  const FlatRecord record = FromNamedCells(
      type, Cells{{"value", "YES"}, {"item", "HIGH_RISK"}, {"review_id", "R1"}}, &violations);
  EXPECT_THAT(violations, IsEmpty());
  EXPECT_EQ(record.schema, &type);
  EXPECT_THAT(record.values,
              ElementsAre(std::optional<std::string>("R1"), std::optional<std::string>("HIGH_RISK"),
                          std::optional<std::string>("YES"), std::nullopt));
}

TEST(FromNamedCellsTest, AnEmptyCellIsNotRecorded) {
  const RecordSchema type = ReviewItemType();
  std::vector<FieldViolation> violations;
  const FlatRecord record =
      FromNamedCells(type, Cells{{"review_id", "R1"}, {"note", ""}}, &violations);
  EXPECT_THAT(violations, IsEmpty());
  EXPECT_EQ(record.Get("note"), std::nullopt);
  EXPECT_EQ(record.Get("review_id"), std::optional<std::string>("R1"));
}

TEST(FromNamedCellsTest, AnUnknownNameIsAViolationAndTheOtherCellsAreKept) {
  const RecordSchema type = ReviewItemType();
  std::vector<FieldViolation> violations;
  const FlatRecord record = FromNamedCells(
      type, Cells{{"review_id", "R1"}, {"valeu", "YES"}, {"item", "HIGH_RISK"}}, &violations);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "valeu");
  EXPECT_EQ(violations[0].rule_code, kUnknownField);
  EXPECT_EQ(violations[0].message,
            "\"valeu\" is not a field of ReviewItem (its fields: review_id, item, value, note)");
  EXPECT_EQ(record.Get("review_id"), std::optional<std::string>("R1"));
  EXPECT_EQ(record.Get("item"), std::optional<std::string>("HIGH_RISK"));
  EXPECT_EQ(record.Get("value"), std::nullopt);
}

TEST(FromNamedCellsTest, AnUnknownNameThatIsNotTextIsEscapedInTheViolation) {
  const RecordSchema type = ReviewItemType();
  std::vector<FieldViolation> violations;
  FromNamedCells(type, Cells{{std::string("a\xff\"b", 4), "x"}}, &violations);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "a\\xFF\\\"b");
  EXPECT_THAT(violations[0].message, HasSubstr("\"a\\xFF\\\"b\" is not a field of ReviewItem"));
}

TEST(FromNamedCellsTest, ANameGivenTwiceIsOneViolationAndTheFirstValueIsKept) {
  const RecordSchema type = ReviewItemType();
  std::vector<FieldViolation> violations;
  const FlatRecord record = FromNamedCells(
      type, Cells{{"value", "YES"}, {"value", "NO"}, {"value", ""}, {"review_id", "R1"}},
      &violations);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "value");
  EXPECT_EQ(violations[0].rule_code, kDuplicateField);
  EXPECT_EQ(violations[0].message, "value is given more than once");
  EXPECT_EQ(record.Get("value"), std::optional<std::string>("YES"));
}

TEST(FromNamedCellsTest, ADuplicateAfterAnEmptyCellKeepsTheRecordedValue) {
  const RecordSchema type = ReviewItemType();
  std::vector<FieldViolation> violations;
  const FlatRecord record =
      FromNamedCells(type, Cells{{"note", ""}, {"note", "second"}}, &violations);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].rule_code, kDuplicateField);
  EXPECT_EQ(record.Get("note"), std::optional<std::string>("second"));
}

TEST(FromNamedCellsTest, AcceptsANullViolationList) {
  const RecordSchema type = ReviewItemType();
  const FlatRecord record = FromNamedCells(type, Cells{{"nope", "x"}, {"note", "n"}}, nullptr);
  EXPECT_EQ(record.Get("note"), std::optional<std::string>("n"));
}

TEST(ToNamedCellsTest, GivesRecordedValuesInColumnOrder) {
  const RecordSchema type = ReviewItemType();
  FlatRecord record{&type, {}};
  record.Set("note", "n");
  record.Set("review_id", "R1");
  EXPECT_THAT(ToNamedCells(record),
              ElementsAre(std::pair<std::string, std::string>("review_id", "R1"),
                          std::pair<std::string, std::string>("note", "n")));
}

TEST(ToNamedCellsTest, RoundTripsThroughFromNamedCells) {
  const RecordSchema type = ReviewItemType();
  std::vector<FieldViolation> violations;
  const FlatRecord record = FromNamedCells(
      type, Cells{{"note", "a, \"quoted\"\nline"}, {"item", "HIGH_RISK"}, {"review_id", "R9"}},
      &violations);
  const FlatRecord again = FromNamedCells(type, ToNamedCells(record), &violations);
  EXPECT_THAT(violations, IsEmpty());
  EXPECT_EQ(again.values, record.values);
  EXPECT_EQ(again.Get("note"), std::optional<std::string>("a, \"quoted\"\nline"));
}

}  // namespace
}  // namespace pif::submission
