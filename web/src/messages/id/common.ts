// Messages of the app shell (header, navigation, roles, session), of the shared widgets (ui.ts,
// access_run.ts, charts, maps) and the words several pages use, in Bahasa Indonesia (merged in ../id.ts).

export const common = {
  app_name: 'Jangkau',
  lang_switch: 'English',
  lang_switch_label: 'Ganti bahasa ke English',
  skip_to_content: 'Lewati ke isi',
  loading: 'Memuat…',
  close: 'Tutup',
  cancel: 'Batal',
  none: '—',
  yes: 'ya',
  no: 'tidak',

  logout: 'Keluar',
  logged_in_as: 'Masuk sebagai {user} ({role})',
  session_expired: 'Sesi berakhir; silakan masuk lagi.',
  network_error: 'Server Jangkau tidak dapat dihubungi ({detail}).',

  role_admin: 'Admin Dinkes',
  role_planner: 'Perencana',
  role_operator: 'Operator fasyankes',
  role_viewer: 'Pembaca',
  role_dispatcher: 'Petugas PSC 119',
  nav_dispatch: 'Gawat darurat',
  dispatch_priority: 'Prioritas',
  dispatch_category: 'Kategori',
  nav_response: 'Analisis respons',

  // navigation
  nav_main: 'Navigasi utama',
  nav_report: 'Laporan fasyankes',
  nav_board: 'Status laporan',
  nav_map: 'Peta',
  nav_tables: 'Tabel & grafik',
  nav_proposal: 'Usulan formasi',
  nav_scenario: 'Skenario',
  not_found_page: 'Halaman tidak ditemukan.',
  forbidden_page: 'Peran Anda tidak dapat membuka halaman ini.',

  period: 'Periode',
  status: 'Status',
  status_draft: 'Draf',
  status_submitted: 'Terkirim',
  status_verified: 'Terverifikasi',
  status_returned: 'Dikembalikan',
  remove: 'Hapus',
  save: 'Simpan',
  saving: 'Menyimpan…',
  unsaved: 'Ada perubahan yang belum disimpan.',

  choose: '— pilih —',

  all: 'Semua',
  col_kode: 'Kode',
  col_facility: 'Fasyankes',
  comment_required: 'Catatan wajib diisi.',

  layers: 'Lapisan',
  legend: 'Legenda',
  no_data: 'tidak ada data',
  minutes_short: '{n} mnt',
  popup_jenis: 'Jenis',
  popup_tenaga: 'Tenaga',
  popup_penduduk: 'Penduduk',
  popup_menit: 'Waktu tempuh',

  // access run
  access_run: 'Hitung ulang akses',
  access_running: 'Menghitung akses…',
  access_done: 'Perhitungan akses selesai.',
  access_failed: 'Perhitungan akses gagal: {error}',
  progress: 'Kemajuan',

  filter: 'Saring',
  filter_placeholder: 'ketik untuk menyaring…',
  rows_shown: '{shown} dari {total} baris',
  export_xlsx: 'Ekspor ke Excel',
  sort_by: 'Urutkan menurut {col}',
  level_kecamatan: 'Kecamatan',
  empty_table: 'Tidak ada data.',
  people: 'jiwa',

  scn_minutes_unit: 'menit',

  nav_programmes: 'Program pencegahan',
  nav_surveillance: 'Kewaspadaan dini',
};
