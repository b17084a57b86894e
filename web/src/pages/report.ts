// A facility's report for the reporting period: the staff roster, equipment and service volumes
// (edit, save, upload the Excel template), its status and the Submit button.
// Operators see their own facility; admin may edit any; planners and viewers read.

import {
  ApiError,
  apiUrl,
  get,
  getVersioned,
  post,
  put,
  upload,
  type Cadre,
  type Row,
  type Schema,
  type SubmissionRow,
  type Submissions,
  type TableRow,
} from '../api';
import { lang, t, type Key } from '../i18n';
import type { PageContext } from '../main';
import { Sheet, type FieldDef } from '../sheet';
import { clearNotices, confirmDialog, downloadLink, h, loading, notify, showError, statusBadge, tabs, uid } from '../ui';

type Kind = 'staff' | 'equipment' | 'services';

function fieldsFor(kind: Kind, cadres: Cadre[]): FieldDef[] {
  const opts = (keys: string[], prefix: string) => keys.map((k) => ({ value: k, label: t(`${prefix}${k}` as Key) }));
  if (kind === 'staff') {
    const cadreOptions = cadres
      .filter((c) => !c.agregat)
      .map((c) => ({ value: c.kode, label: (lang() === 'en' && c.nama_en) || c.nama || c.kode }));
    return [
      { key: 'nama', label: 'f_nama', kind: 'text', required: true },
      { key: 'nik', label: 'f_nik', kind: 'text', inputmode: 'numeric' },
      cadreOptions.length
        ? { key: 'jenis_tenaga', label: 'f_jenis_tenaga', kind: 'select', options: cadreOptions, required: true }
        : { key: 'jenis_tenaga', label: 'f_jenis_tenaga', kind: 'text', required: true },
      {
        key: 'status_kepegawaian',
        label: 'f_status_kepegawaian',
        kind: 'select',
        options: opts(['pns', 'pppk', 'ns', 'honorer'], 'emp_'),
        required: true,
      },
      { key: 'tanggal_lahir', label: 'f_tanggal_lahir', kind: 'text', hint: 'date_hint', required: true },
      { key: 'jabatan', label: 'f_jabatan', kind: 'text' },
      { key: 'pelatihan', label: 'f_pelatihan', kind: 'text', hint: 'pelatihan_hint' },
      { key: 'str_berlaku_sampai', label: 'f_str_berlaku_sampai', kind: 'text', hint: 'date_hint' },
    ];
  }
  if (kind === 'equipment') {
    return [
      { key: 'kode_alat', label: 'f_kode_alat', kind: 'text', required: true },
      { key: 'nama_alat', label: 'f_nama_alat', kind: 'text' },
      {
        key: 'kondisi',
        label: 'f_kondisi',
        kind: 'select',
        options: opts(['baik', 'rusak_ringan', 'rusak_berat'], 'kondisi_'),
        required: true,
      },
      { key: 'jumlah', label: 'f_jumlah', kind: 'number', required: true },
    ];
  }
  return [
    { key: 'tahun', label: 'f_tahun', kind: 'number', required: true },
    { key: 'kegiatan', label: 'f_kegiatan', kind: 'text', required: true },
    { key: 'jumlah', label: 'f_jumlah', kind: 'number', required: true },
  ];
}

/** The row as the PUT body wants it: only the template's fields, no facility code. */
function toBody(rows: Row[], fields: FieldDef[]): Row[] {
  return rows.map((r) =>
    Object.fromEntries(fields.map((f) => [f.key, typeof r[f.key] === 'string' ? (r[f.key] as string).trim() : (r[f.key] ?? '')])),
  );
}

export function renderReport(root: HTMLElement, ctx: PageContext): void {
  const { session } = ctx;
  const kode = session.role === 'operator' ? session.kode_faskes : (ctx.params[0] ?? '');
  root.append(loading());
  void (async () => {
    try {
      const [facilities, cadres, submissions] = await Promise.all([
        get<TableRow[]>('facilities'),
        get<Cadre[]>('cadres').catch(() => [] as Cadre[]),
        get<Submissions>('submissions').catch(() => null),
      ]);
      root.replaceChildren();
      if (session.role !== 'operator') root.append(facilityPicker(facilities, kode, ctx));
      if (!kode) return;
      const facility = facilities.find((f) => f.kode_faskes === kode);
      const sub = submissions?.rows.find((r) => r.kode_faskes === kode) ?? null;
      await renderFacility(root, ctx, kode, String(facility?.nama_faskes ?? kode), cadres, submissions, sub);
    } catch (e) {
      root.replaceChildren();
      showError(e);
    }
  })();
}

