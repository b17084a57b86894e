// The prevention programmes (docs/programmes.md): a map of the villages coloured by stunting,
// weighing coverage (D/S), STBM status or the travel minutes to a puskesmas; the programmes
// against access (D/S by minutes as a scatter, Spearman's correlation, the least weighed and
// farthest first); routine against survey stunting, never blended; the TPPS board; the SKDN
// register. An operator of a puskesmas sees its own posyandu's register only. Loaded lazily (it
// carries MapLibre).

import type { ExpressionSpecification, MapGeoJSONFeature } from 'maplibre-gl';
import { apiUrl, get, type Row } from '../api';
import { scatterChart } from '../charts';
import { t, type Key } from '../i18n';
import type { PageContext } from '../main';
import {
  createMap,
  destroyMap,
  extend,
  getFC,
  kCoverageColours,
  kGrey,
  kRatioColours,
  maplibregl,
  minuteColour,
  minuteLegendItems,
  swatch,
} from '../mapbase';
import { dataTable, fmtNumber, h, showError, uid, type Column } from '../ui';

type Indicator = 'stunting' | 'ds' | 'stbm' | 'menit';

interface AccessResult {
  baris: Row[];
  n: number;
  spearman_menit_ds: number | null;
}

const kStbmColours: Record<string, string> = {
  belum_sbs: '#d7301f',
  sbs_klaim: '#fdae61',
  sbs_terverifikasi: '#a6d96a',
  desa_stbm: '#1a9850',
};

/** The fill colour of a village for `indicator`; grey where the figure is missing. */
function colour(indicator: Indicator): ExpressionSpecification {
  const known = (k: string, steps: ExpressionSpecification): ExpressionSpecification => [
    'case',
    ['==', ['typeof', ['get', k]], 'number'],
    steps,
    kGrey,
  ];
  switch (indicator) {
    case 'stunting': // WHO-UNICEF prevalence thresholds: 10, 20, 30 %
      return known('stunting_persen', [
        'step',
        ['get', 'stunting_persen'],
        kRatioColours[3],
        10,
        kRatioColours[2],
        20,
        kRatioColours[1],
        30,
        kRatioColours[0],
      ]);
    case 'ds':
      return known('persen_d_s', [
        'step',
        ['get', 'persen_d_s'],
        kCoverageColours[0],
        40,
        kCoverageColours[1],
        60,
        kCoverageColours[2],
        80,
        kCoverageColours[3],
      ]);
    case 'stbm':
      return [
        'match',
        ['coalesce', ['get', 'status_kode'], ''],
        'belum_sbs',
        kStbmColours.belum_sbs,
        'sbs_klaim',
        kStbmColours.sbs_klaim,
        'sbs_terverifikasi',
        kStbmColours.sbs_terverifikasi,
        'desa_stbm',
        kStbmColours.desa_stbm,
        kGrey,
      ];
    case 'menit':
      return minuteColour(['get', 'menit_puskesmas']);
  }
}

function legend(indicator: Indicator): HTMLElement[] {
  const bands = (colours: string[], labels: string[]) => labels.map((l, i) => swatch(colours[i], l));
  switch (indicator) {
    case 'stunting':
      return [
        ...bands([kRatioColours[3], kRatioColours[2], kRatioColours[1], kRatioColours[0]], ['< 10 %', '10–20 %', '20–30 %', '≥ 30 %']),
        swatch(kGrey, t('no_data')),
      ];
    case 'ds':
      return [...bands(kCoverageColours, ['< 40 %', '40–60 %', '60–80 %', '≥ 80 %']), swatch(kGrey, t('no_data'))];
    case 'stbm':
      return [...Object.entries(kStbmColours).map(([k, c]) => swatch(c, t(`prog_stbm_${k}` as Key))), swatch(kGrey, t('no_data'))];
    case 'menit':
      return minuteLegendItems();
  }
}

