// The scenario page's state: one object that every part of the page reads and changes, and the
// transitions on it that do not touch the DOM or the map (so they are unit-tested in state.test.ts).

import type { Schema } from '../../api';
import type { FC } from '../../mapbase';

export type Mode = 'view' | 'desa' | 'draw' | 'close';
export type View = 'sebelum' | 'sesudah' | 'selisih';
export type Tab = 'edit' | 'compare' | 'sites';
export type LngLat = [number, number];

export type ScenarioRow = Schema<'ScenarioRow'>;
export type ScenarioDoc = Schema<'Scenario'>;
export type ScenarioInput = Schema<'ScenarioInput'>;
export type CompareResult = Schema<'CompareResult'>;
export type SitesResult = Schema<'SitesResult'>;
export type AddedFacility = Schema<'AddedFacility'>;
export type ScenarioSaved = Schema<'ScenarioSaved'>;

/** The scenario in the editor, as the user sees it (saved or not). */
export interface Draft {
  nama: string;
  keterangan: string;
  /** Speed factor in flooded areas, 0 (impassable) .. 1. */
  faktor: number;
  tutupBanjir: boolean;
  tutup: Set<string>;
  banjirDesa: Set<string>;
  /** Drawn flooded areas: open rings (the first point is not repeated). */
  polygons: LngLat[][];
  /** Added facilities of a stored scenario (from the CLI): kept when saving. */
  tambah: AddedFacility[];
}

export interface ScenarioState {
  scenarios: ScenarioRow[];
  /** The stored scenario shown / compared. */
  selected: string | null;
  /** The version (ETag) of the selected scenario as loaded: a save over it sends it back. */
  version: string;
  /** The stored scenario holds CLI-only changes (speeds, cut roads). */
  loadedExtras: boolean;
  /** The editor differs from what is stored. */
  dirty: boolean;
  mode: Mode;
  view: View;
  tab: Tab;
  draft: Draft;
  /** The polygon being drawn. */
  drawing: LngLat[];
  result: CompareResult | null;
  sites: SitesResult | null;
  desaFC: FC;
  desaNames: Map<string, string>;
  facilityNames: Map<string, string>;
  /** The page was left: late answers are dropped, nothing more is asked. */
  gone: boolean;
}

export const kDefaultFaktor = 0.2;
export const kNamePattern = /^[A-Za-z0-9_-]+$/;
export const kEmptyFC: FC = { type: 'FeatureCollection', features: [] };

export function emptyDraft(): Draft {
  return {
    nama: '',
    keterangan: '',
    faktor: kDefaultFaktor,
    tutupBanjir: false,
    tutup: new Set(),
    banjirDesa: new Set(),
    polygons: [],
    tambah: [],
  };
}

export function initialState(): ScenarioState {
  return {
    scenarios: [],
    selected: null,
    version: '',
    loadedExtras: false,
    dirty: false,
    mode: 'view',
    view: 'sebelum',
    tab: 'edit',
    draft: emptyDraft(),
    drawing: [],
    result: null,
    sites: null,
    desaFC: kEmptyFC,
    desaNames: new Map(),
    facilityNames: new Map(),
    gone: false,
  };
}

/** What is wrong with a scenario name (an i18n key), or null. */
export function nameProblem(nama: string): 'scn_name_required' | 'scn_name_invalid' | null {
  if (!nama) return 'scn_name_required';
  if (nama.length > 64 || !kNamePattern.test(nama)) return 'scn_name_invalid';
  return null;
}

/** Floods or unfloods a desa; true when it is now flooded. */
export function toggleDesa(s: ScenarioState, kode: string): boolean {
  const flooded = !s.draft.banjirDesa.delete(kode);
  if (flooded) s.draft.banjirDesa.add(kode);
  s.dirty = true;
  return flooded;
}

/** Closes or reopens a facility; true when it is now closed. */
export function toggleFacility(s: ScenarioState, kode: string): boolean {
  const closed = !s.draft.tutup.delete(kode);
  if (closed) s.draft.tutup.add(kode);
  s.dirty = true;
  return closed;
}

/** Ends the polygon being drawn; false (and nothing changes) under three points. */
export function finishPolygon(s: ScenarioState): boolean {
  if (s.drawing.length < 3) return false;
  s.draft.polygons.push(s.drawing);
  s.drawing = [];
  s.dirty = true;
  return true;
}

/** Removes the last vertex, else the last polygon; true when a polygon was removed. */
export function undoDraw(s: ScenarioState): boolean {
  if (s.drawing.length) {
    s.drawing.pop();
    return false;
  }
  if (!s.draft.polygons.length) return false;
  s.draft.polygons.pop();
  s.dirty = true;
  return true;
}

