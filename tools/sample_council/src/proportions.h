// clang-format off
// The proportions of the sample council, and where each guess comes from. These are
// approximations for a Scottish council, good enough to exercise every indicator with realistic
// numerators and denominators; they are not statistics of any real council. Published figures
// in the last column are rounded and quoted as orders of magnitude, not exact values. "Value
// used" is what the generator produces (test/proportions_test.cc measures the first rows on the
// extraction date; the rest are the rates in the code).
//
// | what                                           | value used                                   | source of the guess |
// |------------------------------------------------|----------------------------------------------|---------------------|
// | looked after, of children with an open case     | ~1 in 8 on the census date                   | issue 6 ("roughly one in eight"); CSWS* ~12,000 looked after against ~90,000 open cases |
// | at home (HOME placement, supervision order)     | ~25% of looked-after children                | issue 6; CSWS 2022-23: 22% at home with parents |
// | kinship care (KIN)                              | ~30%                                         | CSWS 2022-23: 34% with friends or relatives |
// | foster care (FOST_LA, FOST_PURCH, PROSP_ADOPT)  | ~35%                                         | CSWS 2022-23: 32% with foster carers, 2% prospective adopters |
// | residential (RES_*, SECURE, CRISIS, OTH_RES)    | ~10-13%                                      | CSWS 2022-23: 10% in residential settings |
// | children with an open case on a census day      | ~21% of the children in the file             | the file holds every child with a case in the six years of data |
// | placements in an episode                        | ~55% one, ~25% two, ~20% three or more       | CLAS placement-history returns: most children have one or two placements |
// | sibling groups placed together                  | 68% at entry; ~70% of groups on a census day | Scottish sibling-placement studies (Jones & Henderson 2017): most accommodated siblings live together |
// | under-5s with a plan for adoption               | ~55% of those fostered                       | permanence and care excellence programme (PACE) reports |
// | child protection: registered after referral     | ~35% (~60% when the referral is pre-birth)   | CSWS 2022-23 child protection tables (investigations to registrations) |
// | on the child protection register                | about 1 for every 2.5-3 looked-after children| CSWS 2022-23: ~2,000 registered against ~12,000 looked after (the sample runs higher to exercise 1 S.1) |
// | re-referral within a year                       | ~15-18% of referrals                         | CSWS: re-registrations within 18 months ~14% |
// | pre-birth referrals                             | ~15% of child protection families            | CSWS 2022-23: ~15% of registrations are pre-birth conferences |
// | looked-after children with a disability         | ~8% recorded Y, ~12% not known               | CSWS 2022-23: ~10% with a recorded disability |
// | ethnic groups                                   | White Scottish ~80%, other British ~6%, ...  | Scotland's Census 2022, children aged 0-17 |
// | localities                                      | five, 15-25% each                            | a typical council's five locality teams |
// | missing, 24 hours or more                       | ~30% of missing episodes                     | Police Scotland missing-person data for looked-after children |
// | self-harm while accommodated                    | ~7-20% a year (residential highest)          | Mental Welfare Commission and CELCIS reports |
// | persistent offending                            | ~2% of accommodated 12-17 year olds          | SCRA offence-ground referral data |
// | pregnancy aged 13-15                            | ~3% a year of accommodated girls that age    | ISD teenage pregnancy rates, several times higher for care-experienced girls |
// | care leavers in education, training or work     | ~55%                                         | CSWS 2022-23: 56% of care leavers with a known destination in EET |
// | care leavers homeless in the past year          | ~9%                                          | Scottish homelessness statistics, care-experienced applicants |
// | young carers receiving planned support          | ~70%                                         | Carers (Scotland) Act 2016 young carer statement monitoring |
// | health assessment within 4 weeks                | ~68% in time, ~22% late, ~10% not done       | CEL 16 (2009) monitoring; Public Health Scotland LAC health reports |
// | assessments within timescale                    | ~78% of SW assessments                       | local performance reports (Care Inspectorate joint inspections) |
// | review reports submitted on time                | ~80%                                         | SCRA report-timescale statistics (reports due 7 days before a hearing) |
// | qualified social workers                        | one per 17 open cases (15-20)                | brief; SSSC workforce data and BASW caseload surveys |
// | other fieldwork staff                           | 0.35 per qualified social worker             | SSSC workforce data 2022 (children's services fieldwork) |
// | residential staff                               | 2.5 per child in a council children's house  | SSSC workforce data (care home services for children) |
// | managers                                        | team 1 per 7 workers, middle 1 per 4 team    | typical council structure |
// | staff turnover                                  | ~12% a year (agency ~40%)                    | SSSC workforce data: social worker turnover ~11-13% |
// | agency social workers                           | ~5-7% of qualified social workers in post    | SSSC workforce data / Social Work Scotland agency-use surveys |
// | sickness absence                                | ~9-10 days per FTE a year                    | Accounts Commission local government benchmarking (sickness days per employee) |
//
// * CSWS: Scottish Government, Children's Social Work Statistics, Scotland 2022-23.
// clang-format on
#pragma once

#include "random.h"

namespace pif::sample::internal {

// Caseload per qualified social worker.
inline constexpr double kCasesPerSocialWorker = 17.0;
// Other fieldwork staff per qualified social worker.
inline constexpr double kFieldOtherPerSocialWorker = 0.35;
// Residential staff per child placed in a council children's house (RES_LA).
inline constexpr double kResidentialStaffPerChild = 2.5;

// Weights of the family types by how often new families arrive (voluntary, child protection,
// looked after directly, disability, young carer, other). Tuned so that one child in eight with
// an open case is looked after on the census date.
inline constexpr double kFamilyTypeWeights[] = {50, 15, 1.6, 8, 9, 14};

// Share of sibling groups placed together when they come into care (groups placed apart leave
// care at different times, so on a census day about 70% of accommodated groups are together).
inline constexpr double kSiblingsTogether = 0.68;

// Weights of the kind of a new looked-after episode (home, kinship, foster, residential), by the
// way the child came into care; tuned so that on the census date ~25% are at home, ~30% in
// kinship, ~35% in foster care and ~10% in residential care.
inline constexpr double kKindFromProtection[] = {0, 45, 38, 48};
inline constexpr double kKindFromSupport[] = {60, 20, 18, 44};
inline constexpr double kKindReentry[] = {35, 18, 30, 42};

// Extra placements after the first main one in an episode: none, one, two, three or four.
inline constexpr Band kExtraPlacements[] = {{70, 0, 0}, {20, 1, 1}, {7, 2, 2}, {3, 3, 4}};

}  // namespace pif::sample::internal
