// An editable grid of rows (the roster, equipment, service volumes): add and remove rows,
// and the server's 422 `problems` shown inline on the offending cell (or row) plus as a list.

import type { Problem, Row } from './api';
import { t, type Key } from './i18n';
import { h, uid } from './ui';

export interface Option {
  value: string;
  label: string;
}

export interface FieldDef {
  key: string;
  label: Key;
  kind: 'text' | 'number' | 'select';
  options?: Option[];
  hint?: Key;
  required?: boolean;
  inputmode?: string;
}

export interface SheetOptions {
  kind: string;
  fields: FieldDef[];
  rows: Row[];
  readonly: boolean;
  blank: () => Row;
  onChange: () => void;
}

/** The grid; `problems()` sets the server's problems, `rows()` reads the current values. */
export class Sheet {
  readonly el: HTMLElement;
  private rows: Row[];
  private problems: Problem[] = [];
  private readonly list = h('div', { class: 'problems', role: 'alert' });
  private readonly body = h('tbody');

  constructor(private opts: SheetOptions) {
    this.rows = opts.rows.map((r) => ({ ...r }));
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col', class: 'rownum' }, '#'),
      opts.fields.map((f) =>
        h('th', { scope: 'col' }, t(f.label), f.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
      ),
      opts.readonly ? null : h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('remove'))),
    );
    const add = h(
      'button',
      {
        type: 'button',
        class: 'button-secondary',
        'data-testid': `${opts.kind}-add-row`,
        disabled: opts.readonly,
        onclick: () => this.addRow(),
      },
      `+ ${t('add_row')}`,
    );
    this.el = h(
      'div',
      { class: 'sheet', 'data-testid': `${opts.kind}-sheet` },
      this.list,
      h(
        'div',
        { class: 'table-scroll' },
        h('table', { class: 'grid', 'data-testid': `${opts.kind}-grid` }, h('thead', {}, head), this.body),
      ),
      opts.readonly ? null : h('div', { class: 'sheet-actions' }, add),
    );
    this.draw();
  }

  values(): Row[] {
    return this.rows.map((r) => ({ ...r }));
  }

  setProblems(problems: Problem[]): void {
    this.problems = problems;
    this.draw();
    const first = this.body.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }

  private addRow(): void {
    this.rows.push(this.opts.blank());
    this.opts.onChange();
    this.draw();
    const last = this.body.lastElementChild?.querySelector<HTMLElement>('input, select');
    last?.focus();
  }

  private removeRow(i: number): void {
    this.rows.splice(i, 1);
    // Problems refer to row indices of the last save; drop them once the rows shift.
    this.problems = [];
    this.opts.onChange();
    this.draw();
  }

  private draw(): void {
    const listed = this.problems.map((p) => {
      const field = this.opts.fields.find((f) => f.key === p.field);
      const row = typeof p.row === 'number' ? p.row + 1 : '?';
      return h(
        'li',
        {},
        field ? t('problem_at', { row, field: t(field.label), message: p.message }) : t('problem_at_row', { row, message: p.message }),
      );
    });
    this.list.replaceChildren(
      ...(listed.length
        ? [h('p', {}, h('strong', {}, t('problems_title'))), h('ul', { 'data-testid': `${this.opts.kind}-problems` }, listed)]
        : []),
    );

    this.body.replaceChildren(...this.rows.map((row, i) => this.drawRow(row, i)));
    if (this.rows.length === 0) {
      this.body.append(h('tr', {}, h('td', { colspan: this.opts.fields.length + 2, class: 'muted' }, t('no_rows'))));
    }
  }

  private drawRow(row: Row, i: number): HTMLElement {
    const rowProblems = this.problems.filter((p) => p.row === i);
    const fieldKeys = this.opts.fields.map((f) => f.key);
    const tr = h('tr', { 'data-row': i, class: rowProblems.length ? 'row-error' : '' });
    tr.append(h('th', { scope: 'row', class: 'rownum' }, String(i + 1)));
    for (const f of this.opts.fields) {
      const cellProblems = rowProblems.filter((p) => p.field === f.key);
      tr.append(this.drawCell(row, i, f, cellProblems));
    }
    const orphan = rowProblems.filter((p) => !fieldKeys.includes(p.field));
    if (orphan.length) {
      tr.firstElementChild!.append(h('span', { class: 'cell-error', 'data-testid': 'row-error' }, orphan.map((p) => p.message).join('; ')));
    }
    if (!this.opts.readonly) {
      tr.append(
        h(
          'td',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'icon-button',
              'aria-label': t('remove_row', { n: i + 1 }),
              title: t('remove_row', { n: i + 1 }),
              'data-testid': `${this.opts.kind}-remove-row`,
              onclick: () => this.removeRow(i),
            },
            '✕',
          ),
        ),
      );
    }
    return tr;
  }

  private drawCell(row: Row, i: number, f: FieldDef, problems: Problem[]): HTMLElement {
    const id = uid(`${this.opts.kind}-${f.key}`);
    const errId = `${id}-err`;
    const value =
      row[f.key] === null || row[f.key] === undefined
        ? ''
        : Array.isArray(row[f.key])
          ? (row[f.key] as unknown[]).join(';')
          : String(row[f.key]);
    const common = {
      id,
      name: f.key,
      'aria-label': `${t(f.label)}, ${t('row_n', { n: i + 1 })}`,
      'aria-invalid': problems.length ? 'true' : false,
      'aria-describedby': problems.length ? errId : false,
      'data-testid': `${this.opts.kind}-${f.key}`,
      'data-field': f.key,
      disabled: this.opts.readonly,
      'aria-required': f.required ? 'true' : false,
    };
    let input: HTMLInputElement | HTMLSelectElement;
    if (f.kind === 'select') {
      const options = f.options ?? [];
      const known = options.some((o) => o.value === value);
      input = h(
        'select',
        common,
        h('option', { value: '' }, t('choose')),
        options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
        !known && value ? h('option', { value, selected: true }, value) : null,
      );
    } else {
      input = h('input', {
        ...common,
        type: 'text',
        inputmode: f.kind === 'number' ? 'numeric' : (f.inputmode ?? false),
        value,
        placeholder: f.hint ? t(f.hint) : false,
      });
    }
    const td = h('td', { class: problems.length ? 'cell-invalid' : '' }, input);
    if (problems.length) {
      td.append(h('span', { id: errId, class: 'cell-error', 'data-testid': 'cell-error' }, problems.map((p) => p.message).join('; ')));
    }
    const update = () => {
      const raw = input.value;
      row[f.key] = f.kind === 'number' && raw.trim() !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
      this.opts.onChange();
      // The user is correcting the cell: its error no longer applies. (Done while typing, not on
      // blur, so the layout does not shift under a click on Save.)
      if (td.classList.contains('cell-invalid')) {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
        td.classList.remove('cell-invalid');
        td.querySelector('.cell-error')?.remove();
      }
    };
    input.addEventListener('input', update);
    input.addEventListener('change', update);
    return td;
  }
}