function popupOf(f: MapGeoJSONFeature): HTMLElement {
  const p = f.properties as Record<string, unknown>;
  const pct = (v: unknown) => (typeof v === 'number' ? `${fmtNumber(v, 1)} %` : t('no_data'));
  const row = (k: Key, v: string) => [h('dt', {}, t(k)), h('dd', {}, v)];
  return h(
    'div',
    { class: 'popup', 'data-testid': 'popup-programmes-desa' },
    h('h3', {}, String(p.nama ?? '')),
    h(
      'dl',
      {},
      ...row('col_kode', String(p.kode ?? '')),
      ...row('prog_children', typeof p.anak === 'number' ? fmtNumber(p.anak, 0) : t('no_data')),
      ...row('prog_stunting', pct(p.stunting_persen)),
      ...row('prog_ds', pct(p.persen_d_s)),
      ...row('prog_stbm', typeof p.status === 'string' ? p.status : t('no_data')),
      ...row(
        'prog_minutes',
        typeof p.menit_puskesmas === 'number' ? t('minutes_short', { n: fmtNumber(p.menit_puskesmas, 0) }) : t('no_data'),
      ),
    ),
  );
}

/** Columns in the API table's own order (JSON objects do not keep it); numbers right-aligned. */
function columns(keys: string[], rows: Row[]): Column[] {
  const present = keys.filter((k) => rows.some((r) => k in r));
  return present.map((key) => ({ key, numeric: rows.some((r) => typeof r[key] === 'number') }));
}

const kSkdnColumns = ['posyandu', 'bulan', 's', 'd', 'n', 't', 'o', 'b', 'persen_d_s', 'persen_n_d', 'bgm', 'dua_t'];
const kAccessColumns = [
  'kelompok',
  'nama',
  'menit_puskesmas',
  'bulan',
  's',
  'd',
  'persen_d_s',
  'anak_diukur',
  'stunting_persen',
  'n_kurang_30',
  'status_stbm',
  'persen_desa_sbs',
];
const kStuntingColumns = ['tahun', 'sumber', 'jenis', 'persen', 'bawah', 'atas', 'penyebut', 'asal', 'status', 'catatan'];
const kTppsColumns = ['indikator', 'uraian', 'nilai', 'satuan', 'pembilang', 'penyebut', 'periode', 'sumber', 'jenis', 'catatan'];

