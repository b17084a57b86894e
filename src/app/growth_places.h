// The village of each e-PPGBM measurement: exports name the kecamatan and the desa/kelurahan in
// words, not codes. Names are compared without case, punctuation or the words "desa",
// "kelurahan", "kel", "kecamatan", "kec"; a desa is looked for in its kecamatan when that is
// found, else in the whole district when its name is unique there. A name not found (or found
// twice) leaves the code empty and gives one warning per name with its row count: the
// measurements are kept and count for the kabupaten, not for any village. Not thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "model/growth.h"
#include "model/region.h"

namespace jangkau::app {

void MatchVillages(std::vector<GrowthRecord>& records, const std::vector<Region>& regions,
                   const std::string& path, Diagnostics& diags);

// The name as compared: "Desa Sungai Lilin" and "SUNGAI-LILIN" both "sungai_lilin".
std::string PlaceKey(std::string_view name);

}  // namespace jangkau::app
