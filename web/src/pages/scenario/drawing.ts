// Working on the scenario map: the mode (look, flood desa by clicking, draw flooded areas, close
// facilities), drawing polygons vertex by vertex (double click or "finish" ends one), and the
// popups of the look mode.

import type { MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import { t, type Key } from '../../i18n';
import { fmtNumber, h } from '../../ui';
import type { Actions, ScenarioPage } from './context';
import { fmtMin, fmtPeople } from './format';
import * as state from './state';
import type { LngLat, Mode } from './state';

type DrawingActions = Pick<Actions, 'setMode' | 'addVertex' | 'finishPolygon' | 'undoDraw' | 'clearDrawn' | 'updateDrawButtons'>;

export function createDrawing(page: ScenarioPage): DrawingActions & { modeBox: HTMLElement } {
  const { st, map, popup, container, canEdit, announce } = page;
  const modeInputs = new Map<Mode, HTMLInputElement>();
  const modeHint = h('p', { class: 'muted hint', 'aria-live': 'polite', 'data-testid': 'mode-hint' });
  const finishBtn = h(
    'button',
    { type: 'button', class: 'button-secondary small', 'data-testid': 'draw-finish', onclick: () => finishPolygon() },
    t('scn_draw_finish'),
  );
  const undoBtn = h(
    'button',
    { type: 'button', class: 'button-secondary small', 'data-testid': 'draw-undo', onclick: () => undoDraw() },
    t('scn_draw_undo'),
  );
  const clearBtn = h(
    'button',
    { type: 'button', class: 'button-secondary small', 'data-testid': 'draw-clear', onclick: () => clearDrawn() },
    t('scn_draw_clear'),
  );
  const drawTools = h('div', { class: 'actions draw-tools', hidden: true }, finishBtn, undoBtn, clearBtn);
  const modeBox = h(
    'fieldset',
    { class: 'layers', 'data-testid': 'scenario-modes' },
    h('legend', {}, t('scn_mode')),
    (['view', 'desa', 'draw', 'close'] as Mode[]).map((m) => {
      const input = h('input', {
        type: 'radio',
        name: 'scn-mode',
        value: m,
        checked: m === st.mode,
        'data-testid': `mode-${m}`,
        onchange: () => setMode(m),
      });
      modeInputs.set(m, input);
      return h('label', { class: 'check' }, input, ' ', t(`scn_mode_${m}` as Key));
    }),
    modeHint,
    drawTools,
  );

  function setMode(m: Mode): void {
    st.mode = m;
    container.dataset.mode = m;
    const input = modeInputs.get(m);
    if (input) input.checked = true;
    drawTools.hidden = m !== 'draw';
    modeHint.textContent = canEdit ? t(`scn_hint_${m}` as Key) : '';
    if (m === 'draw') map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
    map.getCanvas().style.cursor = m === 'draw' ? 'crosshair' : '';
    if (m !== 'draw' && st.drawing.length) {
      st.drawing = [];
      page.act.drawDraft();
    }
    popup.remove();
    updateDrawButtons();
  }

  function updateDrawButtons(): void {
    finishBtn.disabled = st.drawing.length < 3;
    undoBtn.disabled = st.drawing.length === 0 && st.draft.polygons.length === 0;
    clearBtn.disabled = st.drawing.length === 0 && st.draft.polygons.length === 0;
  }

  function addVertex(e: MapMouseEvent): void {
    const p: LngLat = [e.lngLat.lng, e.lngLat.lat];
    const last = st.drawing[st.drawing.length - 1];
    if (last) {
      const a = map.project(last);
      if (Math.hypot(a.x - e.point.x, a.y - e.point.y) < 5) return; // the second click of a double click
    }
    st.drawing.push(p);
    page.act.drawDraft();
    announce(t('scn_vertex_added', { n: st.drawing.length }));
  }

  function finishPolygon(): void {
    if (!state.finishPolygon(st)) {
      announce(t('scn_draw_need3'));
      return;
    }
    page.act.markDirty();
    page.act.drawDraft();
    page.act.drawScenarioLayers();
    page.act.refreshEditorLists();
    announce(t('scn_polygon_added', { n: st.draft.polygons.length }));
  }

  function undoDraw(): void {
    if (state.undoDraw(st)) {
      page.act.markDirty();
      page.act.drawScenarioLayers();
    }
    page.act.drawDraft();
    page.act.refreshEditorLists();
  }

  function clearDrawn(): void {
    const had = st.draft.polygons.length > 0;
    state.clearDrawn(st);
    if (had) page.act.markDirty();
    page.act.drawDraft();
    page.act.drawScenarioLayers();
    page.act.refreshEditorLists();
  }

  // ---- popups (look mode) ----
  function facilityPopup(f: MapGeoJSONFeature): HTMLElement {
    const p = f.properties as Record<string, unknown>;
    const kode = String(p.kode ?? '');
    const r = st.result?.fasyankes.find((x) => x.kode_faskes === kode);
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
        h('dd', {}, st.draft.tutup.has(kode) ? t('scn_status_tutup') : t('scn_status_buka')),
        r
          ? [h('dt', {}, t('scn_per_worker')), h('dd', {}, `${fmtPeople(r.per_tenaga_sebelum)} → ${fmtPeople(r.per_tenaga_sesudah)}`)]
          : null,
      ),
    );
  }

  function desaPopup(f: MapGeoJSONFeature): HTMLElement {
    const p = f.properties as Record<string, unknown>;
    const kode = String(p.kode ?? '');
    const hasResult = st.result && 'menit_sesudah' in p;
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
        h('dd', {}, st.draft.banjirDesa.has(kode) ? t('yes') : t('no')),
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
    if (st.mode === 'draw') {
      addVertex(e);
      return;
    }
    if (st.mode === 'close') {
      const fac = map.queryRenderedFeatures(pickBox(e, 7), { layers: ['facilities-circle'] })[0];
      if (fac) page.act.toggleFacility(String(fac.properties?.kode ?? ''));
      else announce(t('scn_no_facility_here'));
      return;
    }
    if (st.mode === 'desa') {
      const desa = map.queryRenderedFeatures(e.point, { layers: ['desa-fill'] })[0];
      if (desa) page.act.toggleDesa(String(desa.properties?.kode ?? ''));
      return;
    }
    const fac = map.queryRenderedFeatures(pickBox(e, 5), { layers: ['facilities-circle'] })[0];
    const desa = map.queryRenderedFeatures(e.point, { layers: ['desa-fill'] })[0];
    const content = fac ? facilityPopup(fac) : desa ? desaPopup(desa) : null;
    if (content) popup.setLngLat(e.lngLat).setDOMContent(content).addTo(map);
  });
  map.on('dblclick', (e) => {
    if (st.mode !== 'draw') return;
    e.preventDefault();
    finishPolygon();
  });
  map.on('mousemove', (e) => {
    if (!map.getLayer('desa-fill') || st.mode === 'draw') return;
    const layers = st.mode === 'close' ? ['facilities-circle'] : st.mode === 'desa' ? ['desa-fill'] : ['facilities-circle', 'desa-fill'];
    const hit = map.queryRenderedFeatures(st.mode === 'desa' ? e.point : pickBox(e, 5), { layers }).length > 0;
    map.getCanvas().style.cursor = hit ? 'pointer' : '';
  });

  return { modeBox, setMode, addVertex, finishPolygon, undoDraw, clearDrawn, updateDrawButtons };
}
