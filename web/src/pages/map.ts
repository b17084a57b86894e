// The map: desa and kecamatan polygons, roads/rivers/water, and facilities coloured by their
// staffing ratio; desa coloured by travel time or 60-minute coverage. MapLibre with a style of one
// background layer plus GeoJSON sources (no tiles, no glyphs: names are shown in popups).

import type { ExpressionSpecification, GeoJSONSource, MapGeoJSONFeature } from 'maplibre-gl';
import { accessRunControl } from '../access_run';
import { t, type Key } from '../i18n';
import {
  createMap,
  destroyMap,
  extend,
  getFC,
  getLayer,
  kCoverageColours,
  kGrey,
  kMinuteColours,
  kRatioColours,
  maplibregl,
  minuteColour,
  type FC,
} from '../mapbase';
import type { PageContext } from '../main';
import { fmtNumber, fmtPercent, h, showError, statusBadge } from '../ui';

type ColourMode = 'menit' | 'dalam_60';

function desaColour(mode: ColourMode): ExpressionSpecification {
  if (mode === 'menit') return minuteColour(['get', 'menit']);
  const value: ExpressionSpecification = ['get', mode];
  return [
    'case',
    ['==', ['typeof', value], 'number'],
    ['step', value, kCoverageColours[0], 0.5, kCoverageColours[1], 0.8, kCoverageColours[2], 0.95, kCoverageColours[3]],
    kGrey,
  ];
}

const facilityColour: ExpressionSpecification = [
  'case',
  ['==', ['typeof', ['get', 'rasio']], 'number'],
  ['step', ['get', 'rasio'], kRatioColours[0], 0.5, kRatioColours[1], 0.8, kRatioColours[2], 1, kRatioColours[3]],
  kGrey,
];

/** Layer groups the switcher turns on and off. */
const kGroups: { id: string; label: Key; layers: string[]; on: boolean }[] = [
  { id: 'desa', label: 'layer_desa', layers: ['desa-fill', 'desa-line'], on: true },
  { id: 'kecamatan', label: 'layer_kecamatan', layers: ['kecamatan-line'], on: true },
  { id: 'water', label: 'layer_water', layers: ['water-fill'], on: true },
  { id: 'rivers', label: 'layer_rivers', layers: ['rivers-line'], on: true },
  { id: 'roads', label: 'layer_roads', layers: ['roads-line'], on: false },
  { id: 'facilities', label: 'layer_facilities', layers: ['facilities-circle'], on: true },
];

