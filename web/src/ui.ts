// Small DOM helpers shared by the pages: element builder, notices (toasts), number formatting,
// status badges, a sortable and filterable table, tabs and a modal dialog.

import { ApiError, type Row } from './api';
import { locale, t, type Key } from './i18n';

type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, unknown>;

/** Creates an element: `h('button', {onclick, class: 'x', 'data-testid': 'y'}, 'text')`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') {
      el.addEventListener(k.slice(2), v as EventListener);
    } else if (k === 'class') {
      el.className = String(v);
    } else if (k === 'value' || k === 'checked' || k === 'selected') {
      (el as unknown as Record<string, unknown>)[k] = v;
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (Array.isArray(c)) {
      append(el, c);
      continue;
    }
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

let idCounter = 0;
/** A unique element id for label/aria wiring. */
export function uid(prefix = 'j'): string {
  return `${prefix}-${++idCounter}`;
}

// ---- notices -------------------------------------------------------------------------------

/** Shows a non-blocking notice in the corner; errors stay longer. */
export function notify(message: string, kind: 'info' | 'ok' | 'error' = 'info'): void {
  const region = document.getElementById('notices');
  if (!region) return;
  const close = h('button', { class: 'notice-close', 'aria-label': t('close'), type: 'button' }, '×');
  const note = h(
    'div',
    { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-testid': `notice-${kind}` },
    h('span', {}, message),
    close,
  );
  const remove = () => note.remove();
  close.addEventListener('click', remove);
  region.append(note);
  setTimeout(remove, kind === 'error' ? 12000 : 4000);
}

/** Removes the notices shown so far (all, or only the errors). */
export function clearNotices(kind?: 'error'): void {
  const region = document.getElementById('notices');
  for (const n of region?.querySelectorAll(kind ? `.notice-${kind}` : '.notice') ?? []) n.remove();
}

/** Reports an API (or any) error to the user; 401 is handled by the router. */
export function showError(e: unknown): void {
  if (e instanceof ApiError) {
    if (e.status === 401 && e.code !== 'login_failed') return;
    notify(e.message, 'error');
  } else {
    notify(String((e as Error)?.message ?? e), 'error');
    console.warn(e);
  }
}

// ---- formatting ----------------------------------------------------------------------------

export function fmtNumber(v: unknown, digits = 2): string {
  if (v === null || v === undefined || v === '') return t('none');
  if (typeof v !== 'number') return String(v);
  const d = Number.isInteger(v) ? 0 : digits;
  return v.toLocaleString(locale(), { maximumFractionDigits: d });
}

export function fmtRupiah(v: unknown): string {
  if (typeof v !== 'number') return t('none');
  return `Rp ${v.toLocaleString(locale(), { maximumFractionDigits: 0 })}`;
}

export function fmtPercent(v: unknown): string {
  if (typeof v !== 'number') return t('none');
  return `${(v * 100).toLocaleString(locale(), { maximumFractionDigits: 1 })} %`;
}

export function fmtCell(v: unknown): string {
  if (v === null || v === undefined || v === '') return t('none');
  if (typeof v === 'number') return fmtNumber(v);
  if (typeof v === 'boolean') return v ? t('yes') : t('no');
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function statusBadge(status: string): HTMLElement {
  const key = `status_${status}` as Key;
  return h('span', { class: `badge badge-${status}`, 'data-status': status }, t(key) === key ? status : t(key));
}

/** An <a download> to a GET endpoint: the browser saves the file with the session cookie. */
export function downloadLink(href: string, label: string, testid: string, filename = ''): HTMLAnchorElement {
  return h('a', { href, download: filename || true, class: 'button button-secondary', 'data-testid': testid }, label);
}

// ---- table ---------------------------------------------------------------------------------

export interface Column {
  key: string;
  label?: string;
  numeric?: boolean;
  render?: (row: Row) => Node | string;
}

export interface TableOptions {
  columns?: Column[];
  testid: string;
  caption?: string;
  filter?: boolean;
  exportHref?: string;
  rowAttrs?: (row: Row) => Attrs;
  maxRows?: number;
}

/** Columns from the keys of the rows when none are given; numbers are right-aligned. */
export function autoColumns(rows: Row[]): Column[] {
  const keys: string[] = [];
  for (const r of rows.slice(0, 50)) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  return keys.map((key) => ({ key, numeric: rows.some((r) => typeof r[key] === 'number') }));
}

/** Order of two cells in direction `dir` (1 ascending, -1 descending); empty cells last either way. */
export function compareCells(a: unknown, b: unknown, dir = 1): number {
  const na = a === null || a === undefined || a === '';
  const nb = b === null || b === undefined || b === '';
  if (na || nb) return na === nb ? 0 : na ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return dir * (a - b);
  return dir * String(a).localeCompare(String(b), locale(), { numeric: true });
}

/** A table sortable by clicking a header (buttons, keyboard usable) and filterable by text. */
export function dataTable(rows: Row[], opts: TableOptions): HTMLElement {
  const columns = opts.columns ?? autoColumns(rows);
  let sortKey = '';
  let sortDir = 1;
  let filterText = '';
  const maxRows = opts.maxRows ?? 2000;

  const tbody = h('tbody');
  const count = h('span', { class: 'muted', 'aria-live': 'polite' });
  const headers = columns.map((c) => {
    const label = c.label ?? c.key;
    const btn = h(
      'button',
      { type: 'button', class: 'sort', title: t('sort_by', { col: label }) },
      label,
      h('span', { class: 'sort-mark', 'aria-hidden': 'true' }),
    );
    const th = h('th', { scope: 'col', class: c.numeric ? 'num' : '', 'aria-sort': 'none' }, btn);
    btn.addEventListener('click', () => {
      sortDir = sortKey === c.key ? -sortDir : 1;
      sortKey = c.key;
      for (const other of tbl.querySelectorAll('th')) other.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
      draw();
    });
    return th;
  });
  const tbl = h(
    'table',
    { class: 'data', 'data-testid': opts.testid },
    opts.caption ? h('caption', {}, opts.caption) : null,
    h('thead', {}, h('tr', {}, headers)),
    tbody,
  );

  function draw(): void {
    const needle = filterText.trim().toLowerCase();
    let shown = needle ? rows.filter((r) => columns.some((c) => fmtCell(r[c.key]).toLowerCase().includes(needle))) : rows.slice();
    if (sortKey) shown.sort((a, b) => compareCells(a[sortKey], b[sortKey], sortDir));
    const total = shown.length;
    shown = shown.slice(0, maxRows);
    tbody.replaceChildren(
      ...shown.map((r) =>
        h(
          'tr',
          opts.rowAttrs?.(r) ?? {},
          columns.map((c) => h('td', { class: c.numeric ? 'num' : '' }, c.render ? c.render(r) : fmtCell(r[c.key]))),
        ),
      ),
    );
    if (total === 0) tbody.append(h('tr', {}, h('td', { colspan: columns.length, class: 'muted' }, t('empty_table'))));
    count.textContent = t('rows_shown', { shown: Math.min(total, maxRows), total: rows.length });
  }
  draw();

  const tools = h('div', { class: 'table-tools' });
  if (opts.filter !== false) {
    const id = uid('filter');
    const input = h('input', { id, type: 'search', placeholder: t('filter_placeholder'), 'data-testid': `${opts.testid}-filter` });
    input.addEventListener('input', () => {
      filterText = input.value;
      draw();
    });
    tools.append(h('label', { for: id }, t('filter')), input);
  }
  tools.append(count);
  if (opts.exportHref) tools.append(downloadLink(opts.exportHref, t('export_xlsx'), `${opts.testid}-export`));
  return h('div', { class: 'table-block' }, tools, h('div', { class: 'table-scroll' }, tbl));
}

/** A tab strip; `onSelect` is called with the chosen id. Arrow keys move between tabs. */
export function tabs(
  items: { id: string; label: string }[],
  selected: string,
  onSelect: (id: string) => void,
  testid: string,
): HTMLElement {
  const list = h('div', { role: 'tablist', class: 'tabs', 'data-testid': testid });
  const buttons = items.map((it) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        'aria-selected': String(it.id === selected),
        tabindex: it.id === selected ? '0' : '-1',
        'data-testid': `${testid}-${it.id}`,
        onclick: () => onSelect(it.id),
      },
      it.label,
    ),
  );
  list.addEventListener('keydown', (ev) => {
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const e = ev as KeyboardEvent;
    const next = e.key === 'ArrowRight' ? (i + 1) % buttons.length : e.key === 'ArrowLeft' ? (i - 1 + buttons.length) % buttons.length : -1;
    if (next >= 0) {
      buttons[next].focus();
      buttons[next].click();
    }
  });
  list.append(...buttons);
  return list;
}

