// libFuzzer harness: request bodies of the web API. The bytes are parsed as a body is
// (server/json_body.h ParseJson) and, when they are an object, read with FieldReader in the
// shapes the routes use (a scenario with nested `tambah` objects and `banjir` polygons, a job's
// resolution, a login), polygons through ingest::PolygonFromGeoJson as POST /scenarios does.
// A refusal is rendered into an error body as the server does; its message must stay UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/request_limits.h"
#include "base/text_util.h"
#include "ingest/layers.h"
#include "model/facility.h"
#include "server/json_body.h"

namespace {

using jangkau::Error;
using jangkau::Lang;
using jangkau::Msg;
using jangkau::server::FieldReader;
using jangkau::server::Json;
namespace app = jangkau::app;

std::string Dump(const Json& v) { return v.dump(-1, ' ', false, Json::error_handler_t::replace); }

// What ErrorResponse (server/context.cc) makes of a refusal, in both languages. Once the body
// parsed, the texts are built from its own (valid UTF-8) values, so they must be valid UTF-8 as
// well (`utf8`); the parser's own message may quote the offending bytes.
void Refusal(const Error& e, bool utf8 = true) {
  for (const Lang lang : {Lang::kId, Lang::kEn}) {
    const std::string text = e.Text(lang);
    if (auto bad = jangkau::FirstInvalidUtf8(text); bad && utf8) {
      std::fprintf(stderr, "message not UTF-8 at byte %zu: %s\n", *bad, text.c_str());
      std::abort();
    }
    const Json body = {{"error",
                        {{"code", std::string(jangkau::MsgCode(e.msg))},
                         {"message", text},
                         {"field", e.args.empty() ? "" : e.args.front()}}}};
    (void)Json::parse(Dump(body));
  }
}

// The scenario body of POST /scenarios (server/routes_plan.cc), field by field.
void Scenario(const Json& body) {
  FieldReader f(body);
  std::string nama;
  std::string keterangan;
  std::vector<std::string> close;
  std::vector<std::string> flood_desa;
  double flood_factor = 0;
  bool close_flooded = false;
  std::map<std::string, double> speeds;
  f.Text("nama", nama, app::kMaxNameChars, true)
      .Text("keterangan", keterangan, app::kMaxTextChars)
      .TextList("tutup", close, app::kMaxListItems, 32)
      .TextList("banjir_desa", flood_desa, app::kMaxListItems, 32)
      .Number("faktor_banjir", flood_factor, app::kFloodFactor.lo, app::kFloodFactor.hi)
      .Bool("tutup_yang_kebanjiran", close_flooded)
      .NumberMap("kecepatan", speeds, 32, app::kSpeedKmh.lo, app::kSpeedKmh.hi);
  if (const Json* fc = f.Raw("banjir"); fc != nullptr && f.ok()) {
    const Json* features =
        fc->is_object() && fc->contains("features") ? &(*fc)["features"] : nullptr;
    if (features != nullptr && features->is_array() && features->size() <= 500) {
      for (const Json& feature : *features) {
        if (feature.is_object() && feature.contains("geometry")) {
          (void)jangkau::ingest::PolygonFromGeoJson(Dump(feature["geometry"]));
        }
        if (feature.is_object() && feature.contains("properties") &&
            feature["properties"].is_object() && feature["properties"].contains("faktor") &&
            feature["properties"]["faktor"].is_number()) {
          if (auto e = app::OutsideLimit("faktor", feature["properties"]["faktor"].get<double>(),
                                         app::kFloodFactor)) {
            Refusal(*e);
          }
        }
      }
    }
  }
  if (const Json* tambah = f.Raw("tambah"); tambah != nullptr && f.ok() && tambah->is_array()) {
    std::vector<std::string> types;
    for (int t = 0; t <= static_cast<int>(jangkau::FacilityType::kLainnya); ++t) {
      types.emplace_back(jangkau::TypeKey(static_cast<jangkau::FacilityType>(t)));
    }
    for (std::size_t i = 0; i < tambah->size() && i < 500 && f.ok(); ++i) {
      FieldReader a((*tambah)[i], "tambah[" + std::to_string(i) + "]");
      std::string kode;
      std::string nama_faskes;
      std::string jenis = "puskesmas";
      double lon = 0;
      double lat = 0;
      a.Text("kode", kode, 32, true)
          .Text("nama", nama_faskes, 200)
          .Choice("jenis", jenis, types)
          .Number("lon", lon, app::kLon.lo, app::kLon.hi, true)
          .Number("lat", lat, app::kLat.lo, app::kLat.hi, true);
      if (auto e = a.Finish()) f.Fail(e->msg, e->args);
    }
  }
  if (auto e = f.Finish()) return Refusal(*e);
  if (auto e = app::BadScenarioName(nama)) Refusal(*e);
}

// The other shapes: a job's resolution, a login, a count, a plan's year.
void Others(const Json& body) {
  {
    FieldReader f(body);
    double resolution = 100;
    int k = 10;
    f.Number("resolution_m", resolution, app::kResolutionM.lo, app::kResolutionM.hi)
        .Integer("k", k, static_cast<int>(app::kSitesK.lo), static_cast<int>(app::kSitesK.hi));
    if (auto e = f.Finish()) Refusal(*e);
  }
  {
    FieldReader f(body);
    std::string username;
    std::string password;
    f.Text("username", username, 64, true).Text("password", password, 256, true);
    if (auto e = f.Finish()) Refusal(*e);
  }
  {
    FieldReader f(body);
    int year = 2025;
    std::string level;
    f.Integer("tahun", year, static_cast<int>(app::kYear.lo), static_cast<int>(app::kYear.hi), true)
        .Choice("tingkat", level, {"kecamatan", "desa"});
    if (auto e = f.Finish()) Refusal(*e);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto body = jangkau::server::ParseJson(text);
  if (!body) {
    Refusal(body.error(), /*utf8=*/false);
    return 0;
  }
  // Rendering and copying a value are recursive: what the parser let through stays shallow.
  (void)Dump(*body);
  (void)jangkau::server::Excerpt(*body);
  if (!body->is_object()) {
    Refusal(Error{Msg::kHttpFieldType, {"(isi / body)", "object"}});
    return 0;
  }
  Scenario(*body);
  Others(*body);
  return 0;
}
