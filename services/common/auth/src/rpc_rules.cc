#include "pif/auth/rpc_rules.h"

namespace pif::auth {
namespace {

constexpr Role kSubmitter = Role::kSubmitter;
constexpr Role kAnalyst = Role::kAnalyst;
constexpr Role kPublisher = Role::kPublisher;
constexpr Role kViewer = Role::kViewer;
constexpr Role kAuditor = Role::kAuditor;
constexpr Role kAdmin = Role::kAdmin;

// Everyone who may see figures in some form: published for viewers and publishers, internal
// also for analysts (which mode a call may ask for is checked by the rpc itself).
const std::vector<Role> kFigureReaders = {kAnalyst, kPublisher, kViewer};

}  // namespace

const std::vector<RpcRule>& RpcRules() {
  static const auto* const kRules = new std::vector<RpcRule>{
      // ---- intake: case records
      {"/pif.intake.v1.IntakeService/SubmitRecords", {kSubmitter}},
      {"/pif.intake.v1.IntakeService/GetBatch", {kSubmitter, kAuditor}},
      {"/pif.intake.v1.IntakeService/ListBatches", {kSubmitter, kAuditor}},
      // Rejected records are kept verbatim: only those who send and correct records see them.
      {"/pif.intake.v1.IntakeService/ListRejections", {kSubmitter}},
      {"/pif.intake.v1.IntakeService/GetRejection", {kSubmitter}},
      // Every record of a council: only the indicators and workforce services, for a caller
      // allowed to see figures.
      {"/pif.intake.v1.IntakeService/ExportSnapshot", kFigureReaders, true, true},
      {"/pif.intake.v1.IntakeService/GetDataVersion", kFigureReaders, true, true},
      {"/pif.intake.v1.IntakeService/DeleteRecord", {kSubmitter}},
      // Erasing a child's records is the administrator's alone.
      {"/pif.intake.v1.IntakeService/EraseChild", {kAdmin}},
      // ---- indicators
      {"/pif.indicators.v1.IndicatorsService/ListIndicators",
       {kSubmitter, kAnalyst, kPublisher, kViewer, kAuditor, kAdmin},
       /*names_council=*/false},
      {"/pif.indicators.v1.IndicatorsService/ComputeIndicators", kFigureReaders},
      {"/pif.indicators.v1.IndicatorsService/ComputeIndicatorSeries", kFigureReaders},
      // Child-level reasons: analysts only.
      {"/pif.indicators.v1.IndicatorsService/ExplainIndicator", {kAnalyst}},
      {"/pif.indicators.v1.IndicatorsService/GetDisclosurePolicy", {kAnalyst, kPublisher}},
      {"/pif.indicators.v1.IndicatorsService/SetDisclosurePolicy", {kPublisher}},
      // ---- workforce
      {"/pif.workforce.v1.WorkforceService/SubmitRecords", {kSubmitter}},
      {"/pif.workforce.v1.WorkforceService/ListRejections", {kSubmitter}},
      {"/pif.workforce.v1.WorkforceService/GetRejection", {kSubmitter}},
      {"/pif.workforce.v1.WorkforceService/GetDataVersion", {kSubmitter, kAnalyst, kPublisher}},
      {"/pif.workforce.v1.WorkforceService/ComputeWorkforce", kFigureReaders},
      // ---- reporting
      {"/pif.reporting.v1.ReportingService/RecordSelfEvaluation", {kSubmitter, kPublisher}},
      {"/pif.reporting.v1.ReportingService/SubmitSelfEvaluations", {kSubmitter, kPublisher}},
      {"/pif.reporting.v1.ReportingService/ListSelfEvaluations",
       {kSubmitter, kAnalyst, kPublisher}},
      {"/pif.reporting.v1.ReportingService/ListRejections", {kSubmitter, kPublisher}},
      {"/pif.reporting.v1.ReportingService/BuildReport", {kAnalyst, kPublisher}},
      {"/pif.reporting.v1.ReportingService/PublishReport", {kPublisher}},
      {"/pif.reporting.v1.ReportingService/ListPublishedReports",
       {kAnalyst, kPublisher, kViewer, kAuditor}},
      {"/pif.reporting.v1.ReportingService/GetPublishedReport",
       {kAnalyst, kPublisher, kViewer, kAuditor}},
      // A draft needs analyst or publisher, a published version any reader (checked by the rpc).
      {"/pif.reporting.v1.ReportingService/RenderReport", {kAnalyst, kPublisher, kViewer}},
      // ---- every service: its access audit, for the auditors of the council
      {"/pif.audit.v1.AuditService/ListAuditRecords", {kAuditor}},
  };
  return *kRules;
}

const RpcRule* FindRpcRule(absl::string_view method) {
  for (const RpcRule& rule : RpcRules()) {
    if (rule.method == method) return &rule;
  }
  return nullptr;
}

}  // namespace pif::auth
