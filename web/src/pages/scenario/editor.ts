// The scenario editor (first tab): name, description, flood factor, the flooded desa, drawn areas
// and closed facilities as lists (the keyboard way to do what the map clicks do), and saving
// (POST /scenarios). Also the side panel's tabs.

import { ApiError, postVersioned } from '../../api';
import { t } from '../../i18n';
import { confirmDialog, fmtNumber, h, notify, showError, tabs, uid } from '../../ui';
import type { Actions, ScenarioPage } from './context';
import * as state from './state';
import type { Tab } from './state';

type EditorActions = Pick<
  Actions,
  | 'selectTab'
  | 'markDirty'
  | 'markClean'
  | 'refreshEditorLists'
  | 'fillEditor'
  | 'toggleDesa'
  | 'toggleFacility'
  | 'setPickerOptions'
  | 'focusName'
  | 'save'
>;

export function createEditor(page: ScenarioPage, modeBox: HTMLElement): EditorActions & { tabHolder: HTMLElement; form: HTMLElement } {
  const { st, canEdit, panels, announce } = page;

  // ---- tabs ----
  const tabItems = (): { id: Tab; label: string }[] => [
    { id: 'edit' as Tab, label: t('scn_tab_edit') },
    { id: 'compare' as Tab, label: t('scn_tab_compare') },
    ...(canEdit ? [{ id: 'sites' as Tab, label: t('scn_tab_sites') }] : []),
  ];
  const tabHolder = h('div', { class: 'scenario-tabs' });
  function selectTab(id: Tab): void {
    st.tab = id;
    tabHolder.replaceChildren(tabs(tabItems(), st.tab, (x) => selectTab(x as Tab), 'scenario-tabs'));
    for (const [k, p] of Object.entries(panels)) p.hidden = k !== st.tab;
    if (st.tab !== 'edit' && st.mode !== 'view') page.act.setMode('view');
  }

  // ---- the form ----
  const nameId = uid('scn-name');
  const nameInput = h('input', {
    id: nameId,
    type: 'text',
    required: true,
    maxlength: 64,
    autocomplete: 'off',
    pattern: '[A-Za-z0-9_\\-]+',
    'aria-describedby': `${nameId}-hint`,
    'data-testid': 'scenario-name',
  });
  const nameError = h('p', { class: 'field-error', id: `${nameId}-err`, hidden: true, 'data-testid': 'scenario-name-error' });
  const descId = uid('scn-desc');
  const descInput = h('textarea', { id: descId, rows: 2, maxlength: 500, 'data-testid': 'scenario-desc' });
  const faktorId = uid('scn-faktor');
  const faktorInput = h('input', {
    id: faktorId,
    type: 'range',
    min: 0,
    max: 1,
    step: 0.05,
    value: String(st.draft.faktor),
    'aria-describedby': `${faktorId}-hint`,
    'data-testid': 'scenario-faktor',
  });
  const faktorOut = h('output', { for: faktorId, class: 'faktor-value', 'data-testid': 'scenario-faktor-value' });
  const closeFloodedInput = h('input', { type: 'checkbox', 'data-testid': 'scenario-tutup-banjir' });
  const floodList = h('ul', { class: 'chips-list', 'data-testid': 'flood-desa-list' });
  const closedList = h('ul', { class: 'chips-list', 'data-testid': 'closed-list' });
  const floodCount = h('span', { class: 'count', 'data-testid': 'flood-desa-count' }, '0');
  const closedCount = h('span', { class: 'count', 'data-testid': 'closed-count' }, '0');
  const polyCount = h('span', { class: 'count', 'data-testid': 'polygon-count' }, '0');
  const desaPickId = uid('scn-desa-pick');
  const desaPick = h('input', {
    id: desaPickId,
    type: 'text',
    list: `${desaPickId}-list`,
    placeholder: t('scn_add_desa_placeholder'),
    'data-testid': 'add-desa-input',
  });
  const desaDatalist = h('datalist', { id: `${desaPickId}-list` });
  const facPickId = uid('scn-fac-pick');
  const facPick = h('select', { id: facPickId, 'data-testid': 'add-facility-select' });
  const extrasNote = h('p', { class: 'note', hidden: true, 'data-testid': 'scenario-extras-note' }, t('scn_extras_note'));
  const problems = h('div', { class: 'problems', role: 'alert', 'data-testid': 'scenario-problems' });
  const dirtyNote = h('p', { class: 'muted hint', 'aria-live': 'polite', 'data-testid': 'scenario-dirty' });
  const saveBtn = h('button', { type: 'submit', class: 'button-primary', 'data-testid': 'scenario-save' }, t('save'));
  const saveCompareBtn = h(
    'button',
    { type: 'button', class: 'button-secondary', 'data-testid': 'scenario-save-compare', onclick: () => void saveAndCompare() },
    t('scn_save_compare'),
  );
  const smallButton = (testid: string, onclick: () => void) =>
    h('button', { type: 'button', class: 'button-secondary small', 'data-testid': testid, onclick }, t('scn_add'));

  const form = canEdit
    ? h(
        'form',
        {
          class: 'scenario-form',
          novalidate: true,
          'data-testid': 'scenario-form',
          onsubmit: (e: Event) => (e.preventDefault(), void save().catch(() => {})),
        },
        h('h2', { 'data-testid': 'editor-title' }, t('scn_editor')),
        extrasNote,
        h(
          'div',
          { class: 'field' },
          h('label', { for: nameId }, t('scn_name')),
          nameInput,
          h('span', { class: 'muted hint', id: `${nameId}-hint` }, t('scn_name_hint')),
          nameError,
        ),
        h('div', { class: 'field' }, h('label', { for: descId }, t('scn_desc')), descInput),
        h(
          'div',
          { class: 'field' },
          h('label', { for: faktorId }, t('scn_faktor'), ' ', faktorOut),
          faktorInput,
          h('span', { class: 'muted hint', id: `${faktorId}-hint` }, t('scn_faktor_hint')),
        ),
        h('label', { class: 'check-row' }, closeFloodedInput, ' ', t('scn_tutup_banjir')),
        modeBox,
        h(
          'section',
          { class: 'scenario-block', 'aria-label': t('scn_flood_desa') },
          h('h3', {}, t('scn_flood_desa'), ' ', floodCount),
          floodList,
          h(
            'div',
            { class: 'pick' },
            h('label', { for: desaPickId, class: 'sr-only' }, t('scn_add_desa')),
            desaPick,
            desaDatalist,
            smallButton('add-desa', () => addDesaByName()),
          ),
        ),
        h('section', { class: 'scenario-block', 'aria-label': t('scn_polygons') }, h('h3', {}, t('scn_polygons'), ' ', polyCount)),
        h(
          'section',
          { class: 'scenario-block', 'aria-label': t('scn_closed') },
          h('h3', {}, t('scn_closed'), ' ', closedCount),
          closedList,
          h(
            'div',
            { class: 'pick' },
            h('label', { for: facPickId, class: 'sr-only' }, t('scn_add_closed')),
            facPick,
            smallButton('add-facility', () => addFacilityFromSelect()),
          ),
        ),
        problems,
        dirtyNote,
        h('div', { class: 'actions' }, saveBtn, saveCompareBtn),
      )
    : h('p', { class: 'muted hint' }, t('scn_readonly'));

  nameInput.addEventListener('input', () => {
    st.draft.nama = nameInput.value.trim();
    nameError.hidden = true;
    nameInput.removeAttribute('aria-invalid');
    markDirty();
  });
  descInput.addEventListener('input', () => {
    st.draft.keterangan = descInput.value;
    markDirty();
  });
  faktorInput.addEventListener('input', () => {
    st.draft.faktor = Number(faktorInput.value);
    showFaktor();
    markDirty();
  });
  closeFloodedInput.addEventListener('change', () => {
    st.draft.tutupBanjir = closeFloodedInput.checked;
    markDirty();
  });
  desaPick.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      addDesaByName();
    }
  });

  function showFaktor(): void {
    const v = st.draft.faktor;
    const text = v === 0 ? t('scn_faktor_closed') : `${fmtNumber(v, 2)} × ${t('scn_faktor_speed')}`;
    faktorOut.textContent = text;
    faktorInput.setAttribute('aria-valuetext', text);
  }
  showFaktor();

  function markDirty(): void {
    st.dirty = true;
    dirtyNote.textContent = t('unsaved');
  }
  function markClean(): void {
    st.dirty = false;
    dirtyNote.textContent = '';
  }

  // ---- the lists ----
  function chip(label: string, testid: string, kode: string, onRemove: () => void, removeLabel: string): HTMLElement {
    return h(
      'li',
      { class: 'chip small-chip', 'data-testid': testid, 'data-kode': kode },
      h('span', { title: kode }, label),
      canEdit
        ? h('button', { type: 'button', class: 'chip-remove', 'aria-label': removeLabel, title: removeLabel, onclick: onRemove }, '×')
        : null,
    );
  }

  function refreshEditorLists(): void {
    floodList.replaceChildren(
      ...[...st.draft.banjirDesa].map((k) => {
        const name = st.desaNames.get(k) ?? k;
        return chip(name, 'flood-desa-item', k, () => toggleDesa(k), t('scn_remove_item', { name: `${name} (${k})` }));
      }),
    );
    closedList.replaceChildren(
      ...[...st.draft.tutup].map((k) => {
        const name = st.facilityNames.get(k) ?? k;
        return chip(name, 'closed-item', k, () => toggleFacility(k), t('scn_remove_item', { name }));
      }),
    );
    floodCount.textContent = String(st.draft.banjirDesa.size);
    closedCount.textContent = String(st.draft.tutup.size);
    polyCount.textContent = String(st.draft.polygons.length);
    page.act.updateDrawButtons();
  }

  function changed(): void {
    markDirty();
    refreshEditorLists();
    page.act.drawScenarioLayers();
  }

  function toggleDesa(kode: string): void {
    const name = st.desaNames.get(kode) ?? kode;
    announce(t(state.toggleDesa(st, kode) ? 'scn_desa_flooded' : 'scn_desa_unflooded', { name }));
    changed();
  }

  function toggleFacility(kode: string): void {
    const name = st.facilityNames.get(kode) ?? kode;
    announce(t(state.toggleFacility(st, kode) ? 'scn_facility_closed' : 'scn_facility_opened', { name }));
    changed();
  }

  function addDesaByName(): void {
    const text = desaPick.value.trim();
    if (!text) return;
    const found = state.resolveDesa(text, st.desaNames);
    if ('error' in found) {
      notify(t(found.error, { name: text }), 'error');
      return;
    }
    if (!st.draft.banjirDesa.has(found.kode)) toggleDesa(found.kode);
    desaPick.value = '';
  }

  function addFacilityFromSelect(): void {
    const kode = facPick.value;
    if (kode && !st.draft.tutup.has(kode)) toggleFacility(kode);
  }

  function setPickerOptions(kecamatanNames: Map<string, string>): void {
    const kecOf = (kode: string) => kecamatanNames.get(kode.split('.').slice(0, 3).join('.')) ?? '';
    desaDatalist.replaceChildren(
      ...[...st.desaNames]
        .sort((a, b) => a[1].localeCompare(b[1]))
        .map(([k, n]) => h('option', { value: `${n} (${k})` }, kecOf(k) ? t('scn_in_kecamatan', { name: kecOf(k) }) : '')),
    );
    facPick.replaceChildren(
      h('option', { value: '' }, t('choose')),
      ...[...st.facilityNames].sort((a, b) => a[1].localeCompare(b[1])).map(([k, n]) => h('option', { value: k }, `${n} (${k})`)),
    );
  }

  function fillEditor(): void {
    nameInput.value = st.draft.nama;
    descInput.value = st.draft.keterangan;
    faktorInput.value = String(st.draft.faktor);
    closeFloodedInput.checked = st.draft.tutupBanjir;
    showFaktor();
    nameError.hidden = true;
    nameInput.removeAttribute('aria-invalid');
    problems.replaceChildren();
    extrasNote.hidden = !st.loadedExtras;
    refreshEditorLists();
    page.act.drawScenarioLayers();
    page.act.drawDraft();
  }

  // ---- saving ----
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
    const nama = st.draft.nama;
    const problem = state.nameProblem(nama);
    if (problem) {
      showNameError(t(problem));
      throw new Error('invalid');
    }
    if (st.drawing.length >= 3) page.act.finishPolygon(); // a polygon being drawn is part of what the user sees
    if (nama !== st.selected && st.scenarios.some((s) => s.nama === nama)) {
      const ok = await confirmDialog({
        title: t('scn_replace_title', { name: nama }),
        text: t('scn_replace_text'),
        confirmLabel: t('scn_replace'),
        testid: 'replace-dialog',
      });
      if (ok === null) throw new Error('cancelled');
    }
    saveBtn.disabled = true;
    saveCompareBtn.disabled = true;
    saveBtn.textContent = t('saving');
    try {
      // Saved over the scenario as loaded: refused (409) when somebody else saved it meanwhile.
      const { data: res, version } = await postVersioned<state.ScenarioSaved>(
        'scenarios',
        state.scenarioBody(st.draft),
        nama === st.selected ? st.version : undefined,
      );
      st.version = version;
      notify(t('scn_saved', { name: nama }), 'ok');
      // The server may have closed flooded facilities (tutup_yang_kebanjiran): show its list.
      st.draft.tutup = new Set(res.tutup);
      st.selected = nama;
      markClean();
      history.replaceState(null, '', `#/scenario/${encodeURIComponent(nama)}`);
      if (st.result && st.result.skenario === nama) page.act.clearResults(); // the stored comparison is outdated
      refreshEditorLists();
      page.act.drawScenarioLayers();
      page.act.updateCompareHead();
      await page.act.refreshList();
      return nama;
    } catch (e) {
      if (e instanceof ApiError) {
        const items = e.problems.map((p) => h('li', {}, p.field ? `${p.field}: ${p.message}` : p.message));
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
    await page.act.runCompare();
  }

  return {
    tabHolder,
    form,
    selectTab,
    markDirty,
    markClean,
    refreshEditorLists,
    fillEditor,
    toggleDesa,
    toggleFacility,
    setPickerOptions,
    focusName: () => nameInput.focus(),
    save,
  };
}
