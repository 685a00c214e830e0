// An indexed, read-only snapshot of one council's case records: per-child timelines of episodes,
// placements, accommodation spells and the rest, built once and shared by every indicator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "pif/engine/figures.h"
#include "pif/engine/record_span.h"
#include "pif/engine/records.h"

namespace pif::engine {

struct ChildTimeline;

// The exclusive end given to an interval still open (9999-12-31).
Date OpenEnd();

// A counted episode as an interval [start, end), for the date tests every indicator makes.
struct EpisodeInterval {
  Date start;
  Date end;  // exclusive; OpenEnd() while open
  const CareEpisode* episode = nullptr;

  // True when the episode covers d.
  bool Covers(Date d) const { return start <= d && d < end; }
};

// A counted placement as an interval, with what the census-date rules test held inline.
struct PlacementInterval {
  Date start;
  Date end;                    // exclusive; OpenEnd() while open
  uint32_t episode = 0;        // its episode's position in records().care_episodes
  bool accommodating = false;  // not HOME (short breaks are never counted)
  const Placement* placement = nullptr;

  // True when the placement covers d.
  bool Covers(Date d) const { return start <= d && d < end; }
};

// A maximal run of a child's accommodating (non-HOME, non-short-break) placements in which each
// starts on or before the previous one ends (indicators.md section 1), possibly across episodes.
struct AccommodationSpell {
  // The "date accommodated": start of the first placement.
  Date start;
  // Latest end of its placements; empty while any of them is open.
  std::optional<Date> end;
  // Its placements, by start date then id.
  std::vector<const Placement*> placements;

  // True when the spell covers d (start <= d < end).
  bool Covers(Date d) const { return start <= d && (!end.has_value() || d < *end); }
};

// One questionnaire: the answers sharing a response_id.
struct SurveyResponse {
  absl::string_view response_id;
  absl::string_view person_id;  // empty when anonymous
  absl::string_view respondent;
  Date survey_date;
  absl::string_view context;
  // The respondent's child when person_id names a known child, else nullptr.
  const ChildTimeline* timeline = nullptr;
  // Its answers, by item.
  RecordSpan<SurveyAnswer> answers;

  // The answer given to `item`, or nullptr when the item is not answered (the last one given
  // when the item is repeated).
  const std::string* AnswerTo(absl::string_view item) const;
};

// Everything known about one child, each list in date order (ties by id).
struct ChildTimeline {
  const Child* child = nullptr;
  // Episodes that count (an episode whose placements are all short breaks is ignored).
  RecordSpan<CareEpisode> episodes;
  // Non-short-break placements of the counted episodes (HOME included).
  RecordSpan<Placement> placements;
  // The same episodes and placements as intervals, in the same order.
  absl::Span<const EpisodeInterval> episode_intervals;
  absl::Span<const PlacementInterval> placement_intervals;
  // Accommodation spells, by start.
  std::vector<AccommodationSpell> spells;
  RecordSpan<Involvement> involvements;      // by open date
  RecordSpan<Allocation> allocations;        // of all its involvements, by start
  RecordSpan<CpReferral> referrals;          // by referral date
  RecordSpan<CpRegistration> registrations;  // by registration date
  RecordSpan<Assessment> assessments;        // by id
  RecordSpan<Review> reviews;                // by meeting date
  RecordSpan<Incident> incidents;            // by start
  RecordSpan<StatusSnapshot> snapshots;      // by as_at

