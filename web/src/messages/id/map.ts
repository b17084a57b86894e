// Messages of the access and staffing map (pages/map.ts), in Bahasa Indonesia (merged in ../id.ts).

export const map = {
  // map
  map_title: 'Peta akses dan ketenagaan',
  map_label: 'Peta kabupaten: desa, kecamatan dan fasyankes',
  layer_desa: 'Desa',
  layer_kecamatan: 'Batas kecamatan',
  layer_facilities: 'Fasyankes',
  layer_roads: 'Jalan',
  layer_rivers: 'Sungai',
  layer_water: 'Perairan',
  colour_by: 'Warna desa menurut',
  colour_menit: 'Waktu tempuh ke puskesmas',
  colour_dalam_60: 'Cakupan ≤ 60 menit',
  legend_facility: 'Fasyankes: rasio tenaga / kebutuhan',
  ratio_low: '< 0,5',
  ratio_mid: '0,5 – 0,8',
  ratio_near: '0,8 – 1',
  ratio_ok: '≥ 1',
  popup_kebutuhan: 'Kebutuhan (norma)',
  popup_rasio: 'Rasio',
  popup_status: 'Status laporan',
  popup_dalam: 'Penduduk ≤ {n} menit',
  map_no_access: 'Waktu tempuh belum dihitung; jalankan perhitungan akses.',
};
