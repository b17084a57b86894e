// Messages of the PSC 119 dispatch page (pages/dispatch.ts), in English (merged in ../en.ts): the same keys
// as ../id/dispatch.ts, a missing or extra one is a type error.

import type { dispatch as idDispatch } from '../id/dispatch';

export const dispatch: typeof idDispatch = {
  dispatch_title: 'Emergency response (PSC 119)',
  dispatch_intake: 'New call',
  dispatch_desa: 'Village code (or lon/lat)',
  dispatch_create: 'Record the call',
  dispatch_created: 'Incident {id} recorded',
  dispatch_scenario: 'Scenario in force (e.g. a flood), empty = baseline',
  dispatch_scenario_hint: 'banjir_musim_hujan',
  dispatch_board: 'Open incidents',
  dispatch_recommend: 'Recommend a unit',
  dispatch_advice: 'Nearest units for incident {id}',
  dispatch_destination: 'Destination: {kode}, {menit} minutes',
  dispatch_no_destination: 'No destination facility within the search bound',
  dispatch_unreachable: 'cannot reach',
  dispatch_send: 'Send',
  dispatch_event_ok: 'Incident {id}: {status}',
  dispatch_baseline: 'Baseline (no scenario)',
  dispatch_in_force: '{name} — in force now',
  dispatch_click_hint: 'Click the map to mark the place of the call, or give a village code.',
  dispatch_map_label: "The dispatcher's map: incidents, units and the flood",
};