  // LAC(d): a counted episode covers d.
  bool LookedAfterOn(Date d) const;
  // LADP: a counted episode overlaps the period.
  bool LookedAfterDuring(const Period& period) const;
  // The counted episode covering d: latest start, then greatest id; nullptr when none.
  const CareEpisode* EpisodeCovering(Date d) const;
  // The non-short-break placement covering d (any type): latest start, then greatest id.
  const Placement* PlacementAt(Date d) const;
  // The accommodating (non-HOME, non-short-break) placement covering d, chosen the same way.
  const Placement* AccommodatingPlacementAt(Date d) const;
  // The interval of AccommodatingPlacementAt(d), or nullptr.
  const PlacementInterval* AccommodatingIntervalAt(Date d) const;
  // ACC(d).
  bool AccommodatedOn(Date d) const { return AccommodatingPlacementAt(d) != nullptr; }
  // ACC during the period: an accommodating placement overlaps it.
  bool AccommodatedDuring(const Period& period) const;
  // The spell covering d, or nullptr.
  const AccommodationSpell* SpellCovering(Date d) const;
};

// Which lists of a child's timeline are not empty, as bit flags: an indicator visits only the
// children that have what it counts (Snapshot::ChildrenWith).
enum ChildHas : uint16_t {
  // A counted care episode: the child is looked after at some time (placements and spells
  // belong to counted episodes, so a child without one has neither).
  kHasEpisodes = 1U << 0,
  kHasInvolvements = 1U << 1,
  kHasReferrals = 1U << 2,
  kHasRegistrations = 1U << 3,
  kHasAssessments = 1U << 4,
  kHasReviews = 1U << 5,
  kHasIncidents = 1U << 6,
  kHasSnapshots = 1U << 7,
};

// The timelines of the children having any of the lists a mask names, in person_id order.
class ChildrenWithRange {
 public:
  // Visits timelines[i] where flags[i] & mask.
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = ChildTimeline;
    using difference_type = std::ptrdiff_t;
    using pointer = const ChildTimeline*;
    using reference = const ChildTimeline&;

    Iterator(const ChildTimeline* timelines, const uint16_t* flags, size_t index, size_t end,
             uint16_t mask)
        : timelines_(timelines), flags_(flags), index_(index), end_(end), mask_(mask) {
      Skip();
    }
    reference operator*() const { return timelines_[index_]; }
    pointer operator->() const { return &timelines_[index_]; }
    Iterator& operator++() {
      ++index_;
      Skip();
      return *this;
    }
    bool operator==(const Iterator& other) const { return index_ == other.index_; }
    bool operator!=(const Iterator& other) const { return index_ != other.index_; }

   private:
    void Skip() {
      while (index_ < end_ && (flags_[index_] & mask_) == 0) ++index_;
    }
    const ChildTimeline* timelines_;
    const uint16_t* flags_;
    size_t index_;
    size_t end_;
    uint16_t mask_;
  };

  ChildrenWithRange(const std::vector<ChildTimeline>& timelines, const std::vector<uint16_t>& flags,
                    uint16_t mask)
      : timelines_(timelines), flags_(flags), mask_(mask) {}
  Iterator begin() const {
    return Iterator(timelines_.data(), flags_.data(), 0, timelines_.size(), mask_);
  }
  Iterator end() const {
    return Iterator(timelines_.data(), flags_.data(), timelines_.size(), timelines_.size(), mask_);
  }

 private:
  const std::vector<ChildTimeline>& timelines_;
  const std::vector<uint16_t>& flags_;
  uint16_t mask_;
};

// An SW or SW_CONTRIB assessment (the social work assessments of 5.1 and 1 R.1), with what those
// indicators test and count held inline, so counting reads no other record.
struct SocialWorkAssessment {
  std::optional<Date> due_date;
  std::optional<Date> completed_date;
  bool withdrawn = false;           // status WITHDRAWN
  absl::string_view assessment_id;  // the unit id
  const Child* child = nullptr;     // for breakdowns
  const Assessment* assessment = nullptr;
};

// Children sharing a non-empty family_group_id.
struct Family {
  absl::string_view family_group_id;
  RecordSpan<ChildTimeline> members;  // in person_id order
};

