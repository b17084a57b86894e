// Messages of the prevention programmes page (pages/programmes.ts), in English (merged in ../en.ts): the
// same keys as ../id/programmes.ts, a missing or extra one is a type error.

import type { programmes as idProgrammes } from '../id/programmes';

export const programmes: typeof idProgrammes = {
  // prevention programmes (issue 13)
  prog_title: 'Prevention programmes: growth, stunting, sanitation, JKN',
  prog_intro:
    'Routine e-PPGBM figures per village against the travel time to a puskesmas: are the farthest villages the least weighed and the most stunted? Survey figures are shown apart, never blended.',
  prog_operator_intro: 'The posyandu register (SKDN) of the posyandu in your puskesmas area.',
  prog_map_label: 'Map of the villages by programme indicator',
  prog_map_title: 'Villages by indicator',
  prog_indicator: 'Indicator',
  prog_ind_stunting: 'Stunting (HAZ < -2 SD), routine %',
  prog_ind_ds: 'Children weighed (D/S), last month',
  prog_ind_stbm: 'Village sanitation (STBM) status',
  prog_ind_menit: 'Minutes to a puskesmas',
  prog_stbm_belum_sbs: 'not ODF',
  prog_stbm_sbs_klaim: 'ODF (claimed)',
  prog_stbm_sbs_terverifikasi: 'ODF verified',
  prog_stbm_desa_stbm: 'STBM village',
  prog_children: 'Children measured',
  prog_stunting: 'Stunting',
  prog_ds: 'D/S (%)',
  prog_stbm: 'STBM',
  prog_minutes: 'Minutes to a puskesmas',
  prog_access_title: 'Where, against access',
  prog_access_intro:
    'Weighing coverage (D/S of the last weighing month) and stunting beside the minutes to a puskesmas; the least weighed and farthest on top.',
  prog_access_by: 'By',
  prog_by_kecamatan: 'Kecamatan',
  prog_by_desa: 'Village',
  prog_by_posyandu: 'Posyandu',
  prog_scatter_title: 'D/S by minutes to a puskesmas',
  prog_no_minutes: 'No travel times yet: run the access analysis.',
  prog_spearman: 'Spearman correlation of minutes and D/S: {r} ({n} rows; negative means the farther, the less weighed).',
  prog_spearman_none: 'The Spearman correlation cannot be computed (fewer than 3 rows with minutes and D/S).',
  prog_stunting_title: 'Stunting: routine and survey figures side by side',
  prog_stunting_intro:
    'Every figure with its source, year, denominator and status. Press figures are not yet verified against the SSGI/SKI tables.',
  prog_tpps_title: 'The stunting team board (Perpres 72/2021)',
  prog_tpps_intro:
    'The indicators Jangkau can compute, with source and period; "proksi" is not the official definition, "tidak_ada_data" is left empty.',
  prog_skdn_title: 'Posyandu register (SKDN)',
  prog_skdn_intro: 'S, D, N, T, O, B, D/S, N/D, BGM and 2T per posyandu and month (the KBM table is an ASSUMPTION).',
};