export function renderMap(root: HTMLElement, ctx: PageContext): () => void {
  let mode: ColourMode = 'menit';
  const container = h('div', { class: 'map', role: 'region', 'aria-label': t('map_label'), 'data-testid': 'map' });
  const legend = h('div', { class: 'legend', 'data-testid': 'map-legend' });
  const note = h('p', { class: 'note', hidden: true, 'data-testid': 'map-note' }, t('map_no_access'));
  const side = h('aside', { class: 'map-side panel' }, h('h1', {}, t('map_title')));
  root.append(h('div', { class: 'map-page' }, container, side));

  const map = createMap(container);
  const popup = new maplibregl.Popup({ closeButton: true, maxWidth: '320px' });

  let access: { el: HTMLElement; stop: () => void } | null = null;
  // An access run covers the whole workspace: not for a user scoped to a region.
  if ((ctx.session.role === 'admin' || ctx.session.role === 'planner') && ctx.session.wilayah === '') {
    access = accessRunControl(() => void loadData(false));
  }

  // ---- controls ----
  const layerBox = h(
    'fieldset',
    { class: 'layers', 'data-testid': 'layer-switcher' },
    h('legend', {}, t('layers')),
    kGroups.map((g) =>
      h(
        'label',
        { class: 'check' },
        h('input', {
          type: 'checkbox',
          checked: g.on,
          'data-testid': `layer-${g.id}`,
          onchange: (e: Event) => {
            g.on = (e.target as HTMLInputElement).checked;
            for (const id of g.layers) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', g.on ? 'visible' : 'none');
          },
        }),
        ' ',
        t(g.label),
      ),
    ),
  );
  const modeBox = h(
    'fieldset',
    { class: 'layers' },
    h('legend', {}, t('colour_by')),
    (['menit', 'dalam_60'] as ColourMode[]).map((m) =>
      h(
        'label',
        { class: 'check' },
        h('input', {
          type: 'radio',
          name: 'colour-mode',
          value: m,
          checked: m === mode,
          'data-testid': `colour-${m}`,
          onchange: () => {
            mode = m;
            if (map.getLayer('desa-fill')) map.setPaintProperty('desa-fill', 'fill-color', desaColour(mode));
            drawLegend();
          },
        }),
        ' ',
        t(`colour_${m}` as Key),
      ),
    ),
  );
  side.append(access?.el ?? '', note, modeBox, layerBox, legend);

  function drawLegend(): void {
    const swatch = (colour: string, label: string, round = false) =>
      h('li', {}, h('span', { class: `swatch${round ? ' round' : ''}`, style: `background:${colour}` }), label);
    const desaItems =
      mode === 'menit'
        ? [
            ['≤ 30', 0],
            ['30–60', 1],
            ['60–120', 2],
            ['> 120', 3],
          ].map(([l, i]) => swatch(kMinuteColours[i as number], t('minutes_short', { n: l as string })))
        : [
            ['< 50 %', 0],
            ['50–80 %', 1],
            ['80–95 %', 2],
            ['≥ 95 %', 3],
          ].map(([l, i]) => swatch(kCoverageColours[i as number], l as string));
    legend.replaceChildren(
      h('h2', {}, t('legend')),
      h('h3', {}, t(`colour_${mode}` as Key)),
      h('ul', {}, desaItems, swatch(kGrey, t('no_data'))),
      h('h3', {}, t('legend_facility')),
      h(
        'ul',
        {},
        (['ratio_low', 'ratio_mid', 'ratio_near', 'ratio_ok'] as Key[]).map((k, i) => swatch(kRatioColours[i], t(k), true)),
        swatch(kGrey, t('no_data'), true),
      ),
    );
  }
  drawLegend();

  // ---- data ----
  async function loadData(fit: boolean): Promise<void> {
    const [desa, kecamatan, facilities, roads, rivers, water] = await Promise.all([
      getFC('map/regions', { level: 'desa' }),
      getFC('map/regions', { level: 'kecamatan' }),
      getFC('map/facilities'),
      getLayer('roads'),
      getLayer('rivers'),
      getLayer('water'),
    ]);
    if (!map.getStyle()) return; // the page was left meanwhile
    const data: Record<string, FC> = { desa, kecamatan, facilities, roads, rivers, water };
    for (const [id, fc] of Object.entries(data)) {
      const src = map.getSource(id) as GeoJSONSource | undefined;
      if (src) src.setData(fc);
      else map.addSource(id, { type: 'geojson', data: fc });
    }
    if (!map.getLayer('desa-fill')) addLayers();
    note.hidden = desa.features.length === 0 || desa.features.some((f) => typeof f.properties?.menit === 'number');
    if (fit) {
      let b = extend(null, kecamatan);
      b = extend(b, desa);
      b = extend(b, facilities);
      if (b) map.fitBounds(b, { padding: 30, animate: false });
    }
  }

  function addLayers(): void {
    const vis = (group: string) => (kGroups.find((g) => g.id === group)?.on ? 'visible' : 'none');
    map.addLayer({
      id: 'desa-fill',
      type: 'fill',
      source: 'desa',
      layout: { visibility: vis('desa') },
      paint: { 'fill-color': desaColour(mode), 'fill-opacity': 0.65 },
    });
    map.addLayer({
      id: 'water-fill',
      type: 'fill',
      source: 'water',
      layout: { visibility: vis('water') },
      paint: { 'fill-color': '#9ecae1', 'fill-opacity': 0.8 },
    });
    map.addLayer({
      id: 'rivers-line',
      type: 'line',
      source: 'rivers',
      layout: { visibility: vis('rivers') },
      paint: { 'line-color': '#4a90c2', 'line-width': 1.2 },
    });
    map.addLayer({
      id: 'roads-line',
      type: 'line',
      source: 'roads',
      layout: { visibility: vis('roads') },
      paint: { 'line-color': '#7a5c3e', 'line-width': 0.8 },
    });
    map.addLayer({
      id: 'desa-line',
      type: 'line',
      source: 'desa',
      layout: { visibility: vis('desa') },
      paint: { 'line-color': '#ffffff', 'line-width': 0.4 },
    });
    map.addLayer({
      id: 'kecamatan-line',
      type: 'line',
      source: 'kecamatan',
      layout: { visibility: vis('kecamatan') },
      paint: { 'line-color': '#37474f', 'line-width': 1.6 },
    });
    map.addLayer({
      id: 'facilities-circle',
      type: 'circle',
      source: 'facilities',
      layout: { visibility: vis('facilities') },
      paint: {
        'circle-color': facilityColour,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 4, 12, 9],
        'circle-stroke-color': '#263238',
        'circle-stroke-width': 1,
      },
    });
  }

  function facilityPopup(f: MapGeoJSONFeature): HTMLElement {
    const p = f.properties as Record<string, unknown>;
    return h(
      'div',
      { class: 'popup', 'data-testid': 'popup-facility' },
      h('h3', {}, String(p.nama ?? p.kode ?? '')),
      h(
        'dl',
        {},
        h('dt', {}, t('col_kode')),
        h('dd', {}, String(p.kode ?? '')),
        h('dt', {}, t('popup_jenis')),
        h('dd', {}, String(p.jenis ?? '')),
        h('dt', {}, t('popup_tenaga')),
        h('dd', {}, fmtNumber(p.tenaga)),
        h('dt', {}, t('popup_kebutuhan')),
        h('dd', {}, fmtNumber(p.kebutuhan)),
        h('dt', {}, t('popup_rasio')),
        h('dd', {}, fmtNumber(p.rasio)),
        p.status ? [h('dt', {}, t('popup_status')), h('dd', {}, statusBadge(String(p.status)))] : null,
      ),
    );
  }

  function desaPopup(f: MapGeoJSONFeature): HTMLElement {
    const p = f.properties as Record<string, unknown>;
    const minutes = typeof p.menit === 'number' ? t('minutes_short', { n: fmtNumber(p.menit, 0) }) : t('no_data');
    return h(
      'div',
      { class: 'popup', 'data-testid': 'popup-desa' },
      h('h3', {}, String(p.nama ?? '')),
      h(
        'dl',
        {},
        h('dt', {}, t('col_kode')),
        h('dd', {}, String(p.kode ?? '')),
        h('dt', {}, t('popup_penduduk')),
        h('dd', {}, fmtNumber(p.penduduk)),
        h('dt', {}, t('popup_menit')),
        h('dd', {}, minutes),
        [30, 60, 120].map((n) => [h('dt', {}, t('popup_dalam', { n })), h('dd', {}, fmtPercent(p[`dalam_${n}`]))]),
      ),
    );
  }

  map.on('click', (e) => {
    const layers = ['facilities-circle', 'desa-fill'].filter(
      (id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none',
    );
    if (!layers.length) return;
    const hit = map.queryRenderedFeatures(e.point, { layers });
    const fac = hit.find((f) => f.layer.id === 'facilities-circle');
    const desa = hit.find((f) => f.layer.id === 'desa-fill');
    const content = fac ? facilityPopup(fac) : desa ? desaPopup(desa) : null;
    if (content) popup.setLngLat(e.lngLat).setDOMContent(content).addTo(map);
  });
  for (const id of ['facilities-circle', 'desa-fill']) {
    map.on('mouseenter', id, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', id, () => (map.getCanvas().style.cursor = ''));
  }
  map.on('load', () => void loadData(true).catch(showError));

  return () => {
    access?.stop();
    popup.remove();
    destroyMap(map);
  };
}
