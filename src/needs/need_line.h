// The values every staffing-need method shares: what the engines know of a facility, and one
// line of need (a facility and a cadre or group of cadres). Plain values; thread-compatible.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/facility.h"

namespace jangkau::needs {

struct FacilityProfile {
  std::string kode;
  std::string nama;
  FacilityType type = FacilityType::kPuskesmas;
  std::optional<bool> rawat_inap;
  std::optional<AreaCategory> area;
  bool attributes_assumed = false;  // rawat_inap or area is an assumption
  std::optional<double> lon;
  std::optional<double> lat;
  std::map<std::string, double> staff;  // cadre -> current headcount
  // The network the puskesmas answers for (fractional when a kecamatan's villages are shared
  // among its puskesmas): villages (desa and kelurahan), pustu and poskesdes.
  double desa = 0;
  double pustu = 0;
  double poskesdes = 0;
};

enum class NeedMethod { kNorms, kAbk, kWisn, kRatio };
std::string_view MethodKey(NeedMethod m);  // "norms", "abk", "wisn", "ratio"
// ABK-Kes and WISN measure the need from the workload: staff above it is surplus. Norms and
// ratios set a minimum: staff above it is "di atas standar minimal", never surplus to move.
bool MeasuresWorkload(NeedMethod m);

struct NeedLine {
  NeedMethod method = NeedMethod::kNorms;
  std::string kode_faskes;
  std::string group;       // norm line code(s) or cadre, e.g. "bidan", "dokter+dokter_gigi"
  std::string group_name;  // for people: "Bidan", "Dokter / DLP + Dokter gigi"
  std::vector<std::string> cadres;  // the cadres counted
  double current = 0;
  double required = 0;          // as computed (fractional for WISN, ABK and ratio)
  double network_required = 0;  // the part of `required` for the network (norms; desa, pustu)
  double required_rounded = 0;  // whole positions
  double gap = 0;               // current - required_rounded (negative: shortage)
  std::optional<double> ratio;  // current / required; absent when required = 0
  bool aggregated = false;      // counted from a headcount that spans several norm lines
  bool assumed = false;         // rests on an assumed facility attribute
  // Whole positions missing (>= 0) and above the requirement (>= 0): surplus for a workload
  // method, above the minimum for norms and ratios (see MeasuresWorkload).
  int Shortage() const;
  int Surplus() const;
};

}  // namespace jangkau::needs