/** Drops the polygon being drawn and every drawn polygon. */
export function clearDrawn(s: ScenarioState): void {
  s.drawing = [];
  if (s.draft.polygons.length) s.dirty = true;
  s.draft.polygons = [];
}

/** A desa code from what was typed: "Name (code)", a code, or a name that only one desa has. */
export function resolveDesa(
  text: string,
  names: Map<string, string>,
): { kode: string } | { error: 'scn_ambiguous_desa' | 'scn_unknown_desa' } {
  const m = /\(([^()]+)\)\s*$/.exec(text);
  const kode = m ? m[1] : text;
  if (names.has(kode)) return { kode };
  const byName = [...names].filter(([, n]) => n.toLowerCase() === text.toLowerCase());
  if (byName.length === 1) return { kode: byName[0][0] };
  return { error: byName.length > 1 ? 'scn_ambiguous_desa' : 'scn_unknown_desa' };
}

function openRing(ring: number[][]): LngLat[] {
  const r = ring.map((c) => [c[0], c[1]] as LngLat);
  const closed = r.length > 1 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1];
  return closed ? r.slice(0, -1) : r;
}

/** Shows a stored scenario in the editor: flooded desa, drawn polygons, closed facilities. */
export function loadScenario(s: ScenarioState, doc: ScenarioDoc): void {
  const feats = doc.banjir.features;
  const polygons: LngLat[][] = [];
  for (const f of feats) {
    if (f.properties.desa || !f.geometry) continue;
    const coords = f.geometry.coordinates as number[][][] | number[][][][] | undefined;
    if (f.geometry.type === 'Polygon' && coords) polygons.push(openRing((coords as number[][][])[0]));
    // Multi-polygons (from the CLI) are kept as one polygon per part.
    if (f.geometry.type === 'MultiPolygon' && coords) for (const part of coords as number[][][][]) polygons.push(openRing(part[0]));
  }
  const faktor = feats.map((f) => f.properties.faktor).find((x) => typeof x === 'number');
  s.draft = {
    nama: doc.nama,
    keterangan: doc.keterangan,
    faktor: typeof faktor === 'number' ? Math.max(0, Math.min(1, faktor)) : kDefaultFaktor,
    tutupBanjir: false,
    tutup: new Set(doc.tutup),
    banjirDesa: new Set(feats.map((f) => f.properties.desa).filter(Boolean)),
    polygons,
    tambah: doc.tambah,
  };
  s.loadedExtras = Object.keys(doc.kecepatan).length > 0 || doc.putus > 0;
  s.drawing = [];
  s.selected = doc.nama;
  s.dirty = false;
}

/** A new, empty scenario in the editor. */
export function resetDraft(s: ScenarioState): void {
  s.draft = emptyDraft();
  s.drawing = [];
  s.selected = null;
  s.loadedExtras = false;
  s.dirty = false;
}

function polygonGeometry(ring: LngLat[]): GeoJSON.Polygon {
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

/** The body of POST /scenarios for the editor's scenario. */
export function scenarioBody(d: Draft): ScenarioInput {
  const faktor = d.faktor;
  return {
    nama: d.nama,
    keterangan: d.keterangan,
    tutup: [...d.tutup],
    banjir_desa: [...d.banjirDesa],
    faktor_banjir: faktor,
    tutup_yang_kebanjiran: d.tutupBanjir,
    banjir: {
      type: 'FeatureCollection',
      features: d.polygons.map((ring) => ({ type: 'Feature', properties: { faktor }, geometry: polygonGeometry(ring) })),
    },
    tambah: d.tambah,
  };
}

export function polygonsFC(polygons: LngLat[][]): FC {
  return {
    type: 'FeatureCollection',
    features: polygons.map((ring, i) => ({ type: 'Feature', properties: { i }, geometry: polygonGeometry(ring) })),
  };
}

/** The polygon being drawn: its vertices, and its outline from two vertices on. */
export function draftFC(drawing: LngLat[]): FC {
  const features: GeoJSON.Feature[] = drawing.map((p) => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates: p },
  }));
  if (drawing.length >= 2)
    features.push({
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: drawing.length >= 3 ? [...drawing, drawing[0]] : drawing },
    });
  return { type: 'FeatureCollection', features };
}

export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Change in minutes standing for "no longer reachable". */
export const kUnreachable = 1e6;

/** Minutes after minus before; kUnreachable when reachable before and not after; else null. */
export function minutesChange(before: number | null, after: number | null): number | null {
  if (before !== null && after !== null) return after - before;
  return before !== null ? kUnreachable : null;
}

