// Facilities, their reports (roster, equipment, service volumes) from forms and uploads, the
// templates, and the reporting cycle (submit, verify, return).
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <algorithm>

#include "app/import_service.h"
#include "app/report_cycle.h"
#include "base/text_util.h"
#include "model/facility.h"
#include "report/workspace_tables.h"
#include "server/routes.h"

namespace jangkau::server {
namespace {

constexpr std::size_t kMaxFormRows = 5000;
constexpr std::size_t kMaxCellChars = 2000;

std::optional<app::ImportKind> ReportKind(const std::string& text) {
  auto kind = app::ParseImportKind(text);
  if (kind == app::ImportKind::kStaff || kind == app::ImportKind::kEquipment ||
      kind == app::ImportKind::kServices) {
    return kind;
  }
  return std::nullopt;
}

// An operator edits only while the report is a draft or was returned.
bool MayEdit(ServerContext& ctx, Call& c, store::Workspace& ws) {
  if (c.session.role != "operator") return true;
  const auto status = app::CurrentStatus(ws, ctx.period().id, c.kode());
  if (app::OperatorMayEdit(status)) return true;
  SendError(c, Msg::kHttpStatus, {c.kode(), std::string(app::StatusKey(status))});
  return false;
}

// The version of the report as it now is, as the ETag a later write sends back in If-Match.
void SetVersion(Call& c, store::Workspace& ws, app::ImportKind kind) {
  SetETag(c, ws.ReportVersion(app::ImportKindKey(kind), c.kode()));
}

void PutReport(ServerContext& ctx, Call& c, app::ImportKind kind) {
  const auto expect = IfMatch(c);
  if (!expect) return;
  auto rows = ParseJson(c.req.body);
  if (!rows) return SendFailure(c, rows.error());
  if (!rows->is_array()) return SendError(c, Msg::kHttpFieldType, {"(isi / body)", "array"});
  const std::vector<std::string> columns = app::TemplateColumns(kind);
  auto csv = FormCsv(*rows, columns, c.kode());
  if (!csv) return SendFailure(c, csv.error());
  ctx.Read([&](store::Workspace& ws) {
    if (!MayEdit(ctx, c, ws)) return;
    SendImport(ctx, c,
               rows->empty()
                   ? app::ClearFacilityReport(ws, kind, c.kode(), c.session.username, *expect)
                   : app::RunImportText(ws, kind, "web:" + c.kode(), *csv, c.session.username,
                                        c.kode(), *expect),
               &columns);
    if (c.res.status == 200) SetVersion(c, ws, kind);
  });
}

// A filled-in template (XLSX, ODS or CSV) for one facility, imported as a file.
void Upload(ServerContext& ctx, Call& c) {
  const std::string kind_text = c.Param("kind");
  const auto kind = ReportKind(kind_text);
  if (!kind) return SendError(c, Msg::kHttpBadParam, {"kind", kind_text.substr(0, 64)});
  const std::string name = c.Param("name");
  const std::string ext = std::filesystem::path(name).extension().string();
  if (ext != ".xlsx" && ext != ".csv" && ext != ".ods" && ext != ".xls") {
    return SendError(c, Msg::kHttpBadParam, {"name", name.substr(0, 64)});
  }
  // Text that is not UTF-8 (what Excel on Windows writes as "CSV") is refused by the importer
  // with its row and column, never stored, unless its encoding is named.
  const std::string encoding_text = c.Param("encoding");
  const auto encoding = encoding_text.empty() ? std::optional(ingest::TextEncoding::kUtf8)
                                              : ingest::ParseTextEncoding(encoding_text);
  if (!encoding) return SendError(c, Msg::kHttpBadParam, {"encoding", encoding_text.substr(0, 64)});
  if (*encoding != ingest::TextEncoding::kUtf8 && ext != ".csv") {
    return SendError(c, Msg::kEncodingCsvOnly, {name.substr(0, 64)});
  }
  const auto expect = IfMatch(c);
  if (!expect) return;
  TempFile file(ext);
  {
    std::ofstream out(file.path(), std::ios::binary);
    out << c.req.body;
  }
  ctx.Read([&](store::Workspace& ws) {
    if (!MayEdit(ctx, c, ws)) return;
    SendImport(ctx, c,
               app::RunImport(
                   ws, *kind, file.path(), c.session.username, {},
                   {.only_facility = c.kode(), .encoding = *encoding, .expect_version = *expect}),
               nullptr);
    if (c.res.status == 200) SetVersion(c, ws, *kind);
  });
}

void Submissions(ServerContext& ctx, Call& c) {
  const bool operator_only = c.session.role == "operator";
  const std::string scope = operator_only ? c.session.kode_faskes : "all";
  ctx.Cached(c, "submissions|" + scope, kJsonType, [&]() -> std::optional<std::string> {
    return ctx.Read([&](store::Workspace& ws) {
      std::map<std::string, store::Workspace::Submission> by_code;
      for (auto& s : ws.Submissions(ctx.period().id)) by_code[s.kode_faskes] = s;
      Json rows = Json::array();
      for (const Facility& f : ws.Facilities()) {
        if ((operator_only && f.kode != c.session.kode_faskes) || !c.session.scope.HasFacility(f)) {
          continue;
        }
        auto it = by_code.find(f.kode);
        const bool sent = it != by_code.end();
        rows.push_back({{"kode_faskes", f.kode},
                        {"nama_faskes", f.nama},
                        {"jenis_faskes", std::string(TypeKey(f.type))},
                        {"status", sent ? it->second.status : "draft"},
                        {"komentar", sent ? it->second.komentar : ""},
                        {"diubah_pada", sent ? it->second.diubah_pada : ""},
                        {"diubah_oleh", sent ? it->second.diubah_oleh : ""}});
      }
      const auto& p = ctx.period();
      return Dump(Json{
          {"period", {{"id", p.id}, {"nama", p.nama}, {"mulai", p.mulai}, {"selesai", p.selesai}}},
          {"rows", rows}});
    });
  });
}

void ChangeStatus(ServerContext& ctx, Call& c, app::ReportAction action) {
  std::string komentar;
  if (action == app::ReportAction::kReturn) {
    auto body = BodyObject(c);
    if (!body) return;
    FieldReader f(*body);
    f.Text("komentar", komentar, 2000);
    if (Refused(c, f)) return;
  }
  auto to = ctx.Read([&](store::Workspace& ws) {
    return app::ChangeStatus(ws, ctx.period().id, c.kode(), action, komentar, c.session.username);
  });
  if (!to) return SendFailure(c, to.error());
  ctx.Changed();
  SendJson(c, {{"kode_faskes", c.kode()},
               {"status", std::string(app::StatusKey(*to))},
               {"komentar", action == app::ReportAction::kReturn ? komentar : ""}});
}

}  // namespace

// Rows of a JSON form as CSV text in the template's columns, the facility code first. Each
// value must be text, a number, a list of texts (joined by ';') or null (empty); anything else
// is refused naming the row and the field.
std::expected<std::string, Error> FormCsv(const Json& rows, const std::vector<std::string>& columns,
                                          const std::string& kode) {
  if (rows.size() > kMaxFormRows) {
    return std::unexpected(
        Error{Msg::kHttpFieldTooMany, {"(isi / body)", std::to_string(kMaxFormRows)}});
  }
  report::Table t{"form", columns};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Json& row = rows[i];
    const std::string where = "[" + std::to_string(i) + "]";
    if (!row.is_object()) return std::unexpected(Error{Msg::kHttpFieldType, {where, "object"}});
    for (const auto& [key, v] : row.items()) {
      if (std::ranges::find(columns.begin() + 1, columns.end(), key) == columns.end()) {
        std::string valid;
        for (std::size_t c = 1; c < columns.size(); ++c) valid += (c > 1 ? ", " : "") + columns[c];
        return std::unexpected(
            Error{Msg::kHttpFieldUnknown, {where + "." + Utf8Prefix(key, 64), valid}});
      }
    }
    std::vector<report::Cell> cells = {kode};
    for (std::size_t c = 1; c < columns.size(); ++c) {
      const std::string field = where + "." + columns[c];
      auto it = row.find(columns[c]);
      std::string text;
      if (it == row.end() || it->is_null()) {
        // empty
      } else if (it->is_string()) {
        text = it->get<std::string>();
      } else if (it->is_number()) {
        text = it->dump();
      } else if (it->is_array()) {
        for (const Json& item : *it) {
          if (!item.is_string())
            return std::unexpected(Error{Msg::kHttpFieldType, {field, "string"}});
          text += (text.empty() ? "" : ";") + item.get<std::string>();
        }
      } else {
        return std::unexpected(Error{Msg::kHttpFieldType, {field, "string"}});
      }
      if (text.size() > kMaxCellChars) {
        return std::unexpected(
            Error{Msg::kHttpFieldTooLong, {field, std::to_string(kMaxCellChars)}});
      }
      cells.emplace_back(std::move(text));
    }
    t.rows.push_back(std::move(cells));
  }
  std::ostringstream csv;
  report::WriteCsv(t, csv);
  return csv.str();
}

