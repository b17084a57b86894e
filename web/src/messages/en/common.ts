// Messages of the app shell (header, navigation, roles, session), of the shared widgets (ui.ts,
// access_run.ts, charts, maps) and the words several pages use, in English (merged in ../en.ts): the same
// keys as ../id/common.ts, a missing or extra one is a type error.

import type { common as idCommon } from '../id/common';

export const common: typeof idCommon = {
  app_name: 'Jangkau',
  lang_switch: 'Bahasa Indonesia',
  lang_switch_label: 'Switch language to Bahasa Indonesia',
  skip_to_content: 'Skip to content',
  loading: 'Loading…',
  close: 'Close',
  cancel: 'Cancel',
  none: '—',
  yes: 'yes',
  no: 'no',

  logout: 'Log out',
  logged_in_as: 'Logged in as {user} ({role})',
  logged_in_as_region: 'Logged in as {user} ({role}, region {region})',
  session_expired: 'Your session ended; please log in again.',
  network_error: 'The Jangkau server cannot be reached ({detail}).',

  role_admin: 'Health office admin',
  role_planner: 'Planner',
  role_operator: 'Facility operator',
  role_viewer: 'Viewer',
  role_dispatcher: 'PSC 119 dispatcher',
  nav_dispatch: 'Emergency',
  dispatch_priority: 'Priority',
  dispatch_category: 'Category',
  nav_response: 'Response analysis',

  nav_main: 'Main navigation',
  nav_report: 'Facility report',
  nav_board: 'Report status',
  nav_map: 'Map',
  nav_tables: 'Tables & charts',
  nav_proposal: 'Staffing proposal',
  nav_scenario: 'Scenarios',
  not_found_page: 'Page not found.',
  forbidden_page: 'Your role cannot open this page.',

  period: 'Period',
  status: 'Status',
  status_draft: 'Draft',
  status_submitted: 'Submitted',
  status_verified: 'Verified',
  status_returned: 'Returned',
  remove: 'Remove',
  save: 'Save',
  saving: 'Saving…',
  unsaved: 'There are unsaved changes.',

  choose: '— choose —',

  all: 'All',
  col_kode: 'Code',
  col_facility: 'Facility',
  comment_required: 'A comment is required.',

  layers: 'Layers',
  legend: 'Legend',
  no_data: 'no data',
  minutes_short: '{n} min',
  popup_jenis: 'Type',
  popup_tenaga: 'Staff',
  popup_penduduk: 'Population',
  popup_menit: 'Travel time',

  access_run: 'Recompute access',
  access_running: 'Computing access…',
  access_done: 'Access computation finished.',
  access_failed: 'Access computation failed: {error}',
  progress: 'Progress',

  filter: 'Filter',
  filter_placeholder: 'type to filter…',
  rows_shown: '{shown} of {total} rows',
  export_xlsx: 'Export to Excel',
  sort_by: 'Sort by {col}',
  level_kecamatan: 'Sub-district',
  empty_table: 'No data.',
  people: 'people',

  scn_minutes_unit: 'minutes',

  nav_programmes: 'Prevention programmes',
  nav_surveillance: 'Early warning',
};
