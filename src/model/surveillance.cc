#include "model/surveillance.h"

#include <array>

#include "base/text_util.h"

namespace jangkau {
namespace {

constexpr std::array<std::string_view, 4> kStatusKeys = {"terbuka", "diverifikasi", "direspons",
                                                         "bukan_klb"};

}  // namespace

std::string_view AlertStatusKey(AlertStatus s) { return kStatusKeys[static_cast<std::size_t>(s)]; }

std::optional<AlertStatus> ParseAlertStatus(std::string_view text) {
  const std::string key = NormalizeKey(text);
  for (std::size_t i = 0; i < kStatusKeys.size(); ++i) {
    if (key == kStatusKeys[i]) return static_cast<AlertStatus>(i);
  }
  return std::nullopt;
}

bool AlertTransitionAllowed(AlertStatus from, AlertStatus to) {
  switch (from) {
    case AlertStatus::kTerbuka:
      return to == AlertStatus::kDiverifikasi || to == AlertStatus::kBukanKlb;
    case AlertStatus::kDiverifikasi:
      return to == AlertStatus::kDirespons || to == AlertStatus::kBukanKlb;
    case AlertStatus::kDirespons:
    case AlertStatus::kBukanKlb:
      return false;
  }
  return false;
}

}  // namespace jangkau
