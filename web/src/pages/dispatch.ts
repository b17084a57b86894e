// The dispatcher's page (PSC 119, docs/emergency.md): take a call (a village code or a point),
// the board of open incidents, the recommendation by travel minutes in the baseline or a flood
// scenario, one click to send a unit, and the lifecycle buttons. The board reloads when the
// server announces a change (server-sent events, `GET /emergency/stream`, any dispatcher's
// change) and, should the stream be down, every 60 seconds.

import { apiUrl, get, post, type Row, type Schema } from '../api';
import { t, type Key } from '../i18n';
import type { PageContext } from '../main';
import { barChart } from '../charts';
import { dataTable, fmtNumber, h, loading, notify, showError } from '../ui';

type Recommendation = Schema<'Recommendation'>;

const kNext: Record<string, string[]> = {
  baru: ['terverifikasi', 'tidak_valid', 'dibatalkan'],
  terverifikasi: ['tidak_valid', 'dibatalkan'],
  unit_dikirim: ['unit_berangkat', 'dibatalkan'],
  unit_berangkat: ['tiba_di_lokasi', 'dibatalkan'],
  tiba_di_lokasi: ['menuju_faskes', 'selesai'],
  menuju_faskes: ['tiba_di_faskes'],
  tiba_di_faskes: ['selesai'],
};
const kCategories = [
  'kegawatan_medis',
  'kecelakaan_lalu_lintas',
  'trauma',
  'persalinan',
  'tenggelam',
  'kebakaran',
  'bencana',
  'rujukan',
  'kunjungan_rumah',
  'lainnya',
];

