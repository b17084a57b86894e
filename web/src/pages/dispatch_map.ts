// The dispatcher's map: villages and water for orientation, the flooded areas and closed
// facilities of the scenario in force, the open incidents coloured by priority and the units by
// kind (a white ring: available). A click on an empty spot hands its position to the intake form
// and leaves a marker; a click on an incident or a unit shows its popup.

import type { GeoJSONSource, MapGeoJSONFeature } from 'maplibre-gl';
import { get } from '../api';
import { t, type Key } from '../i18n';
import { createMap, destroyMap, extend, getFC, getLayer, kEmpty, maplibregl, swatch, type FC } from '../mapbase';
import { h } from '../ui';

export const kPriorityColours: Record<string, string> = { P1: '#c62828', P2: '#ef6c00', P3: '#f9a825', P4: '#2e7d32' };
export const kUnitColours: Record<string, string> = {
  ambulans: '#1565c0',
  motor: '#6a1b9a',
  perahu: '#00838f',
  tim_kunjungan: '#558b2f',
};
const kFloodColour = '#4292c6';

export interface DispatchMap {
  /** Reloads units, incidents and the flood of `scenario` ('' = those in force now). */
  refresh: (scenario: string) => Promise<void>;
  /** Centres the map on an incident. */
  focus: (lon: number, lat: number) => void;
  legend: HTMLElement;
  stop: () => void;
}

const match = (key: string, colours: Record<string, string>, fallback: string) =>
  ['match', ['get', key], ...Object.entries(colours).flat(), fallback] as unknown as maplibregl.ExpressionSpecification;

