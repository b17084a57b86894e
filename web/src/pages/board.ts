// The district's status board: every facility's report for the period, counts per status, and
// verify / return (with a comment) for admin and planner.

import { get, post, type Row, type SubmissionRow, type SubmissionStatus, type Submissions } from '../api';
import { t, type Key } from '../i18n';
import type { PageContext } from '../main';
import { confirmDialog, dataTable, fmtCell, h, loading, notify, showError, statusBadge } from '../ui';

const kStatuses: SubmissionStatus[] = ['draft', 'submitted', 'returned', 'verified'];

export function renderBoard(root: HTMLElement, ctx: PageContext): void {
  const canAct = ctx.session.role === 'admin' || ctx.session.role === 'planner';
  let filter: SubmissionStatus | '' = '';
  let data: Submissions | null = null;
  const head = h('div');
  const body = h('div');
  root.append(h('section', { class: 'panel' }, h('h1', {}, t('board_title')), head, body));
  body.append(loading());

  async function load(): Promise<void> {
    try {
      data = await get<Submissions>('submissions');
      draw();
    } catch (e) {
      body.replaceChildren();
      showError(e);
    }
  }

  async function act(row: SubmissionRow, action: 'verify' | 'return'): Promise<void> {
    const name = row.nama_faskes || row.kode_faskes;
    let body: unknown = {};
    if (action === 'return') {
      const komentar = await confirmDialog({
        title: t('return_title', { name }),
        commentLabel: t('return_comment_label'),
        confirmLabel: t('return_report'),
        testid: 'return-dialog',
      });
      if (komentar === null) return;
      body = { komentar };
    }
    try {
      await post(`facilities/${encodeURIComponent(row.kode_faskes)}/${action}`, body);
      notify(t(action === 'verify' ? 'verified_ok' : 'returned_ok', { name }), 'ok');
      await load();
    } catch (e) {
      showError(e);
    }
  }

  function draw(): void {
    if (!data) return;
    const rows = data.rows;
    const counts = Object.fromEntries(kStatuses.map((s) => [s, rows.filter((r) => r.status === s).length]));
    const chip = (s: SubmissionStatus | '', label: string, n: number) =>
      h(
        'button',
        {
          type: 'button',
          class: `chip chip-${s || 'all'}`,
          'aria-pressed': String(filter === s),
          'data-testid': `count-${s || 'all'}`,
          onclick: () => ((filter = s), draw()),
        },
        h('span', { class: 'chip-label' }, label),
        h('span', { class: 'chip-count' }, String(n)),
      );
    head.replaceChildren(
      data.period ? h('p', { class: 'muted' }, `${t('period')}: ${data.period.nama} (${data.period.mulai} – ${data.period.selesai})`) : '',
      h(
        'div',
        { class: 'chips', role: 'group', 'aria-label': t('board_counts') },
        chip('', t('all'), rows.length),
        kStatuses.map((s) => chip(s, t(`status_${s}` as Key), counts[s])),
      ),
    );
    const shown = filter ? rows.filter((r) => r.status === filter) : rows;
    body.replaceChildren(
      dataTable(shown as unknown as Row[], {
        testid: 'board-table',
        columns: [
          { key: 'kode_faskes', label: t('col_kode') },
          {
            key: 'nama_faskes',
            label: t('col_facility'),
            render: (r) => h('a', { href: `#/report/${encodeURIComponent(String(r.kode_faskes))}` }, fmtCell(r.nama_faskes)),
          },
          { key: 'status', label: t('col_status'), render: (r) => statusBadge(String(r.status)) },
          { key: 'komentar', label: t('col_comment') },
          { key: 'diubah_pada', label: t('col_changed') },
          { key: 'diubah_oleh', label: t('col_by') },
          ...(canAct ? [{ key: '_actions', label: t('col_actions'), render: (r: Row) => actions(r as unknown as SubmissionRow) }] : []),
        ],
        rowAttrs: (r) => ({ class: `status-row-${r.status}`, 'data-kode': r.kode_faskes, 'data-status': r.status }),
      }),
    );
  }

  function actions(row: SubmissionRow): HTMLElement {
    const box = h('div', { class: 'row-actions' });
    if (row.status === 'submitted') {
      box.append(
        h(
          'button',
          { type: 'button', class: 'button-primary small', 'data-testid': 'verify', onclick: () => act(row, 'verify') },
          t('verify'),
        ),
        h(
          'button',
          { type: 'button', class: 'button-secondary small', 'data-testid': 'return', onclick: () => act(row, 'return') },
          t('return_report'),
        ),
      );
    }
    return box;
  }

  void load();
}
