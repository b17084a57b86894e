// New sites (third tab, admins and planners): POST /plan/sites as a background job proposes K
// places that would bring the most people within T minutes; numbered HTML markers on the map
// (there is no glyph server for text layers), the coverage curve and the table.

import { post, type JobStarted, type Row } from '../../api';
import { jobControl } from '../../access_run';
import { lineChart } from '../../charts';
import { t } from '../../i18n';
import { maplibregl } from '../../mapbase';
import { dataTable, h, uid } from '../../ui';
import type { Actions, ScenarioPage } from './context';
import { fmtPct, fmtPeople } from './format';
import { kSitesK, sitesFC, sitesRequest, type SitesResult } from './state';

export function createSites(page: ScenarioPage): Pick<Actions, 'updateSitesScenario'> & { stop: () => void } {
  const { st, canEdit, map, popup, panels } = page;
  let markers: maplibregl.Marker[] = [];
  const kId = uid('sites-k');
  const minId = uid('sites-min');
  const objId = uid('sites-obj');
  const kInput = h('input', {
    id: kId,
    type: 'number',
    min: kSitesK.min,
    max: kSitesK.max,
    step: 1,
    value: '5',
    required: true,
    'data-testid': 'sites-k',
  });
  const minInput = h('input', {
    id: minId,
    type: 'number',
    min: 5,
    max: 600,
    step: 5,
    value: '60',
    required: true,
    'data-testid': 'sites-minutes',
  });
  const objSelect = h(
    'select',
    { id: objId, 'data-testid': 'sites-objective' },
    h('option', { value: 'coverage' }, t('scn_obj_coverage')),
    h('option', { value: 'mean-time' }, t('scn_obj_mean_time')),
  );
  const useScenario = h('input', { type: 'checkbox', 'data-testid': 'sites-use-scenario', disabled: true });
  const useScenarioLabel = h('span', {}, t('scn_sites_use_none'));
  const sitesOut = h('div', { class: 'sites-out', 'data-testid': 'sites-result', 'aria-live': 'polite' });
  const job = jobControl<SitesResult>({
    label: 'scn_sites_run',
    runningLabel: 'scn_sites_running',
    testid: 'sites-run',
    buttonClass: 'button-primary',
    start: async () => {
      const req = sitesRequest(Number(kInput.value), Number(minInput.value), objSelect.value, useScenario.checked ? st.selected : null);
      kInput.removeAttribute('aria-invalid');
      minInput.removeAttribute('aria-invalid');
      if ('error' in req) {
        const input = req.error === 'scn_sites_k_invalid' ? kInput : minInput;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        throw new Error(t(req.error));
      }
      return (await post<JobStarted>('plan/sites', req.body)).job;
    },
    onDone: (r) => showSites(r, Number(minInput.value)),
    doneMessage: 'scn_sites_done',
    failedMessage: 'scn_sites_failed',
  });
  if (canEdit) {
    panels.sites.append(
      h('p', { class: 'muted hint' }, t('scn_sites_intro')),
      h(
        'div',
        { class: 'form-row sites-form' },
        h('div', { class: 'field' }, h('label', { for: kId }, t('scn_sites_k')), kInput),
        h('div', { class: 'field' }, h('label', { for: minId }, t('scn_sites_minutes')), minInput),
      ),
      h('div', { class: 'field' }, h('label', { for: objId }, t('scn_sites_objective')), objSelect),
      h('label', { class: 'check-row' }, useScenario, ' ', useScenarioLabel),
      job.el,
      sitesOut,
    );
  }

  function updateSitesScenario(): void {
    useScenarioLabel.textContent = st.selected ? t('scn_sites_use', { name: st.selected }) : t('scn_sites_use_none');
    useScenario.disabled = !st.selected;
    if (!st.selected) useScenario.checked = false;
  }

  function sitePopup(s: SitesResult['lokasi'][number], label: string): HTMLElement {
    return h(
      'div',
      { class: 'popup', 'data-testid': 'popup-site' },
      h('h3', {}, label),
      h(
        'dl',
        {},
        h('dt', {}, t('col_kode')),
        h('dd', {}, s.kode),
        h('dt', {}, t('scn_col_penduduk_tambahan')),
        h('dd', {}, fmtPeople(s.penduduk_tambahan)),
        h('dt', {}, t('scn_col_persen_terjangkau')),
        h('dd', {}, fmtPct(s.persen_terjangkau)),
      ),
    );
  }

  function showSites(r: SitesResult, minutes: number): void {
    st.sites = r;
    for (const m of markers) m.remove();
    markers = r.lokasi.map((s) => {
      const label = t('scn_site_label', { n: s.urutan, name: s.nama });
      const el = h(
        'button',
        {
          type: 'button',
          class: 'site-marker',
          'aria-label': label,
          title: label,
          'data-testid': 'site-marker',
          'data-urutan': String(s.urutan),
        },
        String(s.urutan),
      );
      const marker = new maplibregl.Marker({ element: el }).setLngLat([s.lon, s.lat]).addTo(map);
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        popup.setLngLat([s.lon, s.lat]).setDOMContent(sitePopup(s, label)).addTo(map);
      });
      return marker;
    });
    if (map.getSource('sites')) page.act.setSource('sites', sitesFC(st.sites));
    page.act.drawLegend();
    const base = r.penduduk > 0 ? (100 * r.terjangkau_sebelum) / r.penduduk : 0;
    const last = r.lokasi[r.lokasi.length - 1];
    const points = [
      { x: 0, y: base, label: t('scn_sites_today') },
      ...r.lokasi.map((s) => ({ x: s.urutan, y: s.persen_terjangkau, label: s.nama })),
    ];
    const flyTo = (row: Row) =>
      map.flyTo({ center: [row.lon as number, row.lat as number], zoom: Math.max(map.getZoom(), 10), duration: 500 });
    sitesOut.replaceChildren(
      h(
        'p',
        { 'data-testid': 'sites-summary' },
        t('scn_sites_summary', {
          m: minutes,
          before: fmtPct(base),
          after: fmtPct(last?.persen_terjangkau ?? base),
          n: r.lokasi.length,
          calon: r.calon,
        }),
      ),
      lineChart(points, {
        title: t('scn_sites_chart', { m: minutes }),
        testid: 'sites-chart',
        xLabel: t('scn_sites_chart_x'),
        yLabel: '%',
      }),
      dataTable(r.lokasi, {
        testid: 'sites-table',
        filter: false,
        columns: [
          { key: 'urutan', label: '#', numeric: true },
          {
            key: 'nama',
            label: t('scn_col_desa'),
            render: (row) => h('button', { type: 'button', class: 'link-button', onclick: () => flyTo(row) }, String(row.nama)),
          },
          {
            key: 'penduduk_tambahan',
            label: t('scn_col_penduduk_tambahan'),
            numeric: true,
            render: (row) => fmtPeople(row.penduduk_tambahan),
          },
          {
            key: 'persen_terjangkau',
            label: t('scn_col_persen_terjangkau'),
            numeric: true,
            render: (row) => fmtPct(row.persen_terjangkau),
          },
        ],
        rowAttrs: (row) => ({ 'data-kode': String(row.kode) }),
      }),
    );
    let b: maplibregl.LngLatBounds | null = null;
    for (const s of r.lokasi) b = b ? b.extend([s.lon, s.lat]) : new maplibregl.LngLatBounds([s.lon, s.lat], [s.lon, s.lat]);
    const shown = map.getBounds();
    if (b && !(shown.contains(b.getNorthEast()) && shown.contains(b.getSouthWest())))
      map.fitBounds(b, { padding: 80, maxZoom: 10, duration: 400 });
  }

  return {
    updateSitesScenario,
    stop: () => {
      job.stop();
      for (const m of markers) m.remove();
    },
  };
}
