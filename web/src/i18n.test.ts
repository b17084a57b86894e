import { afterEach, describe, expect, it } from 'vitest';
import { columnLabel, lang, locale, setLang, t } from './i18n';
import { en } from './messages/en';
import { id } from './messages/id';

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  afterEach(() => setLang('id'));

  it('speaks Indonesian first', () => {
    expect(lang()).toBe('id');
    expect(t('login_title')).toBe('Masuk');
    expect(locale()).toBe('id-ID');
  });

  it('switches to English and remembers it', () => {
    setLang('en');
    expect(t('login_title')).toBe('Log in');
    expect(locale()).toBe('en-GB');
    expect(localStorage.getItem('jangkau.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('fills slots and leaves unknown ones visible', () => {
    expect(t('logged_in_as', { user: 'sari', role: 'Perencana' })).toBe('Masuk sebagai sari (Perencana)');
    expect(t('logged_in_as', { user: 'sari' })).toBe('Masuk sebagai sari ({role})');
  });

  it('falls back to the key for a key missing at run time', () => {
    expect(t('no_such_key' as never)).toBe('no_such_key');
  });

  it('has every message in both languages with the same slots', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(slots(en[key]), key).toEqual(slots(id[key]));
    }
  });

  it('labels known API columns per language and spells out unknown ones', () => {
    expect(columnLabel('kode_faskes')).toBe('Kode');
    setLang('en');
    expect(columnLabel('kode_faskes')).toBe('Code');
    expect(columnLabel('menit_ke_rs')).toBe('menit ke rs');
  });
});