export function renderProgrammes(root: HTMLElement, ctx: PageContext): () => void {
  const skdn = h('div', { 'data-testid': 'programmes-skdn-block' });
  const loadSkdn = async () => {
    try {
      const rows = await get<Row[]>('programmes/skdn');
      skdn.replaceChildren(
        dataTable(rows, {
          columns: columns(kSkdnColumns, rows),
          testid: 'programmes-skdn',
          exportHref: apiUrl('programmes/skdn', { format: 'xlsx' }),
        }),
      );
    } catch (e) {
      showError(e);
    }
  };
  const skdnSection = h(
    'section',
    { class: 'panel' },
    h('h2', {}, t('prog_skdn_title')),
    h('p', { class: 'muted hint' }, t('prog_skdn_intro')),
    skdn,
  );

  // An operator: the own puskesmas' posyandu register only.
  if (ctx.session.role === 'operator') {
    root.append(
      h('section', { class: 'panel' }, h('h1', {}, t('prog_title')), h('p', { class: 'muted' }, t('prog_operator_intro'))),
      skdnSection,
    );
    void loadSkdn();
    return () => {};
  }

  let indicator: Indicator = 'stunting';
  const indicatorId = uid('prog-indicator');
  const pick = h(
    'select',
    { id: indicatorId, 'data-testid': 'programmes-indicator' },
    (['stunting', 'ds', 'stbm', 'menit'] as Indicator[]).map((k) => h('option', { value: k }, t(`prog_ind_${k}` as Key))),
  );
  const legendList = h('ul', {}, legend(indicator));
  const container = h('div', { class: 'map', role: 'region', 'aria-label': t('prog_map_label'), 'data-testid': 'programmes-map' });
  const side = h(
    'aside',
    { class: 'map-side panel' },
    h('h2', {}, t('prog_map_title')),
    h('div', { class: 'field' }, h('label', { for: indicatorId }, t('prog_indicator')), pick),
    h('div', { class: 'legend' }, legendList),
  );

  const byId = uid('prog-by');
  const by = h(
    'select',
    { id: byId, 'data-testid': 'programmes-access-by', onchange: () => void loadAccess() },
    ['kecamatan', 'desa', 'posyandu'].map((b) => h('option', { value: b }, t(`prog_by_${b}` as Key))),
  );
  const access = h('div', { 'data-testid': 'programmes-access-block', 'aria-live': 'polite' });
  const stunting = h('div');
  const board = h('div');
  root.append(
    h('section', { class: 'panel' }, h('h1', {}, t('prog_title')), h('p', { class: 'muted' }, t('prog_intro'))),
    h('div', { class: 'map-page' }, container, side),
    h(
      'section',
      { class: 'panel' },
      h('h2', {}, t('prog_access_title')),
      h('p', { class: 'muted hint' }, t('prog_access_intro')),
      h('div', { class: 'field' }, h('label', { for: byId }, t('prog_access_by')), by),
      access,
    ),
    h(
      'section',
      { class: 'panel' },
      h('h2', {}, t('prog_stunting_title')),
      h('p', { class: 'muted hint' }, t('prog_stunting_intro')),
      stunting,
    ),
    h('section', { class: 'panel' }, h('h2', {}, t('prog_tpps_title')), h('p', { class: 'muted hint' }, t('prog_tpps_intro')), board),
    skdnSection,
  );

  async function loadAccess(): Promise<void> {
    try {
      const r = await get<AccessResult>('programmes/access', { by: by.value });
      const points = r.baris
        .filter((x) => typeof x.menit_puskesmas === 'number' && typeof x.persen_d_s === 'number')
        .map((x) => ({ x: x.menit_puskesmas as number, y: x.persen_d_s as number, label: String(x.nama || x.kelompok) }));
      access.replaceChildren(
        points.length
          ? scatterChart(points, {
              title: t('prog_scatter_title'),
              testid: 'programmes-scatter',
              xLabel: t('prog_minutes'),
              yLabel: t('prog_ds'),
            })
          : h('p', { class: 'muted' }, t('prog_no_minutes')),
        h(
          'p',
          { 'data-testid': 'programmes-spearman' },
          r.spearman_menit_ds === null ? t('prog_spearman_none') : t('prog_spearman', { r: fmtNumber(r.spearman_menit_ds, 2), n: r.n }),
        ),
        dataTable(r.baris, { columns: columns(kAccessColumns, r.baris), testid: 'programmes-access' }),
      );
    } catch (e) {
      showError(e);
    }
  }

  async function loadTables(): Promise<void> {
    try {
      const [s, b] = await Promise.all([get<Row[]>('programmes/stunting'), get<Row[]>('programmes/tpps')]);
      stunting.replaceChildren(dataTable(s, { columns: columns(kStuntingColumns, s), testid: 'programmes-stunting', filter: false }));
      board.replaceChildren(
        dataTable(b, {
          columns: columns(kTppsColumns, b),
          testid: 'programmes-tpps',
          filter: false,
          exportHref: apiUrl('programmes/tpps', { format: 'xlsx' }),
        }),
      );
    } catch (e) {
      showError(e);
    }
  }

  const map = createMap(container);
  const popup = new maplibregl.Popup({ closeButton: true, maxWidth: '300px' });
  map.on('load', () => {
    void (async () => {
      const desa = await getFC('programmes/map');
      if (!map.getStyle()) return;
      map.addSource('desa', { type: 'geojson', data: desa });
      map.addLayer({ id: 'desa-fill', type: 'fill', source: 'desa', paint: { 'fill-color': colour(indicator), 'fill-opacity': 0.8 } });
      map.addLayer({ id: 'desa-line', type: 'line', source: 'desa', paint: { 'line-color': '#ffffff', 'line-width': 0.4 } });
      const b = extend(null, desa);
      if (b) map.fitBounds(b, { padding: 20, animate: false });
      container.dataset.desa = String(desa.features.filter((f) => typeof f.properties?.anak === 'number').length);
    })();
  });
  map.on('click', 'desa-fill', (e) => {
    const f = e.features?.[0];
    if (f) popup.setLngLat(e.lngLat).setDOMContent(popupOf(f)).addTo(map);
  });
  pick.addEventListener('change', () => {
    indicator = pick.value as Indicator;
    legendList.replaceChildren(...legend(indicator));
    if (map.getLayer('desa-fill')) map.setPaintProperty('desa-fill', 'fill-color', colour(indicator));
    container.dataset.indicator = indicator;
  });

  void loadAccess();
  void loadTables();
  void loadSkdn();
  return () => {
    popup.remove();
    destroyMap(map);
  };
}
