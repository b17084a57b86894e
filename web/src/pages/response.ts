// Response analysis and where to station units (docs/emergency.md), for planners (dispatchers
// read it too): the response times per group (the 90th percentile of call -> on scene as bars,
// the whole summary as a table), a map of the villages coloured by their mean call -> scene
// minutes, and the station plan (POST /plan/stations, MCLP or MEXCLP, as a background job) with
// its bases as numbered markers. Loaded lazily (it carries MapLibre).

import type { MapGeoJSONFeature } from 'maplibre-gl';
import { get, post, type JobStarted, type Row, type Schema } from '../api';
import { jobControl } from '../access_run';
import { barChart } from '../charts';
import { t, type Key } from '../i18n';
import type { PageContext } from '../main';
import { createMap, destroyMap, extend, getFC, maplibregl, minuteColour, minuteLegendItems } from '../mapbase';
import { dataTable, fmtNumber, fmtPercent, h, showError, uid } from '../ui';

type StationsResult = Schema<'StationsResult'>;

export function renderResponse(root: HTMLElement, ctx: PageContext): () => void {
  const canPlan = ctx.session.role === 'admin' || ctx.session.role === 'planner';
  const analysis = h('div', { 'data-testid': 'response-analysis' });
  const groupBy = h(
    'select',
    { id: 'response-kpi-by', 'aria-label': t('dispatch_analysis_by'), onchange: () => void analyse() },
    ['prioritas', 'kecamatan', 'bulan', 'banjir'].map((b) => h('option', { value: b }, t(`dispatch_by_${b}` as Key))),
  );
  const container = h('div', { class: 'map', role: 'region', 'aria-label': t('response_map_label'), 'data-testid': 'response-map' });
  const side = h(
    'aside',
    { class: 'map-side panel' },
    h('h2', {}, t('response_map_title')),
    h('div', { class: 'legend' }, h('ul', {}, minuteLegendItems())),
  );
  root.append(
    h('section', { class: 'panel' }, h('h1', {}, t('response_title')), h('h2', {}, t('dispatch_analysis')), groupBy, analysis),
    h('div', { class: 'map-page' }, container, side),
  );

  const map = createMap(container);
  const popup = new maplibregl.Popup({ closeButton: true, maxWidth: '300px' });
  let markers: maplibregl.Marker[] = [];

  async function analyse(): Promise<void> {
    try {
      const kpi = await get<Row[]>('emergency/kpi', { by: groupBy.value });
      const bars = kpi
        .filter((r) => typeof r.panggilan_ke_lokasi_p90 === 'number')
        .map((r) => ({ label: String(r.kelompok), value: r.panggilan_ke_lokasi_p90 as number }));
      analysis.replaceChildren(
        bars.length
          ? barChart(bars, { title: t('dispatch_p90_chart'), testid: 'response-kpi-chart', unit: t('scn_minutes_unit') })
          : h('p', { class: 'muted' }, t('dispatch_no_kpi')),
        dataTable(kpi, { testid: 'response-kpi' }),
      );
    } catch (e) {
      showError(e);
    }
  }

  function desaPopup(f: MapGeoJSONFeature): HTMLElement {
    const p = f.properties as Record<string, unknown>;
    const minutes = (v: unknown) => (typeof v === 'number' ? t('minutes_short', { n: fmtNumber(v, 1) }) : t('no_data'));
    return h(
      'div',
      { class: 'popup', 'data-testid': 'popup-response-desa' },
      h('h3', {}, String(p.nama ?? '')),
      h(
        'dl',
        {},
        h('dt', {}, t('col_kode')),
        h('dd', {}, String(p.kode ?? '')),
        h('dt', {}, t('response_calls')),
        h('dd', {}, fmtNumber(p.insiden)),
        h('dt', {}, t('response_mean')),
        h('dd', {}, minutes(p.rerata)),
        h('dt', {}, t('response_p90')),
        h('dd', {}, minutes(p.p90)),
        h('dt', {}, t('response_within')),
        h('dd', {}, typeof p.persen_dalam_target === 'number' ? fmtPercent(p.persen_dalam_target / 100) : t('no_data')),
      ),
    );
  }

  map.on('load', () => {
    void (async () => {
      const desa = await getFC('emergency/kpi/desa');
      if (!map.getStyle()) return;
      map.addSource('desa', { type: 'geojson', data: desa });
      map.addLayer({
        id: 'desa-fill',
        type: 'fill',
        source: 'desa',
        paint: { 'fill-color': minuteColour(['get', 'rerata']), 'fill-opacity': ['case', ['>', ['get', 'n'], 0], 0.8, 0.25] },
      });
      map.addLayer({ id: 'desa-line', type: 'line', source: 'desa', paint: { 'line-color': '#ffffff', 'line-width': 0.4 } });
      const b = extend(null, desa);
      if (b) map.fitBounds(b, { padding: 20, animate: false });
      container.dataset.desa = String(desa.features.filter((f) => (f.properties?.n ?? 0) > 0).length);
    })();
  });
  map.on('click', 'desa-fill', (e) => {
    const f = e.features?.[0];
    if (f) popup.setLngLat(e.lngLat).setDOMContent(desaPopup(f)).addTo(map);
  });

  // ---- the station plan (admins and planners) ----
  let stopPlan = () => {};
  if (canPlan) {
    const input = (id: string, attrs: Record<string, string | number>) => h('input', { id, type: 'number', required: true, ...attrs });
    const choice = (id: string, values: [string, Key][]) =>
      h(
        'select',
        { id, 'data-testid': id.replace(/-\d+$/, '') },
        values.map(([v, k]) => h('option', { value: v }, t(k))),
      );
    const ids = {
      p: uid('st-p'),
      m: uid('st-m'),
      j: uid('stations-jenis'),
      model: uid('stations-model'),
      q: uid('st-q'),
      c: uid('stations-candidates'),
    };
    const p = input(ids.p, { min: 1, max: 200, step: 1, value: 3, 'data-testid': 'stations-p' });
    const minutes = input(ids.m, { min: 1, max: 1440, step: 1, value: 30, 'data-testid': 'stations-minutes' });
    const jenis = choice(ids.j, [
      ['ambulans', 'unit_ambulans'],
      ['motor', 'unit_motor'],
      ['perahu', 'unit_perahu'],
      ['tim_kunjungan', 'unit_tim_kunjungan'],
    ]);
    const model = choice(ids.model, [
      ['mclp', 'stations_mclp'],
      ['mexclp', 'stations_mexclp'],
    ]);
    const busy = input(ids.q, { min: 0, max: 0.99, step: 0.05, value: 0.3, 'data-testid': 'stations-busy' });
    const candidates = choice(ids.c, [
      ['puskesmas', 'stations_cand_puskesmas'],
      ['desa', 'stations_cand_desa'],
      ['piers', 'stations_cand_piers'],
    ]);
    const busyField = h('div', { class: 'field', hidden: true }, h('label', { for: ids.q }, t('stations_busy')), busy);
    model.addEventListener('change', () => (busyField.hidden = model.value !== 'mexclp'));
    const out = h('div', { 'data-testid': 'stations-result', 'aria-live': 'polite' });
    const job = jobControl<StationsResult>({
      label: 'stations_run',
      runningLabel: 'stations_running',
      testid: 'stations-run',
      buttonClass: 'button-primary',
      start: async () => {
        const body: Record<string, unknown> = {
          p: Number(p.value),
          minutes: Number(minutes.value),
          jenis: jenis.value,
          model: model.value,
          candidates: candidates.value,
        };
        if (model.value === 'mexclp') body.busy = Number(busy.value);
        return (await post<JobStarted>('plan/stations', body)).job;
      },
      onDone: (r) => showPlan(r),
      doneMessage: 'stations_done',
      failedMessage: 'stations_failed',
    });
    const field = (id: string, label: Key, el: HTMLElement) => h('div', { class: 'field' }, h('label', { for: id }, t(label)), el);
    side.append(
      h('h2', {}, t('stations_title')),
      h('p', { class: 'muted hint' }, t('stations_intro')),
      h('div', { class: 'form-row' }, field(ids.p, 'stations_p', p), field(ids.m, 'stations_minutes', minutes)),
      field(ids.j, 'stations_jenis', jenis),
      field(ids.model, 'stations_model', model),
      busyField,
      field(ids.c, 'stations_candidates', candidates),
      job.el,
      out,
    );
    stopPlan = job.stop;

    function showPlan(r: StationsResult): void {
      for (const m of markers) m.remove();
      markers = r.pangkalan.map((b, i) => {
        const label = t('stations_marker', { n: i + 1, name: b.nama });
        const el = h('span', { class: 'site-marker', title: label, 'aria-label': label, 'data-testid': 'station-marker' }, String(i + 1));
        return new maplibregl.Marker({ element: el }).setLngLat([b.lon, b.lat]).addTo(map);
      });
      const share = (people: number) => (r.penduduk > 0 ? fmtPercent(people / r.penduduk) : '–');
      out.replaceChildren(
        h(
          'p',
          { 'data-testid': 'stations-summary' },
          t('stations_summary', {
            n: r.pangkalan.length,
            calon: r.calon,
            people: fmtNumber(r.penduduk_tercakup, 0),
            share: share(r.penduduk_tercakup),
            m: r.menit,
          }),
        ),
        r.model === 'mexclp'
          ? h(
              'p',
              {},
              t('stations_expected', { q: fmtPercent(r.sibuk), people: fmtNumber(r.cakupan_harapan, 0), share: share(r.cakupan_harapan) }),
            )
          : '',
        r.status !== 'optimal' ? h('p', { class: 'muted' }, t('stations_time_limit')) : '',
        dataTable(
          r.pangkalan.map((b, i) => ({ urutan: i + 1, kode: b.kode, nama: b.nama, penduduk_dalam_t: b.penduduk_dalam_t })),
          { testid: 'stations-table', filter: false },
        ),
      );
    }
  }

  void analyse();
  return () => {
    stopPlan();
    for (const m of markers) m.remove();
    popup.remove();
    destroyMap(map);
  };
}