// An import result as the API's answer: 422 with the problems, or what was saved.
void SendImport(ServerContext& ctx, Call& c, const std::expected<app::ImportResult, Error>& result,
                const std::vector<std::string>* form_columns) {
  if (!result) return SendFailure(c, result.error());
  if (!result->written) {
    Json problems = Json::array();
    for (const Diagnostic& d : result->diagnostics.items()) {
      if (d.severity != Severity::kError) continue;
      // JSON forms: line n of the CSV is row n - 2 of the array; uploads keep the file's line.
      const bool form = form_columns != nullptr;
      std::string field;
      if (form && d.column > 0 && static_cast<std::size_t>(d.column) <= form_columns->size()) {
        field = (*form_columns)[static_cast<std::size_t>(d.column) - 1];
      }
      problems.push_back({{"row", form ? d.line - 2 : d.line},
                          {"column", d.column},
                          {"field", field},
                          {"code", std::string(MsgCode(d.msg))},
                          {"message", Tr(c.lang, d.msg, d.args)}});
    }
    return SendError(c, Msg::kHttpInvalid, {std::to_string(result->diagnostics.error_count())},
                     {{"problems", problems}});
  }
  ctx.Changed();
  Json warnings = Json::array();
  for (const Diagnostic& d : result->diagnostics.Warnings()) {
    warnings.push_back({{"row", d.line},
                        {"code", std::string(MsgCode(d.msg))},
                        {"message", Tr(c.lang, d.msg, d.args)}});
  }
  SendJson(c, {{"saved", result->rows}, {"warnings", warnings}});
}

