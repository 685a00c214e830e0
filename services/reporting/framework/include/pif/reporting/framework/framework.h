// The framework's own structure (indicators.md section 6): the six key questions, the ten areas
// they hold, the six-point grading scale and the SHANARRI headings of areas 1 and 2.
#pragma once

#include <string>
#include <vector>

#include "pif/common/v1/framework.pb.h"

namespace pif::reporting {

// The number of framework areas (1 to 10).
inline constexpr int kAreaCount = 10;
// The lowest and highest grade of the six-point scale.
inline constexpr int kLowestGrade = 1;
inline constexpr int kHighestGrade = 6;

// One of the six key questions and the areas it holds, in the framework's order.
struct KeyQuestionInfo {
  int number = 0;
  std::string question;
  std::vector<int> areas;
};

// The six key questions in the framework's order (areas 1 to 10 each appear exactly once).
const std::vector<KeyQuestionInfo>& KeyQuestions();

// The title of area 1-10 ("Impact on staff"); empty outside 1-10.
std::string AreaTitle(int area);

// The label of grade 1-6 ("Very good"); empty outside 1-6.
std::string GradeLabel(int grade);

// The SHANARRI headings in the framework's order (Safe ... Included), without UNSPECIFIED.
const std::vector<common::v1::ShanarriTheme>& ThemeOrder();

// A heading as the framework writes it ("Respected and responsible"); empty for UNSPECIFIED.
std::string ThemeTitle(common::v1::ShanarriTheme theme);

}  // namespace pif::reporting
