// The scenario map's sources and layers: desa coloured by minutes (before, after, change), flooded
// desa and drawn areas hatched, closed facilities greyed, proposed sites; and its legend.
// GeoJSON sources only; the hatch is an image made here (no sprite server).

import type { ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import { t, type Key } from '../../i18n';
import { extend, getFC, getLayer, kGrey, minuteColour, minuteLegendItems, swatch, type FC } from '../../mapbase';
import { h } from '../../ui';
import type { Actions, ScenarioPage } from './context';
import { draftFC, mergedDesa, polygonsFC, sitesFC, type View } from './state';

export const kFloodBlue = '#1c5fa8';
export const kFacility = '#00695c';
export const kSite = '#6a1b9a';
/** Change in minutes: faster, unchanged (< 1), +1–10, +10–30, +30–60, > 60 or no longer reachable. */
export const kChangeColours = ['#4393c3', '#f2f2f2', '#fdd49e', '#fc8d59', '#d7301f', '#7f0000'];
/** A filter that matches nothing (until the scenario has flooded desa or closed facilities). */
const kNone: ExpressionSpecification = ['in', ['get', 'kode'], ['literal', []]];

function changeColour(): ExpressionSpecification {
  const v: ExpressionSpecification = ['get', 'selisih'];
  return [
    'case',
    ['==', ['typeof', v], 'number'],
    [
      'step',
      v,
      kChangeColours[0],
      -1,
      kChangeColours[1],
      1,
      kChangeColours[2],
      10,
      kChangeColours[3],
      30,
      kChangeColours[4],
      60,
      kChangeColours[5],
    ],
    kGrey,
  ];
}

export function desaColour(view: View): ExpressionSpecification {
  if (view === 'selisih') return changeColour();
  if (view === 'sesudah') return minuteColour(['get', 'menit_sesudah']);
  return minuteColour(['coalesce', ['get', 'menit_sebelum'], ['get', 'menit']]);
}

/** An 8×8 diagonal hatch for flooded areas (a fill-pattern image; no sprite server needed). */
export function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; ++y) {
    for (let x = 0; x < size; ++x) {
      const i = (y * size + x) * 4;
      const on = (x + y) % size < 2;
      data.set(on ? [28, 95, 168, 235] : [28, 95, 168, 40], i);
    }
  }
  return { width: size, height: size, data };
}

type LayerActions = Pick<Actions, 'setSource' | 'drawDraft' | 'drawScenarioLayers' | 'applyView' | 'drawLegend'>;

