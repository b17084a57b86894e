// Comparing the scenario with today (second tab): POST /scenarios/{nama}/compare as a background
// job, then the summary cards, the before / after / change views of the map and the tables of
// the desa that lose reach and the facilities whose load jumps.

import { post, type JobStarted, type Row } from '../../api';
import { jobControl } from '../../access_run';
import { t, type Key } from '../../i18n';
import { extend } from '../../mapbase';
import { dataTable, fmtNumber, h, type Column } from '../../ui';
import type { Actions, ScenarioPage } from './context';
import { fmtMin, fmtPeople, fmtSigned } from './format';
import { desaLossRows, facilityJumpRows, mergedDesa, num, type CompareResult, type LngLat, type View } from './state';

type CompareActions = Pick<Actions, 'clearResults' | 'updateCompareHead' | 'runCompare'>;

export function createCompare(page: ScenarioPage): CompareActions & { stop: () => void } {
  const { st, canEdit, map, container, results, panels } = page;
  const compareHead = h('p', { class: 'scenario-current', 'data-testid': 'compare-scenario' });
  const compare = jobControl<CompareResult>({
    label: 'scn_compare',
    runningLabel: 'scn_comparing',
    testid: 'compare-run',
    buttonClass: 'button-primary',
    start: async () => {
      let nama = st.selected;
      if (canEdit && (st.dirty || !nama)) nama = await page.act.save();
      if (!nama) throw new Error(t('scn_select_first'));
      return (await post<JobStarted>(`scenarios/${encodeURIComponent(nama)}/compare`, {})).job;
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
        checked: v === st.view,
        disabled: v !== 'sebelum',
        'data-testid': `view-${v}`,
        onchange: () => {
          st.view = v;
          page.act.applyView();
        },
      });
      viewInputs.set(v, input);
      return h('label', { class: 'check' }, input, ' ', t(`scn_view_${v}` as Key));
    }),
  );
  const summary = h('div', { class: 'scenario-summary', 'data-testid': 'compare-summary', 'aria-live': 'polite' });
  panels.compare.append(compareHead, canEdit ? compare.el : h('p', { class: 'muted hint' }, t('scn_compare_readonly')), viewBox, summary);

  function updateCompareHead(): void {
    const unsaved = st.dirty ? h('span', { class: 'muted' }, ` (${t('scn_will_save')})`) : '';
    compareHead.replaceChildren(
      h(
        'span',
        {},
        st.selected
          ? [t('scn_current'), ' ', h('strong', {}, st.selected), unsaved]
          : canEdit && st.draft.nama
            ? t('scn_current_unsaved', { name: st.draft.nama })
            : t('scn_select_first'),
      ),
    );
    page.act.updateSitesScenario();
  }

  function clearResults(): void {
    st.result = null;
    results.hidden = true;
    results.replaceChildren();
    summary.replaceChildren();
    for (const input of viewInputs.values()) input.disabled = input.value !== 'sebelum';
    st.view = 'sebelum';
    const v = viewInputs.get('sebelum');
    if (v) v.checked = true;
    if (map.getSource('desa')) page.act.setSource('desa', mergedDesa(st.desaFC, st.result));
    page.act.applyView();
  }

  function card(label: string, value: string, testid: string, sub = ''): HTMLElement {
    return h(
      'div',
      { class: 'card', 'data-testid': testid },
      h('div', { class: 'card-label' }, label),
      h('div', { class: 'card-value' }, value),
      sub ? h('div', { class: 'card-sub muted' }, sub) : null,
    );
  }

  function showResult(r: CompareResult): void {
    st.result = r;
    const s = r.ringkasan;
    const share = (v: number) => {
      if (!(s.penduduk > 0)) return '';
      const pct = (100 * v) / s.penduduk;
      return `${pct > 0 && pct < 0.05 ? '< 0,1'.replace(',', t('decimal_sep')) : fmtNumber(pct, 1)} % ${t('scn_of_population')}`;
    };
    const delta = s.menit_sesudah !== null && s.menit_sebelum !== null ? s.menit_sesudah - s.menit_sebelum : null;
    const lose = (n: 30 | 60 | 120) =>
      card(
        t('scn_lose', { n }),
        `${fmtPeople(s[`kehilangan_${n}`])} ${t('people')}`,
        `summary-kehilangan_${n}`,
        share(s[`kehilangan_${n}`]),
      );
    summary.replaceChildren(
      h('h2', {}, t('scn_summary', { name: r.skenario })),
      h(
        'div',
        { class: 'cards compact' },
        lose(30),
        lose(60),
        lose(120),
        card(
          t('scn_mean_minutes'),
          `${fmtNumber(s.menit_sebelum, 1)} → ${fmtNumber(s.menit_sesudah, 1)}`,
          'summary-menit',
          delta === null ? '' : `${fmtSigned(delta, 1)} ${t('scn_minutes_unit')}`,
        ),
      ),
      h(
        'p',
        { class: 'muted hint' },
        t('scn_summary_facts', { tutup: s.tutup, banjir: s.banjir, penduduk: fmtPeople(s.penduduk), detik: fmtNumber(s.detik, 1) }),
      ),
      h(
        'a',
        { href: '#scenario-results', onclick: (e: Event) => (e.preventDefault(), results.scrollIntoView({ behavior: 'smooth' })) },
        t('scn_see_tables'),
      ),
    );
    for (const input of viewInputs.values()) input.disabled = false;
    st.view = 'sesudah';
    viewInputs.get('sesudah')!.checked = true;
    page.act.setSource('desa', mergedDesa(st.desaFC, st.result));
    page.act.applyView();
    container.dataset.result = r.skenario;
    drawResultTables(r);
  }

  function drawResultTables(r: CompareResult): void {
    const facName = (k: unknown) => st.facilityNames.get(String(k ?? '')) ?? String(k ?? t('none'));
    const desaRows: Row[] = desaLossRows(r, facName);
    const people = (key: string): Column => ({
      key,
      label: t(`scn_col_${key}` as Key),
      numeric: true,
      render: (row) => fmtPeople(row[key]),
    });
    const minutes = (key: string): Column => ({ key, label: t(`scn_col_${key}` as Key), numeric: true, render: (row) => fmtMin(row[key]) });
    const linkButton = (title: string, text: string, onclick: () => void) =>
      h('button', { type: 'button', class: 'link-button', title, onclick }, text);
    const desaTable = dataTable(desaRows, {
      testid: 'table-desa-loss',
      caption: t('scn_table_desa_caption'),
      columns: [
        {
          key: 'nama',
          label: t('scn_col_desa'),
          render: (row) =>
            linkButton(`${row.kode_wilayah} · ${t('scn_show_on_map', { name: String(row.nama) })}`, String(row.nama), () =>
              flyToDesa(String(row.kode_wilayah)),
            ),
        },
        people('penduduk'),
        people('kehilangan_60'),
        people('kehilangan_30'),
        minutes('menit_sebelum'),
        minutes('menit_sesudah'),
        {
          key: 'selisih',
          label: t('scn_col_selisih'),
          numeric: true,
          render: (row) =>
            num(row.selisih) === null
              ? row.menit_sebelum !== null
                ? t('scn_unreachable')
                : t('none')
              : fmtSigned(row.selisih as number, 1),
        },
        {
          key: 'terdekat',
          label: t('scn_col_terdekat'),
          render: (row) => (row.terdekat_sebelum !== row.terdekat_sesudah ? h('strong', {}, String(row.terdekat)) : String(row.terdekat)),
        },
      ],
    });

    let showAllFac = false;
    const facHolder = h('div', {});
    const facColumns: Column[] = [
      {
        key: 'nama_faskes',
        label: t('col_facility'),
        render: (row) =>
          linkButton(`${row.kode_faskes} · ${t('scn_show_on_map', { name: String(row.nama_faskes) })}`, String(row.nama_faskes), () =>
            flyToFacility(String(row.kode_faskes)),
          ),
      },
      {
        key: 'status',
        label: t('scn_status'),
        render: (row) =>
          row.status === 'tutup' ? h('span', { class: 'badge badge-returned' }, t('scn_status_tutup')) : t('scn_status_buka'),
      },
      { key: 'tenaga', label: t('popup_tenaga'), numeric: true, render: (row) => fmtNumber(row.tenaga, 0) },
      people('penduduk_sebelum'),
      people('penduduk_sesudah'),
      people('per_tenaga_sebelum'),
      people('per_tenaga_sesudah'),
      {
        key: 'kenaikan',
        label: t('scn_col_kenaikan'),
        numeric: true,
        render: (row) => (num(row.kenaikan) === null ? t('none') : `${fmtSigned(row.kenaikan as number, 0)} %`),
      },
      minutes('rujukan_menit_sebelum'),
      minutes('rujukan_menit_sesudah'),
    ];
    const drawFac = () =>
      facHolder.replaceChildren(
        dataTable(facilityJumpRows(r, !showAllFac), {
          testid: 'table-facility-jump',
          caption: showAllFac ? t('scn_table_fac_all_caption') : t('scn_table_fac_caption'),
          columns: facColumns,
          rowAttrs: (row) => ({ 'data-kode': String(row.kode_faskes) }),
        }),
      );
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
      columns: [
        { key: 'nama', label: t('level_kecamatan') },
        people('penduduk'),
        people('kehilangan_30'),
        people('kehilangan_60'),
        people('kehilangan_120'),
        minutes('menit_sebelum'),
        minutes('menit_sesudah'),
      ],
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
    const f = st.desaFC.features.find((x) => String(x.properties?.kode) === kode);
    const b = f ? extend(null, { type: 'FeatureCollection', features: [f] }) : null;
    if (b) map.fitBounds(b, { padding: 80, maxZoom: 12, duration: 500 });
    container.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }
  function flyToFacility(kode: string): void {
    const f = map.querySourceFeatures('facilities').find((x) => String(x.properties?.kode) === kode);
    if (f && f.geometry.type === 'Point')
      map.flyTo({ center: f.geometry.coordinates as LngLat, zoom: Math.max(map.getZoom(), 10.5), duration: 500 });
    container.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  return { clearResults, updateCompareHead, runCompare: () => compare.run(), stop: () => compare.stop() };
}