/** The desa polygons with the comparison's minutes (and the change) added when there is one. */
export function mergedDesa(desaFC: FC, result: CompareResult | null): FC {
  if (!result) return desaFC;
  const byKode = new Map(result.desa.map((r) => [String(r.kode_wilayah), r]));
  return {
    type: 'FeatureCollection',
    features: desaFC.features.map((f) => {
      const r = byKode.get(String(f.properties?.kode ?? ''));
      if (!r) return f;
      const before = num(r.menit_sebelum);
      const after = num(r.menit_sesudah);
      const selisih = minutesChange(before, after);
      return {
        ...f,
        properties: {
          ...f.properties,
          menit_sebelum: before,
          menit_sesudah: after,
          selisih,
          kehilangan_60: num(r.kehilangan_60),
          terdekat_sebelum: r.terdekat_sebelum,
          terdekat_sesudah: r.terdekat_sesudah,
        },
      };
    }),
  };
}

export function sitesFC(sites: SitesResult | null): FC {
  return {
    type: 'FeatureCollection',
    features: (sites?.lokasi ?? []).map((s) => ({
      type: 'Feature',
      properties: { urutan: s.urutan, kode: s.kode, nama: s.nama },
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
    })),
  };
}

type TableRow = Schema<'TableRow'>;
export type DesaLossRow = TableRow & { selisih: number | null; terdekat: string };
export type FacilityJumpRow = TableRow & { kenaikan: number | null };

/**
 * The desa of a comparison that lose people within 30, 60 or 120 minutes (half a person or more),
 * whose minutes change by one or more, or that are no longer reachable; most people lost within
 * 60 minutes first, then the largest change. `facName` names the nearest facility before → after.
 */
export function desaLossRows(r: CompareResult, facName: (kode: unknown) => string): DesaLossRow[] {
  return r.desa
    .map((d): DesaLossRow => {
      const before = num(d.menit_sebelum);
      const after = num(d.menit_sesudah);
      return {
        ...d,
        selisih: before !== null && after !== null ? after - before : null,
        terdekat: `${facName(d.terdekat_sebelum)} → ${facName(d.terdekat_sesudah)}`,
      };
    })
    .filter(
      (d) =>
        (num(d.kehilangan_30) ?? 0) >= 0.5 ||
        (num(d.kehilangan_60) ?? 0) >= 0.5 ||
        (num(d.kehilangan_120) ?? 0) >= 0.5 ||
        Math.abs(d.selisih ?? 0) >= 1 ||
        (d.menit_sebelum !== null && d.menit_sesudah === null),
    )
    .sort((a, b) => (num(b.kehilangan_60) ?? 0) - (num(a.kehilangan_60) ?? 0) || (b.selisih ?? 0) - (a.selisih ?? 0));
}

/** The facilities of a comparison with the rise of people per worker (%); `onlyJumps`: those flagged `lonjakan`. Largest rise first. */
export function facilityJumpRows(r: CompareResult, onlyJumps: boolean): FacilityJumpRow[] {
  return r.fasyankes
    .map((f): FacilityJumpRow => {
      const a = num(f.per_tenaga_sebelum);
      const b = num(f.per_tenaga_sesudah);
      return { ...f, kenaikan: a && b !== null ? (100 * (b - a)) / a : null };
    })
    .filter((f) => !onlyJumps || f.lonjakan === true)
    .sort((a, b) => (b.kenaikan ?? -1e9) - (a.kenaikan ?? -1e9));
}

/** The limits of POST /plan/sites (docs/openapi.yaml). */
export const kSitesK = { min: 1, max: 1000 };
export const kSitesMinutes = { min: 1, max: 1440 };

/** The body of POST /plan/sites, or the i18n key of what is wrong with the form's values. */
export function sitesRequest(
  k: number,
  minutes: number,
  objective: string,
  skenario: string | null,
): { body: Schema<'SitesRequest'> } | { error: 'scn_sites_k_invalid' | 'scn_sites_min_invalid' } {
  if (!Number.isInteger(k) || k < kSitesK.min || k > kSitesK.max) return { error: 'scn_sites_k_invalid' };
  if (!(minutes >= kSitesMinutes.min && minutes <= kSitesMinutes.max)) return { error: 'scn_sites_min_invalid' };
  const body: Schema<'SitesRequest'> = { k, minutes, objective: objective === 'mean-time' ? 'mean-time' : 'coverage' };
  if (skenario) body.skenario = skenario;
  return { body };
}
