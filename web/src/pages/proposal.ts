// The costed, ranked staffing proposal: budget ceiling, priority weights and per-cadre ceilings;
// recompute (GET /proposal) and download the BKPSDM workbook (GET /proposal/workbook).

import { apiUrl, get, type Cadre, type Query, type Row, type Schema } from '../api';
import { columnLabel, lang, t, type Key } from '../i18n';
import type { PageContext } from '../main';
import { autoColumns, dataTable, downloadLink, fmtNumber, fmtRupiah, h, loading, showError, uid, type Column } from '../ui';

type Proposal = Schema<'Proposal'>;

const kWeights: { key: string; label: Key; value: number }[] = [
  { key: 'w_shortage', label: 'w_shortage', value: 0.4 },
  { key: 'w_population', label: 'w_population', value: 0.25 },
  { key: 'w_remoteness', label: 'w_remoteness', value: 0.2 },
  { key: 'w_flood', label: 'w_flood', value: 0.15 },
];
// Preferred column order of a proposal line (the server's names; the CLI's older names too).
const kLineOrder = [
  'rank',
  'peringkat',
  'nama_faskes',
  'kode_faskes',
  'kelompok',
  'jenis_tenaga',
  'jenis_tenaga_direkrut',
  'formasi',
  'biaya_satuan',
  'biaya_total',
  'indeks',
  'indeks_prioritas',
  'didanai',
  'alasan',
  'penjelasan',
];

const isFunded = (r: Row) => r.didanai === true;

function numberField(
  label: string,
  value: string,
  testid: string,
  attrs: Record<string, unknown> = {},
): { el: HTMLElement; input: HTMLInputElement } {
  const id = uid('num');
  const input = h('input', { id, type: 'number', value, 'data-testid': testid, ...attrs });
  return { el: h('div', { class: 'field' }, h('label', { for: id }, label), input), input };
}

