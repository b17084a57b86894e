// Tables (facilities, need per facility and per cadre, access per region) with sorting,
// filtering and Excel export, and two SVG charts: shortage per cadre and population per
// travel-time band.

import { apiUrl, get, type Query, type Row, type TableRow } from '../api';
import { accessRunControl } from '../access_run';
import { barChart } from '../charts';
import { columnLabel, t, type Key } from '../i18n';
import type { PageContext } from '../main';
import { autoColumns, dataTable, h, loading, showError, tabs, uid } from '../ui';

type Tab = 'facilities' | 'needs_facility' | 'needs_cadre' | 'access';
const kTabs: Tab[] = ['facilities', 'needs_facility', 'needs_cadre', 'access'];
/** Identifying columns go first; the rest keep the server's order. */
const kFirstColumns = ['kode_faskes', 'nama_faskes', 'kode_wilayah', 'nama', 'tingkat', 'nama_kelompok', 'kelompok', 'jenis_faskes'];

/** Population per travel-time band; rows carry fractions `dalam_N` (0..1) or `persen_N` (0..100). */
export function travelBands(rows: Row[]): number[] {
  const frac = (r: Row, n: number): number | null => {
    if (typeof r[`dalam_${n}`] === 'number') return r[`dalam_${n}`] as number;
    if (typeof r[`persen_${n}`] === 'number') return (r[`persen_${n}`] as number) / 100;
    return null;
  };
  const bands = [0, 0, 0, 0];
  for (const r of rows) {
    const pop = typeof r.penduduk === 'number' ? r.penduduk : 0;
    const f30 = frac(r, 30);
    const f60 = frac(r, 60);
    const f120 = frac(r, 120);
    if (!pop || f30 === null || f60 === null || f120 === null) continue;
    const c = (x: number) => Math.min(1, Math.max(0, x));
    bands[0] += pop * c(f30);
    bands[1] += pop * c(f60 - f30);
    bands[2] += pop * c(f120 - f60);
    bands[3] += pop * c(1 - f120);
  }
  return bands.map(Math.round);
}

