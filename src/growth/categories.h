// Nutritional status categories of Permenkes 2/2020 (Standar Antropometri Anak) for children
// 0-60 months, from the WHO z-scores rounded to 2 decimals: a z of exactly -2.00 is normal, of
// -3.00 is pendek (the boundaries belong to the milder band). A flagged z-score has no category.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "growth/anthro.h"

namespace jangkau::growth {

// BB/U (weight-for-age): < -3 sangat kurang, -3 to < -2 kurang, -2 to +1 normal, > +1 risiko
// berat badan lebih.
enum class WeightStatus { kSangatKurang, kKurang, kNormal, kRisikoLebih };
// TB/U (length/height-for-age): < -3 sangat pendek, -3 to < -2 pendek, -2 to +3 normal, > +3
// tinggi. Stunting is pendek or sangat pendek.
enum class HeightStatus { kSangatPendek, kPendek, kNormal, kTinggi };
// BB/TB (weight-for-length/height) and IMT/U (BMI-for-age): < -3 gizi buruk, -3 to < -2 gizi
// kurang, -2 to +1 gizi baik, > +1 to +2 berisiko gizi lebih, > +2 to +3 gizi lebih, > +3
// obesitas.
enum class NutritionStatus {
  kGiziBuruk,
  kGiziKurang,
  kGiziBaik,
  kBerisikoGiziLebih,
  kGiziLebih,
  kObesitas
};

std::optional<WeightStatus> WeightForAgeStatus(const ZScores& z);
std::optional<HeightStatus> HeightForAgeStatus(const ZScores& z);
// From weight-for-length/height; a child with oedema is gizi buruk (no z-score, WHO's rule for
// prevalence).
std::optional<NutritionStatus> WeightForHeightStatus(const ZScores& z, bool oedema);

std::string_view Key(WeightStatus s);     // "sangat_kurang", "kurang", "normal", "risiko_bb_lebih"
std::string_view Key(HeightStatus s);     // "sangat_pendek", "pendek", "normal", "tinggi"
std::string_view Key(NutritionStatus s);  // "gizi_buruk", ..., "obesitas"

}  // namespace jangkau::growth
