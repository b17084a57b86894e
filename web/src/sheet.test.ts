import { describe, expect, it, vi } from 'vitest';
import { Sheet, type FieldDef } from './sheet';

const fields: FieldDef[] = [
  { key: 'nama', label: 'f_nama', kind: 'text', required: true },
  { key: 'pelatihan', label: 'f_pelatihan', kind: 'text' },
  { key: 'jenis_tenaga', label: 'f_jenis_tenaga', kind: 'select', options: [{ value: 'bidan', label: 'Bidan' }] },
];

function sheet(rows: Record<string, unknown>[], readonly = false) {
  const onChange = vi.fn();
  const s = new Sheet({ kind: 'staff', fields, rows, readonly, blank: () => ({ nama: '', pelatihan: '', jenis_tenaga: '' }), onChange });
  return { s, onChange };
}

describe('Sheet', () => {
  it('shows arrays joined with ";" and keeps an unknown choice selectable', () => {
    const { s } = sheet([{ nama: 'Siti', pelatihan: ['APN', 'PONED'], jenis_tenaga: 'perawat' }]);
    expect(s.el.querySelector<HTMLInputElement>('[data-testid="staff-pelatihan"]')!.value).toBe('APN;PONED');
    // (which option shows as selected is left to the browser: happy-dom resets it on insertion)
    const options = [...s.el.querySelector<HTMLSelectElement>('[data-testid="staff-jenis_tenaga"]')!.options].map((o) => o.value);
    expect(options).toEqual(['', 'bidan', 'perawat']);
  });

  it("puts the server's problem on the offending cell, and one without a field on the row", () => {
    const { s } = sheet([{ nama: 'Siti' }, { nama: 'Budi' }]);
    s.setProblems([
      { row: 1, column: 2, field: 'nama', code: 'required', message: 'nama wajib' },
      { row: 0, column: 0, field: '', code: 'duplicate', message: 'baris ganda' },
    ]);
    const invalid = [...s.el.querySelectorAll('[aria-invalid="true"]')];
    expect(invalid).toHaveLength(1);
    expect(invalid[0].closest('tr')?.getAttribute('data-row')).toBe('1');
    expect(s.el.querySelector('tr[data-row="0"] [data-testid="row-error"]')?.textContent).toBe('baris ganda');
    expect(s.el.querySelectorAll('[data-testid="staff-problems"] li')).toHaveLength(2);
  });

  it('adds and removes rows, and drops the problems once rows shift', () => {
    const { s, onChange } = sheet([{ nama: 'Siti' }, { nama: 'Budi' }]);
    s.setProblems([{ row: 1, column: 2, field: 'nama', code: 'required', message: 'x' }]);
    s.el.querySelector<HTMLButtonElement>('[data-testid="staff-add-row"]')!.click();
    expect(s.values()).toHaveLength(3);
    s.el.querySelector<HTMLButtonElement>('[data-testid="staff-remove-row"]')!.click();
    expect(s.values().map((r) => r.nama)).toEqual(['Budi', '']);
    expect(s.el.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('has no add or remove buttons when read-only', () => {
    const { s } = sheet([{ nama: 'Siti' }], true);
    expect(s.el.querySelector<HTMLButtonElement>('[data-testid="staff-add-row"]')).toBeNull();
    expect(s.el.querySelector('[data-testid="staff-remove-row"]')).toBeNull();
  });
});
