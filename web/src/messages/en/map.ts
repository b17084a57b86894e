// Messages of the access and staffing map (pages/map.ts), in English (merged in ../en.ts): the same keys as
// ../id/map.ts, a missing or extra one is a type error.

import type { map as idMap } from '../id/map';

export const map: typeof idMap = {
  map_title: 'Access and staffing map',
  map_label: 'District map: villages, sub-districts and facilities',
  layer_desa: 'Villages',
  layer_kecamatan: 'Sub-district borders',
  layer_facilities: 'Facilities',
  layer_roads: 'Roads',
  layer_rivers: 'Rivers',
  layer_water: 'Water',
  colour_by: 'Colour villages by',
  colour_menit: 'Travel time to a puskesmas',
  colour_dalam_60: 'Coverage ≤ 60 minutes',
  legend_facility: 'Facilities: staff / need ratio',
  ratio_low: '< 0.5',
  ratio_mid: '0.5 – 0.8',
  ratio_near: '0.8 – 1',
  ratio_ok: '≥ 1',
  popup_kebutuhan: 'Need (norms)',
  popup_rasio: 'Ratio',
  popup_status: 'Report status',
  popup_dalam: 'Population ≤ {n} minutes',
  map_no_access: 'Travel times not computed yet; run the access computation.',
};
