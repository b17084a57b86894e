// Messages of the report status board (pages/board.ts), in English (merged in ../en.ts): the same keys as
// ../id/board.ts, a missing or extra one is a type error.

import type { board as idBoard } from '../id/board';

export const board: typeof idBoard = {
  board_title: 'Facility report status',
  board_counts: 'Count per status',
  col_status: 'Status',
  col_comment: 'Comment',
  col_changed: 'Changed',
  col_by: 'By',
  col_actions: 'Actions',
  verify: 'Verify',
  return_report: 'Return',
  open_report: 'Open',
  verified_ok: 'Report of {name} verified.',
  returned_ok: 'Report of {name} returned.',
  return_title: 'Return the report of {name}',
  return_comment_label: 'Comment for the facility (required)',
};
