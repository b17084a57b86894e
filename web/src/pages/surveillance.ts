// Early warning after floods (docs/surveillance.md): the completeness and timeliness of the weekly
// reports and who is late, the alerts of every method with their lifecycle buttons, the data-quality
// flags (a double-reported count is held back, not alerted), the map of the alerts with a flood
// scenario's extent and each puskesmas' catchment by travel time, and one facility's series with
// the methods' bounds. An operator enters its puskesmas' counts of the week (form W2). Loaded
// lazily (it carries MapLibre).

import { get, put, post, type Row } from '../api';
import { seriesChart } from '../charts';
import { t, type Key } from '../i18n';
import type { PageContext } from '../main';
import { createMap, destroyMap, extend, getFC, kGrey, maplibregl, swatch } from '../mapbase';
import { dataTable, fmtNumber, h, notify, showError, uid, type Column } from '../ui';

interface AlertsResult {
  peringatan: Row[];
  mutu: Row[];
  bulanan: Row[];
  ditahan: number;
}
interface Bounds {
  batas: (number | null)[];
  alarm: (boolean | null)[];
}
interface SeriesResult {
  minggu: string[];
  kasus: (number | null)[];
  ears_c2: Bounds;
  farrington: Bounds;
  ambang_tetap: number | null;
}
interface WeekForm {
  kode_faskes: string;
  minggu: string;
  baris: Row[];
}

/** The steps an alert may take next (terbuka -> diverifikasi -> direspons, or bukan_klb). */
export const kNextSteps: Record<string, string[]> = {
  terbuka: ['diverifikasi', 'bukan_klb'],
  diverifikasi: ['direspons', 'bukan_klb'],
};

