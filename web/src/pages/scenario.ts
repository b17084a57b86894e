// The scenario page: what if a facility closes or an area floods? A planner marks flooded desa
// (click), draws flooded areas (polygons) and closes facilities on the map, saves the scenario
// (POST /scenarios), compares it with today (POST /scenarios/{nama}/compare, a background job) and
// sees before / after / change on the map with the losses per desa and the facilities whose load
// jumps. "New sites" (POST /plan/sites) proposes K places that would bring the most people within
// T minutes. Viewers see the stored scenarios read-only. MapLibre with GeoJSON sources only: the
// numbers of the proposed sites are HTML markers, not text layers (there is no glyph server).

import type { ExpressionSpecification, GeoJSONSource, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import { ApiError, del, get, post, type JobStarted, type Row } from '../api';
import { jobControl } from '../access_run';
import { lineChart } from '../charts';
import { t, type Key } from '../i18n';
import { createMap, destroyMap, extend, getFC, getLayer, kGrey, maplibregl, minuteColour, minuteLegendItems, swatch, type FC } from '../mapbase';
import type { PageContext } from '../main';
import { confirmDialog, dataTable, fmtNumber, h, notify, showError, tabs, uid, type Column } from '../ui';

// ---- API shapes (docs/http.md) -----------------------------------------------------------------

interface ScenarioRow {
  nama: string;
  keterangan?: string;
  area_banjir?: number;
  fasyankes_tutup?: number;
  fasyankes_baru?: number;
  kecepatan_diubah?: number;
  putus?: number;
  pengguna?: string;
  waktu?: string;
}
interface ScenarioDoc {
  nama: string;
  keterangan?: string;
  tutup?: string[];
  kecepatan?: Record<string, unknown> | unknown[];
  tambah?: unknown[];
  putus?: number | unknown[];
  banjir?: FC;
  waktu?: string;
  pengguna?: string;
}
interface Ringkasan {
  penduduk: number;
  kehilangan_30: number;
  kehilangan_60: number;
  kehilangan_120: number;
  menit_sebelum: number | null;
  menit_sesudah: number | null;
  tutup: number;
  banjir: number;
  detik?: number;
}
interface CompareResult {
  skenario: string;
  ringkasan: Ringkasan;
  desa: Row[];
  kecamatan: Row[];
  fasyankes: Row[];
}
interface Site {
  urutan: number;
  kode: string;
  nama: string;
  lon: number;
  lat: number;
  penduduk_tambahan: number;
  penduduk_kumulatif: number;
  persen_terjangkau: number;
  rata_menit: number | null;
}
interface SitesResult {
  penduduk: number;
  terjangkau_sebelum: number;
  calon: number;
  lokasi: Site[];
}

type Mode = 'view' | 'desa' | 'draw' | 'close';
type View = 'sebelum' | 'sesudah' | 'selisih';
type Tab = 'edit' | 'compare' | 'sites';
type LngLat = [number, number];

const kNamePattern = /^[A-Za-z0-9_-]+$/;
const kFloodBlue = '#1c5fa8';
const kFacility = '#00695c';
const kSite = '#6a1b9a';
/** Change in minutes: faster, unchanged (< 1), +1–10, +10–30, +30–60, > 60 or no longer reachable. */
const kChangeColours = ['#4393c3', '#f2f2f2', '#fdd49e', '#fc8d59', '#d7301f', '#7f0000'];
const kUnreachable = 1e6;
/** A filter that matches nothing (until the scenario has flooded desa or closed facilities). */
const kNone: ExpressionSpecification = ['in', ['get', 'kode'], ['literal', []]];

function changeColour(): ExpressionSpecification {
  const v: ExpressionSpecification = ['get', 'selisih'];
  return [
    'case',
    ['==', ['typeof', v], 'number'],
    ['step', v, kChangeColours[0], -1, kChangeColours[1], 1, kChangeColours[2], 10, kChangeColours[3], 30, kChangeColours[4], 60, kChangeColours[5]],
    kGrey,
  ];
}

function desaColour(view: View): ExpressionSpecification {
  if (view === 'selisih') return changeColour();
  if (view === 'sesudah') return minuteColour(['get', 'menit_sesudah']);
  return minuteColour(['coalesce', ['get', 'menit_sebelum'], ['get', 'menit']]);
}

/** An 8×8 diagonal hatch for flooded areas (a fill-pattern image; no sprite server needed). */
function hatchImage(): { width: number; height: number; data: Uint8Array } {
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

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const fmtMin = (v: unknown): string => (num(v) === null ? t('none') : t('minutes_short', { n: fmtNumber(v, 1) }));
const fmtPeople = (v: unknown): string => (num(v) === null ? t('none') : fmtNumber(Math.round(v as number), 0));
const fmtPct = (v: unknown): string => (num(v) === null ? t('none') : `${fmtNumber(v, 1)} %`);

export function renderScenario(root: HTMLElement, ctx: PageContext): () => void {
  const canEdit = ctx.session.role === 'admin' || ctx.session.role === 'planner';

  // ---- state ----
  let scenarios: ScenarioRow[] = [];
  let selected: string | null = null; // the stored scenario shown / compared
  let loadedExtras = false; // the stored scenario holds CLI-only changes (speeds, cut roads)
  let dirty = false;
  let mode: Mode = 'view';
  let view: View = 'sebelum';
  let tab: Tab = 'edit';
  const draft = {
    nama: '',
    keterangan: '',
    faktor: 0.2,
    tutupBanjir: false,
    tutup: new Set<string>(),
    banjirDesa: new Set<string>(),
    polygons: [] as LngLat[][],
    tambah: [] as unknown[],
  };
  let drawing: LngLat[] = [];
  let result: CompareResult | null = null;
  let sites: SitesResult | null = null;
  let desaFC: FC = { type: 'FeatureCollection', features: [] };
  const desaNames = new Map<string, string>();
  const facilityNames = new Map<string, string>();
  let siteMarkers: maplibregl.Marker[] = [];
  let gone = false; // the page was left: late answers are dropped, nothing more is asked

  // ---- page skeleton ----
  const container = h('div', { class: 'map', role: 'region', 'aria-label': t('scn_map_label'), 'data-testid': 'scenario-map', 'data-view': view, 'data-mode': mode });
  const side = h('aside', { class: 'map-side panel scenario-side', 'aria-label': t('scn_side_label') });
  const results = h('section', { class: 'panel scenario-results', id: 'scenario-results', hidden: true, 'aria-labelledby': 'scenario-results-title', 'data-testid': 'compare-results' });
  const live = h('p', { class: 'sr-only', 'aria-live': 'polite', 'data-testid': 'scenario-live' });
  root.append(h('div', { class: 'scenario-page' }, h('div', { class: 'map-page scenario-map-page' }, container, side), results, live));
  const announce = (text: string) => (live.textContent = text);

  const map = createMap(container);
  const popup = new maplibregl.Popup({ closeButton: true, maxWidth: '320px' });

  // ---- side panel: tabs ----
  const tabItems = (): { id: Tab; label: string }[] =>
    [
      { id: 'edit' as Tab, label: t('scn_tab_edit') },
      { id: 'compare' as Tab, label: t('scn_tab_compare') },
      ...(canEdit ? [{ id: 'sites' as Tab, label: t('scn_tab_sites') }] : []),
    ];
  const tabHolder = h('div', { class: 'scenario-tabs' });
  const panels: Record<Tab, HTMLElement> = {
    edit: h('div', { role: 'tabpanel', 'aria-label': t('scn_tab_edit'), 'data-testid': 'panel-edit' }),
    compare: h('div', { role: 'tabpanel', 'aria-label': t('scn_tab_compare'), 'data-testid': 'panel-compare', hidden: true }),
    sites: h('div', { role: 'tabpanel', 'aria-label': t('scn_tab_sites'), 'data-testid': 'panel-sites', hidden: true }),
  };
  function selectTab(id: Tab): void {
    tab = id;
    tabHolder.replaceChildren(tabs(tabItems(), tab, (x) => selectTab(x as Tab), 'scenario-tabs'));
    for (const [k, p] of Object.entries(panels)) p.hidden = k !== tab;
    if (tab !== 'edit' && mode !== 'view') setMode('view');
  }
  const legend = h('div', { class: 'legend', 'data-testid': 'scenario-legend' });
  side.append(h('h1', {}, t('scn_title')), tabHolder, panels.edit, panels.compare, panels.sites, legend);

  // ---- tab 1: stored scenarios and the editor ----
  const list = h('ul', { class: 'scenario-list', 'data-testid': 'scenario-list' });
  const listBox = h(
    'section',
    { class: 'scenario-block', 'aria-labelledby': 'scn-stored' },
    h('div', { class: 'block-head' }, h('h2', { id: 'scn-stored' }, t('scn_stored')), canEdit ? h('button', { type: 'button', class: 'button-secondary small', 'data-testid': 'scenario-new', onclick: () => void newScenario() }, t('scn_new')) : null),
    list,
  );
  panels.edit.append(listBox);

  const nameId = uid('scn-name');
  const nameInput = h('input', { id: nameId, type: 'text', required: true, maxlength: 64, autocomplete: 'off', pattern: '[A-Za-z0-9_\\-]+', 'aria-describedby': `${nameId}-hint`, 'data-testid': 'scenario-name' });
  const nameError = h('p', { class: 'field-error', id: `${nameId}-err`, hidden: true, 'data-testid': 'scenario-name-error' });
  const descId = uid('scn-desc');
  const descInput = h('textarea', { id: descId, rows: 2, maxlength: 500, 'data-testid': 'scenario-desc' });
  const faktorId = uid('scn-faktor');
  const faktorInput = h('input', { id: faktorId, type: 'range', min: 0, max: 1, step: 0.05, value: String(draft.faktor), 'aria-describedby': `${faktorId}-hint`, 'data-testid': 'scenario-faktor' });
  const faktorOut = h('output', { for: faktorId, class: 'faktor-value', 'data-testid': 'scenario-faktor-value' });
  const closeFloodedInput = h('input', { type: 'checkbox', 'data-testid': 'scenario-tutup-banjir' });
  const modeInputs = new Map<Mode, HTMLInputElement>();
  const modeHint = h('p', { class: 'muted hint', 'aria-live': 'polite', 'data-testid': 'mode-hint' });
  const drawTools = h('div', { class: 'actions draw-tools', hidden: true });
  const finishBtn = h('button', { type: 'button', class: 'button-secondary small', 'data-testid': 'draw-finish', onclick: () => finishPolygon() }, t('scn_draw_finish'));
  const undoBtn = h('button', { type: 'button', class: 'button-secondary small', 'data-testid': 'draw-undo', onclick: () => undoDraw() }, t('scn_draw_undo'));
  const clearBtn = h('button', { type: 'button', class: 'button-secondary small', 'data-testid': 'draw-clear', onclick: () => clearDrawn() }, t('scn_draw_clear'));
  drawTools.append(finishBtn, undoBtn, clearBtn);
  const floodList = h('ul', { class: 'chips-list', 'data-testid': 'flood-desa-list' });
  const closedList = h('ul', { class: 'chips-list', 'data-testid': 'closed-list' });
  const floodCount = h('span', { class: 'count', 'data-testid': 'flood-desa-count' }, '0');
  const closedCount = h('span', { class: 'count', 'data-testid': 'closed-count' }, '0');
  const polyCount = h('span', { class: 'count', 'data-testid': 'polygon-count' }, '0');
  const desaPickId = uid('scn-desa-pick');
  const desaPick = h('input', { id: desaPickId, type: 'text', list: `${desaPickId}-list`, placeholder: t('scn_add_desa_placeholder'), 'data-testid': 'add-desa-input' });
  const desaDatalist = h('datalist', { id: `${desaPickId}-list` });
  const facPickId = uid('scn-fac-pick');
  const facPick = h('select', { id: facPickId, 'data-testid': 'add-facility-select' });
  const extrasNote = h('p', { class: 'note', hidden: true, 'data-testid': 'scenario-extras-note' }, t('scn_extras_note'));
  const problems = h('div', { class: 'problems', role: 'alert', 'data-testid': 'scenario-problems' });
  const dirtyNote = h('p', { class: 'muted hint', 'aria-live': 'polite', 'data-testid': 'scenario-dirty' });
  const saveBtn = h('button', { type: 'submit', class: 'button-primary', 'data-testid': 'scenario-save' }, t('save'));
  const saveCompareBtn = h('button', { type: 'button', class: 'button-secondary', 'data-testid': 'scenario-save-compare', onclick: () => void saveAndCompare() }, t('scn_save_compare'));

  if (canEdit) {
    const modeBox = h(
      'fieldset',
      { class: 'layers', 'data-testid': 'scenario-modes' },
      h('legend', {}, t('scn_mode')),
      (['view', 'desa', 'draw', 'close'] as Mode[]).map((m) => {
        const input = h('input', { type: 'radio', name: 'scn-mode', value: m, checked: m === mode, 'data-testid': `mode-${m}`, onchange: () => setMode(m) });
        modeInputs.set(m, input);
        return h('label', { class: 'check' }, input, ' ', t(`scn_mode_${m}` as Key));
      }),
      modeHint,
      drawTools,
    );
    const form = h(
      'form',
      { class: 'scenario-form', novalidate: true, 'data-testid': 'scenario-form', onsubmit: (e: Event) => (e.preventDefault(), void save().catch(() => {})) },
      h('h2', { 'data-testid': 'editor-title' }, t('scn_editor')),
      extrasNote,
      h('div', { class: 'field' }, h('label', { for: nameId }, t('scn_name')), nameInput, h('span', { class: 'muted hint', id: `${nameId}-hint` }, t('scn_name_hint')), nameError),
      h('div', { class: 'field' }, h('label', { for: descId }, t('scn_desc')), descInput),
      h('div', { class: 'field' }, h('label', { for: faktorId }, t('scn_faktor'), ' ', faktorOut), faktorInput, h('span', { class: 'muted hint', id: `${faktorId}-hint` }, t('scn_faktor_hint'))),
      h('label', { class: 'check-row' }, closeFloodedInput, ' ', t('scn_tutup_banjir')),
      modeBox,
      h(
        'section',
        { class: 'scenario-block', 'aria-label': t('scn_flood_desa') },
        h('h3', {}, t('scn_flood_desa'), ' ', floodCount),
        floodList,
        h('div', { class: 'pick' }, h('label', { for: desaPickId, class: 'sr-only' }, t('scn_add_desa')), desaPick, desaDatalist, h('button', { type: 'button', class: 'button-secondary small', 'data-testid': 'add-desa', onclick: () => addDesaByName() }, t('scn_add'))),
      ),
      h('section', { class: 'scenario-block', 'aria-label': t('scn_polygons') }, h('h3', {}, t('scn_polygons'), ' ', polyCount)),
      h(
        'section',
        { class: 'scenario-block', 'aria-label': t('scn_closed') },
        h('h3', {}, t('scn_closed'), ' ', closedCount),
        closedList,
        h('div', { class: 'pick' }, h('label', { for: facPickId, class: 'sr-only' }, t('scn_add_closed')), facPick, h('button', { type: 'button', class: 'button-secondary small', 'data-testid': 'add-facility', onclick: () => addFacilityFromSelect() }, t('scn_add'))),
      ),
      problems,
      dirtyNote,
      h('div', { class: 'actions' }, saveBtn, saveCompareBtn),
    );
    panels.edit.append(form);

    nameInput.addEventListener('input', () => {
      draft.nama = nameInput.value.trim();
      nameError.hidden = true;
      nameInput.removeAttribute('aria-invalid');
      markDirty();
    });
    descInput.addEventListener('input', () => {
      draft.keterangan = descInput.value;
      markDirty();
    });
    faktorInput.addEventListener('input', () => {
      draft.faktor = Number(faktorInput.value);
      showFaktor();
      markDirty();
    });
    closeFloodedInput.addEventListener('change', () => {
      draft.tutupBanjir = closeFloodedInput.checked;
      markDirty();
    });
    desaPick.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        addDesaByName();
      }
    });
  } else {
    panels.edit.append(h('p', { class: 'muted hint' }, t('scn_readonly')));
  }

  function showFaktor(): void {
    const v = draft.faktor;
    const text = v === 0 ? t('scn_faktor_closed') : `${fmtNumber(v, 2)} × ${t('scn_faktor_speed')}`;
    faktorOut.textContent = text;
    faktorInput.setAttribute('aria-valuetext', text);
  }
  showFaktor();

  function markDirty(): void {
    dirty = true;
    dirtyNote.textContent = t('unsaved');
  }
  function markClean(): void {
    dirty = false;
    dirtyNote.textContent = '';
  }

  function setMode(m: Mode): void {
    mode = m;
    container.dataset.mode = m;
    const input = modeInputs.get(m);
    if (input) input.checked = true;
    drawTools.hidden = m !== 'draw';
    modeHint.textContent = canEdit ? t(`scn_hint_${m}` as Key) : '';
    if (m === 'draw') map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
    map.getCanvas().style.cursor = m === 'draw' ? 'crosshair' : '';
    if (m !== 'draw' && drawing.length) {
      drawing = [];
      drawDraft();
    }
    popup.remove();
    updateDrawButtons();
  }

  // ---- the editor's lists (also the keyboard way to do what the map clicks do) ----
  function chip(label: string, testid: string, kode: string, onRemove: () => void, removeLabel: string): HTMLElement {
    return h(
      'li',
      { class: 'chip small-chip', 'data-testid': testid, 'data-kode': kode },
      h('span', { title: kode }, label),
      canEdit ? h('button', { type: 'button', class: 'chip-remove', 'aria-label': removeLabel, title: removeLabel, onclick: onRemove }, '×') : null,
    );
  }

  function refreshEditorLists(): void {
    floodList.replaceChildren(
      ...[...draft.banjirDesa].map((k) => {
        const name = desaNames.get(k) ?? k;
        return chip(name, 'flood-desa-item', k, () => toggleDesa(k), t('scn_remove_item', { name: `${name} (${k})` }));
      }),
    );
    closedList.replaceChildren(
      ...[...draft.tutup].map((k) => {
        const name = facilityNames.get(k) ?? k;
        return chip(name, 'closed-item', k, () => toggleFacility(k), t('scn_remove_item', { name }));
      }),
    );
    floodCount.textContent = String(draft.banjirDesa.size);
    closedCount.textContent = String(draft.tutup.size);
    polyCount.textContent = String(draft.polygons.length);
    updateDrawButtons();
  }

  function updateDrawButtons(): void {
    finishBtn.disabled = drawing.length < 3;
    undoBtn.disabled = drawing.length === 0 && draft.polygons.length === 0;
    clearBtn.disabled = drawing.length === 0 && draft.polygons.length === 0;
  }

  function toggleDesa(kode: string): void {
    const name = desaNames.get(kode) ?? kode;
    if (draft.banjirDesa.has(kode)) {
      draft.banjirDesa.delete(kode);
      announce(t('scn_desa_unflooded', { name }));
    } else {
      draft.banjirDesa.add(kode);
      announce(t('scn_desa_flooded', { name }));
    }
    markDirty();
    refreshEditorLists();
    drawScenarioLayers();
  }

  function toggleFacility(kode: string): void {
    const name = facilityNames.get(kode) ?? kode;
    if (draft.tutup.has(kode)) {
      draft.tutup.delete(kode);
      announce(t('scn_facility_opened', { name }));
    } else {
      draft.tutup.add(kode);
      announce(t('scn_facility_closed', { name }));
    }
    markDirty();
    refreshEditorLists();
    drawScenarioLayers();
  }

  function addDesaByName(): void {
    const text = desaPick.value.trim();
    if (!text) return;
    const m = /\(([^()]+)\)\s*$/.exec(text);
    let kode = m ? m[1] : text;
    if (!desaNames.has(kode)) {
      const byName = [...desaNames].filter(([, n]) => n.toLowerCase() === text.toLowerCase());
      if (byName.length === 1) kode = byName[0][0];
      else if (byName.length > 1) {
        notify(t('scn_ambiguous_desa', { name: text }), 'error');
        return;
      }
    }
    if (!desaNames.has(kode)) {
      notify(t('scn_unknown_desa', { name: text }), 'error');
      return;
    }
    if (!draft.banjirDesa.has(kode)) toggleDesa(kode);
    desaPick.value = '';
  }

  function addFacilityFromSelect(): void {
    const kode = facPick.value;
    if (kode && !draft.tutup.has(kode)) toggleFacility(kode);
  }

  // ---- drawing ----
  function addVertex(e: MapMouseEvent): void {
    const p: LngLat = [e.lngLat.lng, e.lngLat.lat];
    const last = drawing[drawing.length - 1];
    if (last) {
      const a = map.project(last);
      if (Math.hypot(a.x - e.point.x, a.y - e.point.y) < 5) return; // the second click of a double click
    }
    drawing.push(p);
    drawDraft();
    announce(t('scn_vertex_added', { n: drawing.length }));
  }

  function finishPolygon(): void {
    if (drawing.length < 3) {
      announce(t('scn_draw_need3'));
      return;
    }
    draft.polygons.push(drawing);
    drawing = [];
    markDirty();
    drawDraft();
    drawScenarioLayers();
    refreshEditorLists();
    announce(t('scn_polygon_added', { n: draft.polygons.length }));
  }

  function undoDraw(): void {
    if (drawing.length) drawing.pop();
    else if (draft.polygons.length) {
      draft.polygons.pop();
      markDirty();
      drawScenarioLayers();
    }
    drawDraft();
    refreshEditorLists();
  }

  function clearDrawn(): void {
    drawing = [];
    if (draft.polygons.length) markDirty();
    draft.polygons = [];
    drawDraft();
    drawScenarioLayers();
    refreshEditorLists();
  }

  // ---- map sources and layers ----
  function setSource(id: string, fc: FC): void {
    const src = map.getSource(id) as GeoJSONSource | undefined;
    if (src) src.setData(fc);
    else map.addSource(id, { type: 'geojson', data: fc });
  }

  function polygonsFC(): FC {
    return {
      type: 'FeatureCollection',
      features: draft.polygons.map((ring, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } })),
    };
  }

  function drawDraft(): void {
    if (!map.getSource('draft')) return;
    const features: GeoJSON.Feature[] = drawing.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } }));
    if (drawing.length >= 2) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: drawing.length >= 3 ? [...drawing, drawing[0]] : drawing } });
    setSource('draft', { type: 'FeatureCollection', features });
    updateDrawButtons();
  }

  function drawScenarioLayers(): void {
    if (!map.getLayer('desa-flood-fill')) return;
    const flooded: ExpressionSpecification = ['in', ['get', 'kode'], ['literal', [...draft.banjirDesa]]];
    map.setFilter('desa-flood-fill', flooded);
    map.setFilter('desa-flood-line', flooded);
    map.setFilter('facilities-closed', ['in', ['get', 'kode'], ['literal', [...draft.tutup]]]);
    setSource('drawn', polygonsFC());
  }

  function applyView(): void {
    container.dataset.view = view;
    if (map.getLayer('desa-fill')) map.setPaintProperty('desa-fill', 'fill-color', desaColour(view));
    drawLegend();
  }

  async function loadData(): Promise<void> {
    const [desa, kecamatan, facilities, rivers, water] = await Promise.all([
      getFC('map/regions', { level: 'desa' }),
      getFC('map/regions', { level: 'kecamatan' }),
      getFC('map/facilities'),
      getLayer('rivers'),
      getLayer('water'),
    ]);
    if (gone) return; // the page was left meanwhile
    desaFC = desa;
    for (const f of desa.features) desaNames.set(String(f.properties?.kode ?? ''), String(f.properties?.nama ?? ''));
    for (const f of facilities.features) facilityNames.set(String(f.properties?.kode ?? ''), String(f.properties?.nama ?? ''));
    const kecNames = new Map(kecamatan.features.map((f) => [String(f.properties?.kode ?? ''), String(f.properties?.nama ?? '')]));
    const kecOf = (kode: string) => kecNames.get(kode.split('.').slice(0, 3).join('.')) ?? '';
    desaDatalist.replaceChildren(
      ...[...desaNames].sort((a, b) => a[1].localeCompare(b[1])).map(([k, n]) => h('option', { value: `${n} (${k})` }, kecOf(k) ? t('scn_in_kecamatan', { name: kecOf(k) }) : '')),
    );
    facPick.replaceChildren(
      h('option', { value: '' }, t('choose')),
      ...[...facilityNames].sort((a, b) => a[1].localeCompare(b[1])).map(([k, n]) => h('option', { value: k }, `${n} (${k})`)),
    );
    const data: Record<string, FC> = { desa: mergedDesa(), kecamatan, facilities, rivers, water, drawn: polygonsFC(), draft: { type: 'FeatureCollection', features: [] }, sites: sitesFC() };
    for (const [id, fc] of Object.entries(data)) setSource(id, fc);
    if (!map.hasImage('hatch')) map.addImage('hatch', hatchImage());
    addLayers();
    drawScenarioLayers();
    refreshEditorLists();
    let b = extend(null, kecamatan);
    b = extend(b, desa);
    b = extend(b, facilities);
    if (b) map.fitBounds(b, { padding: 30, animate: false });
    container.dataset.ready = '1';
  }

  function addLayers(): void {
    map.addLayer({ id: 'desa-fill', type: 'fill', source: 'desa', paint: { 'fill-color': desaColour(view), 'fill-opacity': 0.65 } });
    map.addLayer({ id: 'water-fill', type: 'fill', source: 'water', paint: { 'fill-color': '#9ecae1', 'fill-opacity': 0.8 } });
    map.addLayer({ id: 'rivers-line', type: 'line', source: 'rivers', paint: { 'line-color': '#4a90c2', 'line-width': 1.2 } });
    map.addLayer({ id: 'desa-line', type: 'line', source: 'desa', paint: { 'line-color': '#ffffff', 'line-width': 0.4 } });
    map.addLayer({ id: 'kecamatan-line', type: 'line', source: 'kecamatan', paint: { 'line-color': '#37474f', 'line-width': 1.6 } });
    map.addLayer({ id: 'desa-flood-fill', type: 'fill', source: 'desa', filter: kNone, paint: { 'fill-pattern': 'hatch' } });
    map.addLayer({ id: 'desa-flood-line', type: 'line', source: 'desa', filter: kNone, paint: { 'line-color': kFloodBlue, 'line-width': 2 } });
    map.addLayer({ id: 'drawn-fill', type: 'fill', source: 'drawn', paint: { 'fill-pattern': 'hatch' } });
    map.addLayer({ id: 'drawn-line', type: 'line', source: 'drawn', paint: { 'line-color': kFloodBlue, 'line-width': 2, 'line-dasharray': [2, 1] } });
    map.addLayer({ id: 'draft-line', type: 'line', source: 'draft', filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#f0a500', 'line-width': 2.5, 'line-dasharray': [1, 1] } });
    map.addLayer({ id: 'draft-points', type: 'circle', source: 'draft', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-color': '#ffffff', 'circle-radius': 4, 'circle-stroke-color': '#f0a500', 'circle-stroke-width': 2 } });
    map.addLayer({
      id: 'facilities-circle',
      type: 'circle',
      source: 'facilities',
      paint: { 'circle-color': kFacility, 'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 4.5, 12, 9], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
    });
    map.addLayer({
      id: 'facilities-closed',
      type: 'circle',
      source: 'facilities',
      filter: kNone,
      paint: { 'circle-color': '#9e9e9e', 'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 6, 12, 11], 'circle-stroke-color': '#c62828', 'circle-stroke-width': 3 },
    });
    map.addLayer({ id: 'sites-circle', type: 'circle', source: 'sites', paint: { 'circle-color': kSite, 'circle-opacity': 0.25, 'circle-radius': 16, 'circle-stroke-color': kSite, 'circle-stroke-width': 1.5 } });
  }

  /** The desa polygons with the comparison's minutes (and the change) added when there is one. */
  function mergedDesa(): FC {
    if (!result) return desaFC;
    const byKode = new Map(result.desa.map((r) => [String(r.kode_wilayah), r]));
    return {
      type: 'FeatureCollection',
      features: desaFC.features.map((f) => {
        const r = byKode.get(String(f.properties?.kode ?? ''));
        if (!r) return f;
        const before = num(r.menit_sebelum);
        const after = num(r.menit_sesudah);
        const selisih = before !== null && after !== null ? after - before : before !== null && after === null ? kUnreachable : null;
        return { ...f, properties: { ...f.properties, menit_sebelum: before, menit_sesudah: after, selisih, kehilangan_60: num(r.kehilangan_60), terdekat_sebelum: r.terdekat_sebelum, terdekat_sesudah: r.terdekat_sesudah } };
      }),
    };
  }

  function sitesFC(): FC {
    return {
      type: 'FeatureCollection',
      features: (sites?.lokasi ?? []).map((s) => ({ type: 'Feature', properties: { urutan: s.urutan, kode: s.kode, nama: s.nama }, geometry: { type: 'Point', coordinates: [s.lon, s.lat] } })),
    };
  }

  // ---- legend ----
  function drawLegend(): void {
    const hatch = `background-image:repeating-linear-gradient(45deg, ${kFloodBlue} 0 2px, rgba(28,95,168,.15) 2px 6px);border-color:${kFloodBlue}`;
    const desaItems =
      view === 'selisih'
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
      h('h3', {}, t(`scn_view_${view}_legend` as Key)),
      h('ul', {}, desaItems),
      h('h3', {}, t('scn_legend_scenario')),
      h(
        'ul',
        {},
        swatch('transparent', t('scn_legend_flooded'), false, hatch),
        swatch(kFacility, t('scn_legend_facility'), true),
        swatch('#9e9e9e', t('scn_legend_closed'), true, 'border:3px solid #c62828'),
        sites ? swatch(kSite, t('scn_legend_site'), true) : null,
      ),
    );
  }

  // ---- popups (view mode) ----
  function facilityPopup(f: MapGeoJSONFeature): HTMLElement {
    const p = f.properties as Record<string, unknown>;
    const kode = String(p.kode ?? '');
    const r = result?.fasyankes.find((x) => x.kode_faskes === kode);
    return h(
      'div',
      { class: 'popup', 'data-testid': 'popup-facility' },
      h('h3', {}, String(p.nama ?? kode)),
      h(
        'dl',
        {},
        h('dt', {}, t('col_kode')),
        h('dd', {}, kode),
        h('dt', {}, t('popup_jenis')),
        h('dd', {}, String(p.jenis ?? '')),
        h('dt', {}, t('scn_status')),
        h('dd', {}, draft.tutup.has(kode) ? t('scn_status_tutup') : t('scn_status_buka')),
        r ? [h('dt', {}, t('scn_per_worker')), h('dd', {}, `${fmtPeople(r.per_tenaga_sebelum)} → ${fmtPeople(r.per_tenaga_sesudah)}`)] : null,
      ),
    );
  }

  function desaPopup(f: MapGeoJSONFeature): HTMLElement {
    const p = f.properties as Record<string, unknown>;
    const kode = String(p.kode ?? '');
    const hasResult = result && 'menit_sesudah' in p;
    return h(
      'div',
      { class: 'popup', 'data-testid': 'popup-desa' },
      h('h3', {}, String(p.nama ?? '')),
      h(
        'dl',
        {},
        h('dt', {}, t('col_kode')),
        h('dd', {}, kode),
        h('dt', {}, t('popup_penduduk')),
        h('dd', {}, fmtNumber(p.penduduk)),
        h('dt', {}, t('scn_flooded_q')),
        h('dd', {}, draft.banjirDesa.has(kode) ? t('yes') : t('no')),
        hasResult
          ? [
              h('dt', {}, t('scn_minutes_before_after')),
              h('dd', {}, `${fmtMin(p.menit_sebelum)} → ${fmtMin(p.menit_sesudah)}`),
              h('dt', {}, t('scn_col_kehilangan_60')),
              h('dd', {}, fmtPeople(p.kehilangan_60)),
            ]
          : [h('dt', {}, t('popup_menit')), h('dd', {}, fmtMin(p.menit))],
      ),
    );
  }

  // ---- map interaction ----
  const pickBox = (e: MapMouseEvent, r: number): [[number, number], [number, number]] => [
    [e.point.x - r, e.point.y - r],
    [e.point.x + r, e.point.y + r],
  ];
  map.on('click', (e) => {
    if (!map.getLayer('desa-fill')) return;
    if (mode === 'draw') {
      addVertex(e);
      return;
    }
    if (mode === 'close') {
      const fac = map.queryRenderedFeatures(pickBox(e, 7), { layers: ['facilities-circle'] })[0];
      if (fac) toggleFacility(String(fac.properties?.kode ?? ''));
      else announce(t('scn_no_facility_here'));
      return;
    }
    if (mode === 'desa') {
      const desa = map.queryRenderedFeatures(e.point, { layers: ['desa-fill'] })[0];
      if (desa) toggleDesa(String(desa.properties?.kode ?? ''));
      return;
    }
    const fac = map.queryRenderedFeatures(pickBox(e, 5), { layers: ['facilities-circle'] })[0];
    const desa = map.queryRenderedFeatures(e.point, { layers: ['desa-fill'] })[0];
    const content = fac ? facilityPopup(fac) : desa ? desaPopup(desa) : null;
    if (content) popup.setLngLat(e.lngLat).setDOMContent(content).addTo(map);
  });
  map.on('dblclick', (e) => {
    if (mode !== 'draw') return;
    e.preventDefault();
    finishPolygon();
  });
  map.on('mousemove', (e) => {
    if (!map.getLayer('desa-fill') || mode === 'draw') return;
    const layers = mode === 'close' ? ['facilities-circle'] : mode === 'desa' ? ['desa-fill'] : ['facilities-circle', 'desa-fill'];
    const hit = map.queryRenderedFeatures(mode === 'desa' ? e.point : pickBox(e, 5), { layers }).length > 0;
    map.getCanvas().style.cursor = hit ? 'pointer' : '';
  });
  map.on('load', () => void loadData().then(() => refreshList()).catch(showError));

  // ---- stored scenarios ----
  async function refreshList(): Promise<void> {
    if (gone) return;
    try {
      scenarios = await get<ScenarioRow[]>('scenarios');
      if (gone) return;
    } catch (e) {
      showError(e);
      scenarios = [];
    }
    drawList();
    const wanted = ctx.params[0];
    if (wanted && selected === null && scenarios.some((s) => s.nama === wanted)) await selectScenario(wanted, false);
  }

  function drawList(): void {
    if (!scenarios.length) {
      list.replaceChildren(h('li', { class: 'muted' }, t('scn_none')));
      return;
    }
    list.replaceChildren(
      ...scenarios.map((s) => {
        const facts = [
          s.area_banjir ? t('scn_fact_flood', { n: s.area_banjir }) : '',
          s.fasyankes_tutup ? t('scn_fact_closed', { n: s.fasyankes_tutup }) : '',
          s.fasyankes_baru ? t('scn_fact_new', { n: s.fasyankes_baru }) : '',
          s.kecepatan_diubah || s.putus ? t('scn_fact_roads') : '',
        ].filter(Boolean);
        const isSel = s.nama === selected;
        return h(
          'li',
          { class: `scenario-item${isSel ? ' selected' : ''}`, 'data-nama': s.nama, 'data-testid': 'scenario-item' },
          h(
            'button',
            { type: 'button', class: 'scenario-select', 'aria-pressed': String(isSel), 'data-testid': 'scenario-select', onclick: () => void selectScenario(s.nama, true) },
            h('strong', {}, s.nama),
            s.keterangan ? h('span', { class: 'scenario-desc' }, s.keterangan) : null,
            h('span', { class: 'muted scenario-facts' }, [facts.join(' · '), s.pengguna ? t('scn_fact_by', { user: s.pengguna, when: (s.waktu ?? '').replace('T', ' ').replace(/:\d\dZ$/, '') }) : ''].filter(Boolean).join(' — ')),
          ),
          canEdit
            ? h('button', { type: 'button', class: 'icon-button', 'aria-label': t('scn_delete', { name: s.nama }), title: t('scn_delete', { name: s.nama }), 'data-testid': 'scenario-delete', onclick: () => void deleteScenario(s.nama) }, t('remove'))
            : null,
        );
      }),
    );
  }

  async function confirmDiscard(): Promise<boolean> {
    if (!dirty || !canEdit) return true;
    const ok = await confirmDialog({ title: t('scn_discard_title'), text: t('scn_discard_text'), confirmLabel: t('scn_discard'), testid: 'discard-dialog' });
    return ok !== null;
  }

  function fillEditor(): void {
    nameInput.value = draft.nama;
    descInput.value = draft.keterangan;
    faktorInput.value = String(draft.faktor);
    closeFloodedInput.checked = draft.tutupBanjir;
    showFaktor();
    nameError.hidden = true;
    nameInput.removeAttribute('aria-invalid');
    problems.replaceChildren();
    extrasNote.hidden = !loadedExtras;
    refreshEditorLists();
    drawScenarioLayers();
    drawDraft();
  }

  function clearResults(): void {
    result = null;
    results.hidden = true;
    results.replaceChildren();
    summary.replaceChildren();
    for (const input of viewInputs.values()) input.disabled = input.value !== 'sebelum';
    view = 'sebelum';
    const v = viewInputs.get('sebelum');
    if (v) v.checked = true;
    if (map.getSource('desa')) setSource('desa', mergedDesa());
    applyView();
  }

  async function selectScenario(nama: string, ask: boolean): Promise<void> {
    if (ask && nama !== selected && !(await confirmDiscard())) return;
    let doc: ScenarioDoc;
    try {
      doc = await get<ScenarioDoc>(`scenarios/${encodeURIComponent(nama)}`);
    } catch (e) {
      showError(e);
      return;
    }
    if (gone) return;
    const feats = doc.banjir?.features ?? [];
    draft.nama = doc.nama;
    draft.keterangan = doc.keterangan ?? '';
    draft.tutup = new Set(doc.tutup ?? []);
    draft.banjirDesa = new Set(feats.map((f) => String(f.properties?.desa ?? '')).filter(Boolean));
    draft.polygons = feats
      .filter((f) => !f.properties?.desa && f.geometry?.type === 'Polygon')
      .map((f) => {
        const ring = (f.geometry as GeoJSON.Polygon).coordinates[0].map((c) => [c[0], c[1]] as LngLat);
        return ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring;
      });
    // Multi-polygons (from the CLI) are kept as one polygon per part.
    for (const f of feats) {
      if (!f.properties?.desa && f.geometry?.type === 'MultiPolygon') {
        for (const part of (f.geometry as GeoJSON.MultiPolygon).coordinates) draft.polygons.push(part[0].slice(0, -1).map((c) => [c[0], c[1]] as LngLat));
      }
    }
    const faktor = feats.map((f) => f.properties?.faktor).find((x) => typeof x === 'number');
    draft.faktor = typeof faktor === 'number' ? Math.max(0, Math.min(1, faktor)) : 0.2;
    draft.tutupBanjir = false;
    draft.tambah = Array.isArray(doc.tambah) ? doc.tambah : [];
    const speeds = doc.kecepatan && (Array.isArray(doc.kecepatan) ? doc.kecepatan.length : Object.keys(doc.kecepatan).length);
    const cuts = Array.isArray(doc.putus) ? doc.putus.length : (doc.putus ?? 0);
    loadedExtras = Boolean(speeds) || Boolean(cuts);
    drawing = [];
    selected = nama;
    markClean();
    history.replaceState(null, '', `#/scenario/${encodeURIComponent(nama)}`);
    fillEditor();
    if (result?.skenario !== nama) clearResults();
    drawList();
    updateCompareHead();
    announce(t('scn_loaded', { name: nama }));
    // Show what the scenario touches.
    let b = extend(null, { type: 'FeatureCollection', features: feats });
    b = extend(b, { type: 'FeatureCollection', features: featuresWithKode(draft.tutup, 'facilities') });
    if (b) map.fitBounds(b, { padding: 80, maxZoom: 10, duration: 400 });
  }

  function featuresWithKode(codes: Set<string>, source: string): GeoJSON.Feature[] {
    if (!codes.size || !map.getSource(source)) return [];
    return map.querySourceFeatures(source).filter((f) => codes.has(String(f.properties?.kode ?? '')));
  }

  async function newScenario(): Promise<void> {
    if (!(await confirmDiscard())) return;
    Object.assign(draft, { nama: '', keterangan: '', faktor: 0.2, tutupBanjir: false, tutup: new Set<string>(), banjirDesa: new Set<string>(), polygons: [], tambah: [] });
    drawing = [];
    selected = null;
    loadedExtras = false;
    markClean();
    history.replaceState(null, '', '#/scenario');
    fillEditor();
    clearResults();
    drawList();
    updateCompareHead();
    nameInput.focus();
  }

  async function deleteScenario(nama: string): Promise<void> {
    const ok = await confirmDialog({ title: t('scn_delete_title', { name: nama }), text: t('scn_delete_text'), confirmLabel: t('remove'), testid: 'delete-dialog' });
    if (ok === null) return;
    try {
      await del(`scenarios/${encodeURIComponent(nama)}`);
      notify(t('scn_deleted', { name: nama }), 'ok');
      if (selected === nama) {
        selected = null;
        markDirty(); // the editor still holds it: saving brings it back
        history.replaceState(null, '', '#/scenario');
        updateCompareHead();
        clearResults();
      }
      await refreshList();
    } catch (e) {
      showError(e);
    }
  }

  function scenarioBody(): Record<string, unknown> {
    const faktor = draft.faktor;
    return {
      nama: draft.nama,
      keterangan: draft.keterangan,
      tutup: [...draft.tutup],
      banjir_desa: [...draft.banjirDesa],
      faktor_banjir: faktor,
      tutup_yang_kebanjiran: draft.tutupBanjir,
      banjir: { type: 'FeatureCollection', features: draft.polygons.map((ring) => ({ type: 'Feature', properties: { faktor }, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } })) },
      tambah: draft.tambah,
    };
  }

  function showNameError(text: string): void {
    nameError.textContent = text;
    nameError.hidden = false;
    nameInput.setAttribute('aria-invalid', 'true');
    nameInput.setAttribute('aria-describedby', `${nameId}-hint ${nameId}-err`);
    nameInput.focus();
  }

  /** Saves the editor (POST /scenarios); resolves to the name, rejects when refused or cancelled. */
  async function save(): Promise<string> {
    problems.replaceChildren();
    const nama = draft.nama;
    if (!nama) {
      showNameError(t('scn_name_required'));
      throw new Error('invalid');
    }
    if (!kNamePattern.test(nama)) {
      showNameError(t('scn_name_invalid'));
      throw new Error('invalid');
    }
    if (drawing.length >= 3) finishPolygon(); // a polygon being drawn is part of what the user sees
    if (nama !== selected && scenarios.some((s) => s.nama === nama)) {
      const ok = await confirmDialog({ title: t('scn_replace_title', { name: nama }), text: t('scn_replace_text'), confirmLabel: t('scn_replace'), testid: 'replace-dialog' });
      if (ok === null) throw new Error('cancelled');
    }
    saveBtn.disabled = true;
    saveCompareBtn.disabled = true;
    saveBtn.textContent = t('saving');
    try {
      const res = await post<{ nama: string; tutup?: string[]; banjir?: number }>('scenarios', scenarioBody());
      notify(t('scn_saved', { name: nama }), 'ok');
      // The server may have closed flooded facilities (tutup_yang_kebanjiran): show its list.
      if (Array.isArray(res?.tutup)) draft.tutup = new Set(res.tutup);
      selected = nama;
      markClean();
      history.replaceState(null, '', `#/scenario/${encodeURIComponent(nama)}`);
      if (result && result.skenario === nama) clearResults(); // the stored comparison is outdated
      refreshEditorLists();
      drawScenarioLayers();
      updateCompareHead();
      await refreshList();
      return nama;
    } catch (e) {
      if (e instanceof ApiError) {
        const items = e.problems.length ? e.problems.map((p) => h('li', {}, p.field ? `${p.field}: ${p.message}` : p.message)) : [];
        problems.replaceChildren(h('strong', {}, t('scn_refused')), h('p', {}, e.message), items.length ? h('ul', {}, items) : '');
        if (e.code === 'bad_param' && /nama/.test(e.message)) showNameError(e.message);
      }
      showError(e);
      throw e;
    } finally {
      saveBtn.disabled = false;
      saveCompareBtn.disabled = false;
      saveBtn.textContent = t('save');
    }
  }

  async function saveAndCompare(): Promise<void> {
    try {
      await save();
    } catch {
      return;
    }
    selectTab('compare');
    await compare.run();
  }

  // ---- tab 2: compare ----
  const compareHead = h('p', { class: 'scenario-current', 'data-testid': 'compare-scenario' });
  const compare = jobControl<CompareResult>({
    label: 'scn_compare',
    runningLabel: 'scn_comparing',
    testid: 'compare-run',
    buttonClass: 'button-primary',
    start: async () => {
      let nama = selected;
      if (canEdit && (dirty || !nama)) nama = await save();
      if (!nama) throw new Error(t('scn_select_first'));
      const res = await post<JobStarted>(`scenarios/${encodeURIComponent(nama)}/compare`, {});
      return res.job;
    },
    onDone: (r) => showResult(r),
    doneMessage: 'scn_compare_done',
    failedMessage: 'scn_compare_failed',
  });
  const viewInputs = new Map<View, HTMLInputElement>();
  const viewBox = h(
    'fieldset',
    { class: 'layers view-toggle', 'data-testid': 'view-toggle' },
    h('legend', {}, t('scn_view')),
    (['sebelum', 'sesudah', 'selisih'] as View[]).map((v) => {
      const input = h('input', {
        type: 'radio',
        name: 'scn-view',
        value: v,
        checked: v === view,
        disabled: v !== 'sebelum',
        'data-testid': `view-${v}`,
        onchange: () => {
          view = v;
          applyView();
        },
      });
      viewInputs.set(v, input);
      return h('label', { class: 'check' }, input, ' ', t(`scn_view_${v}` as Key));
    }),
  );
  const summary = h('div', { class: 'scenario-summary', 'data-testid': 'compare-summary', 'aria-live': 'polite' });
  panels.compare.append(
    compareHead,
    canEdit ? compare.el : h('p', { class: 'muted hint' }, t('scn_compare_readonly')),
    viewBox,
    summary,
  );

  function updateCompareHead(): void {
    compareHead.replaceChildren(
      h(
        'span',
        {},
        selected ? [t('scn_current'), ' ', h('strong', {}, selected), dirty ? h('span', { class: 'muted' }, ` (${t('scn_will_save')})`) : ''] : canEdit && draft.nama ? t('scn_current_unsaved', { name: draft.nama }) : t('scn_select_first'),
      ),
    );
    useScenarioLabel.textContent = selected ? t('scn_sites_use', { name: selected }) : t('scn_sites_use_none');
    useScenario.disabled = !selected;
    if (!selected) useScenario.checked = false;
  }

  function card(label: string, value: string, testid: string, sub = ''): HTMLElement {
    return h('div', { class: 'card', 'data-testid': testid }, h('div', { class: 'card-label' }, label), h('div', { class: 'card-value' }, value), sub ? h('div', { class: 'card-sub muted' }, sub) : null);
  }

  function showResult(r: CompareResult): void {
    result = r;
    const s = r.ringkasan;
    const share = (v: number) => {
      if (!(s.penduduk > 0)) return '';
      const pct = (100 * v) / s.penduduk;
      return `${pct > 0 && pct < 0.05 ? '< 0,1'.replace(',', t('decimal_sep')) : fmtNumber(pct, 1)} % ${t('scn_of_population')}`;
    };
    const delta = num(s.menit_sesudah) !== null && num(s.menit_sebelum) !== null ? (s.menit_sesudah as number) - (s.menit_sebelum as number) : null;
    summary.replaceChildren(
      h('h2', {}, t('scn_summary', { name: r.skenario })),
      h(
        'div',
        { class: 'cards compact' },
        card(t('scn_lose', { n: 30 }), `${fmtPeople(s.kehilangan_30)} ${t('people')}`, 'summary-kehilangan_30', share(s.kehilangan_30)),
        card(t('scn_lose', { n: 60 }), `${fmtPeople(s.kehilangan_60)} ${t('people')}`, 'summary-kehilangan_60', share(s.kehilangan_60)),
        card(t('scn_lose', { n: 120 }), `${fmtPeople(s.kehilangan_120)} ${t('people')}`, 'summary-kehilangan_120', share(s.kehilangan_120)),
        card(
          t('scn_mean_minutes'),
          `${fmtNumber(s.menit_sebelum, 1)} → ${fmtNumber(s.menit_sesudah, 1)}`,
          'summary-menit',
          delta === null ? '' : `${delta >= 0 ? '+' : ''}${fmtNumber(delta, 1)} ${t('scn_minutes_unit')}`,
        ),
      ),
      h('p', { class: 'muted hint' }, t('scn_summary_facts', { tutup: s.tutup, banjir: s.banjir, penduduk: fmtPeople(s.penduduk), detik: fmtNumber(s.detik ?? 0, 1) })),
      h('a', { href: '#scenario-results', onclick: (e: Event) => (e.preventDefault(), results.scrollIntoView({ behavior: 'smooth' })) }, t('scn_see_tables')),
    );
    for (const input of viewInputs.values()) input.disabled = false;
    view = 'sesudah';
    viewInputs.get('sesudah')!.checked = true;
    setSource('desa', mergedDesa());
    applyView();
    container.dataset.result = r.skenario;
    drawResultTables(r);
  }

  function drawResultTables(r: CompareResult): void {
    const facName = (k: unknown) => facilityNames.get(String(k ?? '')) ?? String(k ?? t('none'));
    const desaRows: Row[] = r.desa
      .map((d) => {
        const before = num(d.menit_sebelum);
        const after = num(d.menit_sesudah);
        return { ...d, selisih: before !== null && after !== null ? after - before : null, terdekat: `${facName(d.terdekat_sebelum)} → ${facName(d.terdekat_sesudah)}` } as Row;
      })
      .filter((d) => (num(d.kehilangan_30) ?? 0) >= 0.5 || (num(d.kehilangan_60) ?? 0) >= 0.5 || (num(d.kehilangan_120) ?? 0) >= 0.5 || Math.abs(num(d.selisih) ?? 0) >= 1 || (d.menit_sebelum !== null && d.menit_sesudah === null))
      .sort((a, b) => (num(b.kehilangan_60) ?? 0) - (num(a.kehilangan_60) ?? 0) || (num(b.selisih) ?? 0) - (num(a.selisih) ?? 0));
    const people = (key: string): Column => ({ key, label: t(`scn_col_${key}` as Key), numeric: true, render: (row) => fmtPeople(row[key]) });
    const minutes = (key: string): Column => ({ key, label: t(`scn_col_${key}` as Key), numeric: true, render: (row) => fmtMin(row[key]) });
    const desaTable = dataTable(desaRows, {
      testid: 'table-desa-loss',
      caption: t('scn_table_desa_caption'),
      columns: [
        {
          key: 'nama',
          label: t('scn_col_desa'),
          render: (row) => h('button', { type: 'button', class: 'link-button', title: `${row.kode_wilayah} · ${t('scn_show_on_map', { name: String(row.nama) })}`, onclick: () => flyToDesa(String(row.kode_wilayah)) }, String(row.nama)),
        },
        people('penduduk'),
        people('kehilangan_60'),
        people('kehilangan_30'),
        minutes('menit_sebelum'),
        minutes('menit_sesudah'),
        { key: 'selisih', label: t('scn_col_selisih'), numeric: true, render: (row) => (num(row.selisih) === null ? (row.menit_sebelum !== null ? t('scn_unreachable') : t('none')) : `${(row.selisih as number) >= 0 ? '+' : ''}${fmtNumber(row.selisih, 1)}`) },
        {
          key: 'terdekat',
          label: t('scn_col_terdekat'),
          render: (row) => (row.terdekat_sebelum !== row.terdekat_sesudah ? h('strong', {}, String(row.terdekat)) : String(row.terdekat)),
        },
      ],
    });

    const facRowsAll: Row[] = r.fasyankes.map((f) => {
      const a = num(f.per_tenaga_sebelum);
      const b = num(f.per_tenaga_sesudah);
      return { ...f, kenaikan: a && b !== null ? (100 * (b - a)) / a : null };
    });
    let showAllFac = false;
    const facHolder = h('div', {});
    const facColumns: Column[] = [
      {
        key: 'nama_faskes',
        label: t('col_facility'),
        render: (row) => h('button', { type: 'button', class: 'link-button', title: `${row.kode_faskes} · ${t('scn_show_on_map', { name: String(row.nama_faskes) })}`, onclick: () => flyToFacility(String(row.kode_faskes)) }, String(row.nama_faskes)),
      },
      { key: 'status', label: t('scn_status'), render: (row) => (row.status === 'tutup' ? h('span', { class: 'badge badge-returned' }, t('scn_status_tutup')) : t('scn_status_buka')) },
      { key: 'tenaga', label: t('popup_tenaga'), numeric: true, render: (row) => fmtNumber(row.tenaga, 0) },
      people('penduduk_sebelum'),
      people('penduduk_sesudah'),
      people('per_tenaga_sebelum'),
      people('per_tenaga_sesudah'),
      { key: 'kenaikan', label: t('scn_col_kenaikan'), numeric: true, render: (row) => (num(row.kenaikan) === null ? t('none') : `${(row.kenaikan as number) >= 0 ? '+' : ''}${fmtNumber(row.kenaikan, 0)} %`) },
      minutes('rujukan_menit_sebelum'),
      minutes('rujukan_menit_sesudah'),
    ];
    const drawFac = () => {
      const rows = (showAllFac ? facRowsAll : facRowsAll.filter((f) => f.lonjakan === true)).sort((a, b) => (num(b.kenaikan) ?? -1e9) - (num(a.kenaikan) ?? -1e9));
      facHolder.replaceChildren(
        dataTable(rows, { testid: 'table-facility-jump', caption: showAllFac ? t('scn_table_fac_all_caption') : t('scn_table_fac_caption'), columns: facColumns, rowAttrs: (row) => ({ 'data-kode': String(row.kode_faskes) }) }),
      );
    };
    drawFac();
    const allToggle = h('input', {
      type: 'checkbox',
      'data-testid': 'facility-show-all',
      onchange: (e: Event) => {
        showAllFac = (e.target as HTMLInputElement).checked;
        drawFac();
      },
    });

    const kecRows = r.kecamatan.slice().sort((a, b) => (num(b.kehilangan_60) ?? 0) - (num(a.kehilangan_60) ?? 0));
    const kecTable = dataTable(kecRows, {
      testid: 'table-kecamatan-loss',
      filter: false,
      columns: [{ key: 'nama', label: t('level_kecamatan') }, people('penduduk'), people('kehilangan_30'), people('kehilangan_60'), people('kehilangan_120'), minutes('menit_sebelum'), minutes('menit_sesudah')],
    });

    results.replaceChildren(
      h('h2', { id: 'scenario-results-title' }, t('scn_results_title', { name: r.skenario })),
      h('h3', {}, t('scn_table_desa')),
      desaRows.length ? desaTable : h('p', { class: 'muted' }, t('scn_no_desa_loss')),
      h('h3', {}, t('scn_table_fac')),
      h('label', { class: 'check' }, allToggle, ' ', t('scn_show_all_fac')),
      facHolder,
      h('details', { class: 'sheet-details' }, h('summary', {}, t('scn_table_kec')), kecTable),
    );
    results.hidden = false;
  }

  function flyToDesa(kode: string): void {
    const f = desaFC.features.find((x) => String(x.properties?.kode) === kode);
    const b = f ? extend(null, { type: 'FeatureCollection', features: [f] }) : null;
    if (b) map.fitBounds(b, { padding: 80, maxZoom: 12, duration: 500 });
    container.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }
  function flyToFacility(kode: string): void {
    const f = map.querySourceFeatures('facilities').find((x) => String(x.properties?.kode) === kode);
    if (f && f.geometry.type === 'Point') map.flyTo({ center: f.geometry.coordinates as LngLat, zoom: Math.max(map.getZoom(), 10.5), duration: 500 });
    container.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  // ---- tab 3: new sites ----
  const kId = uid('sites-k');
  const minId = uid('sites-min');
  const objId = uid('sites-obj');
  const kInput = h('input', { id: kId, type: 'number', min: 1, max: 50, step: 1, value: '5', required: true, 'data-testid': 'sites-k' });
  const minInput = h('input', { id: minId, type: 'number', min: 5, max: 600, step: 5, value: '60', required: true, 'data-testid': 'sites-minutes' });
  const objSelect = h(
    'select',
    { id: objId, 'data-testid': 'sites-objective' },
    h('option', { value: 'coverage' }, t('scn_obj_coverage')),
    h('option', { value: 'mean-time' }, t('scn_obj_mean_time')),
  );
  const useScenario = h('input', { type: 'checkbox', 'data-testid': 'sites-use-scenario', disabled: true });
  const useScenarioLabel = h('span', {}, t('scn_sites_use_none'));
  const sitesOut = h('div', { class: 'sites-out', 'data-testid': 'sites-result', 'aria-live': 'polite' });
  const sitesJob = jobControl<SitesResult>({
    label: 'scn_sites_run',
    runningLabel: 'scn_sites_running',
    testid: 'sites-run',
    buttonClass: 'button-primary',
    start: async () => {
      const k = Number(kInput.value);
      const minutes = Number(minInput.value);
      if (!Number.isInteger(k) || k < 1 || k > 50) {
        kInput.setAttribute('aria-invalid', 'true');
        kInput.focus();
        throw new Error(t('scn_sites_k_invalid'));
      }
      if (!(minutes > 0)) {
        minInput.setAttribute('aria-invalid', 'true');
        minInput.focus();
        throw new Error(t('scn_sites_min_invalid'));
      }
      kInput.removeAttribute('aria-invalid');
      minInput.removeAttribute('aria-invalid');
      const body: Record<string, unknown> = { k, minutes, objective: objSelect.value };
      if (useScenario.checked && selected) body.skenario = selected;
      const res = await post<JobStarted>('plan/sites', body);
      return res.job;
    },
    onDone: (r) => showSites(r, Number(minInput.value)),
    doneMessage: 'scn_sites_done',
    failedMessage: 'scn_sites_failed',
  });
  if (canEdit) {
    panels.sites.append(
      h('p', { class: 'muted hint' }, t('scn_sites_intro')),
      h(
        'div',
        { class: 'form-row sites-form' },
        h('div', { class: 'field' }, h('label', { for: kId }, t('scn_sites_k')), kInput),
        h('div', { class: 'field' }, h('label', { for: minId }, t('scn_sites_minutes')), minInput),
      ),
      h('div', { class: 'field' }, h('label', { for: objId }, t('scn_sites_objective')), objSelect),
      h('label', { class: 'check-row' }, useScenario, ' ', useScenarioLabel),
      sitesJob.el,
      sitesOut,
    );
  }

  function showSites(r: SitesResult, minutes: number): void {
    sites = r;
    for (const m of siteMarkers) m.remove();
    siteMarkers = r.lokasi.map((s) => {
      const label = t('scn_site_label', { n: s.urutan, name: s.nama });
      const el = h('button', { type: 'button', class: 'site-marker', 'aria-label': label, title: label, 'data-testid': 'site-marker', 'data-urutan': String(s.urutan) }, String(s.urutan));
      const marker = new maplibregl.Marker({ element: el }).setLngLat([s.lon, s.lat]).addTo(map);
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        popup
          .setLngLat([s.lon, s.lat])
          .setDOMContent(
            h(
              'div',
              { class: 'popup', 'data-testid': 'popup-site' },
              h('h3', {}, label),
              h('dl', {}, h('dt', {}, t('col_kode')), h('dd', {}, s.kode), h('dt', {}, t('scn_col_penduduk_tambahan')), h('dd', {}, fmtPeople(s.penduduk_tambahan)), h('dt', {}, t('scn_col_persen_terjangkau')), h('dd', {}, fmtPct(s.persen_terjangkau))),
            ),
          )
          .addTo(map);
      });
      return marker;
    });
    if (map.getSource('sites')) setSource('sites', sitesFC());
    drawLegend();
    const base = r.penduduk > 0 ? (100 * r.terjangkau_sebelum) / r.penduduk : 0;
    const last = r.lokasi[r.lokasi.length - 1];
    const points = [{ x: 0, y: base, label: t('scn_sites_today') }, ...r.lokasi.map((s) => ({ x: s.urutan, y: s.persen_terjangkau, label: s.nama }))];
    sitesOut.replaceChildren(
      h('p', { 'data-testid': 'sites-summary' }, t('scn_sites_summary', { m: minutes, before: fmtPct(base), after: fmtPct(last?.persen_terjangkau ?? base), n: r.lokasi.length, calon: r.calon })),
      lineChart(points, { title: t('scn_sites_chart', { m: minutes }), testid: 'sites-chart', xLabel: t('scn_sites_chart_x'), yLabel: '%' }),
      dataTable(r.lokasi as unknown as Row[], {
        testid: 'sites-table',
        filter: false,
        columns: [
          { key: 'urutan', label: '#', numeric: true },
          { key: 'nama', label: t('scn_col_desa'), render: (row) => h('button', { type: 'button', class: 'link-button', onclick: () => map.flyTo({ center: [row.lon as number, row.lat as number], zoom: Math.max(map.getZoom(), 10), duration: 500 }) }, String(row.nama)) },
          { key: 'penduduk_tambahan', label: t('scn_col_penduduk_tambahan'), numeric: true, render: (row) => fmtPeople(row.penduduk_tambahan) },
          { key: 'persen_terjangkau', label: t('scn_col_persen_terjangkau'), numeric: true, render: (row) => fmtPct(row.persen_terjangkau) },
        ],
        rowAttrs: (row) => ({ 'data-kode': String(row.kode) }),
      }),
    );
    let b: maplibregl.LngLatBounds | null = null;
    for (const s of r.lokasi) b = b ? b.extend([s.lon, s.lat]) : new maplibregl.LngLatBounds([s.lon, s.lat], [s.lon, s.lat]);
    const view_ = map.getBounds();
    if (b && !(view_.contains(b.getNorthEast()) && view_.contains(b.getSouthWest()))) map.fitBounds(b, { padding: 80, maxZoom: 10, duration: 400 });
  }

  // ---- start ----
  selectTab('edit');
  setMode('view');
  updateCompareHead();
  drawLegend();
  if (!canEdit) side.querySelector('.scenario-form')?.remove();

  return () => {
    gone = true;
    compare.stop();
    sitesJob.stop();
    for (const m of siteMarkers) m.remove();
    popup.remove();
    destroyMap(map);
  };
}
