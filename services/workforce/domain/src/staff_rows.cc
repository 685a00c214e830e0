#include "pif/workforce/domain/staff_rows.h"

#include <optional>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "pif/dates/date.h"
#include "pif/dates/year_month.h"

namespace pif::workforce {
namespace {

// Reads the columns of one stored record; the first unreadable column is kept in `error`.
class Reader {
 public:
  explicit Reader(const submission::FlatRecord& record) : record_(record) {}

  const absl::Status& error() const { return error_; }

  std::string Text(const std::string& column) {
    const std::optional<std::string>& value = record_.Get(column);
    if (!value.has_value()) Fail(column, "is missing");
    return value.value_or("");
  }

  std::optional<dates::Date> OptionalDate(const std::string& column) {
    const std::optional<std::string>& value = record_.Get(column);
    if (!value.has_value()) return std::nullopt;
    absl::StatusOr<dates::Date> date = dates::ParseDate(*value);
    if (!date.ok()) {
      Fail(column, "is not a date");
      return std::nullopt;
    }
    return *date;
  }

  dates::Date Date(const std::string& column) {
    std::optional<dates::Date> date = OptionalDate(column);
    if (!date.has_value() && record_.Get(column) == std::nullopt) Fail(column, "is missing");
    return date.value_or(dates::Date());
  }

  dates::YearMonth Month(const std::string& column) {
    absl::StatusOr<dates::YearMonth> month = dates::ParseYearMonth(Text(column));
    if (!month.ok()) {
      Fail(column, "is not a month");
      return *dates::YearMonth::Of(1970, 1);
    }
    return *month;
  }

  double Decimal(const std::string& column) {
    double number = 0;
    if (!absl::SimpleAtod(Text(column), &number)) Fail(column, "is not a number");
    return number;
  }

  // The code of `column` as one of `codes` (by position), or nullopt when not recorded.
  template <typename Enum, size_t N>
  std::optional<Enum> OptionalCode(const std::string& column,
                                   const std::pair<const char*, Enum> (&codes)[N]) {
    const std::optional<std::string>& value = record_.Get(column);
    if (!value.has_value()) return std::nullopt;
    for (const auto& [code, member] : codes) {
      if (*value == code) return member;
    }
    Fail(column, "is not a known code");
    return std::nullopt;
  }

  template <typename Enum, size_t N>
  Enum Code(const std::string& column, const std::pair<const char*, Enum> (&codes)[N]) {
    std::optional<Enum> code = OptionalCode(column, codes);
    if (!code.has_value() && record_.Get(column) == std::nullopt) Fail(column, "is missing");
    return code.value_or(codes[0].second);
  }

  std::optional<bool> Flag(const std::string& column) {
    static constexpr std::pair<const char*, bool> kFlags[] = {{"Y", true}, {"N", false}};
    return OptionalCode(column, kFlags);
  }

 private:
  void Fail(const std::string& column, const char* problem) {
    if (!error_.ok()) return;
    error_ = absl::InternalError(
        absl::StrCat("a stored ", record_.schema->type, " record's ", column, " ", problem));
  }

  const submission::FlatRecord& record_;
  absl::Status error_;
};

constexpr std::pair<const char*, Role> kRoles[] = {{"QSW", Role::kQsw},
                                                   {"FIELD_OTHER", Role::kFieldOther},
                                                   {"RESIDENTIAL", Role::kResidential},
                                                   {"MANAGER", Role::kManager}};
constexpr std::pair<const char*, ManagerLevel> kManagerLevels[] = {
    {"TEAM", ManagerLevel::kTeam},
    {"MIDDLE", ManagerLevel::kMiddle},
    {"SENIOR", ManagerLevel::kSenior},
    {"NA", ManagerLevel::kNa}};
constexpr std::pair<const char*, Employment> kEmployments[] = {{"EMPLOYEE", Employment::kEmployee},
                                                               {"AGENCY", Employment::kAgency}};
constexpr std::pair<const char*, SsscStatus> kSsscStatuses[] = {{"REG", SsscStatus::kReg},
                                                                {"REG_COND", SsscStatus::kRegCond},
                                                                {"NOT_REG", SsscStatus::kNotReg},
                                                                {"NA", SsscStatus::kNa}};
constexpr std::pair<const char*, AbsenceType> kAbsenceTypes[] = {
    {"SICK", AbsenceType::kSick}, {"OTHER_UNPLANNED", AbsenceType::kOtherUnplanned}};

}  // namespace

absl::Status AppendStoredRecord(const submission::FlatRecord& record, StaffRecords* records) {
  if (record.schema == nullptr) return absl::InternalError("a stored record has no type");
  Reader read(record);
  if (record.schema->type == "StaffRecord") {
    StaffRow row;
    row.staff_id = read.Text("staff_id");
    row.valid_from = read.Date("valid_from");
    row.valid_to = read.OptionalDate("valid_to");
    row.role = read.Code("role", kRoles);
    row.manager_level = read.OptionalCode("manager_level", kManagerLevels);
    row.employment = read.OptionalCode("employment", kEmployments);
    row.service_start_date = read.Date("service_start_date");
    row.fte = read.Decimal("fte");
    row.sssc_status = read.OptionalCode("sssc_status", kSsscStatuses);
    row.reg_qual_met = read.Flag("reg_qual_met");
    row.nts_qual_met = read.Flag("nts_qual_met");
    row.cpd_plan_date = read.OptionalDate("cpd_plan_date");
    row.mgmt_qual = read.Flag("mgmt_qual");
    if (!read.error().ok()) return read.error();
    records->staff.push_back(std::move(row));
    return absl::OkStatus();
  }
  if (record.schema->type == "Absence") {
    AbsenceRow row{read.Text("absence_id"), read.Text("staff_id"), read.Month("month"),
                   read.Code("type", kAbsenceTypes), read.Decimal("fte_days_lost")};
    if (!read.error().ok()) return read.error();
    records->absences.push_back(std::move(row));
    return absl::OkStatus();
  }
  return absl::InternalError(
      absl::StrCat("a stored record of an unknown type ", record.schema->type));
}

}  // namespace pif::workforce
