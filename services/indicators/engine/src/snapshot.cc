#include "pif/engine/snapshot.h"

#include <algorithm>

namespace pif::engine {
namespace {

bool IsShortBreak(const Placement& p) { return p.short_break == "Y"; }
bool IsAccommodating(const Placement& p) { return p.type != "HOME" && !IsShortBreak(p); }

bool Covers(Date start, const std::optional<Date>& end, Date d) {
  return start <= d && (!end.has_value() || d < *end);
}

bool OverlapsPeriod(Date start, const std::optional<Date>& end, const Period& period) {
  return start <= period.last && (!end.has_value() || *end > period.first);
}

template <typename T>
void SortByStart(std::vector<const T*>& items, Date T::*date, std::string T::*id) {
  std::sort(items.begin(), items.end(), [&](const T* a, const T* b) {
    return a->*date != b->*date ? a->*date < b->*date : a->*id < b->*id;
  });
}

const std::string* IdOf(const Placement* p) { return &p->placement_id; }
const std::string* IdOf(const CareEpisode* e) { return &e->episode_id; }

// Picks, among `items` covering d, the one with the latest start then greatest id.
template <typename T, typename Pred>
const T* LatestCovering(const std::vector<const T*>& items, Date d, Pred accept) {
  const T* best = nullptr;
  for (const T* item : items) {
    if (!accept(*item) || !Covers(item->start_date, item->end_date, d)) continue;
    if (best == nullptr || IsLater(item->start_date, *IdOf(item), best->start_date, *IdOf(best))) {
      best = item;
    }
  }
  return best;
}

const std::vector<const Placement*> kNoPlacements;
const std::vector<const Need*> kNoNeeds;

}  // namespace

bool ChildTimeline::LookedAfterOn(Date d) const {
  return std::any_of(episodes.begin(), episodes.end(),
                     [&](const CareEpisode* e) { return Covers(e->start_date, e->end_date, d); });
}

bool ChildTimeline::LookedAfterDuring(const Period& period) const {
  return std::any_of(episodes.begin(), episodes.end(), [&](const CareEpisode* e) {
    return OverlapsPeriod(e->start_date, e->end_date, period);
  });
}

const CareEpisode* ChildTimeline::EpisodeCovering(Date d) const {
  return LatestCovering(episodes, d, [](const CareEpisode&) { return true; });
}

const Placement* ChildTimeline::PlacementAt(Date d) const {
  return LatestCovering(placements, d, [](const Placement&) { return true; });
}

const Placement* ChildTimeline::AccommodatingPlacementAt(Date d) const {
  return LatestCovering(placements, d, IsAccommodating);
}

bool ChildTimeline::AccommodatedDuring(const Period& period) const {
  return std::any_of(placements.begin(), placements.end(), [&](const Placement* p) {
    return IsAccommodating(*p) && OverlapsPeriod(p->start_date, p->end_date, period);
  });
}

const AccommodationSpell* ChildTimeline::SpellCovering(Date d) const {
  for (const AccommodationSpell& spell : spells) {
    if (spell.Covers(d)) return &spell;
  }
  return nullptr;
}

Snapshot::Snapshot(CaseRecords records) : records_(std::move(records)) {
  IndexChildren();
  IndexEpisodesAndPlacements();
  IndexTheRest();
}

void Snapshot::IndexChildren() {
  std::vector<const Child*> children;
  children.reserve(records_.children.size());
  for (const Child& child : records_.children) children.push_back(&child);
  std::sort(children.begin(), children.end(),
            [](const Child* a, const Child* b) { return a->person_id < b->person_id; });
  timelines_.resize(children.size());
  child_index_.reserve(children.size());
  for (size_t i = 0; i < children.size(); ++i) {
    timelines_[i].child = children[i];
    child_index_[children[i]->person_id] = i;
  }
  for (const ChildTimeline& timeline : timelines_) {
    if (!timeline.child->family_group_id.empty()) {
      families_[timeline.child->family_group_id].push_back(&timeline);
    }
  }
}

void Snapshot::IndexEpisodesAndPlacements() {
  absl::flat_hash_map<absl::string_view, std::vector<const Placement*>> all_by_episode;
  all_by_episode.reserve(records_.care_episodes.size());
  episodes_.reserve(records_.care_episodes.size());
  episode_placements_.reserve(records_.care_episodes.size());
  for (const Placement& placement : records_.placements) {
    all_by_episode[placement.episode_id].push_back(&placement);
  }
  for (const CareEpisode& episode : records_.care_episodes) {
    episodes_[episode.episode_id] = &episode;
    ChildTimeline* timeline = const_cast<ChildTimeline*>(FindChild(episode.person_id));
    if (timeline == nullptr) continue;
    auto found = all_by_episode.find(episode.episode_id);
    const bool has_placements = found != all_by_episode.end() && !found->second.empty();
    const bool all_short_breaks =
        has_placements && std::all_of(found->second.begin(), found->second.end(),
                                      [](const Placement* p) { return IsShortBreak(*p); });
    if (all_short_breaks) continue;  // ignored entirely (indicators.md section 1)
    timeline->episodes.push_back(&episode);
    if (!has_placements) continue;
    std::vector<const Placement*>& counted = episode_placements_[episode.episode_id];
    for (const Placement* placement : found->second) {
      if (!IsShortBreak(*placement)) counted.push_back(placement);
    }
    SortByStart(counted, &Placement::start_date, &Placement::placement_id);
    timeline->placements.insert(timeline->placements.end(), counted.begin(), counted.end());
  }
  for (ChildTimeline& timeline : timelines_) {
    SortByStart(timeline.episodes, &CareEpisode::start_date, &CareEpisode::episode_id);
    SortByStart(timeline.placements, &Placement::start_date, &Placement::placement_id);
    timeline.spells = BuildSpells(timeline);
  }
}

std::vector<AccommodationSpell> Snapshot::BuildSpells(const ChildTimeline& timeline) {
  std::vector<AccommodationSpell> spells;
  std::vector<Date> home_starts;
  for (const Placement* p : timeline.placements) {
    if (p->type == "HOME") home_starts.push_back(p->start_date);
  }
  for (const Placement* p : timeline.placements) {
    if (!IsAccommodating(*p)) continue;
    bool joins = false;
    if (!spells.empty()) {
      const AccommodationSpell& current = spells.back();
      // Joins when it starts on or before the spell's end, unless a HOME placement starts
      // between the spell's end and this start (a return home, however short).
      joins = !current.end.has_value() || p->start_date <= *current.end;
      if (joins && current.end.has_value()) {
        joins = std::none_of(home_starts.begin(), home_starts.end(), [&](Date home) {
          return *current.end <= home && home <= p->start_date;
        });
      }
    }
    if (!joins) spells.push_back(AccommodationSpell{p->start_date, p->end_date, {}});
    AccommodationSpell& spell = spells.back();
    spell.placements.push_back(p);
    if (!p->end_date.has_value()) {
      spell.end.reset();
    } else if (spell.end.has_value() && *p->end_date > *spell.end) {
      spell.end = p->end_date;
    }
  }
  return spells;
}

void Snapshot::IndexTheRest() {
  auto timeline_of = [this](absl::string_view person_id) {
    return const_cast<ChildTimeline*>(FindChild(person_id));
  };
  involvements_.reserve(records_.involvements.size());
  needs_.reserve(records_.assessments.size());
  review_items_.reserve(records_.reviews.size());
  for (const Involvement& involvement : records_.involvements) {
    involvements_[involvement.involvement_id] = &involvement;
    if (ChildTimeline* t = timeline_of(involvement.person_id))
      t->involvements.push_back(&involvement);
  }
  for (const Allocation& allocation : records_.allocations) {
    const Involvement* involvement = FindInvolvement(allocation.involvement_id);
    if (involvement == nullptr) continue;
    if (ChildTimeline* t = timeline_of(involvement->person_id))
      t->allocations.push_back(&allocation);
  }
  for (const CpReferral& referral : records_.cp_referrals) {
    if (ChildTimeline* t = timeline_of(referral.person_id)) t->referrals.push_back(&referral);
  }
  for (const CpRegistration& registration : records_.cp_registrations) {
    if (ChildTimeline* t = timeline_of(registration.person_id)) {
      t->registrations.push_back(&registration);
    }
  }
  for (const Assessment& assessment : records_.assessments) {
    if (ChildTimeline* t = timeline_of(assessment.person_id)) t->assessments.push_back(&assessment);
  }
  for (const Need& need : records_.needs) needs_[need.assessment_id].push_back(&need);
  for (const Review& review : records_.reviews) {
    if (ChildTimeline* t = timeline_of(review.person_id)) t->reviews.push_back(&review);
  }
  for (const ReviewItem& item : records_.review_items)
    review_items_[item.review_id].push_back(&item);
  for (const Incident& incident : records_.incidents) {
    if (ChildTimeline* t = timeline_of(incident.person_id)) t->incidents.push_back(&incident);
  }
  for (const StatusSnapshot& snapshot : records_.status_snapshots) {
    if (ChildTimeline* t = timeline_of(snapshot.person_id)) t->snapshots.push_back(&snapshot);
  }
  for (ChildTimeline& t : timelines_) {
    SortByStart(t.involvements, &Involvement::open_date, &Involvement::involvement_id);
    SortByStart(t.allocations, &Allocation::start_date, &Allocation::allocation_id);
    SortByStart(t.referrals, &CpReferral::referral_date, &CpReferral::referral_id);
    SortByStart(t.registrations, &CpRegistration::registration_date,
                &CpRegistration::registration_id);
    std::sort(t.assessments.begin(), t.assessments.end(),
              [](const Assessment* a, const Assessment* b) {
                return a->assessment_id < b->assessment_id;
              });
    SortByStart(t.reviews, &Review::meeting_date, &Review::review_id);
    std::sort(t.incidents.begin(), t.incidents.end(), [](const Incident* a, const Incident* b) {
      return a->start != b->start ? a->start < b->start : a->incident_id < b->incident_id;
    });
    std::sort(t.snapshots.begin(), t.snapshots.end(),
              [](const StatusSnapshot* a, const StatusSnapshot* b) { return a->as_at < b->as_at; });
  }
  std::map<absl::string_view, SurveyResponse> responses;
  for (const SurveyAnswer& answer : records_.survey_answers) {
    SurveyResponse& response = responses[answer.response_id];
    if (response.response_id.empty()) {
      response = SurveyResponse{answer.response_id, answer.person_id, answer.respondent,
                                answer.survey_date, answer.context,   {}};
    }
    response.answers[answer.item] = answer.answer;
  }
  responses_.reserve(responses.size());
  for (auto& [id, response] : responses) responses_.push_back(std::move(response));
}

const ChildTimeline* Snapshot::FindChild(absl::string_view person_id) const {
  auto it = child_index_.find(person_id);
  return it == child_index_.end() ? nullptr : &timelines_[it->second];
}

const CareEpisode* Snapshot::FindEpisode(absl::string_view episode_id) const {
  auto it = episodes_.find(episode_id);
  return it == episodes_.end() ? nullptr : it->second;
}

const Involvement* Snapshot::FindInvolvement(absl::string_view involvement_id) const {
  auto it = involvements_.find(involvement_id);
  return it == involvements_.end() ? nullptr : it->second;
}

const std::vector<const Placement*>& Snapshot::PlacementsOfEpisode(
    absl::string_view episode_id) const {
  auto it = episode_placements_.find(episode_id);
  return it == episode_placements_.end() ? kNoPlacements : it->second;
}

const std::vector<const Need*>& Snapshot::NeedsOf(absl::string_view assessment_id) const {
  auto it = needs_.find(assessment_id);
  return it == needs_.end() ? kNoNeeds : it->second;
}

const std::string* Snapshot::ReviewFinding(absl::string_view review_id,
                                           absl::string_view item) const {
  auto it = review_items_.find(review_id);
  if (it == review_items_.end()) return nullptr;
  for (const ReviewItem* finding : it->second) {
    if (finding->item == item) return &finding->value;
  }
  return nullptr;
}

}  // namespace pif::engine
