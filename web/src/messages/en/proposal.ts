// Messages of the BKPSDM staffing proposal (pages/proposal.ts), in English (merged in ../en.ts): the same
// keys as ../id/proposal.ts, a missing or extra one is a type error.

import type { proposal as idProposal } from '../id/proposal';

export const proposal: typeof idProposal = {
  proposal_title: 'Staffing proposal for BKPSDM',
  budget: 'Yearly budget ceiling (Rp)',
  year: 'Budget year',
  weights: 'Priority index weights',
  w_shortage: 'Shortage',
  w_population: 'Population',
  w_remoteness: 'Remoteness',
  w_flood: 'Flood hazard',
  ceilings: 'Position ceiling per cadre (empty = no limit)',
  recompute: 'Recompute',
  computing: 'Computing…',
  download_workbook: 'Download the BKPSDM workbook (.xlsx)',
  sum_budget: 'Ceiling',
  sum_total_cost: 'Funded cost',
  sum_positions: 'Positions',
  sum_lines: 'Proposal lines',
  sum_funded_lines: 'Funded lines',
  budget_used: 'Budget used',
  ranking: 'Ranked proposal',
  funded: 'Funded',
  not_funded: 'Not funded',
  show: 'Show',
  other_sheets: 'Other sheets',
};
