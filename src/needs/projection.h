// Retirement (batas usia pensiun by jabatan, PP 11/2017) and the staffing gap of each need
// line over the coming years, with attrition and planned hires as parameters. Pure
// functions; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/reference.h"
#include "model/workforce.h"
#include "needs/need_line.h"

namespace jangkau::needs {

// The retirement age for a jabatan: the first rule whose pattern occurs in it
// (case-insensitive), "*" matching anything; 58 when no rule matches.
int RetirementAge(const std::vector<RetirementRule>& rules, const std::string& jabatan);

struct Retirement {
  std::string kode_faskes;
  std::string nama;
  std::string cadre;
  std::string jabatan;
  Date born;
  int age = 0;   // retirement age
  int year = 0;  // year of retirement (the year the age is reached)
};

// Everyone in the roster who reaches retirement age from `from_year` to `to_year` inclusive,
// by year.
std::vector<Retirement> RetirementsBetween(const std::vector<StaffMember>& roster,
                                           const std::vector<RetirementRule>& rules, int from_year,
                                           int to_year);

struct ProjectionOptions {
  int base_year = 0;  // the projection starts with current staff at this year's end
  int years = 5;
  double attrition_rate = 0.0;  // share of remaining staff leaving each year for other reasons
  std::map<std::string, double> planned_hires;  // group -> hires per year
};

struct ProjectionLine {
  std::string kode_faskes;
  std::string group;
  int year = 0;
  double start = 0;
  double retiring = 0;
  double attrition = 0;
  double hires = 0;
  double end = 0;
  double required = 0;
  double gap = 0;  // end - required
};

// Year by year for each need line: retirements counted from the roster people of its cadres.
std::vector<ProjectionLine> ProjectNeeds(const std::vector<NeedLine>& lines,
                                         const std::vector<Retirement>& retirements,
                                         const ProjectionOptions& options);

}  // namespace jangkau::needs