export function createDispatchMap(container: HTMLElement, onPick: (lon: number, lat: number) => void): DispatchMap {
  const map = createMap(container);
  const popup = new maplibregl.Popup({ closeButton: true, maxWidth: '300px' });
  let pick: maplibregl.Marker | null = null;
  let ready = false;
  let wanted = '';
  const legend = h('div', { class: 'legend', 'data-testid': 'dispatch-legend' });

  const drawLegend = (drawn: string[]) =>
    legend.replaceChildren(
      h('h3', {}, t('dispatch_map_incidents')),
      h(
        'ul',
        {},
        Object.entries(kPriorityColours).map(([p, c]) => swatch(c, p, true)),
      ),
      h('h3', {}, t('dispatch_map_units')),
      h(
        'ul',
        {},
        Object.entries(kUnitColours).map(([k, c]) =>
          swatch(c, t(`unit_${k}` as Key), true, 'border:2px solid #fff;outline:1px solid #263238'),
        ),
      ),
      h(
        'ul',
        {},
        swatch(kFloodColour, drawn.length ? t('dispatch_map_flood', { names: drawn.join(', ') }) : t('dispatch_map_no_flood')),
        drawn.length ? swatch('#ffffff', t('dispatch_map_closed'), true, 'border:2px solid #c62828') : '',
      ),
    );
  drawLegend([]);

  async function refresh(scenario: string): Promise<void> {
    wanted = scenario;
    if (!ready) return;
    const fc = await get<FC & { skenario: string[] }>('emergency/map', scenario ? { skenario: scenario } : {});
    if (wanted !== scenario || !map.getStyle()) return; // another scenario was asked meanwhile, or the page left
    (map.getSource('dispatch') as GeoJSONSource).setData(fc);
    drawLegend(fc.skenario);
    container.dataset.skenario = fc.skenario.join(' ');
    container.dataset.loaded = String(fc.features.length);
  }

  function addLayers(): void {
    map.addLayer({ id: 'desa-fill', type: 'fill', source: 'desa', paint: { 'fill-color': '#f5f5f0', 'fill-opacity': 0.9 } });
    map.addLayer({ id: 'water-fill', type: 'fill', source: 'water', paint: { 'fill-color': '#9ecae1', 'fill-opacity': 0.8 } });
    map.addLayer({ id: 'rivers-line', type: 'line', source: 'rivers', paint: { 'line-color': '#4a90c2', 'line-width': 1.2 } });
    map.addLayer({ id: 'desa-line', type: 'line', source: 'desa', paint: { 'line-color': '#b0bec5', 'line-width': 0.4 } });
    map.addLayer({
      id: 'flood-fill',
      type: 'fill',
      source: 'dispatch',
      filter: ['==', ['get', 'lapisan'], 'banjir'],
      paint: { 'fill-color': kFloodColour, 'fill-opacity': 0.45, 'fill-outline-color': '#08519c' },
    });
    map.addLayer({
      id: 'closed-circle',
      type: 'circle',
      source: 'dispatch',
      filter: ['==', ['get', 'lapisan'], 'tutup'],
      paint: { 'circle-color': '#ffffff', 'circle-radius': 6, 'circle-stroke-color': '#c62828', 'circle-stroke-width': 3 },
    });
    map.addLayer({
      id: 'unit-circle',
      type: 'circle',
      source: 'dispatch',
      filter: ['==', ['get', 'lapisan'], 'unit'],
      paint: {
        'circle-color': match('jenis', kUnitColours, '#455a64'),
        'circle-radius': 6,
        'circle-opacity': ['case', ['==', ['get', 'status'], 'tersedia'], 1, 0.45],
        'circle-stroke-color': ['case', ['==', ['get', 'status'], 'tersedia'], '#ffffff', '#263238'],
        'circle-stroke-width': 2,
      },
    });
    map.addLayer({
      id: 'incident-circle',
      type: 'circle',
      source: 'dispatch',
      filter: ['==', ['get', 'lapisan'], 'insiden'],
      paint: {
        'circle-color': match('prioritas', kPriorityColours, '#757575'),
        'circle-radius': 9,
        'circle-stroke-color': '#212121',
        'circle-stroke-width': 2,
      },
    });
  }

  function popupFor(f: MapGeoJSONFeature): HTMLElement {
    const p = f.properties as Record<string, unknown>;
    const row = (k: Key, v: unknown) => [h('dt', {}, t(k)), h('dd', {}, String(v ?? ''))];
    if (p.lapisan === 'insiden') {
      return h(
        'div',
        { class: 'popup', 'data-testid': 'popup-incident' },
        h('h3', {}, t('dispatch_map_incident', { id: String(p.id) })),
        h(
          'dl',
          {},
          row('dispatch_priority', p.prioritas),
          row('dispatch_category', p.kategori),
          row('dispatch_map_status', p.status),
          p.unit ? row('dispatch_map_unit', p.unit) : '',
        ),
      );
    }
    return h(
      'div',
      { class: 'popup', 'data-testid': 'popup-unit' },
      h('h3', {}, String(p.kode)),
      h(
        'dl',
        {},
        row('popup_jenis', t(`unit_${String(p.jenis)}` as Key)),
        row('dispatch_map_status', p.status),
        p.pangkalan ? row('dispatch_map_base', p.pangkalan) : '',
      ),
    );
  }

  map.on('click', (e) => {
    const hit = map.queryRenderedFeatures(e.point, { layers: ['incident-circle', 'unit-circle'] });
    if (hit[0]) {
      popup.setLngLat(e.lngLat).setDOMContent(popupFor(hit[0])).addTo(map);
      return;
    }
    const { lng, lat } = e.lngLat;
    pick ??= new maplibregl.Marker({ color: '#c62828' });
    pick.setLngLat([lng, lat]).addTo(map);
    onPick(Number(lng.toFixed(6)), Number(lat.toFixed(6)));
  });
  for (const id of ['incident-circle', 'unit-circle']) {
    map.on('mouseenter', id, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', id, () => (map.getCanvas().style.cursor = ''));
  }
  map.on('load', () => {
    void (async () => {
      const [desa, rivers, water] = await Promise.all([getFC('map/regions', { level: 'desa' }), getLayer('rivers'), getLayer('water')]);
      if (!map.getStyle()) return;
      map.addSource('desa', { type: 'geojson', data: desa });
      map.addSource('rivers', { type: 'geojson', data: rivers });
      map.addSource('water', { type: 'geojson', data: water });
      map.addSource('dispatch', { type: 'geojson', data: kEmpty });
      addLayers();
      const b = extend(null, desa);
      if (b) map.fitBounds(b, { padding: 20, animate: false });
      ready = true;
      await refresh(wanted);
    })();
  });

  return {
    refresh,
    focus: (lon, lat) => map.flyTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), 10), duration: 400 }),
    legend,
    stop: () => {
      popup.remove();
      pick?.remove();
      destroyMap(map);
    },
  };
}
