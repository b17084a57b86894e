// Messages of the disease early warning page (pages/surveillance.ts), in English (merged in ../en.ts): the
// same keys as ../id/surveillance.ts, a missing or extra one is a type error.

import type { surveillance as idSurveillance } from '../id/surveillance';

export const surveillance: typeof idSurveillance = {
  sv_title: 'Disease early warning (SKDR): weekly reports and alerts',
  sv_intro:
    'Completeness and timeliness of the puskesmas weekly reports, alerts of every method (fixed thresholds, EARS, Farrington, the KLB criteria of Permenkes 1501/2010) with verification and response within 24 hours, data-quality flags, and the map of alerts with floods and catchments.',
  sv_from: 'From week',
  sv_to: 'To week',
  sv_method: 'Method',
  sv_scenario: 'Flood scenario',
  sv_no_scenario: '(no flood)',
  sv_show: 'Show',
  sv_completeness_title: 'Completeness and timeliness of the reports',
  sv_completeness_intro: 'On time: received before Wednesday 00:00 WIB of the following week. Targets: 90% complete, 80% on time.',
  sv_late_title: 'Puskesmas under target ({n})',
  sv_alerts_title: 'Alerts',
  sv_alerts_intro:
    'Every alert must be verified and responded to within 24 hours of the report arriving. Suspected double reporting is held back and shown as a data-quality flag, not as an outbreak.',
  sv_alerts_count: '{n} alerts; {held} alarms held back as suspected double reporting; {flags} data-quality flags',
  sv_steps: 'Steps',
  sv_step_diverifikasi: 'Verify',
  sv_step_direspons: 'Responded',
  sv_step_bukan_klb: 'Not an outbreak',
  sv_step_done: 'Step recorded: {status}',
  sv_map_title: 'Map of alerts',
  sv_map_label: 'Map of alerts by puskesmas',
  sv_legend_alerts: 'Puskesmas with alerts',
  sv_legend_closed: 'Facility closed by the flood',
  sv_legend_none: 'No alert',
  sv_legend_flood: 'Flooded village in a catchment',
  sv_legend_catchment: 'Catchment (travel time)',
  sv_alerts: 'Alerts',
  sv_unit: 'Nearest unit',
  sv_series_title: 'Weekly series with thresholds',
  sv_series_intro:
    'Cases per week of one puskesmas and disease with the upper bounds of EARS C2, Farrington and the fixed threshold; red dots = alarms.',
  sv_series_none: 'No report of this disease from this puskesmas yet.',
  sv_series_chart: 'Weekly cases {f}, {d}',
  sv_series_legend: 'Orange: EARS C2; purple dashed: Farrington (needs 5 years of data); red dashed: fixed threshold.',
  sv_fixed: 'Fixed threshold',
  sv_quality_title: 'Data quality',
  sv_quality_intro: 'Double reporting with a neighbour, jumps in reporting units, and weeks sent again with other values.',
  sv_months_title: 'Verification and response by month',
  sv_form_title: 'Weekly report (W2)',
  sv_form_intro:
    'Enter the new cases and deaths of this epidemiological week (Sunday to Saturday). Sending a disease again replaces its figures, never adds.',
  sv_week: 'Week',
  sv_code: 'Code',
  sv_disease: 'Disease',
  sv_cases: 'Cases',
  sv_deaths: 'Deaths',
  sv_received: 'Received',
  sv_send: 'Send report',
  sv_sent: '{n} rows of week {week} saved',
  sv_facility: 'Puskesmas',
};
