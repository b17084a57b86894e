// The dispatcher's page (PSC 119, docs/emergency.md): the map (incidents, units, the flood in
// force; a click places a call), take a call (a click, a village code or a point), the board of
// open incidents, the recommendation by travel minutes in the baseline or a flood scenario (those
// in force now offered first), one click to send a unit, and the lifecycle buttons. The board and
// the map reload when the server announces a change (server-sent events, `GET
// /emergency/stream`, any dispatcher's change) and, should the stream be down, every 60 seconds.
// Loaded lazily (it carries MapLibre).

import { apiUrl, get, post, type Row, type Schema } from '../api';
import { t } from '../i18n';
import type { PageContext } from '../main';
import { dataTable, fmtNumber, h, loading, notify, showError } from '../ui';
import { createDispatchMap } from './dispatch_map';

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
  const scenario = h(
    'select',
    { id: 'dispatch-scenario', onchange: () => void scenarioChanged() },
    h('option', { value: '' }, t('dispatch_baseline')),
  );
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
  const container = h('div', { class: 'map', role: 'region', 'aria-label': t('dispatch_map_label'), 'data-testid': 'dispatch-map' });
  const map = createDispatchMap(container, (x, y) => {
    lon.value = String(x);
    lat.value = String(y);
    desa.value = '';
    priority.focus();
  });
  root.append(
    h(
      'div',
      { class: 'map-page dispatch-page' },
      container,
      h(
        'aside',
        { class: 'map-side panel' },
        h('h1', {}, t('dispatch_title')),
        field(t('dispatch_scenario'), scenario),
        h('h2', {}, t('dispatch_intake')),
        h('p', { class: 'muted hint' }, t('dispatch_click_hint')),
        form,
        advice,
        map.legend,
      ),
    ),
    h('section', { class: 'panel' }, h('h2', {}, t('dispatch_board')), board),
  );
  let advised: number | null = null; // the incident whose recommendation is shown

  async function loadScenarios(): Promise<void> {
    try {
      const rows = await get<Row[]>('emergency/scenarios');
      scenario.append(
        ...rows.map((r) =>
          h('option', { value: String(r.nama) }, r.berlaku ? t('dispatch_in_force', { name: String(r.nama) }) : String(r.nama)),
        ),
      );
      const inForce = rows.find((r) => r.berlaku);
      if (inForce) scenario.value = String(inForce.nama);
    } catch (e) {
      showError(e);
    }
    await scenarioChanged();
  }

  async function scenarioChanged(): Promise<void> {
    await map.refresh(scenario.value).catch(showError);
    if (advised !== null) await recommend(advised);
  }

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
      advised = null;
      await load();
    } catch (e) {
      showError(e);
    }
  }

  async function recommend(id: number): Promise<void> {
    advised = id;
    advice.replaceChildren(loading());
    const row = rows.find((r) => r.id === id);
    if (row && typeof row.lon === 'number' && typeof row.lat === 'number') map.focus(row.lon, row.lat);
    try {
      const r = await get<Recommendation>(`emergency/incidents/${id}/recommendation`, {
        skenario: scenario.value,
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
    void map.refresh(scenario.value).catch(showError);
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

  board.append(loading());
  void load();
  void loadScenarios();
  const stream = new EventSource(apiUrl('emergency/stream'));
  stream.addEventListener('papan', () => void load());
  const timer = window.setInterval(() => void load(), 60000);
  return () => {
    stream.close();
    window.clearInterval(timer);
    map.stop();
  };
}
