import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from './i18n';
import { dataTable, fmtCell, fmtNumber, fmtPercent, fmtRupiah } from './ui';

describe('number formatting', () => {
  afterEach(() => setLang('id'));

  it('writes Indonesian numbers by default', () => {
    expect(fmtNumber(1234567.891)).toBe('1.234.567,89');
    expect(fmtNumber(1234567.891, 0)).toBe('1.234.568');
    expect(fmtNumber(12)).toBe('12');
    expect(fmtRupiah(2500000)).toBe('Rp 2.500.000');
    expect(fmtPercent(0.1234)).toBe('12,3 %');
  });

  it('writes English numbers in English', () => {
    setLang('en');
    expect(fmtNumber(1234567.891)).toBe('1,234,567.89');
    expect(fmtRupiah(2500000)).toBe('Rp 2,500,000');
  });

  it('shows a dash for what is unknown', () => {
    expect(fmtNumber(null)).toBe('—');
    expect(fmtNumber('')).toBe('—');
    expect(fmtRupiah('x')).toBe('—');
    expect(fmtPercent(undefined)).toBe('—');
  });

  it('writes table cells: booleans as words, arrays joined', () => {
    expect(fmtCell(true)).toBe('ya');
    expect(fmtCell(false)).toBe('tidak');
    expect(fmtCell(null)).toBe('—');
    expect(fmtCell(['APN', 'PONED'])).toBe('APN; PONED');
    setLang('en');
    expect(fmtCell(true)).toBe('yes');
  });
});

describe('dataTable', () => {
  const rows = [
    { nama: 'Pustu Sukamaju', menit: 45, rawat_inap: false },
    { nama: 'Puskesmas Kayuagung', menit: null, rawat_inap: true },
    { nama: 'Puskesmas Lempuing', menit: 12.5, rawat_inap: true },
    { nama: 'Pustu 10', menit: 7, rawat_inap: false },
  ];
  const names = (el: HTMLElement) => [...el.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')?.textContent);
  const header = (el: HTMLElement, i: number) => el.querySelectorAll<HTMLButtonElement>('th button')[i];

  it('sorts numbers by value with the empty last, and reverses on a second click', () => {
    const el = dataTable(rows, { testid: 't' });
    header(el, 1).click();
    expect(names(el)).toEqual(['Pustu 10', 'Puskesmas Lempuing', 'Pustu Sukamaju', 'Puskesmas Kayuagung']);
    expect(el.querySelectorAll('th')[1].getAttribute('aria-sort')).toBe('ascending');
    header(el, 1).click();
    expect(names(el)).toEqual(['Pustu Sukamaju', 'Puskesmas Lempuing', 'Pustu 10', 'Puskesmas Kayuagung']);
    expect(el.querySelectorAll('th')[1].getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts text with numbers in it naturally', () => {
    const el = dataTable([{ nama: 'Desa 10' }, { nama: 'Desa 9' }, { nama: 'Desa 100' }], { testid: 't' });
    header(el, 0).click();
    expect(names(el)).toEqual(['Desa 9', 'Desa 10', 'Desa 100']);
  });

  it('filters on the shown text, booleans included', () => {
    const el = dataTable(rows, { testid: 't' });
    const input = el.querySelector<HTMLInputElement>('[data-testid="t-filter"]')!;
    input.value = 'puskesmas';
    input.dispatchEvent(new Event('input'));
    expect(names(el)).toEqual(['Puskesmas Kayuagung', 'Puskesmas Lempuing']);
    input.value = 'tidak';
    input.dispatchEvent(new Event('input'));
    expect(names(el)).toEqual(['Pustu Sukamaju', 'Pustu 10']);
    input.value = 'zzz';
    input.dispatchEvent(new Event('input'));
    expect(el.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(el.querySelector('tbody td')?.getAttribute('colspan')).toBe('3');
  });

  it('right-aligns numeric columns found from the rows', () => {
    const el = dataTable(rows, { testid: 't' });
    expect([...el.querySelectorAll('th')].map((th) => th.className)).toEqual(['', 'num', '']);
  });
});
