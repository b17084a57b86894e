// Every string the user sees, in Bahasa Indonesia (default) and English (messages/id.ts,
// messages/en.ts). The chosen language is kept in localStorage; `t()` looks a key up and fills
// `{name}` slots.

import { en } from './messages/en';
import { id, type Dict, type Key } from './messages/id';

export type { Key };

export type Lang = 'id' | 'en';
const dicts: Record<Lang, Dict> = { id, en };
const kStorageKey = 'jangkau.lang';

let current: Lang = localStorage.getItem(kStorageKey) === 'en' ? 'en' : 'id';
document.documentElement.lang = current;

export function lang(): Lang {
  return current;
}

export function setLang(l: Lang): void {
  current = l;
  localStorage.setItem(kStorageKey, l);
  document.documentElement.lang = l;
}

/** The text of `key` in the current language, `{name}` slots replaced from `params`. */
export function t(key: Key, params: Record<string, string | number> = {}): string {
  const text = dicts[current][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/** Locale for number and date formatting. */
export function locale(): string {
  return current === 'en' ? 'en-GB' : 'id-ID';
}

// Column names of the API's tables (the CLI's `--format json` names) as table headers.
const kColumns: Record<string, [string, string]> = {
  kode_faskes: ['Kode', 'Code'],
  nama_faskes: ['Fasyankes', 'Facility'],
  jenis_faskes: ['Jenis', 'Type'],
  kelompok: ['Kode kelompok', 'Group code'],
  nama_kelompok: ['Jenis tenaga', 'Cadre group'],
  jenis_tenaga: ['Jenis tenaga', 'Cadre'],
  kode_jenis_tenaga: ['Kode tenaga', 'Cadre code'],
  kebutuhan: ['Kebutuhan', 'Need'],
  kebutuhan_bulat: ['Kebutuhan (bulat)', 'Need (rounded)'],
  saat_ini: ['Saat ini', 'Current'],
  kekurangan: ['Kekurangan', 'Shortage'],
  kelebihan: ['Kelebihan (beban kerja)', 'Surplus (workload)'],
  di_atas_standar_minimal: ['Di atas standar minimal', 'Above the minimum standard'],
  kebutuhan_jaringan: ['Kebutuhan jaringan (desa, pustu)', 'Network need (villages, pustu)'],
  keterpencilan_menit: ['Menit ke puskesmas lain', 'Minutes to another puskesmas'],
  keterpencilan_km: ['Km ke fasyankes lain (garis lurus)', 'Km to another facility (straight line)'],
  dasar_kelebihan: ['Dasar kelebihan', 'Basis of the surplus'],
  selisih: ['Selisih', 'Difference'],
  rasio: ['Rasio', 'Ratio'],
  metode: ['Metode', 'Method'],
  asumsi: ['Asumsi', 'Assumed'],
  agregat: ['Agregat', 'Aggregate'],
  fasyankes_kurang: ['Fasyankes kurang', 'Facilities short'],
  kode_wilayah: ['Kode wilayah', 'Region code'],
  nama: ['Nama', 'Name'],
  tingkat: ['Tingkat', 'Level'],
  tujuan: ['Tujuan', 'Destination'],
  penduduk: ['Penduduk', 'Population'],
  rata_menit: ['Rata-rata menit', 'Mean minutes'],
  persen_30: ['% ≤ 30 mnt', '% ≤ 30 min'],
  persen_60: ['% ≤ 60 mnt', '% ≤ 60 min'],
  persen_120: ['% ≤ 120 mnt', '% ≤ 120 min'],
  penduduk_lebih_60: ['Penduduk > 60 mnt', 'Population > 60 min'],
  penduduk_lebih_120: ['Penduduk > 120 mnt', 'Population > 120 min'],
  jalan_perkiraan: ['Jalan diperkirakan', 'Roads estimated'],
  kode_kecamatan: ['Kecamatan', 'Sub-district'],
  kode_desa: ['Desa', 'Village'],
  alamat: ['Alamat', 'Address'],
  status: ['Status', 'Status'],
  rawat_inap: ['Rawat inap', 'Inpatient'],
  kategori_wilayah: ['Kategori wilayah', 'Area category'],
  akreditasi: ['Akreditasi', 'Accreditation'],
  rank: ['Peringkat', 'Rank'],
  formasi: ['Formasi', 'Positions'],
  biaya_satuan: ['Biaya satuan', 'Unit cost'],
  biaya_total: ['Biaya total', 'Total cost'],
  indeks: ['Indeks prioritas', 'Priority index'],
  didanai: ['Didanai', 'Funded'],
  alasan: ['Alasan', 'Reason'],
};

/** The header for an API column; unknown columns show their name with spaces. */
export function columnLabel(key: string): string {
  const known = kColumns[key];
  return known ? known[current === 'en' ? 1 : 0] : key.replace(/_/g, ' ');
}
