#include <algorithm>
#include <array>
#include <cmath>

#include "pif/dates/age.h"
#include "proportions.h"
#include "workforce.h"

namespace pif::sample::internal {
namespace {

// A group of posts filled and vacated independently.
struct PoolSpec {
  Code role;
  Code manager_level;
  double monthly_leaving;         // employees: ~12% a year
  double agency_share;            // of those hired (they stay ~2 years: ~6% of posts)
  double agency_monthly_leaving;  // agency assignments are short
};

constexpr std::array<PoolSpec, 6> kPools = {{
    {"QSW", "NA", 0.010, 0.20, 0.04},
    {"FIELD_OTHER", "NA", 0.009, 0.10, 0.04},
    {"RESIDENTIAL", "NA", 0.012, 0.20, 0.05},
    {"MANAGER", "TEAM", 0.007, 0.06, 0.04},
    {"MANAGER", "MIDDLE", 0.006, 0.04, 0.04},
    {"MANAGER", "SENIOR", 0.005, 0.0, 0.04},
}};

int64_t Round(double x) { return static_cast<int64_t>(std::floor(x + 0.5)); }

int64_t Ceil(double x) { return static_cast<int64_t>(std::ceil(x)); }

// Posts wanted in each pool in month m.
std::array<int64_t, 6> Targets(const Caseload& caseload, int m) {
  const int64_t qsw = std::max<int64_t>(
      2, Round(static_cast<double>(caseload.OpenChildren(m)) / kCasesPerSocialWorker));
  const int64_t field =
      std::max<int64_t>(1, Round(static_cast<double>(qsw) * kFieldOtherPerSocialWorker));
  const int64_t residential = std::max<int64_t>(
      3, Round(static_cast<double>(caseload.ResidentialChildren(m)) * kResidentialStaffPerChild));
  const int64_t team = std::max<int64_t>(1, Ceil(static_cast<double>(qsw + field) / 7.0));
  const int64_t middle = std::max<int64_t>(1, Ceil(static_cast<double>(team) / 4.0));
  const int64_t senior = std::max<int64_t>(2, Ceil(static_cast<double>(middle) / 3.0));
  return {qsw, field, residential, team, middle, senior};
}

// The next anniversary of `start` strictly after `after`.
Date NextAnniversary(Date start, Date after) {
  Date next = dates::AnniversaryIn(start, after.year());
  if (next <= after) next = dates::AnniversaryIn(start, after.year() + 1);
  return next;
}

}  // namespace

Workforce DrawWorkforce(const Context& context, const Caseload& caseload, Random& r) {
  Workforce w;
  std::array<std::vector<size_t>, kPools.size()> in_post;
  auto hire = [&](size_t pool, Date on, bool already_in_post) {
    const PoolSpec& spec = kPools[pool];
    StaffMember m;
    m.staff_id = FormatId("S", static_cast<int64_t>(w.members.size()) + 1, 6);
    m.role = spec.role;
    m.manager_level = spec.manager_level;
    m.agency = r.Chance(spec.agency_share);
    m.start = on;
    if (already_in_post) {
      // Years of service of those in post when the data start.
      m.start = on.AddDays(-(m.agency ? r.Between(30, 700)
                                      : r.FromBands({{10, 0, 364},
                                                     {12, 365, 729},
                                                     {25, 730, 1825},
                                                     {23, 1826, 3652},
                                                     {20, 3653, 7304},
                                                     {10, 7305, 10950}})));
    }
    m.fte = m.agency ? 1.0 : PickWeighted<double>(r, {1.0, 0.8, 0.6, 0.5}, {78, 8, 7, 7});
    in_post[pool].push_back(w.members.size());
    w.members.push_back(std::move(m));
  };

  for (int month = 0; month < caseload.months(); ++month) {
    const Date first = caseload.MonthStart(month);
    const int days = dates::DaysBetween(first, caseload.MonthStart(month + 1));
    const std::array<int64_t, 6> targets = Targets(caseload, month);
    for (size_t pool = 0; pool < kPools.size(); ++pool) {
      std::vector<size_t>& posts = in_post[pool];
      if (month == 0) {
        for (int64_t k = 0; k < targets[pool]; ++k) hire(pool, first, true);
      }
      // Leavers during the month (a leaving date after the extraction is not known yet).
      std::vector<size_t> staying;
      for (size_t index : posts) {
        StaffMember& m = w.members[index];
        const double rate =
            m.agency ? kPools[pool].agency_monthly_leaving : kPools[pool].monthly_leaving;
        if (r.Chance(rate)) {
          const Date leave = first.AddDays(r.Between(1, days - 1));
          if (leave <= context.as_of) {
            m.leave = leave;
            continue;
          }
        }
        staying.push_back(index);
      }
      posts = std::move(staying);
      // Vacancies filled during the month.
      for (int64_t k = static_cast<int64_t>(posts.size()); k < targets[pool]; ++k) {
        const Date start = first.AddDays(r.Between(0, days - 1));
        if (start > context.as_of) break;
        hire(pool, start, false);
      }
    }
  }
  for (size_t i = 0; i < w.members.size(); ++i) {
    if (Is(w.members[i].role, "QSW")) w.social_workers.push_back(i);
    if (Is(w.members[i].role, "FIELD_OTHER")) w.field_other.push_back(i);
  }
  auto by_start = [&](size_t a, size_t b) {
    return w.members[a].start != w.members[b].start ? w.members[a].start < w.members[b].start
                                                    : a < b;
  };
  std::sort(w.social_workers.begin(), w.social_workers.end(), by_start);
  std::sort(w.field_other.begin(), w.field_other.end(), by_start);
  return w;
}

std::vector<StaffRow> StaffRows(const Context& context, const Workforce& workforce, Random& r) {
  std::vector<StaffRow> rows;
  const Date data_month = dates::YearMonth::Containing(context.data_start).first_day();
  for (const StaffMember& m : workforce.members) {
    StaffRow row;
    row.staff_id = m.staff_id;
    row.role = m.role;
    row.manager_level = m.manager_level;
    row.employment = m.agency ? "AGENCY" : "EMPLOYEE";
    row.service_start_date = m.start;
    row.fte = m.fte;
    if (Is(m.role, "QSW")) {
      row.sssc_status = "REG";
      row.reg_qual_met = "Y";
      row.nts_qual_met = r.Chance(0.9) ? "Y" : "N";
    } else if (Is(m.role, "FIELD_OTHER")) {
      row.sssc_status = PickWeighted<Code>(r, {"REG", "NOT_REG", "NA"}, {60, 25, 15});
      row.reg_qual_met = r.Chance(0.7) ? "Y" : "N";
      row.nts_qual_met = r.Chance(0.65) ? "Y" : "N";
    } else if (Is(m.role, "RESIDENTIAL")) {
      row.sssc_status = PickWeighted<Code>(r, {"REG", "REG_COND", "NOT_REG"}, {68, 27, 5});
      row.reg_qual_met = row.sssc_status == "REG" && r.Chance(0.92) ? "Y" : "N";
      row.nts_qual_met = row.reg_qual_met;
    } else {
      row.sssc_status = r.Chance(0.95) ? "REG" : "NA";
      row.reg_qual_met = "Y";
      row.nts_qual_met = r.Chance(0.9) ? "Y" : "N";
      const double p =
          Is(m.manager_level, "TEAM") ? 0.55 : (Is(m.manager_level, "MIDDLE") ? 0.75 : 0.9);
      row.mgmt_qual = r.Chance(p) ? "Y" : "N";
    }
    // Rows begin at the last annual review before the data start, or on joining.
    Date from = m.start;
    if (from < data_month) {
      from = std::max(m.start, dates::AnniversaryIn(m.start, data_month.year()));
      if (from > data_month)
        from = std::max(m.start, dates::AnniversaryIn(m.start, data_month.year() - 1));
      if (r.Chance(0.8)) row.cpd_plan_date = from.AddDays(-r.Between(0, 300));
    } else if (r.Chance(0.7)) {
      row.cpd_plan_date = from;  // agreed at induction
    }
    for (;;) {
      row.valid_from = from;
      const Date next = NextAnniversary(m.start, from);
      bool last = false;
      if (m.leave.has_value() && *m.leave <= next) {
        row.valid_to = m.leave;
        last = true;
      } else if (next > context.as_of) {
        row.valid_to.reset();
        last = true;
      } else {
        row.valid_to = next;
      }
      rows.push_back(row);
      if (last) break;
      // The annual review: a new CPD plan (mostly), registration conditions met in time.
      from = next;
      if (r.Chance(0.82)) row.cpd_plan_date = from;
      if (row.sssc_status == "REG_COND" && dates::YearsOfService(m.start, from) >= 2 &&
          r.Chance(0.5)) {
        row.sssc_status = "REG";
        row.reg_qual_met = "Y";
        row.nts_qual_met = "Y";
      }
    }
  }
  return rows;
}

std::vector<AbsenceRow> DrawAbsences(const Context& context, const Workforce& workforce,
                                     Random& r) {
  std::vector<AbsenceRow> rows;
  const dates::YearMonth first = dates::YearMonth::Containing(context.data_start);
  const dates::YearMonth last = dates::YearMonth::Containing(context.as_of);
  int64_t next_id = 1;
  for (const StaffMember& m : workforce.members) {
    for (dates::YearMonth month = first; month <= last; month = month.AddMonths(1)) {
      if (!m.InPostOn(month.first_day())) continue;
      auto add = [&](Code type, int tenths) {
        const int64_t lost = std::max<int64_t>(1, Round(tenths * m.fte));
        rows.push_back(AbsenceRow{FormatId("AB", next_id++, 8), m.staff_id, month, type,
                                  static_cast<double>(lost) / 10.0});
      };
      if (r.Chance(0.17))
        add("SICK", r.FromBands({{45, 5, 20}, {27, 21, 50}, {15, 51, 100}, {13, 101, 210}}));
      if (r.Chance(0.05)) add("OTHER_UNPLANNED", r.Between(5, 30));
    }
  }
  return rows;
}

}  // namespace pif::sample::internal
