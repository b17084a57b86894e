#include "ingest/read_growth.h"

#include "base/text_util.h"
#include "ingest/fields.h"
#include "ingest/row_loop.h"
#include "ingest/table_reader.h"

namespace jangkau::ingest {
namespace {

bool Missing(std::string_view text) { return text.empty() || text == "NA"; }

std::optional<int> Sex(std::string_view text) {
  const std::string k = ToLowerAscii(text);
  if (k == "1" || k == "m" || k == "l") return 1;
  if (k == "2" || k == "f" || k == "p") return 2;
  return std::nullopt;
}

}  // namespace

std::expected<std::vector<std::string>, Error> ReadAnthroFile(
    const std::string& path, const DesignColumns& design, Diagnostics& diags,
    const std::function<void(AnthroRow&&)>& row_fn) {
  auto reader = TableReader::Open(path);
  if (!reader) return std::unexpected(reader.error());
  TableReader& in = **reader;
  ColumnMap cols(in, diags);
  const int c_sex = cols.Required({"sex"});
  const int c_age = cols.Optional({"age"});
  const int c_unit = cols.Optional({"is_age_in_month"});
  const int c_weight = cols.Optional({"weight"});
  const int c_lenhei = cols.Optional({"lenhei"});
  const int c_measure = cols.Optional({"measure"});
  const int c_oedema = cols.Optional({"oedema"});
  const int c_headc = cols.Optional({"headc"});
  const int c_armc = cols.Optional({"armc"});
  const int c_triskin = cols.Optional({"triskin"});
  const int c_subskin = cols.Optional({"subskin"});
  auto named = [&](const std::string& name) {
    return name.empty() ? 0 : cols.Required({NormalizeKey(name)});
  };
  const int c_cluster = named(design.cluster);
  const int c_strata = named(design.strata);
  const int c_weights = named(design.weights);
  if (diags.has_errors()) return in.columns();

  ForEachRow(in, diags, {}, [&](RowFields& f, const TableRow& row) {
    AnthroRow r;
    r.line = row.line;
    r.cells = row.cells;
    bool ok = true;
    growth::Measurement& m = r.m;
    if (!Missing(f.Text(c_sex))) {
      m.sex = Sex(f.Text(c_sex));
      if (!m.sex) {
        f.Error(c_sex, Msg::kBadChoice, {"sex", std::string(f.Text(c_sex)), "1, 2, m, f, L, P"});
        ok = false;
      }
    }
    if (c_unit != 0 && !Missing(f.Text(c_unit))) {
      const std::string k = ToLowerAscii(f.Text(c_unit));
      if (k == "true" || k == "t" || k == "1") {
        m.age_in_months = true;
      } else if (k != "false" && k != "f" && k != "0") {
        f.Error(c_unit, Msg::kBadChoice,
                {"is_age_in_month", std::string(f.Text(c_unit)), "true, false"});
        ok = false;
      }
    }
    m.age = f.Decimal(c_age, ok);
    if (m.age && *m.age < 0) {
      f.Error(c_age, Msg::kNegative, {"age", std::string(f.Text(c_age))});
      ok = false;
    }
    m.weight = f.Decimal(c_weight, ok);
    m.lenhei = f.Decimal(c_lenhei, ok);
    m.headc = f.Decimal(c_headc, ok);
    m.armc = f.Decimal(c_armc, ok);
    m.triskin = f.Decimal(c_triskin, ok);
    m.subskin = f.Decimal(c_subskin, ok);
    if (c_measure != 0 && !Missing(f.Text(c_measure))) {
      const std::string k = ToLowerAscii(f.Text(c_measure));
      if (k == "l" || k == "h") {
        m.measure = k[0];
      } else {
        f.Error(c_measure, Msg::kBadChoice, {"measure", std::string(f.Text(c_measure)), "l, h"});
        ok = false;
      }
    }
    if (c_oedema != 0 && !Missing(f.Text(c_oedema))) {
      const std::string k = ToLowerAscii(f.Text(c_oedema));
      if (k == "y" || k == "1") {
        m.oedema = true;
      } else if (k != "n" && k != "2") {
        f.Error(c_oedema, Msg::kBadChoice, {"oedema", std::string(f.Text(c_oedema)), "y, n, 1, 2"});
        ok = false;
      }
    }
    if (c_cluster != 0 && !Missing(f.Text(c_cluster))) r.cluster = std::string(f.Text(c_cluster));
    if (c_strata != 0 && !Missing(f.Text(c_strata))) r.strata = std::string(f.Text(c_strata));
    r.weight = f.Decimal(c_weights, ok);
    if (r.weight && *r.weight < 0) {
      f.Error(c_weights, Msg::kNegative,
              {std::string(f.Name(c_weights)), std::string(f.Text(c_weights))});
      ok = false;
    }
    if (ok) row_fn(std::move(r));
  });
  return in.columns();
}

}  // namespace jangkau::ingest
