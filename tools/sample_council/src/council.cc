#include "pif/sample/council.h"

#include "caseload.h"
#include "context.h"
#include "events.h"
#include "family_planner.h"
#include "ids.h"
#include "random.h"
#include "realize.h"
#include "workforce.h"

namespace pif::sample {

SampleCouncil GenerateSampleCouncil(const SampleOptions& options) {
  using namespace internal;
  const Context context = MakeContext(options);
  // Independent streams, so that (for example) the workforce does not shift the families.
  Random plans(options.seed, 1);
  Random events(options.seed, 2);
  Random staff(options.seed, 3);
  Random allocations(options.seed, 4);
  Random absences(options.seed, 5);
  Random evaluations(options.seed, 6);

  SampleCouncil council;
  Ids ids;
  EventSink sink{context, ids, council.records, events};
  FamilyPlanner planner(context, plans);
  Caseload caseload(context);
  std::vector<FamilyCase> cases;
  int64_t children = 0;
  for (int64_t number = 1; children < options.children; ++number) {
    FamilyPlan family = planner.Next(number);
    const int64_t room = options.children - children;
    if (static_cast<int64_t>(family.children.size()) > room) {
      family.children.resize(static_cast<size_t>(room));
    }
    children += static_cast<int64_t>(family.children.size());
    cases.push_back(RealizeFamily(family, sink, caseload));
  }

  const Workforce workforce = DrawWorkforce(context, caseload, staff);
  AllocateCases(context, workforce, cases, allocations, ids, council.records);
  council.staff = StaffRows(context, workforce, staff);
  council.absences = DrawAbsences(context, workforce, absences);
  council.self_evaluations = DrawSelfEvaluations(context, evaluations);
  return council;
}

engine::CaseRecords GenerateCouncil(const SampleOptions& options) {
  return std::move(GenerateSampleCouncil(options).records);
}

}  // namespace pif::sample
