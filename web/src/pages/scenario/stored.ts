// The stored scenarios (GET /scenarios): the list on the first tab, opening one in the editor
// (GET /scenarios/{nama}), starting a new one, deleting (DELETE /scenarios/{nama}).

import { del, get, getVersioned } from '../../api';
import { t } from '../../i18n';
import { extend, type FC } from '../../mapbase';
import { confirmDialog, h, notify, showError } from '../../ui';
import type { Actions, ScenarioPage } from './context';
import * as state from './state';

export function createStored(page: ScenarioPage): Pick<Actions, 'refreshList'> & { listBox: HTMLElement } {
  const { st, ctx, canEdit, map } = page;
  const list = h('ul', { class: 'scenario-list', 'data-testid': 'scenario-list' });
  const listBox = h(
    'section',
    { class: 'scenario-block', 'aria-labelledby': 'scn-stored' },
    h(
      'div',
      { class: 'block-head' },
      h('h2', { id: 'scn-stored' }, t('scn_stored')),
      canEdit
        ? h(
            'button',
            { type: 'button', class: 'button-secondary small', 'data-testid': 'scenario-new', onclick: () => void newScenario() },
            t('scn_new'),
          )
        : null,
    ),
    list,
  );

  async function refreshList(): Promise<void> {
    if (st.gone) return;
    try {
      st.scenarios = await get<state.ScenarioRow[]>('scenarios');
      if (st.gone) return;
    } catch (e) {
      showError(e);
      st.scenarios = [];
    }
    drawList();
    const wanted = ctx.params[0];
    if (wanted && st.selected === null && st.scenarios.some((s) => s.nama === wanted)) await selectScenario(wanted, false);
  }

  function drawList(): void {
    if (!st.scenarios.length) {
      list.replaceChildren(h('li', { class: 'muted' }, t('scn_none')));
      return;
    }
    list.replaceChildren(
      ...st.scenarios.map((s) => {
        const facts = [
          s.area_banjir ? t('scn_fact_flood', { n: s.area_banjir }) : '',
          s.fasyankes_tutup ? t('scn_fact_closed', { n: s.fasyankes_tutup }) : '',
          s.fasyankes_baru ? t('scn_fact_new', { n: s.fasyankes_baru }) : '',
          s.kecepatan_diubah || s.putus ? t('scn_fact_roads') : '',
        ].filter(Boolean);
        const by = s.pengguna ? t('scn_fact_by', { user: s.pengguna, when: s.waktu.replace('T', ' ').replace(/:\d\dZ$/, '') }) : '';
        const isSel = s.nama === st.selected;
        return h(
          'li',
          { class: `scenario-item${isSel ? ' selected' : ''}`, 'data-nama': s.nama, 'data-testid': 'scenario-item' },
          h(
            'button',
            {
              type: 'button',
              class: 'scenario-select',
              'aria-pressed': String(isSel),
              'data-testid': 'scenario-select',
              onclick: () => void selectScenario(s.nama, true),
            },
            h('strong', {}, s.nama),
            s.keterangan ? h('span', { class: 'scenario-desc' }, s.keterangan) : null,
            h('span', { class: 'muted scenario-facts' }, [facts.join(' · '), by].filter(Boolean).join(' — ')),
          ),
          canEdit
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'icon-button',
                  'aria-label': t('scn_delete', { name: s.nama }),
                  title: t('scn_delete', { name: s.nama }),
                  'data-testid': 'scenario-delete',
                  onclick: () => void deleteScenario(s.nama),
                },
                t('remove'),
              )
            : null,
        );
      }),
    );
  }

  async function confirmDiscard(): Promise<boolean> {
    if (!st.dirty || !canEdit) return true;
    const ok = await confirmDialog({
      title: t('scn_discard_title'),
      text: t('scn_discard_text'),
      confirmLabel: t('scn_discard'),
      testid: 'discard-dialog',
    });
    return ok !== null;
  }

  /** The features of `source` (rendered or not) whose `kode` is one of `codes`. */
  function featuresWithKode(codes: Set<string>, source: string): GeoJSON.Feature[] {
    if (!codes.size || !map.getSource(source)) return [];
    return map.querySourceFeatures(source).filter((f) => codes.has(String(f.properties?.kode ?? '')));
  }

  async function selectScenario(nama: string, ask: boolean): Promise<void> {
    if (ask && nama !== st.selected && !(await confirmDiscard())) return;
    let doc: state.ScenarioDoc;
    let version: string;
    try {
      ({ data: doc, version } = await getVersioned<state.ScenarioDoc>(`scenarios/${encodeURIComponent(nama)}`));
    } catch (e) {
      showError(e);
      return;
    }
    if (st.gone) return;
    state.loadScenario(st, doc);
    st.version = version;
    page.act.markClean();
    history.replaceState(null, '', `#/scenario/${encodeURIComponent(nama)}`);
    page.act.fillEditor();
    if (st.result?.skenario !== nama) page.act.clearResults();
    drawList();
    page.act.updateCompareHead();
    page.announce(t('scn_loaded', { name: nama }));
    // Show what the scenario touches.
    let b = extend(null, doc.banjir as unknown as FC);
    b = extend(b, { type: 'FeatureCollection', features: featuresWithKode(st.draft.tutup, 'facilities') });
    if (b) map.fitBounds(b, { padding: 80, maxZoom: 10, duration: 400 });
  }

  async function newScenario(): Promise<void> {
    if (!(await confirmDiscard())) return;
    state.resetDraft(st);
    page.act.markClean();
    history.replaceState(null, '', '#/scenario');
    page.act.fillEditor();
    page.act.clearResults();
    drawList();
    page.act.updateCompareHead();
    page.act.focusName();
  }

  async function deleteScenario(nama: string): Promise<void> {
    const ok = await confirmDialog({
      title: t('scn_delete_title', { name: nama }),
      text: t('scn_delete_text'),
      confirmLabel: t('remove'),
      testid: 'delete-dialog',
    });
    if (ok === null) return;
    try {
      await del(`scenarios/${encodeURIComponent(nama)}`);
      notify(t('scn_deleted', { name: nama }), 'ok');
      if (st.selected === nama) {
        st.selected = null;
        page.act.markDirty(); // the editor still holds it: saving brings it back
        history.replaceState(null, '', '#/scenario');
        page.act.updateCompareHead();
        page.act.clearResults();
      }
      await refreshList();
    } catch (e) {
      showError(e);
    }
  }

  return { listBox, refreshList };
}
