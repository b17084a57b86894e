// The WHO Child Growth Standards as LMS tables (WHO 2006, 2007; the tables of WHO's `anthro` R
// package 1.1.0, shipped in data/reference/who_growth/ and compiled in): for each sex, L, M and
// S by age in days (0 to 1856; arm circumference and skinfolds from 91) and weight-for-length
// (45 to 110 cm) and weight-for-height (65 to 120 cm) by 0.1 cm. Plain values; thread-safe
// once built.
#pragma once

#include <array>
#include <cstdint>
#include <expected>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace jangkau::growth {

struct Lms {
  double l = 0;
  double m = 0;
  double s = 0;
};

// The age-based tables, in the order of anthro's z-score columns.
enum class AgeTable { kLength, kWeight, kBmi, kHead, kArm, kTriceps, kSubscapular };
inline constexpr int kAgeTableCount = 7;

class Standards {
 public:
  // The row of `table` for `sex` (1 male, 2 female) at `day`; nullptr outside the table.
  const Lms* ByAge(AgeTable table, int sex, int64_t day) const;
  // The weight-for-length (`height` false) or weight-for-height row at `tenths` of a cm
  // (e.g. 651 for 65.1 cm); nullptr outside the table.
  const Lms* ByLength(bool height, int sex, int64_t tenths) const;

  // Builds the standards from the CSV texts of the nine tables (as WHO's files: sex, age or
  // length/height, l, m, s[, loh]); kBadValue naming the table and line on a malformed row.
  struct Texts {
    std::array<std::string_view, kAgeTableCount> by_age;  // in AgeTable order
    std::string_view wfl;
    std::string_view wfh;
  };
  static std::expected<Standards, Error> Parse(const Texts& texts);

 private:
  struct Table {
    int64_t first = 0;  // the first key (day, or tenths of a cm)
    std::array<std::vector<Lms>, 2> by_sex;
    const Lms* At(int sex, int64_t key) const;
  };
  static std::expected<Table, Error> ParseTable(std::string_view name, std::string_view text,
                                                bool tenths);
  std::array<Table, kAgeTableCount> age_;
  Table wfl_;
  Table wfh_;
};

// WHO's tables as compiled in (parsed once, on first use).
const Standards& WhoStandards();

}  // namespace jangkau::growth
