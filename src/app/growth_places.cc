#include "app/growth_places.h"

#include <map>

#include "base/text_util.h"

namespace jangkau::app {

std::string PlaceKey(std::string_view name) {
  std::string k = NormalizeKey(name);
  for (const char* prefix : {"desa_", "kelurahan_", "kel_", "kecamatan_", "kec_"}) {
    if (k.starts_with(prefix)) {
      k.erase(0, std::string_view(prefix).size());
      break;
    }
  }
  return k;
}

void MatchVillages(std::vector<GrowthRecord>& records, const std::vector<Region>& regions,
                   const std::string& path, Diagnostics& diags) {
  std::map<std::string, std::vector<const Region*>> kecamatan;          // key -> regions
  std::map<std::string, std::vector<const Region*>> desa;               // key -> regions
  std::map<std::pair<std::string, std::string>, const Region*> in_kec;  // (kec code, key)
  for (const Region& r : regions) {
    if (r.level == RegionLevel::kKecamatan) kecamatan[PlaceKey(r.nama)].push_back(&r);
    if (r.level == RegionLevel::kDesa) {
      desa[PlaceKey(r.nama)].push_back(&r);
      in_kec[{ParentCode(r.kode), PlaceKey(r.nama)}] = &r;
    }
  }
  struct Miss {
    int64_t first_line = 0;
    int rows = 0;
  };
  std::map<std::pair<std::string, std::string>, Miss> missed;
  for (GrowthRecord& g : records) {
    const std::string key = PlaceKey(g.desa);
    const Region* found = nullptr;
    const auto kec = kecamatan.find(PlaceKey(g.kecamatan));
    if (kec != kecamatan.end() && kec->second.size() == 1) {
      const auto d = in_kec.find({kec->second.front()->kode, key});
      if (d != in_kec.end()) found = d->second;
    } else {
      const auto d = desa.find(key);
      if (d != desa.end() && d->second.size() == 1) found = d->second.front();
    }
    if (found != nullptr) {
      g.kode_desa = found->kode;
      continue;
    }
    Miss& m = missed[{g.desa, g.kecamatan}];
    if (m.rows++ == 0) m.first_line = g.baris;
  }
  for (const auto& [names, m] : missed) {
    diags.Add({Severity::kWarning,
               path,
               m.first_line,
               0,
               names.first,
               Msg::kWarnDesaNotMatched,
               {names.first, names.second, std::to_string(m.rows)}});
  }
}

}  // namespace jangkau::app