export function renderProposal(root: HTMLElement, _ctx: PageContext): void {
  const budget = numberField(t('budget'), '2000000000', 'proposal-budget', { min: 0, step: 1000000, required: true });
  const year = numberField(t('year'), '', 'proposal-year', {
    min: 2000,
    max: 2100,
    step: 1,
    placeholder: String(new Date().getFullYear() + 1),
  });
  const weights = kWeights.map((w) => ({
    key: w.key,
    ...numberField(t(w.label), String(w.value), `proposal-${w.key}`, { min: 0, max: 1, step: 0.05 }),
  }));
  const ceilingBox = h('div', { class: 'ceilings' });
  const ceilings: { kode: string; input: HTMLInputElement }[] = [];
  const download = downloadLink('#', t('download_workbook'), 'proposal-download', 'usulan_formasi.xlsx');
  const recompute = h('button', { type: 'submit', class: 'button-primary', 'data-testid': 'proposal-recompute' }, t('recompute'));
  const result = h('div', { 'data-testid': 'proposal-result' });

  const form = h(
    'form',
    { class: 'panel proposal-form', 'data-testid': 'proposal-form' },
    h('h1', {}, t('proposal_title')),
    h('div', { class: 'form-row' }, budget.el, year.el),
    h(
      'fieldset',
      {},
      h('legend', {}, t('weights')),
      h(
        'div',
        { class: 'form-row' },
        weights.map((w) => w.el),
      ),
    ),
    h('details', {}, h('summary', {}, t('ceilings')), ceilingBox),
    h('div', { class: 'actions' }, recompute, download),
  );
  root.append(form, result);

  function params(): Query {
    const q: Query = { budget: budget.input.value || '0', year: year.input.value, method: 'norms' };
    for (const w of weights) q[w.key] = w.input.value;
    for (const c of ceilings) if (c.input.value !== '') q[`ceiling_${c.kode}`] = c.input.value;
    return q;
  }
  const budgetHint = h('span', { class: 'muted hint', 'aria-live': 'polite' });
  budget.el.append(budgetHint);
  const updateDownload = () => {
    download.href = apiUrl('proposal/workbook', params());
    budgetHint.textContent = fmtRupiah(Number(budget.input.value) || 0);
  };
  form.addEventListener('input', updateDownload);
  updateDownload();

  void get<Cadre[]>('cadres')
    .then((cadres) => {
      for (const c of cadres.filter((c) => !c.agregat)) {
        const f = numberField((lang() === 'en' && c.nama_en) || c.nama, '', `ceiling-${c.kode}`, { min: 0, step: 1 });
        ceilings.push({ kode: c.kode, input: f.input });
        ceilingBox.append(f.el);
      }
    })
    .catch(() => ceilingBox.append(h('p', { class: 'muted' }, t('no_data'))));

  async function compute(): Promise<void> {
    recompute.disabled = true;
    recompute.textContent = t('computing');
    result.replaceChildren(loading());
    try {
      const p = await get<Proposal>('proposal', params());
      drawResult(p);
    } catch (e) {
      result.replaceChildren();
      showError(e);
    } finally {
      recompute.disabled = false;
      recompute.textContent = t('recompute');
    }
  }
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    updateDownload();
    void compute();
  });

  function drawResult(p: Proposal): void {
    const s = p.summary;
    const lines: Row[] = p.lines;
    const card = (label: Key, value: string, testid: string) =>
      h(
        'div',
        { class: 'card' },
        h('div', { class: 'card-label' }, t(label)),
        h('div', { class: 'card-value', 'data-testid': testid }, value),
      );
    const used = s.budget ? Math.min(1, s.total_cost / s.budget) : 0;
    let show: 'all' | 'funded' | 'not' = 'all';
    const tableBox = h('div');
    const order = [
      ...kLineOrder.filter((k) => lines.some((r) => k in r)),
      ...autoColumns(lines)
        .map((c) => c.key)
        .filter((k) => !kLineOrder.includes(k)),
    ];
    const columns: Column[] = order.map((key) => ({
      key,
      // In a proposal line `kelompok` is the group's name and `jenis_tenaga` the cadre's code.
      label: columnLabel(key === 'kelompok' ? 'nama_kelompok' : key === 'jenis_tenaga' ? 'kode_jenis_tenaga' : key),
      numeric: lines.some((r) => typeof r[key] === 'number'),
      render: key.startsWith('biaya')
        ? (r: Row) => fmtRupiah(r[key])
        : key === 'didanai'
          ? (r: Row) =>
              h(
                'span',
                { class: isFunded(r) ? 'badge badge-verified' : 'badge badge-returned' },
                isFunded(r) ? t('funded') : t('not_funded'),
              )
          : undefined,
    }));
    const drawTable = () =>
      tableBox.replaceChildren(
        dataTable(
          lines.filter((r) => show === 'all' || (show === 'funded') === isFunded(r)),
          { testid: 'proposal-lines', columns, rowAttrs: (r) => ({ class: isFunded(r) ? 'funded' : 'not-funded' }) },
        ),
      );
    const showId = uid('show');
    const showSel = h(
      'select',
      {
        id: showId,
        'data-testid': 'proposal-show',
        onchange: (e: Event) => ((show = (e.target as HTMLSelectElement).value as typeof show), drawTable()),
      },
      h('option', { value: 'all' }, t('all')),
      h('option', { value: 'funded' }, t('funded')),
      h('option', { value: 'not' }, t('not_funded')),
    );
    drawTable();

    const sheets = Object.entries(p.sheets ?? {}).map(([name, rows]) => {
      const det = h('details', { class: 'sheet-details' }, h('summary', {}, name));
      det.addEventListener('toggle', () => {
        if (!det.open || det.childElementCount > 1) return;
        // A sheet is an array of rows, or (as in the CLI's JSON) an object of named row arrays.
        const parts = Array.isArray(rows) ? { '': rows } : rows;
        for (const [sub, r] of Object.entries(parts))
          if (Array.isArray(r)) det.append(dataTable(r, { testid: `sheet-${name}`, caption: sub || undefined }));
      });
      return det;
    });

    result.replaceChildren(
      h(
        'section',
        { class: 'panel' },
        h(
          'div',
          { class: 'cards' },
          card('sum_budget', fmtRupiah(s.budget), 'sum-budget'),
          card('sum_total_cost', fmtRupiah(s.total_cost), 'sum-total-cost'),
          card('sum_positions', fmtNumber(s.positions), 'sum-positions'),
          card('sum_lines', fmtNumber(s.lines ?? lines.length), 'sum-lines'),
          card('sum_funded_lines', fmtNumber(s.funded_lines ?? lines.filter(isFunded).length), 'sum-funded-lines'),
        ),
        h(
          'div',
          { class: 'field' },
          h('label', {}, `${t('budget_used')}: ${fmtNumber(used * 100, 1)} %`),
          h('meter', { min: 0, max: 1, value: used, 'aria-label': t('budget_used') }),
        ),
      ),
      h(
        'section',
        { class: 'panel' },
        h(
          'div',
          { class: 'page-head' },
          h('h2', {}, t('ranking')),
          h('div', { class: 'field inline' }, h('label', { for: showId }, t('show')), showSel),
        ),
        tableBox,
      ),
      sheets.length ? h('section', { class: 'panel' }, h('h2', {}, t('other_sheets')), sheets) : '',
    );
  }

  void compute();
}
