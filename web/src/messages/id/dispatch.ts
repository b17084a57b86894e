// Messages of the PSC 119 dispatch page (pages/dispatch.ts), in Bahasa Indonesia (merged in ../id.ts).

export const dispatch = {
  dispatch_title: 'Gawat darurat (PSC 119)',
  dispatch_intake: 'Panggilan baru',
  dispatch_desa: 'Kode desa (atau lon/lat)',
  dispatch_create: 'Catat panggilan',
  dispatch_created: 'Insiden {id} tercatat',
  dispatch_scenario: 'Skenario yang berlaku (mis. banjir), kosong = kondisi dasar',
  dispatch_scenario_hint: 'banjir_musim_hujan',
  dispatch_board: 'Insiden terbuka',
  dispatch_recommend: 'Rekomendasi unit',
  dispatch_advice: 'Unit terdekat untuk insiden {id}',
  dispatch_destination: 'Faskes tujuan: {kode}, {menit} menit',
  dispatch_no_destination: 'Tidak ada faskes tujuan dalam batas pencarian',
  dispatch_unreachable: 'tidak terjangkau',
  dispatch_send: 'Kirim',
  dispatch_event_ok: 'Insiden {id}: {status}',
  dispatch_baseline: 'Kondisi dasar (tanpa skenario)',
  dispatch_in_force: '{name} — berlaku sekarang',
  dispatch_click_hint: 'Klik peta untuk menandai lokasi panggilan, atau isi kode desa.',
  dispatch_map_label: 'Peta dispatcher: insiden, unit dan banjir',
};
