// What the parts of the scenario page share: the state, the map, the page's containers, and the
// actions each part offers the others (filled in by index.ts once every part exists, so a part
// may call another's action from an event handler without importing it).

import type { MapMouseEvent } from 'maplibre-gl';
import type { PageContext } from '../../main';
import type { FC, maplibregl } from '../../mapbase';
import type { Mode, ScenarioState, Tab } from './state';

export interface ScenarioPage {
  st: ScenarioState;
  ctx: PageContext;
  /** Admins and planners edit; viewers only look. */
  canEdit: boolean;
  map: maplibregl.Map;
  popup: maplibregl.Popup;
  container: HTMLElement;
  side: HTMLElement;
  results: HTMLElement;
  legend: HTMLElement;
  panels: Record<Tab, HTMLElement>;
  /** Tells screen readers what changed. */
  announce: (text: string) => void;
  act: Actions;
}

export interface Actions {
  // layers.ts
  setSource(id: string, fc: FC): void;
  drawDraft(): void;
  drawScenarioLayers(): void;
  applyView(): void;
  drawLegend(): void;
  // drawing.ts
  setMode(m: Mode): void;
  addVertex(e: MapMouseEvent): void;
  finishPolygon(): void;
  undoDraw(): void;
  clearDrawn(): void;
  // editor.ts
  selectTab(tab: Tab): void;
  markDirty(): void;
  markClean(): void;
  refreshEditorLists(): void;
  updateDrawButtons(): void;
  fillEditor(): void;
  toggleDesa(kode: string): void;
  toggleFacility(kode: string): void;
  setPickerOptions(kecamatanNames: Map<string, string>): void;
  focusName(): void;
  // stored.ts
  refreshList(): Promise<void>;
  save(): Promise<string>;
  // compare.ts
  clearResults(): void;
  updateCompareHead(): void;
  runCompare(): Promise<void>;
  // sites.ts
  updateSitesScenario(): void;
}
