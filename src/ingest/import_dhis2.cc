// The district's DHIS2 mapping (reference kind dhis2-mapping, docs/interop.md).
#include <unordered_map>

#include <fmt/format.h>

#include "base/text_util.h"
#include "ingest/importers.h"
#include "ingest/row_loop.h"
#include "model/dhis2.h"

namespace jangkau::ingest {

std::vector<Dhis2MapRow> ReadDhis2Mapping(TableReader& in, const ImportContext& ctx,
                                          Diagnostics& diags, const Progress& progress) {
  ColumnMap cols(in, diags);
  const int c_jenis = cols.Required({"jenis"});
  const int c_kunci = cols.Optional({"kunci"});
  const int c_metode = cols.Optional({"metode"});
  const int c_kode = cols.Optional({"kode_dhis2"});
  const int c_uid = cols.Optional({"uid_dhis2"});
  const int c_coc = cols.Optional({"coc"});
  const int c_coc_uid = cols.Optional({"coc_uid"});
  const int c_adx = cols.Optional({"kategori_adx"});
  const int c_periode = cols.Optional({"periode"});
  std::vector<Dhis2MapRow> out;
  if (diags.has_errors()) return out;
  std::unordered_map<std::string, int64_t> seen_key;
  std::unordered_map<std::string, int64_t> seen_element;
  ForEachRow(in, diags, progress, [&](RowFields& f, const TableRow&) {
    Dhis2MapRow r;
    auto jenis = f.Choice(c_jenis, true, ParseMeasure, MeasureChoices());
    if (!jenis) return;
    r.jenis = *jenis;
    r.kunci = std::string(f.Text(c_kunci));
    r.metode = std::string(f.Text(c_metode));
    r.kode = std::string(f.Text(c_kode));
    r.uid = std::string(f.Text(c_uid));
    r.coc = std::string(f.Text(c_coc));
    r.coc_uid = std::string(f.Text(c_coc_uid));
    r.kategori_adx = std::string(f.Text(c_adx));
    bool ok = true;
    const bool penduduk = r.jenis == Dhis2Measure::kPenduduk30 ||
                          r.jenis == Dhis2Measure::kPenduduk60 ||
                          r.jenis == Dhis2Measure::kPenduduk120;
    if (r.kunci.empty() && !penduduk && r.jenis != Dhis2Measure::kDataSet) {
      f.Error(c_kunci != 0 ? c_kunci : c_jenis, Msg::kEmptyValue,
              {c_kunci != 0 ? std::string(f.Name(c_kunci)) : "kunci"});
      ok = false;
    }
    if (r.jenis == Dhis2Measure::kTenaga && !r.kunci.empty() && !ctx.cadres.Find(r.kunci)) {
      f.Error(c_kunci, Msg::kUnknownCadre, {std::string(f.Name(c_kunci)), r.kunci});
      ok = false;
    }
    const bool need = r.jenis == Dhis2Measure::kKebutuhan || r.jenis == Dhis2Measure::kKesenjangan;
    if (need && r.metode != "norms" && r.metode != "abk" && r.metode != "wisn" &&
        r.metode != "ratio") {
      f.Error(c_metode != 0 ? c_metode : c_jenis, Msg::kBadChoice,
              {"metode", r.metode, "norms, abk, wisn, ratio"});
      ok = false;
    }
    if (r.kode.empty() && r.uid.empty()) {
      f.Error(c_kode != 0 ? c_kode : c_jenis, Msg::kEmptyValue, {"kode_dhis2 / uid_dhis2"});
      ok = false;
    }
    for (auto [col, value] : {std::pair{c_uid, &r.uid}, std::pair{c_coc_uid, &r.coc_uid}}) {
      if (!value->empty() && !IsDhis2Uid(*value)) {
        f.Error(col, Msg::kBadCode,
                {std::string(f.Name(col)), *value, "UID DHIS2: 11 huruf/angka"});
        ok = false;
      }
    }
    if (!IsAdxCategoryList(r.kategori_adx)) {
      f.Error(
          c_adx, Msg::kBadCode,
          {std::string(f.Name(c_adx)), r.kategori_adx,
           "KATEGORI=OPSI;... (kategori: huruf, angka, _ - .; bukan dataElement/value/comment)"});
      ok = false;
    }
    for (const std::string& part : SplitList(f.Text(c_periode), ';')) {
      if (auto t = ParsePeriodType(part)) {
        r.periode.push_back(*t);
      } else {
        f.Error(c_periode, Msg::kBadChoice,
                {std::string(f.Name(c_periode)), part, PeriodTypeChoices()});
        ok = false;
      }
    }
    if (!ok) return;
    const std::string key =
        std::string(MeasureKey(r.jenis)) + "|" + r.metode + "|" + NormalizeKey(r.kunci);
    if (!f.Unique(seen_key, key, c_kunci != 0 ? c_kunci : c_jenis,
                  std::string(MeasureKey(r.jenis)) + " " + r.kunci)) {
      return;
    }
    // A data element and combo, by code or by UID, read back as one activity only (as the
    // dataValueSet reader looks them up, an empty combo being DHIS2's default).
    if (r.jenis == Dhis2Measure::kLayanan) {
      for (const auto& [de, coc] : ElementKeys(r)) {
        const std::string element = fmt::format("{}|{}", de, coc);
        if (!f.Unique(seen_element, element, de == r.kode ? c_kode : c_uid, element)) return;
      }
    }
    out.push_back(std::move(r));
  });
  return out;
}

}  // namespace jangkau::ingest