export function createLayers(page: ScenarioPage): LayerActions & { loadData: () => Promise<void> } {
  const { st, map, container, legend } = page;

  function setSource(id: string, fc: FC): void {
    const src = map.getSource(id) as GeoJSONSource | undefined;
    if (src) src.setData(fc);
    else map.addSource(id, { type: 'geojson', data: fc });
  }

  function drawDraft(): void {
    if (!map.getSource('draft')) return;
    setSource('draft', draftFC(st.drawing));
    page.act.updateDrawButtons();
  }

  function drawScenarioLayers(): void {
    if (!map.getLayer('desa-flood-fill')) return;
    const flooded: ExpressionSpecification = ['in', ['get', 'kode'], ['literal', [...st.draft.banjirDesa]]];
    map.setFilter('desa-flood-fill', flooded);
    map.setFilter('desa-flood-line', flooded);
    map.setFilter('facilities-closed', ['in', ['get', 'kode'], ['literal', [...st.draft.tutup]]]);
    setSource('drawn', polygonsFC(st.draft.polygons));
  }

  function applyView(): void {
    container.dataset.view = st.view;
    if (map.getLayer('desa-fill')) map.setPaintProperty('desa-fill', 'fill-color', desaColour(st.view));
    drawLegend();
  }

  function addLayers(): void {
    map.addLayer({ id: 'desa-fill', type: 'fill', source: 'desa', paint: { 'fill-color': desaColour(st.view), 'fill-opacity': 0.65 } });
    map.addLayer({ id: 'water-fill', type: 'fill', source: 'water', paint: { 'fill-color': '#9ecae1', 'fill-opacity': 0.8 } });
    map.addLayer({ id: 'rivers-line', type: 'line', source: 'rivers', paint: { 'line-color': '#4a90c2', 'line-width': 1.2 } });
    map.addLayer({ id: 'desa-line', type: 'line', source: 'desa', paint: { 'line-color': '#ffffff', 'line-width': 0.4 } });
    map.addLayer({ id: 'kecamatan-line', type: 'line', source: 'kecamatan', paint: { 'line-color': '#37474f', 'line-width': 1.6 } });
    map.addLayer({ id: 'desa-flood-fill', type: 'fill', source: 'desa', filter: kNone, paint: { 'fill-pattern': 'hatch' } });
    map.addLayer({
      id: 'desa-flood-line',
      type: 'line',
      source: 'desa',
      filter: kNone,
      paint: { 'line-color': kFloodBlue, 'line-width': 2 },
    });
    map.addLayer({ id: 'drawn-fill', type: 'fill', source: 'drawn', paint: { 'fill-pattern': 'hatch' } });
    map.addLayer({
      id: 'drawn-line',
      type: 'line',
      source: 'drawn',
      paint: { 'line-color': kFloodBlue, 'line-width': 2, 'line-dasharray': [2, 1] },
    });
    map.addLayer({
      id: 'draft-line',
      type: 'line',
      source: 'draft',
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': '#f0a500', 'line-width': 2.5, 'line-dasharray': [1, 1] },
    });
    map.addLayer({
      id: 'draft-points',
      type: 'circle',
      source: 'draft',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-color': '#ffffff', 'circle-radius': 4, 'circle-stroke-color': '#f0a500', 'circle-stroke-width': 2 },
    });
    map.addLayer({
      id: 'facilities-circle',
      type: 'circle',
      source: 'facilities',
      paint: {
        'circle-color': kFacility,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 4.5, 12, 9],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    });
    map.addLayer({
      id: 'facilities-closed',
      type: 'circle',
      source: 'facilities',
      filter: kNone,
      paint: {
        'circle-color': '#9e9e9e',
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 6, 12, 11],
        'circle-stroke-color': '#c62828',
        'circle-stroke-width': 3,
      },
    });
    map.addLayer({
      id: 'sites-circle',
      type: 'circle',
      source: 'sites',
      paint: {
        'circle-color': kSite,
        'circle-opacity': 0.25,
        'circle-radius': 16,
        'circle-stroke-color': kSite,
        'circle-stroke-width': 1.5,
      },
    });
  }

  /** Loads the desa, kecamatan, facilities, rivers and water, then adds the layers. */
  async function loadData(): Promise<void> {
    const [desa, kecamatan, facilities, rivers, water] = await Promise.all([
      getFC('map/regions', { level: 'desa' }),
      getFC('map/regions', { level: 'kecamatan' }),
      getFC('map/facilities'),
      getLayer('rivers'),
      getLayer('water'),
    ]);
    if (st.gone) return; // the page was left meanwhile
    st.desaFC = desa;
    for (const f of desa.features) st.desaNames.set(String(f.properties?.kode ?? ''), String(f.properties?.nama ?? ''));
    for (const f of facilities.features) st.facilityNames.set(String(f.properties?.kode ?? ''), String(f.properties?.nama ?? ''));
    page.act.setPickerOptions(new Map(kecamatan.features.map((f) => [String(f.properties?.kode ?? ''), String(f.properties?.nama ?? '')])));
    const data: Record<string, FC> = {
      desa: mergedDesa(st.desaFC, st.result),
      kecamatan,
      facilities,
      rivers,
      water,
      drawn: polygonsFC(st.draft.polygons),
      draft: draftFC([]),
      sites: sitesFC(st.sites),
    };
    for (const [id, fc] of Object.entries(data)) setSource(id, fc);
    if (!map.hasImage('hatch')) map.addImage('hatch', hatchImage());
    addLayers();
    drawScenarioLayers();
    page.act.refreshEditorLists();
    let b = extend(null, kecamatan);
    b = extend(b, desa);
    b = extend(b, facilities);
    if (b) map.fitBounds(b, { padding: 30, animate: false });
    container.dataset.ready = '1';
  }

  function drawLegend(): void {
    const hatch = `background-image:repeating-linear-gradient(45deg, ${kFloodBlue} 0 2px, rgba(28,95,168,.15) 2px 6px);border-color:${kFloodBlue}`;
    const desaItems =
      st.view === 'selisih'
        ? [
            swatch(kChangeColours[0], t('scn_change_faster')),
            swatch(kChangeColours[1], t('scn_change_same')),
            swatch(kChangeColours[2], t('scn_change_plus', { n: '1–10' })),
            swatch(kChangeColours[3], t('scn_change_plus', { n: '10–30' })),
            swatch(kChangeColours[4], t('scn_change_plus', { n: '30–60' })),
            swatch(kChangeColours[5], t('scn_change_worst')),
            swatch(kGrey, t('no_data')),
          ]
        : minuteLegendItems();
    legend.replaceChildren(
      h('h2', {}, t('legend')),
      h('h3', {}, t(`scn_view_${st.view}_legend` as Key)),
      h('ul', {}, desaItems),
      h('h3', {}, t('scn_legend_scenario')),
      h(
        'ul',
        {},
        swatch('transparent', t('scn_legend_flooded'), false, hatch),
        swatch(kFacility, t('scn_legend_facility'), true),
        swatch('#9e9e9e', t('scn_legend_closed'), true, 'border:3px solid #c62828'),
        st.sites ? swatch(kSite, t('scn_legend_site'), true) : null,
      ),
    );
  }

  return { setSource, drawDraft, drawScenarioLayers, applyView, drawLegend, loadData };
}
