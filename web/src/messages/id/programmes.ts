// Messages of the prevention programmes page (pages/programmes.ts), in Bahasa Indonesia (merged in
// ../id.ts).

export const programmes = {
  // prevention programmes (issue 13)
  prog_title: 'Program pencegahan: pertumbuhan, stunting, STBM, JKN',
  prog_intro:
    'Angka rutin e-PPGBM per desa dibanding waktu tempuh ke puskesmas: apakah desa yang paling jauh paling jarang ditimbang dan paling banyak stunting? Angka survei ditampilkan terpisah, tidak pernah digabung.',
  prog_operator_intro: 'Register posyandu (SKDN) untuk posyandu di wilayah puskesmas Anda.',
  prog_map_label: 'Peta desa menurut indikator program',
  prog_map_title: 'Desa menurut indikator',
  prog_indicator: 'Indikator',
  prog_ind_stunting: 'Stunting (TB/U < -2 SD), % rutin',
  prog_ind_ds: 'Balita ditimbang (D/S), bulan terakhir',
  prog_ind_stbm: 'Status STBM desa',
  prog_ind_menit: 'Menit ke puskesmas',
  prog_stbm_belum_sbs: 'belum SBS',
  prog_stbm_sbs_klaim: 'SBS (klaim)',
  prog_stbm_sbs_terverifikasi: 'SBS terverifikasi',
  prog_stbm_desa_stbm: 'Desa STBM',
  prog_children: 'Anak diukur',
  prog_stunting: 'Stunting',
  prog_ds: 'D/S (%)',
  prog_stbm: 'STBM',
  prog_minutes: 'Menit ke puskesmas',
  prog_access_title: 'Di mana, dibanding akses',
  prog_access_intro:
    'Cakupan penimbangan (D/S bulan penimbangan terakhir) dan stunting di samping menit ke puskesmas; yang paling jarang ditimbang dan paling jauh di urutan atas.',
  prog_access_by: 'Menurut',
  prog_by_kecamatan: 'Kecamatan',
  prog_by_desa: 'Desa',
  prog_by_posyandu: 'Posyandu',
  prog_scatter_title: 'D/S menurut menit ke puskesmas',
  prog_no_minutes: 'Belum ada waktu tempuh: jalankan analisis akses.',
  prog_spearman: 'Korelasi Spearman menit dan D/S: {r} ({n} baris; negatif berarti makin jauh makin jarang ditimbang).',
  prog_spearman_none: 'Korelasi Spearman tidak dapat dihitung (kurang dari 3 baris dengan menit dan D/S).',
  prog_stunting_title: 'Stunting: angka rutin dan survei berdampingan',
  prog_stunting_intro: 'Setiap angka dengan sumber, tahun, penyebut dan statusnya. Angka pers belum diverifikasi dengan tabel SSGI/SKI.',
  prog_tpps_title: 'Papan TPPS (Perpres 72/2021)',
  prog_tpps_intro:
    'Indikator yang dapat dihitung dari data Jangkau, dengan sumber dan periode; "proksi" bukan definisi resmi, "tidak_ada_data" tidak diisi.',
  prog_skdn_title: 'Register posyandu (SKDN)',
  prog_skdn_intro: 'S, D, N, T, O, B, D/S, N/D, BGM dan 2T per posyandu dan bulan (tabel KBM = ASUMSI).',
};
