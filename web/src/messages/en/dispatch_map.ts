// Messages of the dispatcher's map (pages/dispatch_map.ts), in English (merged in ../en.ts): the same keys
// as ../id/dispatch_map.ts, a missing or extra one is a type error.

import type { dispatchMap as idDispatchMap } from '../id/dispatch_map';

export const dispatchMap: typeof idDispatchMap = {
  dispatch_map_incidents: 'Open incidents (priority)',
  dispatch_map_units: 'Units (white ring: available)',
  dispatch_map_flood: 'Flooded area: {names}',
  dispatch_map_no_flood: 'No flood scenario shown',
  dispatch_map_closed: 'Facility closed in the scenario',
  dispatch_map_incident: 'Incident {id}',
  dispatch_map_unit: 'Unit',
  dispatch_map_base: 'Base',
  dispatch_map_status: 'Status',
};