function selectField(
  label: string,
  value: string,
  options: string[],
  labelPrefix: string,
  testid: string,
  onChange: (v: string) => void,
): HTMLElement {
  const id = uid('sel');
  const sel = h(
    'select',
    { id, 'data-testid': testid, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    options.map((o) => h('option', { value: o, selected: o === value }, labelPrefix ? t(`${labelPrefix}${o}` as Key) : o)),
  );
  return h('div', { class: 'field inline' }, h('label', { for: id }, label), sel);
}

export function renderTables(root: HTMLElement, ctx: PageContext): () => void {
  let tab: Tab = kTabs.includes(ctx.params[0] as Tab) ? (ctx.params[0] as Tab) : 'needs_cadre';
  let method = 'norms';
  let level = 'desa';
  let target = 'puskesmas';

  const charts = h('div', { class: 'charts' });
  const tabBar = h('div');
  const panel = h('section', { class: 'panel', role: 'tabpanel', 'data-testid': 'tables-panel' });
  // An access run covers the whole workspace: not for a user scoped to a region.
  const runs = (ctx.session.role === 'admin' || ctx.session.role === 'planner') && ctx.session.wilayah === '';
  const access = runs ? accessRunControl(() => reload()) : null;
  root.append(h('div', { class: 'page-head' }, h('h1', {}, t('tables_title')), access?.el ?? ''), charts, tabBar, panel);

  const reload = () => {
    void drawCharts();
    void drawTable();
  };

  async function drawCharts(): Promise<void> {
    charts.replaceChildren(loading());
    const [byCadre, kab] = await Promise.all([
      get<TableRow[]>('needs', { by: 'cadre', method }).catch((e) => (showError(e), [] as Row[])),
      get<TableRow[]>('access/regions', { level: 'kabupaten', target: 'puskesmas' }).catch(() => [] as Row[]),
    ]);
    let regions = kab;
    if (travelBands(regions).every((x) => x === 0)) {
      regions = await get<TableRow[]>('access/regions', { level: 'desa', target: 'puskesmas' }).catch(() => [] as Row[]);
    }
    const shortage = byCadre
      .filter((r) => typeof r.kekurangan === 'number' && (r.kekurangan as number) > 0)
      .map((r) => ({ label: String(r.nama_kelompok ?? r.kelompok ?? r.kode ?? ''), value: r.kekurangan as number }))
      .sort((a, b) => b.value - a.value);
    const bands = travelBands(regions);
    const bandColours = ['#1a9850', '#a6d96a', '#fdae61', '#d7191c'];
    const bandBars = (['band_30', 'band_60', 'band_120', 'band_more'] as Key[]).map((k, i) => ({
      label: t(k),
      value: bands[i],
      colour: bandColours[i],
    }));
    const figure = (title: string, desc: string, body: Element) =>
      h('figure', { class: 'panel chart-box' }, h('figcaption', {}, h('h2', {}, title), h('p', { class: 'muted' }, desc)), body);
    charts.replaceChildren(
      figure(
        t('chart_shortage'),
        t('chart_shortage_desc', { method }),
        shortage.length
          ? barChart(shortage, { title: t('chart_shortage'), testid: 'chart-shortage' })
          : h('p', { class: 'muted' }, t('chart_empty')),
      ),
      figure(
        t('chart_bands'),
        t('chart_bands_desc'),
        bands.some((x) => x > 0)
          ? barChart(bandBars, { title: t('chart_bands'), testid: 'chart-bands', unit: t('people') })
          : h('p', { class: 'muted' }, t('chart_empty')),
      ),
    );
  }

  function source(): { path: string; query: Query } {
    switch (tab) {
      case 'facilities':
        return { path: 'facilities', query: {} };
      case 'needs_facility':
        return { path: 'needs', query: { by: 'facility', method } };
      case 'needs_cadre':
        return { path: 'needs', query: { by: 'cadre', method } };
      case 'access':
        return { path: 'access/regions', query: { level, target } };
    }
  }

  async function drawTable(): Promise<void> {
    tabBar.replaceChildren(
      tabs(
        kTabs.map((k) => ({ id: k, label: t(`tab_${k}` as Key) })),
        tab,
        (id) => {
          tab = id as Tab;
          history.replaceState(null, '', `#/tables/${tab}`);
          void drawTable();
        },
        'tables-tabs',
      ),
    );
    const controls = h('div', { class: 'controls' });
    if (tab === 'needs_facility' || tab === 'needs_cadre') {
      controls.append(
        selectField(t('method'), method, ['norms', 'ratio', 'abk', 'wisn', 'all'], '', 'needs-method', (v) => {
          method = v;
          reload();
        }),
      );
    }
    if (tab === 'access') {
      controls.append(
        selectField(
          t('level'),
          level,
          ['desa', 'kecamatan', 'kabupaten'],
          'level_',
          'access-level',
          (v) => ((level = v), void drawTable()),
        ),
        selectField(t('target'), target, ['puskesmas', 'fktp', 'rs'], 'target_', 'access-target', (v) => ((target = v), void drawTable())),
      );
    }
    panel.replaceChildren(controls, loading());
    const { path, query } = source();
    const want = tab;
    try {
      const rows = await get<TableRow[]>(path, query);
      if (want !== tab) return;
      const cols = autoColumns(rows);
      const rank = (k: string) => (kFirstColumns.includes(k) ? kFirstColumns.indexOf(k) : kFirstColumns.length);
      const columns = cols.sort((a, b) => rank(a.key) - rank(b.key)).map((c) => ({ ...c, label: columnLabel(c.key) }));
      panel.replaceChildren(
        controls,
        dataTable(rows, {
          testid: `table-${tab}`,
          columns,
          exportHref: apiUrl(path, { ...query, format: 'xlsx' }),
          caption: t(`tab_${tab}` as Key),
        }),
      );
    } catch (e) {
      if (want === tab) panel.replaceChildren(controls);
      showError(e);
    }
  }

  reload();
  return () => access?.stop();
}
