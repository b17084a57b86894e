// What the map pages share: MapLibre set up for a laptop without internet (a style of one
// background layer plus GeoJSON sources: no tiles, no glyphs, so no text layers), the colour
// scales, and loading the GeoJSON the API serves. Imported only by the lazily loaded map pages.

import * as maplibregl from 'maplibre-gl';
import type { ExpressionSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { get } from './api';
import { t } from './i18n';
import { h, showError } from './ui';

maplibregl.setWorkerUrl(workerUrl);

declare global {
  interface Window {
    __jangkauMap?: maplibregl.Map;
  }
}

export { maplibregl };

/** The GeoJSON the API returns (only what the pages read). */
export type FC = GeoJSON.FeatureCollection;
export const kEmpty: FC = { type: 'FeatureCollection', features: [] };
export const kGrey = '#bdbdbd';
export const kRatioColours = ['#d7301f', '#fc8d59', '#fee08b', '#1a9850'];
export const kMinuteColours = ['#1a9850', '#a6d96a', '#fdae61', '#d7191c'];
export const kCoverageColours = ['#d7191c', '#fdae61', '#a6d96a', '#1a9850'];

/** Travel minutes in the four bands of the map's legend (≤ 30, 30–60, 60–120, > 120); grey when unknown. */
export function minuteColour(value: ExpressionSpecification): ExpressionSpecification {
  return [
    'case',
    ['==', ['typeof', value], 'number'],
    ['step', value, kMinuteColours[0], 30, kMinuteColours[1], 60, kMinuteColours[2], 120, kMinuteColours[3]],
    kGrey,
  ];
}

/** The legend rows of `minuteColour`. */
export function minuteLegendItems(): HTMLElement[] {
  return [
    ...[
      ['≤ 30', 0],
      ['30–60', 1],
      ['60–120', 2],
      ['> 120', 3],
    ].map(([l, i]) => swatch(kMinuteColours[i as number], t('minutes_short', { n: l as string }))),
    swatch(kGrey, t('no_data')),
  ];
}

export function swatch(colour: string, label: string, round = false, extraStyle = ''): HTMLElement {
  return h('li', {}, h('span', { class: `swatch${round ? ' round' : ''}`, style: `background:${colour};${extraStyle}` }), label);
}

/** Grows `bounds` by every coordinate of `fc`. */
export function extend(bounds: maplibregl.LngLatBounds | null, fc: FC): maplibregl.LngLatBounds | null {
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      bounds = bounds ? bounds.extend([c[0], c[1]]) : new maplibregl.LngLatBounds([c[0], c[1]], [c[0], c[1]]);
    } else if (Array.isArray(c)) {
      for (const x of c) visit(x);
    }
  };
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return bounds;
}

export const getFC = (path: string, query?: Record<string, string>) => get<FC>(path, query).catch((e) => (showError(e), kEmpty));
export const getLayer = (kind: string) => get<FC>(`map/layers/${kind}`).catch(() => kEmpty); // a missing layer is normal

/** A map in `container` with the page style, zoom buttons and scale; it becomes `window.__jangkauMap`. */
export function createMap(container: HTMLElement): maplibregl.Map {
  const map = new maplibregl.Map({
    container,
    style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#e8eef0' } }] },
    center: [105.3, -3.4],
    zoom: 7,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    attributionControl: false,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  window.__jangkauMap = map;
  return map;
}

/** Removes the map; clears `window.__jangkauMap` if it is this one. */
export function destroyMap(map: maplibregl.Map): void {
  map.remove();
  if (window.__jangkauMap === map) delete window.__jangkauMap;
}
