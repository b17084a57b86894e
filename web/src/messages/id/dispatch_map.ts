// Messages of the dispatcher's map (pages/dispatch_map.ts), in Bahasa Indonesia (merged in ../id.ts).

export const dispatchMap = {
  dispatch_map_incidents: 'Insiden terbuka (prioritas)',
  dispatch_map_units: 'Unit (cincin putih: tersedia)',
  dispatch_map_flood: 'Area banjir: {names}',
  dispatch_map_no_flood: 'Tidak ada skenario banjir yang ditampilkan',
  dispatch_map_closed: 'Fasyankes tutup dalam skenario',
  dispatch_map_incident: 'Insiden {id}',
  dispatch_map_unit: 'Unit',
  dispatch_map_base: 'Pangkalan',
  dispatch_map_status: 'Status',
};
