#include "pif/engine/snapshot.h"

#include <algorithm>

#include "src/grouping.h"

namespace pif::engine {
namespace {

using internal::GroupByOwner;
using internal::kNoOwner;
using internal::OrdinalFinder;
using internal::SortRuns;

bool IsShortBreak(const Placement& p) { return p.short_break == "Y"; }
bool IsAccommodating(const Placement& p) { return p.type != "HOME" && !IsShortBreak(p); }

// Orders records by a date member, then by an id member.
template <typename T>
auto ByDateThenId(Date T::*date, std::string T::*id) {
  return [date, id](const T* a, const T* b) {
    return a->*date != b->*date ? a->*date < b->*date : a->*id < b->*id;
  };
}

// The last of `intervals` (in start, then id order) covering d and accepted: the one with the
// latest start, then the greatest id, as "latest" means in the spec.
template <typename Interval, typename Accept>
const Interval* LastCovering(absl::Span<const Interval> intervals, Date d, Accept accept) {
  const Interval* found = nullptr;
  for (const Interval& interval : intervals) {
    if (interval.start > d) break;
    if (d < interval.end && accept(interval)) found = &interval;
  }
  return found;
}

// The run of `flat` that `offsets` gives owner i.
template <typename T>
RecordSpan<T> RunOf(const std::vector<const T*>& flat, const std::vector<uint32_t>& offsets,
                    size_t i) {
  return RecordSpan<T>(flat.data() + offsets[i], flat.data() + offsets[i + 1]);
}

// The ordinal of `record` in `records` when it is one of them, else kNoOwner.
template <typename T>
uint32_t OrdinalIn(const std::vector<T>& records, const T& record) {
  if (!internal::IsElementOf(records, record)) return kNoOwner;
  return static_cast<uint32_t>(&record - records.data());
}

// Groups `children` under the parent (one of `parents`, by position) whose `id` their
// `parent_id` names, each run ordered by `order`; returns the runs' offsets (GroupByOwner).
template <typename Parent, typename Child, typename Order>
std::vector<uint32_t> GroupUnderParents(const std::vector<Parent>& parents, std::string Parent::*id,
                                        const std::vector<Child>& children,
                                        std::string Child::*parent_id, Order order,
                                        std::vector<const Child*>& flat) {
  auto id_at = [&](size_t i) -> absl::string_view { return parents[i].*id; };
  OrdinalFinder<decltype(id_at)> finder(parents.size(), id_at);
  std::vector<uint32_t> owners(children.size());
  for (size_t i = 0; i < children.size(); ++i) owners[i] = finder.Find(children[i].*parent_id);
  std::vector<uint32_t> offsets = GroupByOwner(children, owners, parents.size(), flat);
  SortRuns(flat, offsets, order);
  return offsets;
}

}  // namespace

const std::string* SurveyResponse::AnswerTo(absl::string_view item) const {
  for (auto it = answers.rbegin(); it != answers.rend(); ++it) {
    if ((*it)->item == item) return &(*it)->answer;
  }
  return nullptr;
}

Date OpenEnd() {
  static const Date open_end = *Date::FromYmd(9999, 12, 31);
  return open_end;
}

bool ChildTimeline::LookedAfterOn(Date d) const {
  return std::any_of(episode_intervals.begin(), episode_intervals.end(),
                     [&](const EpisodeInterval& e) { return e.Covers(d); });
}

bool ChildTimeline::LookedAfterDuring(const Period& period) const {
  return std::any_of(
      episode_intervals.begin(), episode_intervals.end(),
      [&](const EpisodeInterval& e) { return e.start <= period.last && e.end > period.first; });
}

const CareEpisode* ChildTimeline::EpisodeCovering(Date d) const {
  const EpisodeInterval* found =
      LastCovering(episode_intervals, d, [](const EpisodeInterval&) { return true; });
  return found == nullptr ? nullptr : found->episode;
}

const Placement* ChildTimeline::PlacementAt(Date d) const {
  const PlacementInterval* found =
      LastCovering(placement_intervals, d, [](const PlacementInterval&) { return true; });
  return found == nullptr ? nullptr : found->placement;
}

const PlacementInterval* ChildTimeline::AccommodatingIntervalAt(Date d) const {
  return LastCovering(placement_intervals, d,
                      [](const PlacementInterval& p) { return p.accommodating; });
}

const Placement* ChildTimeline::AccommodatingPlacementAt(Date d) const {
  const PlacementInterval* found = AccommodatingIntervalAt(d);
  return found == nullptr ? nullptr : found->placement;
}

bool ChildTimeline::AccommodatedDuring(const Period& period) const {
  return std::any_of(placement_intervals.begin(), placement_intervals.end(),
                     [&](const PlacementInterval& p) {
                       return p.accommodating && p.start <= period.last && p.end > period.first;
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
  IndexFamilies();
  IndexEpisodesAndPlacements();
  IndexPersonRecords();
  IndexFindings();
  IndexSurveys();
}

void Snapshot::IndexChildren() {
  std::vector<const Child*> children;
  children.reserve(records_.children.size());
  for (const Child& child : records_.children) children.push_back(&child);
  auto by_id = [](const Child* a, const Child* b) { return a->person_id < b->person_id; };
  if (!std::is_sorted(children.begin(), children.end(), by_id)) {
    std::sort(children.begin(), children.end(), by_id);
  }
  timelines_.resize(children.size());
  for (size_t i = 0; i < children.size(); ++i) timelines_[i].child = children[i];
  child_flags_.assign(children.size(), 0);
}

void Snapshot::IndexFamilies() {
  std::vector<const ChildTimeline*> grouped;
  for (const ChildTimeline& timeline : timelines_) {
    if (!timeline.child->family_group_id.empty()) grouped.push_back(&timeline);
  }
  auto by_group = [](const ChildTimeline* a, const ChildTimeline* b) {
    return a->child->family_group_id < b->child->family_group_id;
  };
  // Stable: members stay in person_id order.
  if (!std::is_sorted(grouped.begin(), grouped.end(), by_group)) {
    std::stable_sort(grouped.begin(), grouped.end(), by_group);
  }
  family_members_ = std::move(grouped);
  for (size_t begin = 0; begin < family_members_.size();) {
    const std::string& id = family_members_[begin]->child->family_group_id;
    size_t end = begin + 1;
    while (end < family_members_.size() && family_members_[end]->child->family_group_id == id) {
      ++end;
    }
    families_.push_back(Family{id, RecordSpan<ChildTimeline>(family_members_.data() + begin,
                                                             family_members_.data() + end)});
    begin = end;
  }
}

void Snapshot::IndexEpisodesAndPlacements() {
  const std::vector<CareEpisode>& episodes = records_.care_episodes;
  const std::vector<Placement>& placements = records_.placements;
  auto person_at = [this](size_t i) -> absl::string_view { return timelines_[i].child->person_id; };
  OrdinalFinder<decltype(person_at)> children(timelines_.size(), person_at);

  episode_ordinals_.reserve(episodes.size());
  for (size_t i = 0; i < episodes.size(); ++i) {
    episode_ordinals_.try_emplace(episodes[i].episode_id, static_cast<uint32_t>(i));
  }
  auto episode_at = [&](size_t i) -> absl::string_view { return episodes[i].episode_id; };
  OrdinalFinder<decltype(episode_at)> episode_finder(episodes.size(), episode_at);
  std::vector<uint32_t> episode_of(placements.size());
  for (size_t i = 0; i < placements.size(); ++i) {
    episode_of[i] = episode_finder.Find(placements[i].episode_id);
  }

  // An episode counts when its child is known and not all of its placements are short breaks
  // (an episode with no placement counts).
  std::vector<uint32_t> placed(episodes.size(), 0);
  std::vector<uint32_t> short_breaks(episodes.size(), 0);
  for (size_t i = 0; i < placements.size(); ++i) {
    if (episode_of[i] == kNoOwner) continue;
    ++placed[episode_of[i]];
    if (IsShortBreak(placements[i])) ++short_breaks[episode_of[i]];
  }
  std::vector<uint32_t> child_of_episode(episodes.size());
  for (size_t i = 0; i < episodes.size(); ++i) {
    const bool all_short_breaks = placed[i] > 0 && short_breaks[i] == placed[i];
    child_of_episode[i] = all_short_breaks ? kNoOwner : children.Find(episodes[i].person_id);
  }

  // Counted placements: not short breaks, of counted episodes.
  std::vector<uint32_t> counted_episode_of(placements.size(), kNoOwner);
  std::vector<uint32_t> child_of_placement(placements.size(), kNoOwner);
  for (size_t i = 0; i < placements.size(); ++i) {
    const uint32_t episode = episode_of[i];
    if (episode == kNoOwner || child_of_episode[episode] == kNoOwner) continue;
    if (IsShortBreak(placements[i])) continue;
    counted_episode_of[i] = episode;
    child_of_placement[i] = child_of_episode[episode];
  }
  const auto placement_order = ByDateThenId(&Placement::start_date, &Placement::placement_id);
  episode_placement_offsets_ =
      GroupByOwner(placements, counted_episode_of, episodes.size(), placements_by_episode_);
  SortRuns(placements_by_episode_, episode_placement_offsets_, placement_order);

  std::vector<uint32_t> episode_runs =
      GroupByOwner(episodes, child_of_episode, timelines_.size(), episodes_by_child_);
  SortRuns(episodes_by_child_, episode_runs,
           ByDateThenId(&CareEpisode::start_date, &CareEpisode::episode_id));
  std::vector<uint32_t> placement_runs =
      GroupByOwner(placements, child_of_placement, timelines_.size(), placements_by_child_);
  SortRuns(placements_by_child_, placement_runs, placement_order);
  episode_intervals_.reserve(episodes_by_child_.size());
  for (const CareEpisode* e : episodes_by_child_) {
    episode_intervals_.push_back(
        EpisodeInterval{e->start_date, e->end_date.value_or(OpenEnd()), e});
  }
  placement_intervals_.reserve(placements_by_child_.size());
  for (const Placement* p : placements_by_child_) {
    placement_intervals_.push_back(PlacementInterval{
        p->start_date, p->end_date.value_or(OpenEnd()),
        counted_episode_of[static_cast<size_t>(p - placements.data())], IsAccommodating(*p), p});
  }
  for (size_t i = 0; i < timelines_.size(); ++i) {
    ChildTimeline& timeline = timelines_[i];
    timeline.episodes = RunOf(episodes_by_child_, episode_runs, i);
    timeline.placements = RunOf(placements_by_child_, placement_runs, i);
    timeline.episode_intervals =
        absl::MakeConstSpan(episode_intervals_)
            .subspan(episode_runs[i], episode_runs[i + 1] - episode_runs[i]);
    timeline.placement_intervals =
        absl::MakeConstSpan(placement_intervals_)
            .subspan(placement_runs[i], placement_runs[i + 1] - placement_runs[i]);
    if (timeline.episodes.empty()) continue;
    child_flags_[i] |= kHasEpisodes;
    if (!timeline.placements.empty()) timeline.spells = BuildSpells(timeline);
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

void Snapshot::IndexPersonRecords() {
  auto person_at = [this](size_t i) -> absl::string_view { return timelines_[i].child->person_id; };
  OrdinalFinder<decltype(person_at)> children(timelines_.size(), person_at);
  const size_t child_count = timelines_.size();
  // Groups one person-keyed record type by child, orders each child's run and sets the flag.
  auto index = [&](const auto& records, auto& flat, auto ChildTimeline::*list, uint16_t flag,
                   const std::vector<uint32_t>& owners, auto order) {
    std::vector<uint32_t> runs = GroupByOwner(records, owners, child_count, flat);
    SortRuns(flat, runs, order);
    for (size_t i = 0; i < child_count; ++i) {
      timelines_[i].*list = RunOf(flat, runs, i);
      if (runs[i + 1] > runs[i]) child_flags_[i] |= flag;
    }
  };
  auto owners_by_person = [&](const auto& records) {
    std::vector<uint32_t> owners(records.size());
    for (size_t i = 0; i < records.size(); ++i) owners[i] = children.Find(records[i].person_id);
    return owners;
  };

  const std::vector<uint32_t> involvement_owners = owners_by_person(records_.involvements);
  index(records_.involvements, involvements_by_child_, &ChildTimeline::involvements,
        kHasInvolvements, involvement_owners,
        ByDateThenId(&Involvement::open_date, &Involvement::involvement_id));
  {
    const std::vector<Involvement>& involvements = records_.involvements;
    auto involvement_at = [&](size_t i) -> absl::string_view {
      return involvements[i].involvement_id;
    };
    OrdinalFinder<decltype(involvement_at)> finder(involvements.size(), involvement_at);
    std::vector<uint32_t> owners(records_.allocations.size());
    for (size_t i = 0; i < owners.size(); ++i) {
      const uint32_t involvement = finder.Find(records_.allocations[i].involvement_id);
      owners[i] = involvement == kNoOwner ? kNoOwner : involvement_owners[involvement];
    }
    // An allocation makes no flag of its own: its child has the involvement.
    index(records_.allocations, allocations_by_child_, &ChildTimeline::allocations, 0, owners,
          ByDateThenId(&Allocation::start_date, &Allocation::allocation_id));
  }
  index(records_.cp_referrals, referrals_by_child_, &ChildTimeline::referrals, kHasReferrals,
        owners_by_person(records_.cp_referrals),
        ByDateThenId(&CpReferral::referral_date, &CpReferral::referral_id));
  index(records_.cp_registrations, registrations_by_child_, &ChildTimeline::registrations,
        kHasRegistrations, owners_by_person(records_.cp_registrations),
        ByDateThenId(&CpRegistration::registration_date, &CpRegistration::registration_id));
  index(records_.assessments, assessments_by_child_, &ChildTimeline::assessments, kHasAssessments,
        owners_by_person(records_.assessments), [](const Assessment* a, const Assessment* b) {
          return a->assessment_id < b->assessment_id;
        });
  index(records_.reviews, reviews_by_child_, &ChildTimeline::reviews, kHasReviews,
        owners_by_person(records_.reviews),
        ByDateThenId(&Review::meeting_date, &Review::review_id));
  index(records_.incidents, incidents_by_child_, &ChildTimeline::incidents, kHasIncidents,
        owners_by_person(records_.incidents), [](const Incident* a, const Incident* b) {
          return a->start != b->start ? a->start < b->start : a->incident_id < b->incident_id;
        });
  index(records_.status_snapshots, snapshots_by_child_, &ChildTimeline::snapshots, kHasSnapshots,
        owners_by_person(records_.status_snapshots),
        [](const StatusSnapshot* a, const StatusSnapshot* b) { return a->as_at < b->as_at; });

  auto social_work = [](const Assessment& a) { return a.type == "SW" || a.type == "SW_CONTRIB"; };
  social_work_assessments_.reserve(
      static_cast<size_t>(std::count_if(assessments_by_child_.begin(), assessments_by_child_.end(),
                                        [&](const Assessment* a) { return social_work(*a); })));
  for (const ChildTimeline& timeline : timelines_) {
    for (const Assessment* a : timeline.assessments) {
      if (!social_work(*a)) continue;
      social_work_assessments_.push_back(SocialWorkAssessment{a->due_date, a->completed_date,
                                                              a->status == "WITHDRAWN",
                                                              a->assessment_id, timeline.child, a});
    }
  }
}

void Snapshot::IndexFindings() {
  // Each run in id (item) order, so explanations do not depend on the order records arrive in.
  need_offsets_ = GroupUnderParents(
      records_.assessments, &Assessment::assessment_id, records_.needs, &Need::assessment_id,
      [](const Need* a, const Need* b) { return a->need_id < b->need_id; }, needs_by_assessment_);
  item_offsets_ = GroupUnderParents(
      records_.reviews, &Review::review_id, records_.review_items, &ReviewItem::review_id,
      [](const ReviewItem* a, const ReviewItem* b) { return a->item < b->item; }, items_by_review_);
}

void Snapshot::IndexSurveys() {
  const std::vector<SurveyAnswer>& answers = records_.survey_answers;
  answers_by_response_.reserve(answers.size());
  for (const SurveyAnswer& answer : answers) answers_by_response_.push_back(&answer);
  // Grouped by response_id in ascending order (as intake exports them, and most generators
  // write them); any other order is sorted into it. Each response's answers by item below.
  auto by_response = [](const SurveyAnswer* a, const SurveyAnswer* b) {
    return a->response_id < b->response_id;
  };
  if (!std::is_sorted(answers_by_response_.begin(), answers_by_response_.end(), by_response)) {
    std::stable_sort(answers_by_response_.begin(), answers_by_response_.end(), by_response);
  }
  auto person_at = [this](size_t i) -> absl::string_view { return timelines_[i].child->person_id; };
  OrdinalFinder<decltype(person_at)> children(timelines_.size(), person_at);
  size_t response_count = answers_by_response_.empty() ? 0 : 1;
  for (size_t i = 1; i < answers_by_response_.size(); ++i) {
    if (answers_by_response_[i]->response_id != answers_by_response_[i - 1]->response_id) {
      ++response_count;
    }
  }
  responses_.reserve(response_count);
  for (size_t begin = 0; begin < answers_by_response_.size();) {
    const SurveyAnswer& first = *answers_by_response_[begin];
    size_t end = begin + 1;
    while (end < answers_by_response_.size() &&
           answers_by_response_[end]->response_id == first.response_id) {
      ++end;
    }
    SurveyResponse response;
    response.response_id = first.response_id;
    response.person_id = first.person_id;
    response.respondent = first.respondent;
    response.survey_date = first.survey_date;
    response.context = first.context;
    if (!first.person_id.empty()) {
      const uint32_t child = children.Find(first.person_id);
      if (child != kNoOwner) response.timeline = &timelines_[child];
    }
    auto by_item = [](const SurveyAnswer* a, const SurveyAnswer* b) { return a->item < b->item; };
    const auto run_begin = answers_by_response_.begin() + static_cast<std::ptrdiff_t>(begin);
    const auto run_end = answers_by_response_.begin() + static_cast<std::ptrdiff_t>(end);
    if (!std::is_sorted(run_begin, run_end, by_item)) std::sort(run_begin, run_end, by_item);
    response.answers = RecordSpan<SurveyAnswer>(answers_by_response_.data() + begin,
                                                answers_by_response_.data() + end);
    responses_.push_back(response);
    begin = end;
  }
}

const ChildTimeline* Snapshot::FindChild(absl::string_view person_id) const {
  auto found = std::lower_bound(
      timelines_.begin(), timelines_.end(), person_id,
      [](const ChildTimeline& t, absl::string_view id) { return t.child->person_id < id; });
  return found != timelines_.end() && found->child->person_id == person_id ? &*found : nullptr;
}

const CareEpisode* Snapshot::FindEpisode(absl::string_view episode_id) const {
  auto it = episode_ordinals_.find(episode_id);
  return it == episode_ordinals_.end() ? nullptr : &records_.care_episodes[it->second];
}

RecordSpan<Placement> Snapshot::PlacementsOfEpisode(absl::string_view episode_id) const {
  auto it = episode_ordinals_.find(episode_id);
  return it == episode_ordinals_.end()
             ? RecordSpan<Placement>()
             : RunOf(placements_by_episode_, episode_placement_offsets_, it->second);
}

RecordSpan<Need> Snapshot::NeedsOf(const Assessment& assessment) const {
  const uint32_t ordinal = OrdinalIn(records_.assessments, assessment);
  return ordinal == kNoOwner ? RecordSpan<Need>()
                             : RunOf(needs_by_assessment_, need_offsets_, ordinal);
}

const std::string* Snapshot::ReviewFinding(const Review& review, absl::string_view item) const {
  const uint32_t ordinal = OrdinalIn(records_.reviews, review);
  if (ordinal == kNoOwner) return nullptr;
  for (const ReviewItem* finding : RunOf(items_by_review_, item_offsets_, ordinal)) {
    if (finding->item == item) return &finding->value;
  }
  return nullptr;
}

}  // namespace pif::engine
