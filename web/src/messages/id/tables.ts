// Messages of the tables and charts page (pages/tables.ts), in Bahasa Indonesia (merged in ../id.ts).

export const tables = {
  // tables
  tables_title: 'Tabel dan grafik',
  tab_facilities: 'Fasyankes',
  tab_needs_facility: 'Kebutuhan per fasyankes',
  tab_needs_cadre: 'Kebutuhan per jenis tenaga',
  tab_access: 'Akses per wilayah',
  level: 'Tingkat',
  level_desa: 'Desa',
  level_kabupaten: 'Kabupaten',
  target: 'Tujuan',
  target_puskesmas: 'Puskesmas',
  target_fktp: 'FKTP',
  target_rs: 'Rumah sakit',
  method: 'Metode',
  chart_shortage: 'Kekurangan tenaga per jenis tenaga',
  chart_shortage_desc: 'Jumlah formasi kurang (metode {method}), dijumlahkan seluruh fasyankes.',
  chart_bands: 'Penduduk menurut waktu tempuh ke puskesmas',
  chart_bands_desc: 'Jumlah penduduk per kelompok waktu tempuh.',
  band_30: '≤ 30 mnt',
  band_60: '30–60 mnt',
  band_120: '60–120 mnt',
  band_more: '> 120 mnt',
  chart_empty: 'Belum ada data untuk grafik ini.',
};
