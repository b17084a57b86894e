// Messages of the tables and charts page (pages/tables.ts), in English (merged in ../en.ts): the same keys
// as ../id/tables.ts, a missing or extra one is a type error.

import type { tables as idTables } from '../id/tables';

export const tables: typeof idTables = {
  tables_title: 'Tables and charts',
  tab_facilities: 'Facilities',
  tab_needs_facility: 'Need per facility',
  tab_needs_cadre: 'Need per cadre',
  tab_access: 'Access per region',
  level: 'Level',
  level_desa: 'Village',
  level_kabupaten: 'District',
  target: 'Destination',
  target_puskesmas: 'Puskesmas',
  target_fktp: 'Primary care (FKTP)',
  target_rs: 'Hospital',
  method: 'Method',
  chart_shortage: 'Staff shortage per cadre',
  chart_shortage_desc: 'Missing positions ({method} method), summed over all facilities.',
  chart_bands: 'Population by travel time to a puskesmas',
  chart_bands_desc: 'People per travel-time band.',
  band_30: '≤ 30 min',
  band_60: '30–60 min',
  band_120: '60–120 min',
  band_more: '> 120 min',
  chart_empty: 'No data for this chart yet.',
};
