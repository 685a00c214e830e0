// An indexed, read-only snapshot of one council's case records: per-child timelines of episodes,
// placements, accommodation spells and the rest, built once and shared by every indicator.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "pif/engine/period.h"
#include "pif/engine/records.h"

namespace pif::engine {

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
  // item code -> answer code.
  std::map<std::string, std::string, std::less<>> answers;
};

// Everything known about one child, each list in date order (ties by id).
struct ChildTimeline {
  const Child* child = nullptr;
  // Episodes that count (an episode whose placements are all short breaks is ignored).
  std::vector<const CareEpisode*> episodes;
  // Non-short-break placements of the counted episodes (HOME included).
  std::vector<const Placement*> placements;
  // Accommodation spells, by start.
  std::vector<AccommodationSpell> spells;
  std::vector<const Involvement*> involvements;      // by open date
  std::vector<const Allocation*> allocations;        // of all its involvements, by start
  std::vector<const CpReferral*> referrals;          // by referral date
  std::vector<const CpRegistration*> registrations;  // by registration date
  std::vector<const Assessment*> assessments;        // by id
  std::vector<const Review*> reviews;                // by meeting date
  std::vector<const Incident*> incidents;            // by start
  std::vector<const StatusSnapshot*> snapshots;      // by as_at

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
  // ACC(d).
  bool AccommodatedOn(Date d) const { return AccommodatingPlacementAt(d) != nullptr; }
  // ACC during the period: an accommodating placement overlaps it.
  bool AccommodatedDuring(const Period& period) const;
  // The spell covering d, or nullptr.
  const AccommodationSpell* SpellCovering(Date d) const;
};

// The indexed snapshot. Owns the records; every pointer handed out lives as long as it does.
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
  // The child's timeline, or nullptr.
  const ChildTimeline* FindChild(absl::string_view person_id) const;
  // The episode with this id, or nullptr.
  const CareEpisode* FindEpisode(absl::string_view episode_id) const;
  // The involvement with this id, or nullptr.
  const Involvement* FindInvolvement(absl::string_view involvement_id) const;
  // Non-short-break placements of an episode, by start then id (empty when unknown).
  const std::vector<const Placement*>& PlacementsOfEpisode(absl::string_view episode_id) const;
  // Needs identified by an assessment (empty when none).
  const std::vector<const Need*>& NeedsOf(absl::string_view assessment_id) const;
  // The value a review records for an item, or nullptr when the item is not recorded.
  const std::string* ReviewFinding(absl::string_view review_id, absl::string_view item) const;
  // Children sharing a non-empty family_group_id, by group id.
  const std::map<std::string, std::vector<const ChildTimeline*>, std::less<>>& families() const {
    return families_;
  }
  // Survey responses (answers grouped by response_id), by response_id.
  const std::vector<SurveyResponse>& survey_responses() const { return responses_; }

 private:
  void IndexChildren();
  void IndexEpisodesAndPlacements();
  void IndexTheRest();
  static std::vector<AccommodationSpell> BuildSpells(const ChildTimeline& timeline);

  CaseRecords records_;
  std::vector<ChildTimeline> timelines_;
  absl::flat_hash_map<absl::string_view, size_t> child_index_;
  absl::flat_hash_map<absl::string_view, const CareEpisode*> episodes_;
  absl::flat_hash_map<absl::string_view, const Involvement*> involvements_;
  absl::flat_hash_map<absl::string_view, std::vector<const Placement*>> episode_placements_;
  absl::flat_hash_map<absl::string_view, std::vector<const Need*>> needs_;
  absl::flat_hash_map<absl::string_view, std::vector<const ReviewItem*>> review_items_;
  std::map<std::string, std::vector<const ChildTimeline*>, std::less<>> families_;
  std::vector<SurveyResponse> responses_;
};

// "Latest" of the spec: greatest date, then greatest id in string order. True when a is later.
template <typename T>
bool IsLater(Date a_date, const T& a_id, Date b_date, const T& b_id) {
  return a_date != b_date ? a_date > b_date : a_id > b_id;
}

}  // namespace pif::engine
