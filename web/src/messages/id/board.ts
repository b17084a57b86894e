// Messages of the report status board (pages/board.ts), in Bahasa Indonesia (merged in ../id.ts).

export const board = {
  // board
  board_title: 'Status laporan fasyankes',
  board_counts: 'Jumlah per status',
  col_status: 'Status',
  col_comment: 'Catatan',
  col_changed: 'Diubah',
  col_by: 'Oleh',
  col_actions: 'Tindakan',
  verify: 'Verifikasi',
  return_report: 'Kembalikan',
  open_report: 'Buka',
  verified_ok: 'Laporan {name} diverifikasi.',
  returned_ok: 'Laporan {name} dikembalikan.',
  return_title: 'Kembalikan laporan {name}',
  return_comment_label: 'Catatan untuk fasyankes (wajib)',
};