std::optional<std::set<std::string>> RegionFacilities(const Call& c, const store::Workspace& ws) {
  if (c.session.scope.Everything()) return std::nullopt;
  return c.session.scope.FacilityCodes(ws.Facilities());
}

void AddFacilityRoutes(Router& r, ServerContext& ctx) {
  r.Add("GET", "/api/v1/facilities", Access::kLoggedIn, {"format"}, [&ctx](Call& c) {
     const bool operator_only = c.session.role == "operator";
     ctx.CachedTable(c, "facilities|" + (operator_only ? c.session.kode_faskes : "all"),
                     [&]() -> std::optional<report::Table> {
                       auto facilities = ctx.Read([](auto& ws) { return ws.Facilities(); });
                       if (operator_only) {
                         std::erase_if(facilities, [&](const Facility& f) {
                           return f.kode != c.session.kode_faskes;
                         });
                       }
                       std::erase_if(facilities, [&](const Facility& f) {
                         return !c.session.scope.HasFacility(f);
                       });
                       return report::FacilitiesTable(facilities, false, c.lang);
                     });
   }).Regional();
  for (const char* what : {"staff", "equipment", "services"}) {
    const app::ImportKind kind = ReportKind(what).value_or(app::ImportKind::kStaff);
    const std::string path = std::string("/api/v1/facilities/{kode}/") + what;
    r.Add("GET", path, Access::kFacilityRead, {"format"}, [&ctx, kind](Call& c) {
       std::string version;
       auto table = ctx.Read([&](store::Workspace& ws) {
         // The version is read before the rows on purpose: a write landing in between makes the
         // next save of this answer a spurious 409 (reload, try again), never a lost update.
         version = ws.ReportVersion(app::ImportKindKey(kind), c.kode());
         if (kind == app::ImportKind::kStaff) return report::StaffTable(ws.Staff(c.kode()));
         if (kind == app::ImportKind::kEquipment) {
           return report::EquipmentTable(ws.Equipment(c.kode()));
         }
         return report::ServicesTable(ws.Services(c.kode()));
       });
       SendTable(c, table);
       // The version this answer shows: a write sends it back (If-Match) and is refused (409)
       // when the report changed in between.
       SetETag(c, version);
     }).Regional();
    r.Add(
         "PUT", path, Access::kFacilityWrite, {},
         [&ctx, kind](Call& c) { PutReport(ctx, c, kind); }, kFormBody)
        .Regional();
    r.Add("GET", std::string("/api/v1/templates/") + what + ".xlsx", Access::kLoggedIn, {},
          [kind, what](Call& c) {
            report::Table t{std::string("templat_") + what, app::TemplateColumns(kind)};
            TempFile file(".xlsx");
            if (auto w = report::WriteXlsxFile(t, file.path()); !w)
              return SendFailure(c, w.error());
            SendDownload(c, file.Read(), t.name + ".xlsx");
          })
        .Regional();
  }
  r.Add(
       "POST", "/api/v1/facilities/{kode}/upload", Access::kFacilityWrite,
       {"kind", "name", "encoding"}, [&ctx](Call& c) { Upload(ctx, c); }, kUploadBody)
      .Regional();
  r.Add("POST", "/api/v1/facilities/{kode}/submit", Access::kFacilityWrite, {}, [&ctx](Call& c) {
     ChangeStatus(ctx, c, app::ReportAction::kSubmit);
   }).Regional();
  r.Add("POST", "/api/v1/facilities/{kode}/verify", Access::kFacilityCheck, {}, [&ctx](Call& c) {
     ChangeStatus(ctx, c, app::ReportAction::kVerify);
   }).Regional();
  r.Add("POST", "/api/v1/facilities/{kode}/return", Access::kFacilityCheck, {}, [&ctx](Call& c) {
     ChangeStatus(ctx, c, app::ReportAction::kReturn);
   }).Regional();
  r.Add("GET", "/api/v1/submissions", Access::kLoggedIn, {}, [&ctx](Call& c) {
     Submissions(ctx, c);
   }).Regional();
}

}  // namespace jangkau::server