function facilityPicker(facilities: Row[], kode: string, ctx: PageContext): HTMLElement {
  const id = uid('facility');
  const select = h(
    'select',
    {
      id,
      'data-testid': 'facility-picker',
      onchange: (e: Event) => ctx.navigate(`#/report/${encodeURIComponent((e.target as HTMLSelectElement).value)}`),
    },
    h('option', { value: '' }, t('choose')),
    facilities.map((f) =>
      h('option', { value: String(f.kode_faskes), selected: f.kode_faskes === kode }, `${f.nama_faskes} (${f.kode_faskes})`),
    ),
  );
  return h('div', { class: 'field inline' }, h('label', { for: id }, t('choose_facility')), select);
}

async function renderFacility(
  root: HTMLElement,
  ctx: PageContext,
  kode: string,
  name: string,
  cadres: Cadre[],
  submissions: Submissions | null,
  sub: SubmissionRow | null,
): Promise<void> {
  const { session } = ctx;
  const status = sub?.status ?? 'draft';
  const locked = session.role === 'operator' && (status === 'submitted' || status === 'verified');
  const canEdit = (session.role === 'admin' || session.role === 'operator') && !locked;
  const canSubmit = (session.role === 'admin' || session.role === 'operator') && (status === 'draft' || status === 'returned');
  const year = Number(submissions?.period?.mulai?.slice(0, 4)) || new Date().getFullYear();
  const base = `facilities/${encodeURIComponent(kode)}`;
  const dirty: Record<Kind, boolean> = { staff: false, equipment: false, services: false };

  const header = h(
    'section',
    { class: 'panel report-head', 'data-testid': 'report-head' },
    h('h1', {}, t('report_title', { name })),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('col_kode')),
      h('dd', {}, kode),
      submissions?.period
        ? [
            h('dt', {}, t('period')),
            h('dd', {}, `${submissions.period.nama} (${submissions.period.mulai} – ${submissions.period.selesai})`),
          ]
        : null,
      h('dt', {}, t('status')),
      h('dd', { 'data-testid': 'report-status', 'data-status': status }, statusBadge(status)),
      sub?.komentar
        ? [h('dt', {}, t('return_comment')), h('dd', { class: 'comment', 'data-testid': 'report-comment' }, sub.komentar)]
        : null,
    ),
  );
  if (locked) header.append(h('p', { class: 'note' }, t('locked_note')));
  else if (!canEdit) header.append(h('p', { class: 'note' }, t('readonly_note')));
  if (canSubmit) {
    header.append(
      h(
        'button',
        {
          type: 'button',
          class: 'button-primary',
          'data-testid': 'submit-report',
          onclick: async () => {
            if (Object.values(dirty).some(Boolean)) {
              notify(t('save_before_submit'), 'error');
              return;
            }
            const ok = await confirmDialog({
              title: t('submit_report'),
              text: t('submit_confirm'),
              confirmLabel: t('submit_report'),
              testid: 'submit-dialog',
            });
            if (ok === null) return;
            try {
              await post(`${base}/submit`);
              notify(t('submitted_ok'), 'ok');
              ctx.navigate(location.hash);
            } catch (e) {
              showError(e);
            }
          },
        },
        t('submit_report'),
      ),
    );
  }
  root.append(header);

  let current: Kind = 'staff';
  const tabPanel = h('section', { class: 'panel', role: 'tabpanel' });
  const tabItems = (['staff', 'equipment', 'services'] as Kind[]).map((k) => ({ id: k, label: t(`tab_${k}` as Key) }));
  const tabBar = h('div');
  const drawTabs = () => tabBar.replaceChildren(tabs(tabItems, current, select, 'report-tabs'));
  const select = (k: string) => {
    current = k as Kind;
    drawTabs();
    void drawSheet();
  };
  drawTabs();
  root.append(tabBar, tabPanel);

  async function drawSheet(): Promise<void> {
    const kind = current;
    tabPanel.replaceChildren(loading());
    let rows: Row[];
    // The version the sheet shows: a save based on it is refused (409) when somebody else saved
    // in between, never written over their work.
    let version: string;
    try {
      ({ data: rows, version } = await getVersioned<TableRow[]>(`${base}/${kind}`));
    } catch (e) {
      tabPanel.replaceChildren();
      showError(e);
      return;
    }
    if (kind !== current) return;
    const fields = fieldsFor(kind, cadres);
    const dirtyNote = h('span', { class: 'muted', 'aria-live': 'polite', 'data-testid': `${kind}-dirty` });
    const sheet = new Sheet({
      kind,
      fields,
      rows,
      readonly: !canEdit,
      blank: () => (kind === 'services' ? { tahun: year, kegiatan: '', jumlah: '' } : kind === 'equipment' ? { kondisi: 'baik' } : {}),
      onChange: () => {
        dirty[kind] = true;
        dirtyNote.textContent = t('unsaved');
      },
    });
    const saveBtn = h('button', { type: 'button', class: 'button-primary', 'data-testid': `${kind}-save`, disabled: !canEdit }, t('save'));
    saveBtn.addEventListener('click', async () => {
      saveBtn.disabled = true;
      saveBtn.textContent = t('saving');
      try {
        const res = await put<Schema<'ImportResult'>>(`${base}/${kind}`, toBody(sheet.values(), fields), version);
        dirty[kind] = false;
        clearNotices('error');
        notify(t('saved', { n: res.saved }), 'ok');
        await drawSheet();
      } catch (e) {
        if (e instanceof ApiError && e.status === 422) {
          sheet.setProblems(e.problems);
          notify(e.message, 'error');
        } else {
          showError(e);
        }
      } finally {
        saveBtn.disabled = !canEdit;
        saveBtn.textContent = t('save');
      }
    });
    tabPanel.replaceChildren(
      h(
        'div',
        { class: 'sheet-toolbar' },
        h('h2', {}, t(`tab_${kind}` as Key)),
        dirtyNote,
        h('span', { class: 'spacer' }),
        downloadLink(apiUrl(`templates/${kind}.xlsx`), t('template_download'), `${kind}-template`, `${kind}.xlsx`),
      ),
      sheet.el,
      canEdit ? h('div', { class: 'sheet-actions' }, saveBtn) : '',
      canEdit
        ? uploadForm(
            kind,
            kode,
            () => version,
            () => void drawSheet(),
          )
        : '',
    );
  }
  await drawSheet();
}