/** The epidemiological week (Sunday to Saturday, week 1 holds 4 January) of a date, "YYYY-Www". */
export function epiWeekOf(d: Date): string {
  const day = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  const firstSunday = (y: number) => {
    const jan4 = Date.UTC(y, 0, 4);
    return jan4 - new Date(jan4).getUTCDay() * 86400000;
  };
  let year = d.getFullYear() + 1;
  while (firstSunday(year) > day) year -= 1;
  const week = Math.floor((day - firstSunday(year)) / (7 * 86400000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const kAlertColumns = [
  'minggu',
  'nama_faskes',
  'penyakit',
  'metode',
  'teramati',
  'ambang',
  'status',
  'jam_ke_verifikasi',
  'jam_ke_respons',
  'mutu_data',
  'wilayah_kerja_banjir',
  'faskes_tutup',
  'unit_terdekat',
  'menit_unit',
];

const kWeekColumns = [
  'minggu',
  'faskes_diharapkan',
  'lapor',
  'tepat_waktu',
  'kelengkapan_persen',
  'ketepatan_persen',
  'kelengkapan_di_bawah_90',
  'ketepatan_di_bawah_80',
];
const kFacilityColumns = [
  'kode_faskes',
  'nama_faskes',
  'minggu_diharapkan',
  'lapor',
  'tepat_waktu',
  'kelengkapan_persen',
  'ketepatan_persen',
  'kelengkapan_di_bawah_90',
  'ketepatan_di_bawah_80',
];
const kQualityColumns = ['minggu', 'kode_faskes', 'nama_faskes', 'penyakit', 'jenis', 'nilai', 'rincian'];
const kMonthColumns = [
  'bulan',
  'peringatan',
  'diverifikasi',
  'persen_diverifikasi',
  'persen_verifikasi_24_jam',
  'di_bawah_target_70',
  'direspons',
  'persen_direspons',
  'persen_respons_24_jam',
];

/** Columns in the API table's own order (JSON objects do not keep it); numbers right-aligned. */
function columns(keys: string[], rows: Row[]): Column[] {
  return keys.filter((k) => rows.some((r) => k in r)).map((key) => ({ key, numeric: rows.some((r) => typeof r[key] === 'number') }));
}

/** The operator's form: every disease of the list with its cases and deaths of one week. */
function renderForm(root: HTMLElement, kode: string): () => void {
  const weekId = uid('week');
  const lastWeek = epiWeekOf(new Date(Date.now() - 7 * 86400000));
  const week = h('input', { id: weekId, value: lastWeek, pattern: '[0-9]{4}-W[0-9]{2}', 'data-testid': 'weekly-week', size: 9 });
  const body = h('div', { 'data-testid': 'weekly-form' });
  const inputs = new Map<string, { kasus: HTMLInputElement; kematian: HTMLInputElement }>();
  const load = async () => {
    try {
      const f = await get<WeekForm>(`facilities/${encodeURIComponent(kode)}/weekly/${encodeURIComponent(week.value)}`);
      inputs.clear();
      const rows = f.baris.map((r) => {
        const count = (value: unknown, label: Key, testid: string) =>
          h('input', {
            type: 'number',
            min: '0',
            step: '1',
            value: typeof value === 'number' ? String(value) : '',
            'aria-label': `${String(r.nama)}: ${t(label)}`,
            'data-testid': `${testid}-${String(r.penyakit)}`,
          });
        const kasus = count(r.kasus, 'sv_cases', 'weekly-kasus');
        const kematian = count(r.kematian, 'sv_deaths', 'weekly-mati');
        inputs.set(String(r.penyakit), { kasus, kematian });
        return h(
          'tr',
          {},
          h('td', {}, String(r.penyakit)),
          h('td', {}, String(r.nama)),
          h('td', { class: 'num' }, kasus),
          h('td', { class: 'num' }, kematian),
          h('td', { class: 'muted' }, typeof r.diterima === 'string' ? r.diterima : ''),
        );
      });
      body.replaceChildren(
        h(
          'table',
          { class: 'data' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...(['sv_code', 'sv_disease', 'sv_cases', 'sv_deaths', 'sv_received'] as Key[]).map((k) => h('th', { scope: 'col' }, t(k))),
            ),
          ),
          h('tbody', {}, rows),
        ),
      );
    } catch (e) {
      showError(e);
    }
  };
  const send = async () => {
    const rows: Row[] = [];
    for (const [penyakit, i] of inputs) {
      if (i.kasus.value === '' && i.kematian.value === '') continue;
      rows.push({
        penyakit,
        kasus: i.kasus.value === '' ? null : i.kasus.value,
        kematian: i.kematian.value === '' ? null : i.kematian.value,
      });
    }
    try {
      const r = await put<{ saved: number }>(`facilities/${encodeURIComponent(kode)}/weekly/${encodeURIComponent(week.value)}`, rows);
      notify(t('sv_sent', { n: r.saved, week: week.value }), 'ok');
      await load();
    } catch (e) {
      showError(e);
    }
  };
  week.addEventListener('change', () => void load());
  root.append(
    h('section', { class: 'panel' }, h('h1', {}, t('sv_form_title')), h('p', { class: 'muted' }, t('sv_form_intro'))),
    h(
      'section',
      { class: 'panel' },
      h('div', { class: 'field' }, h('label', { for: weekId }, t('sv_week')), week),
      body,
      h('button', { type: 'button', class: 'primary', 'data-testid': 'weekly-send', onclick: () => void send() }, t('sv_send')),
    ),
  );
  void load();
  return () => {};
}

export function renderSurveillance(root: HTMLElement, ctx: PageContext): () => void {
  if (ctx.session.role === 'operator') return renderForm(root, ctx.session.kode_faskes);
  const planner = ctx.session.role === 'admin' || ctx.session.role === 'planner';

  const fromId = uid('sv-from');
  const toId = uid('sv-to');
  const methodId = uid('sv-method');
  const scenarioId = uid('sv-scenario');
  const from = h('input', { id: fromId, size: 9, 'data-testid': 'sv-from' });
  const to = h('input', { id: toId, size: 9, 'data-testid': 'sv-to' });
  const method = h(
    'select',
    { id: methodId, 'data-testid': 'sv-method' },
    ['all', 'fixed', 'ears-c1', 'ears-c2', 'ears-c3', 'farrington', 'klb', 'twice-mean3'].map((m) => h('option', { value: m }, m)),
  );
  const scenario = h('select', { id: scenarioId, 'data-testid': 'sv-scenario' }, h('option', { value: '' }, t('sv_no_scenario')));
  const completeness = h('div', { 'data-testid': 'sv-completeness-block' });
  const late = h('div', { 'data-testid': 'sv-late' });
  const alerts = h('div', { 'data-testid': 'sv-alerts-block', 'aria-live': 'polite' });
  const quality = h('div');
  const months = h('div');
  const container = h('div', { class: 'map', role: 'region', 'aria-label': t('sv_map_label'), 'data-testid': 'sv-map' });
  const seriesFacility = h('select', { 'data-testid': 'sv-series-faskes', 'aria-label': t('sv_facility') });
  const seriesDisease = h('select', { 'data-testid': 'sv-series-penyakit', 'aria-label': t('sv_disease') });
  const seriesBlock = h('div', { 'data-testid': 'sv-series-block' });

  root.append(
    h('section', { class: 'panel' }, h('h1', {}, t('sv_title')), h('p', { class: 'muted' }, t('sv_intro'))),
    h(
      'section',
      { class: 'panel controls' },
      h('div', { class: 'field' }, h('label', { for: fromId }, t('sv_from')), from),
      h('div', { class: 'field' }, h('label', { for: toId }, t('sv_to')), to),
      h('div', { class: 'field' }, h('label', { for: methodId }, t('sv_method')), method),
      h('div', { class: 'field' }, h('label', { for: scenarioId }, t('sv_scenario')), scenario),
      h('button', { type: 'button', class: 'primary', 'data-testid': 'sv-show', onclick: () => void loadAll() }, t('sv_show')),
    ),
    h(
      'section',
      { class: 'panel' },
      h('h2', {}, t('sv_completeness_title')),
      h('p', { class: 'muted hint' }, t('sv_completeness_intro')),
      completeness,
      late,
    ),
    h('section', { class: 'panel' }, h('h2', {}, t('sv_alerts_title')), h('p', { class: 'muted hint' }, t('sv_alerts_intro')), alerts),
    h(
      'div',
      { class: 'map-page' },
      container,
      h(
        'aside',
        { class: 'map-side panel' },
        h('h2', {}, t('sv_map_title')),
        h(
          'div',
          { class: 'legend' },
          h(
            'ul',
            {},
            swatch('#c62828', t('sv_legend_alerts'), true),
            swatch('#90a4ae', t('sv_legend_none'), true),
            swatch('#ffffff', t('sv_legend_closed'), true, 'border: 3px solid #000'),
            swatch('#4fc3f7', t('sv_legend_flood')),
            swatch('#b3e5fc', t('sv_legend_catchment')),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'panel' },
      h('h2', {}, t('sv_series_title')),
      h('p', { class: 'muted hint' }, t('sv_series_intro')),
      h('div', { class: 'field' }, seriesFacility, seriesDisease),
      seriesBlock,
    ),
    h('section', { class: 'panel' }, h('h2', {}, t('sv_quality_title')), h('p', { class: 'muted hint' }, t('sv_quality_intro')), quality),
    h('section', { class: 'panel' }, h('h2', {}, t('sv_months_title')), months),
  );

  const query = (): Record<string, string> => {
    const q: Record<string, string> = { method: method.value };
    if (from.value) q.from = from.value;
    if (to.value) q.to = to.value;
    if (scenario.value) q.skenario = scenario.value;
    return q;
  };

  async function step(id: string, status: string): Promise<void> {
    try {
      await post(`surveillance/alerts/${encodeURIComponent(id)}/steps`, { status });
      notify(t('sv_step_done', { status }), 'ok');
      await loadAlerts();
    } catch (e) {
      showError(e);
    }
  }

  async function loadAlerts(): Promise<void> {
    try {
      const r = await get<AlertsResult>('surveillance/alerts', query());
      const cols = columns(kAlertColumns, r.peringatan);
      if (planner) {
        cols.push({
          key: 'langkah',
          label: t('sv_steps'),
          render: (row) =>
            h(
              'span',
              { class: 'actions' },
              (kNextSteps[String(row.status)] ?? []).map((s) =>
                h(
                  'button',
                  { type: 'button', 'data-testid': `sv-step-${s}`, onclick: () => void step(String(row.id), s) },
                  t(`sv_step_${s}` as Key),
                ),
              ),
            ),
        });
      }
      alerts.replaceChildren(
        h(
          'p',
          { 'data-testid': 'sv-alerts-count' },
          t('sv_alerts_count', { n: r.peringatan.length, held: r.ditahan, flags: r.mutu.length }),
        ),
        dataTable(r.peringatan, { columns: cols, testid: 'sv-alerts', maxRows: 500 }),
      );
      quality.replaceChildren(dataTable(r.mutu, { columns: columns(kQualityColumns, r.mutu), testid: 'sv-quality', filter: false }));
      months.replaceChildren(dataTable(r.bulanan, { columns: columns(kMonthColumns, r.bulanan), testid: 'sv-months', filter: false }));
      const facilities = [...new Map(r.peringatan.map((a) => [String(a.kode_faskes), String(a.nama_faskes)])).entries()].sort((a, b) =>
        a[1].localeCompare(b[1]),
      );
      if (facilities.length && !seriesFacility.options.length) {
        seriesFacility.replaceChildren(...facilities.map(([k, n]) => h('option', { value: k }, `${n} (${k})`)));
        void loadSeries();
      }
    } catch (e) {
      showError(e);
    }
  }

  async function loadCompleteness(): Promise<void> {
    try {
      const q = { from: from.value || undefined, to: to.value || undefined };
      const [byWeek, byFacility] = await Promise.all([
        get<Row[]>('surveillance/completeness', { ...q, by: 'minggu' }),
        get<Row[]>('surveillance/completeness', { ...q, by: 'faskes' }),
      ]);
      completeness.replaceChildren(dataTable(byWeek, { columns: columns(kWeekColumns, byWeek), testid: 'sv-completeness', filter: false }));
      const lateRows = byFacility.filter(
        (r) => r.kode_faskes !== 'TOTAL' && (r.ketepatan_di_bawah_80 === true || r.kelengkapan_di_bawah_90 === true),
      );
      late.replaceChildren(
        h('h3', {}, t('sv_late_title', { n: lateRows.length })),
        dataTable(lateRows, { columns: columns(kFacilityColumns, lateRows), testid: 'sv-late-table', filter: false }),
      );
    } catch (e) {
      showError(e);
    }
  }

  async function loadSeries(): Promise<void> {
    if (!seriesFacility.value || !seriesDisease.value) return;
    try {
      const r = await get<SeriesResult>('surveillance/series', { faskes: seriesFacility.value, penyakit: seriesDisease.value });
      if (!r.minggu.length) {
        seriesBlock.replaceChildren(h('p', { class: 'muted' }, t('sv_series_none')));
        return;
      }
      const fixed = r.ambang_tetap;
      const alarms = r.minggu.map((_, i) => r.ears_c2.alarm[i] === true || r.farrington.alarm[i] === true);
      seriesBlock.replaceChildren(
        seriesChart(
          r.minggu,
          r.kasus,
          [
            { label: 'EARS C2', values: r.ears_c2.batas, colour: '#ef6c00' },
            { label: 'Farrington', values: r.farrington.batas, colour: '#6a1b9a', dashed: true },
            ...(fixed === null ? [] : [{ label: t('sv_fixed'), values: r.minggu.map(() => fixed), colour: '#c62828', dashed: true }]),
          ],
          alarms,
          {
            title: t('sv_series_chart', { f: seriesFacility.selectedOptions[0]?.textContent ?? '', d: seriesDisease.value }),
            testid: 'sv-series',
            xLabel: t('sv_week'),
            yLabel: t('sv_cases'),
          },
        ),
        h('p', { class: 'muted hint' }, t('sv_series_legend')),
      );
    } catch (e) {
      showError(e);
    }
  }

  const map = createMap(container);
  const popup = new maplibregl.Popup({ closeButton: true, maxWidth: '300px' });
  async function loadMap(): Promise<void> {
    try {
      const fc = await getFC('surveillance/map', query());
      if (!map.getStyle()) return;
      const source = map.getSource('sv') as maplibregl.GeoJSONSource | undefined;
      if (source) source.setData(fc);
      else {
        map.addSource('sv', { type: 'geojson', data: fc });
        map.addLayer({
          id: 'sv-catchment',
          type: 'fill',
          source: 'sv',
          filter: ['==', ['get', 'lapisan'], 'wilayah_kerja'],
          paint: { 'fill-color': ['case', ['get', 'banjir'], '#4fc3f7', '#b3e5fc'], 'fill-opacity': 0.5, 'fill-outline-color': '#ffffff' },
        });
        map.addLayer({
          id: 'sv-flood',
          type: 'line',
          source: 'sv',
          filter: ['==', ['get', 'lapisan'], 'banjir'],
          paint: { 'line-color': '#0277bd', 'line-width': 2 },
        });
        map.addLayer({
          id: 'sv-facility',
          type: 'circle',
          source: 'sv',
          filter: ['==', ['get', 'lapisan'], 'faskes'],
          paint: {
            'circle-radius': ['+', 4, ['min', 12, ['sqrt', ['get', 'peringatan']]]],
            'circle-color': ['case', ['>', ['get', 'peringatan'], 0], '#c62828', kGrey],
            'circle-stroke-color': ['case', ['==', ['get', 'faskes_tutup'], true], '#000000', '#ffffff'],
            'circle-stroke-width': ['case', ['==', ['get', 'faskes_tutup'], true], 3, 1],
          },
        });
      }
      const b = extend(null, fc);
      if (b) map.fitBounds(b, { padding: 20, animate: false });
      container.dataset.faskes = String(fc.features.filter((f) => f.properties?.lapisan === 'faskes').length);
      container.dataset.catchments = String(fc.features.filter((f) => f.properties?.lapisan === 'wilayah_kerja').length);
    } catch (e) {
      showError(e);
    }
  }
  map.on('click', 'sv-facility', (e) => {
    const p = (e.features?.[0]?.properties ?? {}) as Record<string, unknown>;
    const row = (k: Key, v: string) => [h('dt', {}, t(k)), h('dd', {}, v)];
    popup
      .setLngLat(e.lngLat)
      .setDOMContent(
        h(
          'div',
          { class: 'popup', 'data-testid': 'popup-sv-faskes' },
          h('h3', {}, String(p.nama ?? '')),
          h(
            'dl',
            {},
            ...row('sv_alerts', fmtNumber(p.peringatan, 0)),
            ...row('sv_disease', String(p.penyakit ?? '')),
            ...(p.unit_terdekat
              ? row('sv_unit', `${String(p.unit_terdekat)} (${fmtNumber(p.menit_unit, 0)} ${t('scn_minutes_unit')})`)
              : []),
          ),
        ),
      )
      .addTo(map);
  });
  const mapReady = new Promise<void>((resolve) => map.on('load', () => resolve()));

  async function loadAll(): Promise<void> {
    await Promise.all([loadCompleteness(), loadAlerts(), mapReady.then(loadMap)]);
  }

  seriesFacility.addEventListener('change', () => void loadSeries());
  seriesDisease.addEventListener('change', () => void loadSeries());

  void (async () => {
    try {
      const [weeks, diseases, scenarios] = await Promise.all([
        get<Row[]>('surveillance/completeness', { by: 'minggu' }),
        get<Row[]>('surveillance/diseases'),
        get<Row[]>('scenarios').catch(() => [] as Row[]),
      ]);
      const known = weeks.filter((r) => r.minggu !== 'TOTAL').map((r) => String(r.minggu));
      if (known.length) {
        to.value = known[known.length - 1];
        from.value = known[Math.max(0, known.length - 8)];
      }
      seriesDisease.replaceChildren(
        ...diseases.map((d) => h('option', { value: String(d.kode) }, `${String(d.kode)} — ${String(d.nama)}`)),
      );
      scenario.append(...scenarios.map((s) => h('option', { value: String(s.nama) }, String(s.nama))));
      await loadAll();
    } catch (e) {
      showError(e);
    }
  })();

  return () => {
    popup.remove();
    destroyMap(map);
  };
}