// The indexed snapshot. Owns the records; every pointer handed out lives as long as it does.
// Building it takes time linear in the records when each file comes grouped and in key order
// (as intake exports them); any other order is indexed correctly, with hashing and sorting.
class Snapshot {
 public:
  // Indexes `records` (taken by value: the snapshot owns them).
  explicit Snapshot(CaseRecords records);
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  // The records as given.
  const CaseRecords& records() const { return records_; }
  // One timeline per child, in person_id order.
  const std::vector<ChildTimeline>& children() const { return timelines_; }
  // The timelines having any of the lists in `mask` (ChildHas flags), in person_id order.
  ChildrenWithRange ChildrenWith(uint16_t mask) const {
    return ChildrenWithRange(timelines_, child_flags_, mask);
  }
  // The child's timeline, or nullptr (a binary search).
  const ChildTimeline* FindChild(absl::string_view person_id) const;
  // The episode with this id, or nullptr.
  const CareEpisode* FindEpisode(absl::string_view episode_id) const;
  // Non-short-break placements of an episode, by start then id (empty when unknown).
  RecordSpan<Placement> PlacementsOfEpisode(absl::string_view episode_id) const;
  // Needs identified by an assessment of this snapshot, by need_id (empty when none).
  RecordSpan<Need> NeedsOf(const Assessment& assessment) const;
  // The value a review of this snapshot records for an item, or nullptr when not recorded
  // (the first by item order should intake ever let an item repeat).
  const std::string* ReviewFinding(const Review& review, absl::string_view item) const;
  // Every SW and SW_CONTRIB assessment of a known child, in person_id then assessment_id order.
  const std::vector<SocialWorkAssessment>& social_work_assessments() const {
    return social_work_assessments_;
  }
  // Families (children sharing a non-empty family_group_id), by group id.
  const std::vector<Family>& families() const { return families_; }
  // Survey responses (answers grouped by response_id), by response_id.
  const std::vector<SurveyResponse>& survey_responses() const { return responses_; }

 private:
  void IndexChildren();
  void IndexFamilies();
  void IndexEpisodesAndPlacements();
  void IndexPersonRecords();
  void IndexFindings();
  void IndexSurveys();
  static std::vector<AccommodationSpell> BuildSpells(const ChildTimeline& timeline);

  CaseRecords records_;
  std::vector<ChildTimeline> timelines_;
  std::vector<uint16_t> child_flags_;  // ChildHas flags, by timeline index
  // The flat lists the timelines' spans point into, one per record type.
  std::vector<const CareEpisode*> episodes_by_child_;
  std::vector<const Placement*> placements_by_child_;
  std::vector<EpisodeInterval> episode_intervals_;      // parallel to episodes_by_child_
  std::vector<PlacementInterval> placement_intervals_;  // parallel to placements_by_child_
  std::vector<const Involvement*> involvements_by_child_;
  std::vector<const Allocation*> allocations_by_child_;
  std::vector<const CpReferral*> referrals_by_child_;
  std::vector<const CpRegistration*> registrations_by_child_;
  std::vector<const Assessment*> assessments_by_child_;
  std::vector<const Review*> reviews_by_child_;
  std::vector<const Incident*> incidents_by_child_;
  std::vector<const StatusSnapshot*> snapshots_by_child_;
  // Records grouped by their parent's ordinal (its position in records_): the run of parent i
  // is [offsets[i], offsets[i + 1]). Counted placements by episode, needs by assessment,
  // findings by review.
  std::vector<const Placement*> placements_by_episode_;
  std::vector<uint32_t> episode_placement_offsets_;
  absl::flat_hash_map<absl::string_view, uint32_t> episode_ordinals_;
  std::vector<const Need*> needs_by_assessment_;
  std::vector<uint32_t> need_offsets_;
  std::vector<const ReviewItem*> items_by_review_;
  std::vector<uint32_t> item_offsets_;
  std::vector<SocialWorkAssessment> social_work_assessments_;
  std::vector<const ChildTimeline*> family_members_;
  std::vector<Family> families_;
  std::vector<const SurveyAnswer*> answers_by_response_;
  std::vector<SurveyResponse> responses_;
};

// "Latest" of the spec: greatest date, then greatest id in string order. True when a is later.
template <typename T>
bool IsLater(Date a_date, const T& a_id, Date b_date, const T& b_id) {
  return a_date != b_date ? a_date > b_date : a_id > b_id;
}

}  // namespace pif::engine
