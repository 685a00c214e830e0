#include "pif/bench/sample_data.h"

#include <stdlib.h>

#include <filesystem>
#include <iostream>
#include <vector>

#include "absl/strings/str_cat.h"
#include "pif/csv/csv_reader.h"
#include "pif/intake/domain/case_schema.h"
#include "pif/sample/council.h"
#include "pif/sample/csv_writer.h"

namespace pif::bench {
namespace {

template <typename T>
void KeepFirst(int64_t* budget, std::vector<T>* list) {
  const int64_t keep = std::min<int64_t>(*budget, static_cast<int64_t>(list->size()));
  list->resize(static_cast<size_t>(keep));
  *budget -= keep;
}

}  // namespace

engine::CaseRecords SampleCaseRecords(int64_t children, uint64_t seed) {
  sample::SampleOptions options;
  options.children = children;
  options.seed = seed;
  return sample::GenerateCouncil(options);
}

int64_t CountRecords(const engine::CaseRecords& r) {
  return static_cast<int64_t>(r.children.size() + r.involvements.size() + r.allocations.size() +
                              r.cp_referrals.size() + r.cp_registrations.size() +
                              r.care_episodes.size() + r.legal_reasons.size() +
                              r.placements.size() + r.assessments.size() + r.needs.size() +
                              r.reviews.size() + r.review_items.size() + r.incidents.size() +
                              r.status_snapshots.size() + r.survey_answers.size());
}

void KeepFirstRecords(int64_t limit, engine::CaseRecords* r) {
  int64_t budget = limit;
  KeepFirst(&budget, &r->children);
  KeepFirst(&budget, &r->involvements);
  KeepFirst(&budget, &r->allocations);
  KeepFirst(&budget, &r->cp_referrals);
  KeepFirst(&budget, &r->cp_registrations);
  KeepFirst(&budget, &r->care_episodes);
  KeepFirst(&budget, &r->legal_reasons);
  KeepFirst(&budget, &r->placements);
  KeepFirst(&budget, &r->assessments);
  KeepFirst(&budget, &r->needs);
  KeepFirst(&budget, &r->reviews);
  KeepFirst(&budget, &r->review_items);
  KeepFirst(&budget, &r->incidents);
  KeepFirst(&budget, &r->status_snapshots);
  KeepFirst(&budget, &r->survey_answers);
}

TempDir::TempDir() {
  char path_template[] = "/tmp/pif-bench-data-XXXXXX";
  if (mkdtemp(path_template) == nullptr) {
    std::cerr << "cannot create a temporary directory\n";
    std::abort();
  }
  path_ = path_template;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

absl::Status WriteCaseCsv(const engine::CaseRecords& records, const std::string& dir) {
  if (absl::Status written = sample::WriteCouncilCsv(records, {}, {}, {}, dir); !written.ok()) {
    return written;
  }
  for (const char* workforce_file : {"staff.csv", "absences.csv", "self_evaluations.csv"}) {
    std::error_code ignored;
    std::filesystem::remove(std::filesystem::path(dir) / workforce_file, ignored);
  }
  return absl::OkStatus();
}

absl::Status ReadCaseCsv(const std::string& dir,
                         const std::function<void(const submission::FlatRecord&)>& on_record) {
  for (const submission::RecordSchema& schema : intake::CaseSchema().types) {
    std::vector<std::string> columns;
    for (const submission::Column& column : schema.columns) columns.push_back(column.name);
    auto reader = csv::CsvReader::OpenFile(dir + "/" + schema.file, columns);
    csv::Row row;
    csv::CsvError error;
    for (;;) {
      const csv::CsvReader::Result result = reader->Next(&row, &error);
      if (result == csv::CsvReader::Result::kEnd) break;
      if (result != csv::CsvReader::Result::kRow) {
        return absl::InvalidArgumentError(error.ToString());
      }
      std::vector<FieldViolation> violations;
      const submission::FlatRecord record =
          submission::FromNamedCells(schema, row.fields, &violations);
      if (!violations.empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat(schema.file, " row ", row.row_number, ": ", violations.front().message));
      }
      on_record(record);
    }
  }
  return absl::OkStatus();
}

}  // namespace pif::bench
