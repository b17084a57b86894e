// Messages of the BKPSDM staffing proposal (pages/proposal.ts), in Bahasa Indonesia (merged in ../id.ts).

export const proposal = {
  // proposal
  proposal_title: 'Usulan formasi untuk BKPSDM',
  budget: 'Plafon anggaran per tahun (Rp)',
  year: 'Tahun anggaran',
  weights: 'Bobot indeks prioritas',
  w_shortage: 'Kekurangan',
  w_population: 'Penduduk',
  w_remoteness: 'Keterpencilan',
  w_flood: 'Bahaya banjir',
  ceilings: 'Plafon formasi per jenis tenaga (kosong = tanpa batas)',
  recompute: 'Hitung ulang',
  computing: 'Menghitung…',
  download_workbook: 'Unduh buku kerja BKPSDM (.xlsx)',
  sum_budget: 'Plafon',
  sum_total_cost: 'Biaya didanai',
  sum_positions: 'Formasi',
  sum_lines: 'Baris usulan',
  sum_funded_lines: 'Baris didanai',
  budget_used: 'Pemakaian anggaran',
  ranking: 'Peringkat usulan',
  funded: 'Didanai',
  not_funded: 'Tidak didanai',
  show: 'Tampilkan',
  other_sheets: 'Lembar lain',
};