/** A "loading" placeholder. */
export function loading(): HTMLElement {
  return h('p', { class: 'muted', role: 'status' }, t('loading'));
}

// ---- dialog --------------------------------------------------------------------------------

export interface DialogOptions {
  title: string;
  text?: string;
  confirmLabel: string;
  /** When set, the dialog asks for a required comment with this label and resolves to it. */
  commentLabel?: string;
  testid: string;
}

/** A modal <dialog> (Esc cancels). Resolves to the comment (or '') on confirm, null on cancel. */
export function confirmDialog(opts: DialogOptions): Promise<string | null> {
  return new Promise((resolve) => {
    const commentId = uid('comment');
    const comment = opts.commentLabel
      ? h('textarea', { id: commentId, rows: 4, 'aria-required': 'true', 'data-testid': `${opts.testid}-comment` })
      : null;
    const error = h('p', { class: 'field-error', role: 'alert', hidden: true }, t('comment_required'));
    const dlg = h(
      'dialog',
      { class: 'dialog', 'data-testid': opts.testid, 'aria-labelledby': `${commentId}-title` },
      h(
        'form',
        { method: 'dialog' },
        h('h2', { id: `${commentId}-title` }, opts.title),
        opts.text ? h('p', {}, opts.text) : null,
        comment ? h('div', { class: 'field' }, h('label', { for: commentId }, opts.commentLabel), comment, error) : null,
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'button-secondary',
              value: 'cancel',
              'data-testid': `${opts.testid}-cancel`,
              onclick: () => dlg.close('cancel'),
            },
            t('cancel'),
          ),
          h('button', { type: 'submit', class: 'button-primary', value: 'ok', 'data-testid': `${opts.testid}-confirm` }, opts.confirmLabel),
        ),
      ),
    );
    dlg.querySelector('form')!.addEventListener('submit', (ev) => {
      if (comment && !comment.value.trim()) {
        ev.preventDefault();
        error.hidden = false;
        comment.focus();
      }
    });
    dlg.addEventListener('close', () => {
      const ok = dlg.returnValue === 'ok';
      dlg.remove();
      resolve(ok ? (comment?.value.trim() ?? '') : null);
    });
    document.body.append(dlg);
    dlg.showModal();
    (comment ?? dlg.querySelector<HTMLButtonElement>('button[type=submit]'))!.focus();
  });
}
