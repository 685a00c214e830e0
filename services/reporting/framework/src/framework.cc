#include "pif/reporting/framework/framework.h"

namespace pif::reporting {

const std::vector<KeyQuestionInfo>& KeyQuestions() {
  static const auto* const kQuestions = new std::vector<KeyQuestionInfo>{
      {1, "What key outcomes have we achieved?", {1}},
      {2,
       "What impact have we had on people who use our services and other stakeholders?",
       {2, 3, 4}},
      {3, "How good is our delivery of key processes?", {5}},
      {4, "How good is our operational management?", {6, 7, 8}},
      {5, "How good is our strategic leadership?", {9}},
      {6, "What is our capacity for improvement?", {10}},
  };
  return *kQuestions;
}

std::string AreaTitle(int area) {
  static const char* const kTitles[kAreaCount] = {
      "Key outcomes",
      "Impact on children and families",
      "Impact on staff",
      "Impact on the community",
      "Delivery of key processes",
      "Policy development and planning",
      "Management and support of staff",
      "Resources and capacity building",
      "Leadership and direction",
      "Capacity for improvement",
  };
  if (area < 1 || area > kAreaCount) return "";
  return kTitles[area - 1];
}

std::string GradeLabel(int grade) {
  static const char* const kLabels[kHighestGrade] = {
      "Unsatisfactory", "Weak", "Adequate", "Good", "Very good", "Excellent",
  };
  if (grade < kLowestGrade || grade > kHighestGrade) return "";
  return kLabels[grade - 1];
}

const std::vector<common::v1::ShanarriTheme>& ThemeOrder() {
  static const auto* const kOrder = new std::vector<common::v1::ShanarriTheme>{
      common::v1::SHANARRI_THEME_SAFE,     common::v1::SHANARRI_THEME_NURTURED,
      common::v1::SHANARRI_THEME_HEALTHY,  common::v1::SHANARRI_THEME_ACHIEVING,
      common::v1::SHANARRI_THEME_ACTIVE,   common::v1::SHANARRI_THEME_RESPECTED_AND_RESPONSIBLE,
      common::v1::SHANARRI_THEME_INCLUDED,
  };
  return *kOrder;
}

std::string ThemeTitle(common::v1::ShanarriTheme theme) {
  switch (theme) {
    case common::v1::SHANARRI_THEME_SAFE:
      return "Safe";
    case common::v1::SHANARRI_THEME_NURTURED:
      return "Nurtured";
    case common::v1::SHANARRI_THEME_HEALTHY:
      return "Healthy";
    case common::v1::SHANARRI_THEME_ACHIEVING:
      return "Achieving";
    case common::v1::SHANARRI_THEME_ACTIVE:
      return "Active";
    case common::v1::SHANARRI_THEME_RESPECTED_AND_RESPONSIBLE:
      return "Respected and responsible";
    case common::v1::SHANARRI_THEME_INCLUDED:
      return "Included";
    default:
      return "";
  }
}

}  // namespace pif::reporting
