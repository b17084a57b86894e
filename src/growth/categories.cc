#include "growth/categories.h"

namespace jangkau::growth {
namespace {

// The z-score of `i` when present and not flagged.
std::optional<double> Usable(const ZScores& z, Indicator i) {
  const auto& v = z.Z(i);
  if (!v || z.Flag(i) == 1) return std::nullopt;
  return v;
}

}  // namespace

std::optional<WeightStatus> WeightForAgeStatus(const ZScores& z) {
  const auto v = Usable(z, Indicator::kWei);
  if (!v) return std::nullopt;
  if (*v < -3) return WeightStatus::kSangatKurang;
  if (*v < -2) return WeightStatus::kKurang;
  if (*v > 1) return WeightStatus::kRisikoLebih;
  return WeightStatus::kNormal;
}

std::optional<HeightStatus> HeightForAgeStatus(const ZScores& z) {
  const auto v = Usable(z, Indicator::kLen);
  if (!v) return std::nullopt;
  if (*v < -3) return HeightStatus::kSangatPendek;
  if (*v < -2) return HeightStatus::kPendek;
  if (*v > 3) return HeightStatus::kTinggi;
  return HeightStatus::kNormal;
}

std::optional<NutritionStatus> WeightForHeightStatus(const ZScores& z, bool oedema) {
  if (oedema) return NutritionStatus::kGiziBuruk;
  const auto v = Usable(z, Indicator::kWfl);
  if (!v) return std::nullopt;
  if (*v < -3) return NutritionStatus::kGiziBuruk;
  if (*v < -2) return NutritionStatus::kGiziKurang;
  if (*v > 3) return NutritionStatus::kObesitas;
  if (*v > 2) return NutritionStatus::kGiziLebih;
  if (*v > 1) return NutritionStatus::kBerisikoGiziLebih;
  return NutritionStatus::kGiziBaik;
}

std::string_view Key(WeightStatus s) {
  static constexpr std::string_view kKeys[] = {"sangat_kurang", "kurang", "normal",
                                               "risiko_bb_lebih"};
  return kKeys[static_cast<int>(s)];
}

std::string_view Key(HeightStatus s) {
  static constexpr std::string_view kKeys[] = {"sangat_pendek", "pendek", "normal", "tinggi"};
  return kKeys[static_cast<int>(s)];
}

std::string_view Key(NutritionStatus s) {
  static constexpr std::string_view kKeys[] = {"gizi_buruk",          "gizi_kurang", "gizi_baik",
                                               "berisiko_gizi_lebih", "gizi_lebih",  "obesitas"};
  return kKeys[static_cast<int>(s)];
}

}  // namespace jangkau::growth
