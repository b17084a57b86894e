#include "app/reference_tables.h"

#include <array>
#include <sstream>

#include "app/reference_data.h"
#include "ingest/importers.h"
#include "model/choice.h"
#include "report/table.h"

namespace jangkau::embedded {
std::string_view NormaPuskesmasCsv();
std::string_view RasioPendudukCsv();
std::string_view StandarKegiatanCsv();
std::string_view KompetensiWajibCsv();
std::string_view AlatStandarCsv();
std::string_view BiayaFormasiCsv();
std::string_view UsiaPensiunCsv();
std::string_view SkenarioPerjalananCsv();
std::string_view NormaJaringanCsv();
std::string_view TargetResponsCsv();
std::string_view KecepatanUnitCsv();
std::string_view KbmCsv();
std::string_view UhcKriteriaCsv();
std::string_view SkdrPenyakitCsv();
std::string_view SkdrAmbangCsv();
std::string_view Dhis2PemetaanCsv();
}  // namespace jangkau::embedded

namespace jangkau::app {
namespace {

constexpr std::array<std::string_view, 17> kKeys = {"norms",
                                                    "ratio-targets",
                                                    "activity-standards",
                                                    "competence",
                                                    "equipment-standards",
                                                    "costs",
                                                    "retirement",
                                                    "travel-scenario",
                                                    "network-norms",
                                                    "formasi",
                                                    "response-targets",
                                                    "unit-speeds",
                                                    "kbm",
                                                    "uhc-criteria",
                                                    "skdr-diseases",
                                                    "skdr-thresholds",
                                                    "dhis2-mapping"};

std::string_view EmbeddedText(ReferenceKind kind) {
  switch (kind) {
    case ReferenceKind::kNorms:
      return embedded::NormaPuskesmasCsv();
    case ReferenceKind::kRatioTargets:
      return embedded::RasioPendudukCsv();
    case ReferenceKind::kActivityStandards:
      return embedded::StandarKegiatanCsv();
    case ReferenceKind::kCompetence:
      return embedded::KompetensiWajibCsv();
    case ReferenceKind::kEquipmentStandards:
      return embedded::AlatStandarCsv();
    case ReferenceKind::kCosts:
      return embedded::BiayaFormasiCsv();
    case ReferenceKind::kRetirement:
      return embedded::UsiaPensiunCsv();
    case ReferenceKind::kTravelScenario:
      return embedded::SkenarioPerjalananCsv();
    case ReferenceKind::kNetworkNorms:
      return embedded::NormaJaringanCsv();
    case ReferenceKind::kFormasi:
      return {};  // none shipped: a ceiling is the district's own decision
    case ReferenceKind::kResponseTargets:
      return embedded::TargetResponsCsv();
    case ReferenceKind::kUnitSpeeds:
      return embedded::KecepatanUnitCsv();
    case ReferenceKind::kKbm:
      return embedded::KbmCsv();
    case ReferenceKind::kUhcCriteria:
      return embedded::UhcKriteriaCsv();
    case ReferenceKind::kSkdrDiseases:
      return embedded::SkdrPenyakitCsv();
    case ReferenceKind::kSkdrThresholds:
      return embedded::SkdrAmbangCsv();
    case ReferenceKind::kDhis2Mapping:
      return embedded::Dhis2PemetaanCsv();
  }
  return {};
}

// Runs the kind's importer over `in`; true when clean.
bool Check(ReferenceKind kind, ingest::TableReader& in, const ingest::ImportContext& ctx,
           Diagnostics& diags, const ingest::Progress& progress) {
  switch (kind) {
    case ReferenceKind::kNorms:
      ingest::ReadNormTable(in, ctx, diags, progress);
      break;
    case ReferenceKind::kRatioTargets:
      ingest::ReadRatioTargets(in, ctx, diags, progress);
      break;
    case ReferenceKind::kActivityStandards:
      ingest::ReadActivityStandards(in, ctx, diags, progress);
      break;
    case ReferenceKind::kCompetence:
      ingest::ReadCompetence(in, ctx, diags, progress);
      break;
    case ReferenceKind::kEquipmentStandards:
      ingest::ReadEquipmentStandards(in, ctx, diags, progress);
      break;
    case ReferenceKind::kCosts:
      ingest::ReadCosts(in, ctx, diags, progress);
      break;
    case ReferenceKind::kRetirement:
      ingest::ReadRetirementRules(in, ctx, diags, progress);
      break;
    case ReferenceKind::kTravelScenario:
      ingest::ReadTravelClasses(in, ctx, diags, progress);
      break;
    case ReferenceKind::kNetworkNorms:
      ingest::ReadNetworkNorms(in, ctx, diags, progress);
      break;
    case ReferenceKind::kFormasi:
      ingest::ReadFormasiCeilings(in, ctx, diags, progress);
      break;
    case ReferenceKind::kResponseTargets:
      ingest::ReadResponseTargets(in, ctx, diags, progress);
      break;
    case ReferenceKind::kUnitSpeeds:
      ingest::ReadUnitSpeeds(in, ctx, diags, progress);
      break;
    case ReferenceKind::kKbm:
      ingest::ReadKbm(in, ctx, diags, progress);
      break;
    case ReferenceKind::kUhcCriteria:
      ingest::ReadUhcCriteria(in, ctx, diags, progress);
      break;
    case ReferenceKind::kSkdrDiseases:
      ingest::ReadSkdrDiseases(in, ctx, diags, progress);
      break;
    case ReferenceKind::kSkdrThresholds:
      ingest::ReadSkdrThresholds(in, ctx, diags, progress);
      break;
    case ReferenceKind::kDhis2Mapping:
      ingest::ReadDhis2Mapping(in, ctx, diags, progress);
      break;
  }
  return !diags.has_errors();
}

// The table exactly as read (header and cells), as CSV text: what the workspace stores.
std::expected<std::string, Error> CanonicalCsv(const std::string& path,
                                               ingest::TextEncoding encoding) {
  auto reader = ingest::TableReader::Open(path, encoding);
  if (!reader) return std::unexpected(reader.error());
  report::Table t{"", (*reader)->columns()};
  ingest::TableRow row;
  while ((*reader)->Next(row)) {
    std::vector<report::Cell> cells(row.cells.begin(), row.cells.end());
    t.rows.push_back(std::move(cells));
  }
  std::ostringstream out;
  report::WriteCsv(t, out);
  return out.str();
}

template <typename T, typename Read>
std::expected<T, Error> Load(const store::Workspace& ws, ReferenceKind kind,
                             const std::string& name, Read read,
                             const ingest::ImportContext* context = nullptr) {
  auto stored = ws.Reference(std::string(ReferenceKindKey(kind)), name);
  // A workspace created before the network norm, the response targets, the unit speeds, the KBM,
  // the UHC criteria or the early warning's tables existed reads the shipped table, as a new one
  // would.
  const bool later_kind =
      kind == ReferenceKind::kNetworkNorms || kind == ReferenceKind::kResponseTargets ||
      kind == ReferenceKind::kUnitSpeeds || kind == ReferenceKind::kKbm ||
      kind == ReferenceKind::kUhcCriteria || kind == ReferenceKind::kSkdrDiseases ||
      kind == ReferenceKind::kSkdrThresholds || kind == ReferenceKind::kDhis2Mapping;
  const bool shipped_only = later_kind && name == DefaultReferenceName(kind);
  if (!stored && !shipped_only) {
    return std::unexpected(
        Error{Msg::kReferenceMissing, {std::string(ReferenceKindKey(kind)), name}});
  }
  const std::string label = std::string(ReferenceKindKey(kind)) + ":" + name;
  const std::string text = stored ? stored->csv_text : std::string(EmbeddedText(kind));
  auto reader = ingest::TableReader::OpenText(label, text);
  if (!reader) return std::unexpected(reader.error());
  Diagnostics diags;
  T value = read(**reader, context != nullptr ? *context : LoadImportContext(ws), diags,
                 ingest::Progress());
  if (diags.has_errors()) {
    return std::unexpected(
        Error{Msg::kReferenceInvalid, {label, Render(diags.items().front(), Lang::kId)}});
  }
  return value;
}

}  // namespace

std::optional<ReferenceKind> ParseReferenceKind(std::string_view text) {
  const std::string key = NormalizeKey(text);
  for (std::size_t i = 0; i < kKeys.size(); ++i) {
    if (NormalizeKey(kKeys[i]) == key) return static_cast<ReferenceKind>(i);
  }
  return std::nullopt;
}

std::string_view ReferenceKindKey(ReferenceKind kind) {
  return kKeys[static_cast<std::size_t>(kind)];
}

std::string ReferenceKindChoices() {
  std::string out;
  for (auto k : kKeys) out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

std::string DefaultReferenceName(ReferenceKind kind) {
  return kind == ReferenceKind::kNorms ? "pmk75_2014" : "bawaan";
}

store::Workspace::Seed DefaultSeed() {
  store::Workspace::Seed seed{DefaultCadres(), DefaultCadreAliases(), {}};
  for (std::size_t i = 0; i < kKeys.size(); ++i) {
    const auto kind = static_cast<ReferenceKind>(i);
    if (EmbeddedText(kind).empty()) continue;
    seed.references.emplace_back(std::string(kKeys[i]), DefaultReferenceName(kind),
                                 std::string(EmbeddedText(kind)));
  }
  return seed;
}

std::expected<std::unique_ptr<store::Workspace>, Error> CreateWorkspace(const std::string& path) {
  return store::Workspace::Create(path, DefaultSeed());
}

std::expected<ImportResult, Error> ImportReference(store::Workspace& ws, ReferenceKind kind,
                                                   const std::string& path, const std::string& name,
                                                   const std::string& user,
                                                   const ingest::Progress& progress,
                                                   ingest::TextEncoding encoding) {
  auto reader = ingest::TableReader::Open(path, encoding);
  if (!reader) return std::unexpected(reader.error());
  ImportResult result;
  ingest::ImportContext ctx = LoadImportContext(ws);
  if (kind == ReferenceKind::kSkdrThresholds) {
    auto with_diseases = WeeklyImportContext(ws);
    if (!with_diseases) return std::unexpected(with_diseases.error());
    ctx = std::move(*with_diseases);
  }
  if (!Check(kind, **reader, ctx, result.diagnostics, progress)) {
    return result;
  }
  auto text = CanonicalCsv(path, encoding);
  if (!text) return std::unexpected(text.error());
  store::ImportRecord rec{std::string(ReferenceKindKey(kind)), path, user, 0};
  auto stored = ws.StoreReference(rec, rec.kind, name, *text);
  if (!stored) return std::unexpected(stored.error());
  result.written = true;
  result.rows = static_cast<int64_t>(std::count(text->begin(), text->end(), '\n')) - 1;
  return result;
}

std::expected<NormTable, Error> LoadNorms(const store::Workspace& ws, const std::string& name) {
  auto table = Load<NormTable>(ws, ReferenceKind::kNorms, name, ingest::ReadNormTable);
  if (table) table->name = name;
  return table;
}
std::expected<std::vector<RatioTarget>, Error> LoadRatioTargets(const store::Workspace& ws) {
  return Load<std::vector<RatioTarget>>(ws, ReferenceKind::kRatioTargets, "bawaan",
                                        ingest::ReadRatioTargets);
}
std::expected<std::vector<ActivityStandard>, Error> LoadActivityStandards(
    const store::Workspace& ws) {
  return Load<std::vector<ActivityStandard>>(ws, ReferenceKind::kActivityStandards, "bawaan",
                                             ingest::ReadActivityStandards);
}
std::expected<std::vector<CompetenceRequirement>, Error> LoadCompetence(
    const store::Workspace& ws) {
  return Load<std::vector<CompetenceRequirement>>(ws, ReferenceKind::kCompetence, "bawaan",
                                                  ingest::ReadCompetence);
}
std::expected<std::vector<EquipmentStandard>, Error> LoadEquipmentStandards(
    const store::Workspace& ws) {
  return Load<std::vector<EquipmentStandard>>(ws, ReferenceKind::kEquipmentStandards, "bawaan",
                                              ingest::ReadEquipmentStandards);
}
std::expected<std::vector<CostEntry>, Error> LoadCosts(const store::Workspace& ws) {
  return Load<std::vector<CostEntry>>(ws, ReferenceKind::kCosts, "bawaan", ingest::ReadCosts);
}
std::expected<std::vector<RetirementRule>, Error> LoadRetirementRules(const store::Workspace& ws) {
  return Load<std::vector<RetirementRule>>(ws, ReferenceKind::kRetirement, "bawaan",
                                           ingest::ReadRetirementRules);
}

std::expected<std::vector<TravelClassRow>, Error> LoadTravelClasses(const store::Workspace& ws) {
  return Load<std::vector<TravelClassRow>>(ws, ReferenceKind::kTravelScenario, "bawaan",
                                           ingest::ReadTravelClasses);
}
std::expected<std::vector<NetworkNormRow>, Error> LoadNetworkNorms(const store::Workspace& ws) {
  return Load<std::vector<NetworkNormRow>>(ws, ReferenceKind::kNetworkNorms, "bawaan",
                                           ingest::ReadNetworkNorms);
}
std::expected<std::vector<FormasiCeiling>, Error> LoadFormasiCeilings(const store::Workspace& ws) {
  if (!ws.Reference(std::string(ReferenceKindKey(ReferenceKind::kFormasi)), "bawaan")) {
    return std::vector<FormasiCeiling>{};  // the district has set no ceiling
  }
  return Load<std::vector<FormasiCeiling>>(ws, ReferenceKind::kFormasi, "bawaan",
                                           ingest::ReadFormasiCeilings);
}

std::expected<std::vector<ResponseTarget>, Error> LoadResponseTargets(const store::Workspace& ws) {
  return Load<std::vector<ResponseTarget>>(ws, ReferenceKind::kResponseTargets, "bawaan",
                                           ingest::ReadResponseTargets);
}

std::expected<std::vector<UnitSpeed>, Error> LoadUnitSpeeds(const store::Workspace& ws) {
  return Load<std::vector<UnitSpeed>>(ws, ReferenceKind::kUnitSpeeds, "bawaan",
                                      ingest::ReadUnitSpeeds);
}

std::expected<growth::MinimumGain, Error> LoadKbm(const store::Workspace& ws) {
  auto rows = Load<std::vector<KbmRow>>(ws, ReferenceKind::kKbm, "bawaan", ingest::ReadKbm);
  if (!rows) return std::unexpected(rows.error());
  growth::MinimumGain kbm;
  for (const KbmRow& r : *rows) kbm.grams[r.umur_bulan] = r.kbm_gram;
  return kbm;
}

std::expected<std::vector<UhcCriterion>, Error> LoadUhcCriteria(const store::Workspace& ws) {
  return Load<std::vector<UhcCriterion>>(ws, ReferenceKind::kUhcCriteria, "bawaan",
                                         ingest::ReadUhcCriteria);
}

std::expected<std::vector<SkdrDisease>, Error> LoadSkdrDiseases(const store::Workspace& ws) {
  return Load<std::vector<SkdrDisease>>(ws, ReferenceKind::kSkdrDiseases, "bawaan",
                                        ingest::ReadSkdrDiseases);
}

std::expected<ingest::ImportContext, Error> WeeklyImportContext(const store::Workspace& ws) {
  auto diseases = LoadSkdrDiseases(ws);
  if (!diseases) return std::unexpected(diseases.error());
  ingest::ImportContext ctx = LoadImportContext(ws);
  for (const SkdrDisease& d : *diseases) {
    ctx.disease_keys.emplace(NormalizeKey(d.kode), d.kode);
    ctx.disease_keys.emplace(NormalizeKey(d.nama), d.kode);
    if (!d.name_en.empty()) ctx.disease_keys.emplace(NormalizeKey(d.name_en), d.kode);
    ctx.disease_choices += (ctx.disease_choices.empty() ? "" : ", ") + d.kode;
  }
  return ctx;
}

std::expected<std::vector<SkdrThreshold>, Error> LoadSkdrThresholds(const store::Workspace& ws) {
  auto ctx = WeeklyImportContext(ws);
  if (!ctx) return std::unexpected(ctx.error());
  return Load<std::vector<SkdrThreshold>>(ws, ReferenceKind::kSkdrThresholds, "bawaan",
                                          ingest::ReadSkdrThresholds, &*ctx);
}

std::expected<std::vector<Dhis2MapRow>, Error> LoadDhis2Mapping(const store::Workspace& ws) {
  return Load<std::vector<Dhis2MapRow>>(ws, ReferenceKind::kDhis2Mapping, "bawaan",
                                        ingest::ReadDhis2Mapping);
}

}  // namespace jangkau::app
