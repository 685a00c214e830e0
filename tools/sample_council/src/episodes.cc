#include "episodes.h"

#include <algorithm>
#include <cstring>
#include <set>

#include "ids.h"
#include "proportions.h"

namespace pif::sample::internal {
namespace {

bool IsFoster(Code type) { return Is(type, "FOST_LA") || Is(type, "FOST_PURCH"); }

// Placement types that need registration or approval (1 N.9).
bool NeedsApproval(Code type) {
  return IsFoster(type) || Is(type, "RES_LA") || Is(type, "RES_VOL") || Is(type, "RES_SCHOOL") ||
         Is(type, "SECURE");
}

Code MainType(CareKind kind, bool first, bool teenager, Random& r) {
  switch (kind) {
    case CareKind::kHome:
      return "HOME";
    case CareKind::kKinship:
      return first || r.Chance(0.6) ? "KIN" : "FOST_LA";
    case CareKind::kFoster:
      // A teenager's foster placement that breaks down often ends in residential care.
      if (!first && teenager && r.Chance(0.4)) return r.Chance(0.75) ? "RES_LA" : "RES_VOL";
      return r.Chance(0.72) ? "FOST_LA" : "FOST_PURCH";
    case CareKind::kResidential:
      return PickWeighted<Code>(r, {"RES_LA", "RES_VOL", "RES_SCHOOL", "OTH_RES"}, {58, 20, 14, 8});
  }
  return "OTHER";
}

Code FosterType(Code type, bool first, Random& r) {
  if (!IsFoster(type)) return "NA";
  return first ? (r.Chance(0.7) ? "INTERIM" : "LONG_TERM")
               : (r.Chance(0.5) ? "LONG_TERM" : "INTERIM");
}

std::string Pooled(const char* prefix, int pool, int width, Random& r) {
  return FormatId(prefix, 1 + static_cast<int64_t>(r.Below(static_cast<uint64_t>(pool))), width);
}

// The legal reason that goes with a placement.
Code LegalCodeFor(const PlacementPlan& p, bool voluntary) {
  if (Is(p.type, "HOME")) return "CSO_HOME";
  if (Is(p.type, "SECURE")) return "CSO_SECURE";
  if (Is(p.type, "PROSP_ADOPT")) return "PO_ADOPT";
  if (p.permanent_substitute) return "PO";
  return voluntary ? "S25" : "CSO_AWAY";
}

void AppendMerged(std::vector<LegalPlan>& out, LegalPlan legal) {
  if (!out.empty() && Is(out.back().code, legal.code) && out.back().end == legal.start) {
    out.back().end = legal.end;
    return;
  }
  out.push_back(legal);
}

}  // namespace

std::string Carers::For(Code type, int64_t family, int group, int index, Random& r) const {
  if (Is(type, "HOME")) return "";
  if (Is(type, "KIN")) {
    return FormatId("KC", family, 7) + "-" + std::to_string(group + 1) + std::to_string(index + 1);
  }
  if (Is(type, "PROSP_ADOPT")) return FormatId("AD", family, 7) + "-" + std::to_string(group + 1);
  if (Is(type, "FOST_LA")) return Pooled("FC", context_.foster_la, 5, r);
  if (Is(type, "FOST_PURCH")) return Pooled("IF", context_.foster_purchased, 5, r);
  if (Is(type, "RES_LA")) return Pooled("RU", context_.residential_la, 3, r);
  if (Is(type, "RES_VOL")) return Pooled("RV", context_.residential_voluntary, 3, r);
  if (Is(type, "RES_SCHOOL")) return Pooled("RS", context_.residential_school, 3, r);
  if (Is(type, "SECURE")) return Pooled("SC", context_.secure, 2, r);
  if (Is(type, "CRISIS")) return Pooled("CR", context_.crisis, 3, r);
  if (Is(type, "OTH_RES")) return Pooled("OR", context_.other_residential, 3, r);
  // Supported lodgings and other community placements: a household of its own.
  return FormatId("OC", family, 7) + "-" + std::to_string(group + 1);
}

std::string Carers::Respite(Random& r) const { return Pooled("RB", context_.respite, 2, r); }

CarePath DrawCarePath(CareKind kind, Date start, int youngest_age, int64_t family, int group,
                      const Carers& carers, Random& r) {
  CarePath path;
  Date cur = start;
  int index = 0;
  auto push = [&](Code type, Code foster_type, Date end, bool permanent, std::string carer) {
    PlacementPlan p;
    p.start = cur;
    p.end = end;
    p.type = type;
    p.foster_type = foster_type;
    p.carer_id = std::move(carer);
    p.permanent_substitute = permanent;
    p.outwith_approval = NeedsApproval(type) && r.Chance(0.035);
    path.placements.push_back(std::move(p));
    cur = end;
    ++index;
  };
  auto carer = [&](Code type) { return carers.For(type, family, group, index, r); };

  if (kind == CareKind::kHome) {
    if (!r.Chance(0.1)) {
      const int months = r.FromBands({{35, 6, 12}, {40, 12, 24}, {25, 24, 48}});
      push("HOME", "NA", cur.AddMonths(months).AddDays(r.Between(0, 27)), false, "");
      path.end = cur;
      path.destination = PickWeighted<Code>(r, {"HOME_PARENTS", "FRIENDS_RELATIVES", "OTHER", "NK"},
                                            {85, 8, 5, 2});
      return path;
    }
    // Supervision at home breaks down: the child is accommodated within the same episode.
    push("HOME", "NA", cur.AddDays(r.Between(90, 365)), false, "");
    kind = r.Chance(0.4) ? CareKind::kKinship : CareKind::kFoster;
  }

  const bool adoption = kind == CareKind::kFoster && youngest_age < 5 && r.Chance(0.55);
  int months = 0;
  if (kind == CareKind::kKinship) {
    months = r.FromBands({{25, 6, 18}, {35, 18, 36}, {30, 36, 72}, {10, 72, 144}});
  } else if (kind == CareKind::kFoster) {
    months = r.FromBands({{35, 3, 12}, {30, 12, 24}, {25, 24, 48}, {10, 48, 96}});
  } else {
    months = r.FromBands({{30, 6, 12}, {40, 12, 30}, {30, 30, 60}});
  }
  // Permanence away from home for older children: a permanent substitute placement with foster
  // or kinship carers, lasting until the child leaves care or for the rest of a long episode.
  const bool can_be_permanent =
      !adoption && youngest_age < 15 && (kind == CareKind::kFoster || kind == CareKind::kKinship);
  const bool until_leaving =
      can_be_permanent && kind == CareKind::kFoster && youngest_age < 12 && r.Chance(0.2);
  const bool for_the_episode = can_be_permanent && !until_leaving && months >= 24 && r.Chance(0.45);
  Date end = cur.AddMonths(months).AddDays(r.Between(0, 27));
  Code destination = "";
  OptDate permanence;  // start of the permanent (substitute family) placement
  if (adoption) {
    permanence = cur.AddDays(r.Between(180, 450));
    end = permanence->AddDays(r.Between(270, 600));
    destination = "ADOPTED";
  } else if (until_leaving) {
    // The caller cuts the episode when the child leaves care.
    permanence = cur.AddDays(r.Between(240, 700));
    end = permanence->AddMonths(12 * 20);
    destination = "OTHER";
  } else if (for_the_episode) {
    permanence = cur.AddDays(r.Between(180, std::min(700, dates::DaysBetween(cur, end) - 90)));
  }
  if (!adoption && !until_leaving) {
    if (kind == CareKind::kKinship) {
      destination = PickWeighted<Code>(
          r, {"KINSHIP_CARE_ORDER", "HOME_PARENTS", "FRIENDS_RELATIVES", "OTHER", "NK"},
          {35, 45, 10, 5, 5});
    } else if (kind == CareKind::kFoster) {
      destination = PickWeighted<Code>(
          r, {"HOME_PARENTS", "FRIENDS_RELATIVES", "KINSHIP_CARE_ORDER", "OTHER", "NK"},
          {60, 15, 10, 10, 5});
    } else {
      destination = PickWeighted<Code>(
          r, {"HOME_PARENTS", "FRIENDS_RELATIVES", "CUSTODY", "OTHER", "NK"}, {55, 15, 5, 15, 10});
    }
  }

  // A trial at home (a HOME placement) before a planned return home ends the episode.
  int trial = 0;
  if (!permanence.has_value() && Is(destination, "HOME_PARENTS") && r.Chance(0.3)) {
    trial = r.Between(30, 180);
    if (dates::DaysBetween(cur, end) < trial + 60) trial = 0;
  }
  const Date main_end = permanence.has_value() ? *permanence : end.AddDays(-trial);

  const double emergency = kind == CareKind::kKinship ? 0.15 : 0.3;
  if (dates::DaysBetween(cur, main_end) > 90 && r.Chance(emergency)) {
    const Code type = kind == CareKind::kResidential && r.Chance(0.6) ? "CRISIS" : "FOST_LA";
    push(type, Is(type, "FOST_LA") ? "EMERGENCY" : "NA", cur.AddDays(r.Between(3, 42)), false,
         carer(type));
  }

  // The main placements, with moves between them.
  const int span = dates::DaysBetween(cur, main_end);
  const int extra = std::min(r.FromBands(kExtraPlacements), span / 45);
  std::set<int> offsets;
  for (int i = 0; i < extra; ++i) offsets.insert(r.Between(14, span - 14));
  std::vector<Date> cuts;
  for (int offset : offsets) cuts.push_back(cur.AddDays(offset));
  cuts.push_back(main_end);
  bool secure = kind == CareKind::kResidential && r.Chance(0.1);
  for (size_t k = 0; k < cuts.size(); ++k) {
    const Code type = MainType(kind, k == 0, youngest_age >= 12, r);
    const int length = dates::DaysBetween(cur, cuts[k]);
    if (secure && length > 150) {
      // A secure spell in the middle of a residential placement; back to a new unit after it.
      push(type, FosterType(type, k == 0, r), cur.AddDays(r.Between(14, length - 120)), false,
           carer(type));
      push("SECURE", "NA", cur.AddDays(r.Between(30, 90)), false, carer("SECURE"));
      secure = false;
    }
    push(type, FosterType(type, k == 0, r), cuts[k], false, carer(type));
  }

  if (adoption) {
    push("PROSP_ADOPT", "NA", end, true, carer("PROSP_ADOPT"));
  } else if (permanence.has_value()) {
    // Mostly the current carers become the child's permanent carers.
    const PlacementPlan& last = path.placements.back();
    const Code type = kind == CareKind::kKinship ? "KIN" : "FOST_LA";
    const bool same = Is(last.type, type) && r.Chance(0.6);
    push(type, Is(type, "KIN") ? "NA" : "PERMANENT", end, true, same ? last.carer_id : carer(type));
  } else if (trial > 0) {
    push("HOME", "NA", end, false, "");
  }
  path.end = end;
  path.destination = destination;
  return path;
}

EpisodePlan CutCarePath(const CarePath& path, Date from, Date until) {
  EpisodePlan episode;
  episode.start = from;
  const Date end = std::min(path.end, until);
  for (const PlacementPlan& p : path.placements) {
    if (*p.end <= from) continue;
    if (p.start >= end) break;
    PlacementPlan cut = p;
    cut.start = std::max(p.start, from);
    cut.end = std::min(*p.end, end);
    episode.placements.push_back(std::move(cut));
  }
  episode.end = end;
  episode.destination = until < path.end ? "" : path.destination;
  return episode;
}

std::vector<LegalPlan> DrawLegalReasons(const EpisodePlan& episode, Random& r) {
  std::vector<LegalPlan> legal;
  if (episode.placements.empty()) {
    legal.push_back({episode.start, episode.end, "S25"});
    return legal;
  }
  const bool voluntary = !Is(episode.placements.front().type, "HOME") && r.Chance(0.28);
  const int interim = !voluntary && r.Chance(0.7) ? r.Between(21, 90) : 0;
  const Date interim_end = episode.start.AddDays(interim);
  const bool other = r.Chance(0.02);
  for (const PlacementPlan& p : episode.placements) {
    const Code code = other ? "OTHER" : LegalCodeFor(p, voluntary);
    Date from = p.start;
    if (interim > 0 && from < interim_end) {
      const Date to = p.end.has_value() ? std::min(*p.end, interim_end) : interim_end;
      AppendMerged(legal, {from, to, "INTERIM"});
      from = to;
    }
    if (!p.end.has_value() || from < *p.end) AppendMerged(legal, {from, p.end, code});
  }
  return legal;
}

std::optional<EpisodePlan> DrawShortBreaks(Date start, Date end, Date first_stay,
                                           const Carers& carers, Random& r) {
  EpisodePlan episode;
  episode.short_breaks_only = true;
  const bool residential = r.Chance(0.6);
  const std::string carer = residential ? carers.Respite(r) : carers.For("FOST_LA", 0, 0, 0, r);
  for (Date c = std::max(start, first_stay); c < end;) {
    PlacementPlan p;
    p.start = c;
    p.end = std::min(end, c.AddDays(r.Between(2, 7)));
    p.type = residential ? "RES_LA" : "FOST_LA";
    p.foster_type = residential ? "NA" : "SHORT_BREAK";
    p.carer_id = carer;
    p.short_break = true;
    c = p.end->AddDays(r.Between(14, 56));
    episode.placements.push_back(std::move(p));
  }
  if (episode.placements.empty()) return std::nullopt;
  episode.start = episode.placements.front().start;
  episode.end = episode.placements.back().end;
  episode.destination = "HOME_PARENTS";
  episode.legal.push_back({episode.start, episode.end, "S25"});
  return episode;
}

}  // namespace pif::sample::internal
