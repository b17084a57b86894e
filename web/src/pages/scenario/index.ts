// The scenario page: what if a facility closes or an area floods? A planner marks flooded desa
// (click), draws flooded areas (polygons) and closes facilities on the map, saves the scenario
// (POST /scenarios), compares it with today (POST /scenarios/{nama}/compare, a background job) and
// sees before / after / change on the map with the losses per desa and the facilities whose load
// jumps. "New sites" (POST /plan/sites) proposes K places that would bring the most people within
// T minutes. Viewers see the stored scenarios read-only. MapLibre with GeoJSON sources only.
//
// The parts, around one state object (state.ts) and the page's shared context (context.ts):
// layers.ts (map sources, layers, legend), drawing.ts (map modes, polygons, popups), editor.ts
// (tabs, the form, saving), stored.ts (the stored scenarios), compare.ts, sites.ts.

import type { PageContext } from '../../main';
import { createMap, destroyMap, maplibregl } from '../../mapbase';
import { h, showError } from '../../ui';
import { t } from '../../i18n';
import { createCompare } from './compare';
import type { Actions, ScenarioPage } from './context';
import { createDrawing } from './drawing';
import { createEditor } from './editor';
import { createLayers } from './layers';
import { createSites } from './sites';
import { initialState } from './state';
import { createStored } from './stored';

export function renderScenario(root: HTMLElement, ctx: PageContext): () => void {
  const st = initialState();
  const container = h('div', {
    class: 'map',
    role: 'region',
    'aria-label': t('scn_map_label'),
    'data-testid': 'scenario-map',
    'data-view': st.view,
    'data-mode': st.mode,
  });
  const side = h('aside', { class: 'map-side panel scenario-side', 'aria-label': t('scn_side_label') });
  const results = h('section', {
    class: 'panel scenario-results',
    id: 'scenario-results',
    hidden: true,
    'aria-labelledby': 'scenario-results-title',
    'data-testid': 'compare-results',
  });
  const live = h('p', { class: 'sr-only', 'aria-live': 'polite', 'data-testid': 'scenario-live' });
  root.append(h('div', { class: 'scenario-page' }, h('div', { class: 'map-page scenario-map-page' }, container, side), results, live));
  const map = createMap(container);

  const page: ScenarioPage = {
    st,
    ctx,
    canEdit: ctx.session.role === 'admin' || ctx.session.role === 'planner',
    map,
    popup: new maplibregl.Popup({ closeButton: true, maxWidth: '320px' }),
    container,
    side,
    results,
    legend: h('div', { class: 'legend', 'data-testid': 'scenario-legend' }),
    panels: {
      edit: h('div', { role: 'tabpanel', 'aria-label': t('scn_tab_edit'), 'data-testid': 'panel-edit' }),
      compare: h('div', { role: 'tabpanel', 'aria-label': t('scn_tab_compare'), 'data-testid': 'panel-compare', hidden: true }),
      sites: h('div', { role: 'tabpanel', 'aria-label': t('scn_tab_sites'), 'data-testid': 'panel-sites', hidden: true }),
    },
    announce: (text: string) => (live.textContent = text),
    act: undefined as unknown as Actions, // set below, before any event can call it
  };

  const layers = createLayers(page);
  const drawing = createDrawing(page);
  const stored = createStored(page);
  const editor = createEditor(page, drawing.modeBox);
  const compare = createCompare(page);
  const sites = createSites(page);
  const { modeBox: _modeBox, ...drawingActions } = drawing;
  const { tabHolder, form, ...editorActions } = editor;
  page.act = { ...layers, ...drawingActions, ...editorActions, refreshList: stored.refreshList, ...compare, ...sites };

  side.append(h('h1', {}, t('scn_title')), tabHolder, page.panels.edit, page.panels.compare, page.panels.sites, page.legend);
  page.panels.edit.append(stored.listBox, form);
  map.on(
    'load',
    () =>
      void layers
        .loadData()
        .then(() => stored.refreshList())
        .catch(showError),
  );

  editor.selectTab('edit');
  drawing.setMode('view');
  compare.updateCompareHead();
  layers.drawLegend();

  return () => {
    st.gone = true;
    compare.stop();
    sites.stop();
    page.popup.remove();
    destroyMap(map);
  };
}