export function renderDispatch(root: HTMLElement, _ctx: PageContext): (() => void) | void {
  let rows: Row[] = []; // the board as last loaded
  const board = h('div', { 'data-testid': 'dispatch-board' });
  const advice = h('div', { 'data-testid': 'dispatch-advice' });
  const scenario = h('input', { id: 'dispatch-scenario', type: 'text', placeholder: t('dispatch_scenario_hint') });
  const priority = h(
    'select',
    { id: 'dispatch-priority' },
    ['P1', 'P2', 'P3', 'P4'].map((p) => h('option', { value: p }, p)),
  );
  const category = h(
    'select',
    { id: 'dispatch-category' },
    kCategories.map((c) => h('option', { value: c }, c)),
  );
  const analysis = h('div', { 'data-testid': 'dispatch-analysis' });
  const groupBy = h(
    'select',
    { id: 'dispatch-kpi-by', 'aria-label': t('dispatch_analysis_by'), onchange: () => void analyse() },
    ['prioritas', 'kecamatan', 'bulan', 'banjir'].map((b) => h('option', { value: b }, t(`dispatch_by_${b}` as Key))),
  );
  const desa = h('input', { id: 'dispatch-desa', type: 'text', placeholder: '16.06.01.2001' });
  const lon = h('input', { id: 'dispatch-lon', type: 'number', step: 'any' });
  const lat = h('input', { id: 'dispatch-lat', type: 'number', step: 'any' });
  const field = (label: string, input: HTMLElement) => h('label', { class: 'field' }, h('span', {}, label), input);
  const form = h(
    'form',
    { class: 'form-row', 'data-testid': 'dispatch-intake' },
    field(t('dispatch_priority'), priority),
    field(t('dispatch_category'), category),
    field(t('dispatch_desa'), desa),
    field('lon', lon),
    field('lat', lat),
    h('button', { type: 'submit', 'data-testid': 'dispatch-create' }, t('dispatch_create')),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void create();
  });
  root.append(
    h(
      'section',
      { class: 'panel' },
      h('h1', {}, t('dispatch_title')),
      h('h2', {}, t('dispatch_intake')),
      form,
      field(t('dispatch_scenario'), scenario),
      h('h2', {}, t('dispatch_board')),
      board,
      advice,
    ),
    h('section', { class: 'panel' }, h('h2', {}, t('dispatch_analysis')), groupBy, analysis),
  );

  async function create(): Promise<void> {
    const body: Record<string, unknown> = { prioritas: priority.value, kategori: category.value, sumber: 'web' };
    if (desa.value.trim()) body.desa = desa.value.trim();
    else {
      body.lon = Number(lon.value);
      body.lat = Number(lat.value);
    }
    try {
      const r = await post<{ id: number }>('emergency/incidents', body);
      notify(t('dispatch_created', { id: String(r.id) }), 'ok');
      await load();
      await recommend(r.id);
    } catch (e) {
      showError(e);
    }
  }

  async function event(id: number, status: string, unit = ''): Promise<void> {
    try {
      await post(`emergency/incidents/${id}/events`, unit ? { status, unit } : { status });
      notify(t('dispatch_event_ok', { id: String(id), status }), 'ok');
      advice.replaceChildren();
      await load();
    } catch (e) {
      showError(e);
    }
  }

  async function recommend(id: number): Promise<void> {
    advice.replaceChildren(loading());
    try {
      const r = await get<Recommendation>(`emergency/incidents/${id}/recommendation`, {
        skenario: scenario.value.trim(),
        top: 10,
      });
      const rows: Row[] = r.unit.map((u, i) => ({ peringkat: i + 1, kode: u.kode, jenis: u.jenis, menit: u.menit }));
      advice.replaceChildren(
        h('h2', {}, t('dispatch_advice', { id: String(id) }) + (r.skenario ? ` (${r.skenario})` : '')),
        r.tujuan
          ? h(
              'p',
              { 'data-testid': 'dispatch-destination' },
              t('dispatch_destination', { kode: r.tujuan.kode, menit: fmtNumber(r.tujuan.menit, 0) }),
            )
          : h('p', {}, t('dispatch_no_destination')),
        dataTable(rows, {
          testid: 'dispatch-units',
          columns: [
            { key: 'peringkat', numeric: true },
            { key: 'kode' },
            { key: 'jenis' },
            {
              key: 'menit',
              numeric: true,
              render: (row) => (row.menit === null ? t('dispatch_unreachable') : fmtNumber(row.menit, 0)),
            },
            {
              key: 'kirim',
              label: '',
              render: (row) =>
                h(
                  'button',
                  { type: 'button', 'data-testid': `send-${String(row.kode)}`, onclick: () => void send(id, String(row.kode)) },
                  t('dispatch_send'),
                ),
            },
          ],
        }),
      );
    } catch (e) {
      advice.replaceChildren();
      showError(e);
    }
  }

  async function send(id: number, unit: string): Promise<void> {
    const row = rows.find((r) => r.id === id);
    // A new call is verified first: the lifecycle wants terverifikasi before a unit is sent.
    if (row?.status === 'baru') await event(id, 'terverifikasi');
    await event(id, 'unit_dikirim', unit);
  }

  async function load(): Promise<void> {
    try {
      rows = await get<Row[]>('emergency/incidents');
      board.replaceChildren(
        dataTable(rows, {
          testid: 'dispatch-incidents',
          columns: [
            { key: 'id', numeric: true },
            { key: 'waktu' },
            { key: 'prioritas' },
            { key: 'kategori' },
            { key: 'kode_desa' },
            { key: 'status' },
            { key: 'unit' },
            {
              key: 'aksi',
              label: '',
              render: (row) =>
                h(
                  'span',
                  { class: 'actions' },
                  ['baru', 'terverifikasi'].includes(String(row.status))
                    ? h(
                        'button',
                        { type: 'button', 'data-testid': `recommend-${String(row.id)}`, onclick: () => void recommend(Number(row.id)) },
                        t('dispatch_recommend'),
                      )
                    : '',
                  (kNext[String(row.status)] ?? []).map((s) =>
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'secondary',
                        'data-testid': `event-${String(row.id)}-${s}`,
                        onclick: () => void event(Number(row.id), s),
                      },
                      s,
                    ),
                  ),
                ),
            },
          ],
        }),
      );
    } catch (e) {
      showError(e);
    }
  }

  // Response times per group: the 90th percentile of call -> on scene as bars, the whole
  // summary (count, mean, p90, share within the ASSUMED targets per interval) as a table.
  async function analyse(): Promise<void> {
    try {
      const kpi = await get<Row[]>('emergency/kpi', { by: groupBy.value });
      const bars = kpi
        .filter((r) => typeof r.panggilan_ke_lokasi_p90 === 'number')
        .map((r) => ({ label: String(r.kelompok), value: r.panggilan_ke_lokasi_p90 as number }));
      analysis.replaceChildren(
        bars.length
          ? barChart(bars, { title: t('dispatch_p90_chart'), testid: 'dispatch-kpi-chart', unit: t('scn_minutes_unit') })
          : h('p', { class: 'muted' }, t('dispatch_no_kpi')),
        dataTable(kpi, { testid: 'dispatch-kpi' }),
      );
    } catch (e) {
      showError(e);
    }
  }

  board.append(loading());
  void load();
  void analyse();
  const stream = new EventSource(apiUrl('emergency/stream'));
  stream.addEventListener('papan', () => void load());
  const timer = window.setInterval(() => void load(), 60000);
  return () => {
    stream.close();
    window.clearInterval(timer);
  };
}