function uploadForm(kind: Kind, kode: string, version: () => string, onDone: () => void): HTMLElement {
  const id = uid('upload');
  const file = h('input', { id, type: 'file', accept: '.xlsx,.xls,.ods,.csv', 'data-testid': `${kind}-upload-file` });
  const problems = h('div', { class: 'problems', role: 'alert', 'data-testid': `${kind}-upload-problems` });
  const button = h('button', { type: 'submit', class: 'button-secondary', 'data-testid': `${kind}-upload` }, t('upload_button'));
  const form = h('form', { class: 'upload' }, h('label', { for: id }, t('upload_label')), file, button, problems);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    problems.replaceChildren();
    const f = file.files?.[0];
    if (!f) {
      notify(t('upload_choose'), 'error');
      return;
    }
    button.disabled = true;
    button.textContent = t('uploading');
    try {
      const res = await upload(kode, kind, f, version());
      clearNotices('error');
      notify(t('upload_done', { name: f.name }), 'ok');
      for (const w of res.warnings) notify(w.message, 'info');
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.problems.length) {
        problems.append(
          h('p', {}, h('strong', {}, e.message)),
          h(
            'ul',
            {},
            e.problems.map((p) => h('li', {}, t('upload_problem', { row: p.row, message: p.message }))),
          ),
        );
      }
      showError(e);
    } finally {
      button.disabled = false;
      button.textContent = t('upload_button');
    }
  });
  return form;
}
