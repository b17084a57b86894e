// End-to-end test of the Jangkau web application against a running `jangkau serve`.
//
//   BASE_URL=http://127.0.0.1:8093 SCREENSHOT_DIR=docs/screenshots node web/e2e/e2e.mjs
//
// The server must hold the demo users (`make demo`) and a facility whose report is still a
// draft; the test changes the workspace (a roster row, submit, verify, a scenario), so run it on a copy.
// Uses the Debian chromium at /usr/bin/chromium (CHROMIUM overrides); never downloads a browser.
// Exit code 0 on success, 1 with a message on the first failure.

import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
// A second server on the Muba demo workspace for the dispatcher's page (issue 12), when given.
const DISPATCH_URL = (process.env.DISPATCH_URL ?? '').replace(/\/$/, '');
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? '';
const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TOTAL_TIMEOUT_MS = 150_000;
const users = {
  operator: ['operator', 'demo-operator-2026'],
  planner: ['perencana', 'demo-perencana-2026'],
};

const started = Date.now();
const log = (msg) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
function check(cond, msg) {
  if (!cond) throw new Error(`check failed: ${msg}`);
}

const watchdog = setTimeout(() => {
  console.error(`E2E FAILED: timed out after ${TOTAL_TIMEOUT_MS / 1000}s`);
  process.exit(1);
}, TOTAL_TIMEOUT_MS);

if (SCREENSHOT_DIR) mkdirSync(SCREENSHOT_DIR, { recursive: true });

const browser = await chromium.launch({
  executablePath: EXECUTABLE,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 860 }, locale: 'id-ID' });
context.setDefaultTimeout(20_000);
const page = await context.newPage();

// Console errors fail the test, except the browser's own log line for an HTTP error response
// (the test provokes a 422 on purpose; the app shows it to the user).
const consoleErrors = [];
page.on('console', (m) => {
  if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of (401|409|422)/.test(m.text()))
    consoleErrors.push(m.text());
});
page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
// The last API responses, printed when the test fails.
const apiLog = [];
page.on('response', async (r) => {
  if (!r.url().includes('/api/v1/')) return;
  const entry = `${r.request().method()} ${r.url().replace(BASE_URL, '')} -> ${r.status()}`;
  apiLog.push(r.status() >= 400 ? `${entry} ${(await r.text().catch(() => '')).slice(0, 300)}` : entry);
  if (apiLog.length > 25) apiLog.shift();
});

async function shot(name) {
  if (!SCREENSHOT_DIR) return;
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
  log(`screenshot ${name}.png`);
}

const byTestId = (id) => page.locator(`[data-testid="${id}"]`);

async function login(user, pass, { screenshot = false, base = BASE_URL } = {}) {
  await page.goto(`${base}/#/login`);
  await byTestId('login-form').waitFor();
  await byTestId('login-username').fill(user);
  await byTestId('login-password').fill(pass);
  if (screenshot) await shot('login');
  await byTestId('login-submit').click();
  await byTestId('whoami').waitFor();
  log(`logged in as ${user}`);
}

async function logout() {
  await byTestId('logout').click();
  await byTestId('login-form').waitFor();
}

try {
  // ---- operator: add a roster row, see the inline error, fix it, save, submit ----
  await login(...users.operator, { screenshot: true });
  await byTestId('report-head').waitFor();
  const kode = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
  check(kode, `the operator lands on its facility's report (url ${page.url()})`);
  const status0 = await byTestId('report-status').getAttribute('data-status');
  check(
    status0 === 'draft' || status0 === 'returned',
    `facility ${kode} starts as draft or returned (got ${status0}); use a fresh copy of the workspace`,
  );
  await byTestId('staff-grid').waitFor();

  const rowsBefore = await page.locator('[data-testid="staff-grid"] tbody tr[data-row]').count();
  await byTestId('staff-add-row').click();
  const row = page.locator('[data-testid="staff-grid"] tbody tr[data-row]').last();
  await row.locator('[data-testid="staff-nama"]').fill('Siti Aminah (uji e2e)');
  await row.locator('[data-testid="staff-nik"]').fill('1602014107900001');
  await row.locator('[data-testid="staff-jenis_tenaga"]').selectOption('bidan');
  await row.locator('[data-testid="staff-status_kepegawaian"]').selectOption('pppk');
  await row.locator('[data-testid="staff-tanggal_lahir"]').fill('1990-13-45'); // no 13th month
  await row.locator('[data-testid="staff-jabatan"]').fill('Bidan Ahli Pertama');
  await row.locator('[data-testid="staff-pelatihan"]').fill('APN;PONED');
  await byTestId('staff-save').click();

  const badCell = page.locator('[data-testid="staff-grid"] td.cell-invalid:has([data-testid="staff-tanggal_lahir"])');
  await badCell.locator('[data-testid="cell-error"]').waitFor();
  const errText = await badCell.locator('[data-testid="cell-error"]').innerText();
  check(/tanggal_lahir|tanggal/i.test(errText), `inline error names the date field (got "${errText}")`);
  check((await badCell.locator('input').getAttribute('aria-invalid')) === 'true', 'the bad date input is aria-invalid');
  log(`inline error shown: ${errText}`);
  await shot('operator-form');

  await row.locator('[data-testid="staff-tanggal_lahir"]').fill('1990-01-05');
  await byTestId('staff-save').click();
  await byTestId('notice-ok').first().waitFor();
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-testid="staff-grid"] tbody tr[data-row]').length === n + 1 &&
      !document.querySelector('[data-testid="staff-grid"] [aria-invalid="true"]'),
    rowsBefore,
  );
  const savedNames = await page
    .locator('[data-testid="staff-grid"] [data-testid="staff-nama"]')
    .evaluateAll((els) => els.map((e) => e.value));
  check(savedNames.includes('Siti Aminah (uji e2e)'), `the saved roster holds the new row (got ${JSON.stringify(savedNames)})`);
  log('roster saved');

  await byTestId('submit-report').click();
  await byTestId('submit-dialog-confirm').click();
  await page.locator('[data-testid="report-status"][data-status="submitted"]').waitFor();
  log(`facility ${kode} submitted`);
  await logout();

  // ---- planner: the board shows it as submitted; verify ----
  await login(...users.planner);
  await byTestId('board-table').waitFor();
  const boardRow = page.locator(`[data-testid="board-table"] tr[data-kode="${kode}"]`);
  await boardRow.waitFor();
  check((await boardRow.getAttribute('data-status')) === 'submitted', `the board shows ${kode} as submitted`);
  const submittedCount = Number(await byTestId('count-submitted').locator('.chip-count').innerText());
  check(submittedCount >= 1, `the submitted count is at least 1 (got ${submittedCount})`);
  await shot('status-board');
  await boardRow.locator('[data-testid="verify"]').click();
  await page.locator(`[data-testid="board-table"] tr[data-kode="${kode}"][data-status="verified"]`).waitFor();
  log(`facility ${kode} verified`);

  // ---- map: facilities rendered and the canvas is not blank ----
  await byTestId('nav-map').click();
  await byTestId('map').waitFor();
  await page.waitForFunction(
    () => {
      const m = window.__jangkauMap;
      return (
        !!m && !!m.getLayer('facilities-circle') && m.loaded() && m.queryRenderedFeatures({ layers: ['facilities-circle'] }).length > 0
      );
    },
    null,
    { timeout: 30_000 },
  );
  const mapInfo = await page.evaluate(() => {
    const m = window.__jangkauMap;
    const facilities = m.queryRenderedFeatures({ layers: ['facilities-circle'] }).length;
    const desa = m.queryRenderedFeatures({ layers: ['desa-fill'] }).length;
    // Copy the WebGL canvas (preserveDrawingBuffer) into a 2D canvas and count distinct colours.
    const src = m.getCanvas();
    const c = document.createElement('canvas');
    c.width = 200;
    c.height = 150;
    const ctx = c.getContext('2d');
    ctx.drawImage(src, 0, 0, c.width, c.height);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    for (let i = 0; i < px.length; i += 4) colours.add(`${px[i] >> 3},${px[i + 1] >> 3},${px[i + 2] >> 3}`);
    return { facilities, desa, colours: colours.size };
  });
  log(`map: ${mapInfo.facilities} facilities, ${mapInfo.desa} desa rendered, ${mapInfo.colours} distinct colours`);
  check(mapInfo.facilities > 0, 'facilities are rendered on the map');
  check(mapInfo.colours >= 8, `the map canvas is not blank (${mapInfo.colours} colours)`);
  await shot('map');

  // ---- access run: start it, watch the progress, the map reloads when it is done ----
  await byTestId('access-run').click();
  await byTestId('access-progress').waitFor();
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="access-progress"]')?.value === 1 &&
      !document.querySelector('[data-testid="access-run"]').disabled,
    null,
    { timeout: 90_000 },
  );
  log(`access run finished: ${await byTestId('access-message').innerText()}`);

  // ---- tables and charts ----
  await byTestId('nav-tables').click();
  await byTestId('table-needs_cadre').waitFor();
  await byTestId('chart-shortage').waitFor();
  const cadreRows = await page.locator('[data-testid="table-needs_cadre"] tbody tr').count();
  check(cadreRows > 1, `the need-per-cadre table has rows (${cadreRows})`);
  await page.locator('[data-testid="table-needs_cadre"] th button').first().click(); // sort
  await shot('tables');

  // ---- proposal: recompute and download the workbook ----
  await byTestId('nav-proposal').click();
  await byTestId('proposal-lines').waitFor({ timeout: 30_000 });
  await shot('proposal');
  const [download] = await Promise.all([page.waitForEvent('download'), byTestId('proposal-download').click()]);
  const failure = await download.failure();
  check(!failure, `the workbook download succeeded (${failure})`);
  const file = readFileSync(await download.path());
  check(
    file.length > 100 && file.subarray(0, 2).toString('latin1') === 'PK',
    `the workbook is an XLSX (zip) file (${file.length} bytes, starts ${JSON.stringify(file.subarray(0, 4).toString('latin1'))})`,
  );
  log(`workbook ${download.suggestedFilename()} downloaded, ${file.length} bytes`);

  // ---- scenario: flood 3 desa and close a facility on the map, save, compare, new sites ----
  await byTestId('nav-scenario').click();
  await page.locator('[data-testid="scenario-map"][data-ready="1"]').waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () => {
      const m = window.__jangkauMap;
      return (
        !!m &&
        m.loaded() &&
        m.queryRenderedFeatures({ layers: ['facilities-circle'] }).length > 0 &&
        m.queryRenderedFeatures({ layers: ['desa-fill'] }).length > 0
      );
    },
    null,
    { timeout: 30_000 },
  );
  // Screen points from the map itself: a facility well inside the view with no neighbour close by,
  // and the three desa nearest to it, each at a point whose surroundings are the same desa.
  const targets = await page.evaluate(() => {
    const m = window.__jangkauMap;
    const rect = m.getCanvas().getBoundingClientRect();
    const margin = 80;
    const inside = (p) => p.x > margin && p.x < rect.width - margin && p.y > margin && p.y < rect.height - margin;
    const facs = m
      .queryRenderedFeatures({ layers: ['facilities-circle'] })
      .map((f) => ({ kode: f.properties.kode, p: m.project(f.geometry.coordinates) }));
    const fac = facs.filter((f) => inside(f.p)).find((f) => facs.every((g) => g === f || Math.hypot(g.p.x - f.p.x, g.p.y - f.p.y) > 20));
    if (!fac) return null;
    const near = (x, y, r) => facs.some((g) => Math.hypot(g.p.x - x, g.p.y - y) < r);
    const kodeAt = (x, y) => m.queryRenderedFeatures([x, y], { layers: ['desa-fill'] })[0]?.properties.kode;
    const best = new Map();
    for (let dy = -160; dy <= 160; dy += 5) {
      for (let dx = -160; dx <= 160; dx += 5) {
        const x = fac.p.x + dx;
        const y = fac.p.y + dy;
        if (!inside({ x, y }) || near(x, y, 16)) continue;
        const k = kodeAt(x, y);
        if (
          !k ||
          [
            [5, 0],
            [-5, 0],
            [0, 5],
            [0, -5],
          ].some(([a, b]) => kodeAt(x + a, y + b) !== k)
        )
          continue;
        const d = Math.hypot(dx, dy);
        if (!best.has(k) || best.get(k).d > d) best.set(k, { kode: k, x, y, d });
      }
    }
    const desa = [...best.values()].sort((a, b) => a.d - b.d).slice(0, 3);
    return { left: rect.left, top: rect.top, fac: { kode: fac.kode, x: fac.p.x, y: fac.p.y }, desa };
  });
  check(targets && targets.desa.length === 3, `found a facility and 3 desa to click on the scenario map (${JSON.stringify(targets)})`);
  const clickMap = (x, y) => page.mouse.click(targets.left + x, targets.top + y);

  await byTestId('scenario-name').fill('e2e_banjir');
  await byTestId('scenario-desc').fill('Uji e2e: 3 desa banjir, 1 fasyankes tutup');
  await byTestId('mode-desa').check();
  for (const d of targets.desa) await clickMap(d.x, d.y);
  await page.waitForFunction(() => document.querySelector('[data-testid="flood-desa-count"]')?.textContent === '3');
  const flooded = await page.locator('[data-testid="flood-desa-item"]').evaluateAll((els) => els.map((e) => e.dataset.kode));
  check(
    JSON.stringify(flooded.sort()) === JSON.stringify(targets.desa.map((d) => d.kode).sort()),
    `the clicked desa are flooded (${flooded} vs ${targets.desa.map((d) => d.kode)})`,
  );
  await byTestId('mode-close').check();
  await clickMap(targets.fac.x, targets.fac.y);
  await page.locator(`[data-testid="closed-item"][data-kode="${targets.fac.kode}"]`).waitFor();
  // a drawn flooded area: three corners, then "selesai"
  await byTestId('mode-draw').check();
  for (const [dx, dy] of [
    [-40, -40],
    [-10, -60],
    [-60, -70],
  ])
    await clickMap(targets.fac.x + dx, targets.fac.y + dy);
  await byTestId('draw-finish').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="polygon-count"]')?.textContent === '1');
  log(`scenario: flooded ${flooded.join(', ')}, closed ${targets.fac.kode}, 1 polygon drawn`);
  await byTestId('scenario-save').click();
  await page.locator('[data-testid="scenario-item"][data-nama="e2e_banjir"].selected').waitFor();
  log('scenario e2e_banjir saved');

  await byTestId('scenario-tabs-compare').click();
  await byTestId('compare-run').click();
  await byTestId('compare-run-progress').waitFor();
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="compare-run-progress"]')?.value === 1 &&
      !document.querySelector('[data-testid="compare-run"]').disabled,
    null,
    { timeout: 90_000 },
  );
  await byTestId('summary-kehilangan_60').waitFor();
  const summary = await byTestId('compare-summary').innerText();
  for (const id of ['summary-kehilangan_30', 'summary-kehilangan_60', 'summary-kehilangan_120', 'summary-menit']) {
    const text = await byTestId(id).locator('.card-value').innerText();
    check(/\d/.test(text), `summary ${id} shows a number (got "${text}")`);
  }
  check(await byTestId('view-sesudah').isChecked(), 'the map switched to the after colours');
  await page.waitForFunction(
    () => {
      const m = window.__jangkauMap;
      return m.loaded() && m.queryRenderedFeatures({ layers: ['desa-fill'] }).some((f) => typeof f.properties.menit_sesudah === 'number');
    },
    null,
    { timeout: 20_000 },
  );
  const lossRows = await page.locator('[data-testid="table-desa-loss"] tbody tr').count();
  log(`comparison done: ${summary.replace(/\s+/g, ' ').slice(0, 200)}; ${lossRows} desa rows`);
  check(lossRows > 0, 'the desa table lists changed desa');
  await page.locator('.notice-close').evaluateAll((els) => els.forEach((e) => e.click())); // a clean picture
  await shot('scenario');

  await byTestId('scenario-tabs-sites').click();
  await byTestId('sites-k').fill('3');
  await byTestId('sites-run').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="sites-table"] tbody tr[data-kode]').length === 3, null, {
    timeout: 90_000,
  });
  check((await page.locator('[data-testid="site-marker"]').count()) === 3, 'three numbered site markers on the map');
  await byTestId('sites-chart').waitFor();
  log(`sites: ${await byTestId('sites-summary').innerText()}`);
  await page.locator('.notice-close').evaluateAll((els) => els.forEach((e) => e.click()));
  await shot('sites');

  // ---- English: the switch relabels the page, and the server answers in English ----
  await byTestId('lang-switch').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="nav-map"]')?.textContent?.trim() === 'Map');
  // Through the context's own request client: the session cookie, and no console noise.
  const refused = await page.context().request.get(`${BASE_URL}/api/v1/needs?method=tebak&lang=en`);
  const english = (await refused.json()).error.message;
  check(/invalid/.test(english), `the server answers in English (got "${english}")`);
  await byTestId('lang-switch').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="nav-map"]')?.textContent?.trim() === 'Peta');
  log('language switch: Map <-> Peta, server message in English');

  // ---- dispatcher (Muba, PSC 119): a call, the units by travel minutes, send the first ----
  if (DISPATCH_URL) {
    await logout();
    await login('psc', 'demo-psc-2026', { base: DISPATCH_URL });
    await byTestId('dispatch-intake').waitFor();
    // The map: a click on it places the call; the flood scenario chosen is drawn.
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="dispatch-map"]')?.dataset.loaded ?? 0) > 0);
    const units = await page.evaluate(() => document.querySelector('[data-testid="dispatch-map"]').dataset.loaded);
    await page.locator('#dispatch-scenario').selectOption('banjir_musim_hujan');
    await page.waitForFunction(() => document.querySelector('[data-testid="dispatch-map"]')?.dataset.skenario === 'banjir_musim_hujan');
    const box = await byTestId('dispatch-map').boundingBox();
    await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.5);
    const picked = [await page.locator('#dispatch-lon').inputValue(), await page.locator('#dispatch-lat').inputValue()].map(Number);
    check(
      picked[0] > 103 && picked[0] < 105 && picked[1] > -3.5 && picked[1] < -1.5,
      `a click on the map gives the call's place (got ${picked})`,
    );
    log(`dispatcher: map with ${units} units and incidents, flood banjir_musim_hujan drawn, click -> ${picked}`);
    await page.locator('#dispatch-priority').selectOption('P1');
    await page.locator('#dispatch-category').selectOption('kecelakaan_lalu_lintas');
    await page.locator('#dispatch-desa').fill('16.06.11.2009');
    await byTestId('dispatch-create').click();
    await byTestId('dispatch-units').waitFor();
    const destination = await byTestId('dispatch-destination').innerText();
    check(/R16/.test(destination), `a P1 call goes to a hospital (got "${destination}")`);
    const first = page.locator('[data-testid="dispatch-units"] button[data-testid^="send-"]').first();
    const unit = ((await first.getAttribute('data-testid')) ?? '').slice('send-'.length);
    check(unit.startsWith('CONTOH-'), `the first recommended unit is a demo unit (got "${unit}")`);
    await shot('dispatch');
    await first.click();
    await page.waitForFunction(
      (u) =>
        [...document.querySelectorAll('[data-testid="dispatch-incidents"] tbody tr')].some(
          (tr) => tr.textContent.includes('unit_dikirim') && tr.textContent.includes(u),
        ),
      unit,
    );
    log(`dispatcher: P1 call, ${unit} sent; ${destination}`);
    // Another dispatcher takes a call (through the API): the board shows it without a reload,
    // pushed by the server (server-sent events).
    const csrf = await page.evaluate(() => JSON.parse(sessionStorage.getItem('jangkau.session') ?? '{}').csrf_token);
    const other = await page.context().request.post(`${DISPATCH_URL}/api/v1/emergency/incidents`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { prioritas: 'P3', kategori: 'kunjungan_rumah', desa: '16.06.11.2009', sumber: '112' },
    });
    check(other.status() === 201, `a second call is recorded (got ${other.status()})`);
    const otherId = (await other.json()).id;
    await page.waitForFunction(
      (id) =>
        [...document.querySelectorAll('[data-testid="dispatch-incidents"] tbody tr')].some(
          (tr) => tr.firstElementChild?.textContent?.trim() === String(id),
        ),
      otherId,
      { timeout: 10_000 },
    );
    log(`dispatcher: incident ${otherId} from another dispatcher appeared on the board (pushed)`);
    // The analysis (planners; dispatchers read it too): the demo's twelve calls by the flood in
    // force, p90 bars per group, the villages' call -> scene minutes on the map.
    await logout();
    await login('perencana', 'demo-perencana-2026', { base: DISPATCH_URL });
    await page.goto(`${DISPATCH_URL}/#/response`);
    await page.locator('#response-kpi-by').selectOption('banjir');
    await page.waitForFunction(() => document.querySelector('[data-testid="response-kpi"]')?.textContent?.includes('banjir_musim_hujan'));
    await byTestId('response-kpi-chart').waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="response-map"]')?.dataset.desa ?? 0) > 0);
    log('planner: response times by the flood in force, villages with calls on the map');
    // The station plan: three motorbike bases by MEXCLP with units busy 30% of the time.
    await page.locator('[data-testid="stations-model"]').selectOption('mexclp');
    await page.locator('[data-testid="stations-jenis"]').selectOption('motor');
    await byTestId('stations-run').click();
    await byTestId('stations-table').waitFor({ timeout: 60_000 });
    const bases = await page.locator('[data-testid="station-marker"]').count();
    check(bases === 3, `three bases on the map (got ${bases})`);
    const summary = await byTestId('stations-summary').innerText();
    await shot('response');
    log(`planner: station plan: ${summary}`);
    // The programmes page (issue 13): the villages on the map, D/S against minutes with Spearman's
    // correlation, routine beside survey stunting, the TPPS board.
    await page.goto(`${DISPATCH_URL}/#/programmes`);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="programmes-map"]')?.dataset.desa ?? 0) > 0);
    await byTestId('programmes-scatter').waitFor();
    const spearman = await byTestId('programmes-spearman').innerText();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="programmes-tpps"]')?.textContent?.includes('balita_dipantau_pertumbuhan'),
    );
    await page.waitForFunction(() => document.querySelector('[data-testid="programmes-stunting"]')?.textContent?.includes('SSGI'));
    await page.locator('[data-testid="programmes-indicator"]').selectOption('stbm');
    await page.waitForFunction(() => document.querySelector('[data-testid="programmes-map"]')?.dataset.indicator === 'stbm');
    await shot('programmes');
    log(`planner: programmes page: ${spearman}`);
    // The early warning page (issue 14): the weeks' completeness, the alerts with their steps and
    // the double-reported week held back, the map with the flood's catchments, a series with bounds.
    await page.goto(`${DISPATCH_URL}/#/surveillance`);
    await byTestId('sv-alerts').locator('tbody tr').first().waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="sv-scenario"]').selectOption('banjir_musim_hujan');
    await byTestId('sv-show').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="sv-map"]')?.dataset.catchments ?? 0) > 0, null, {
      timeout: 60_000,
    });
    const svCount = await byTestId('sv-alerts-count').innerText();
    check(Number(/(\d+) alarm ditahan/.exec(svCount)?.[1] ?? 0) > 0, `the double-reported week is held back (${svCount})`);
    check((await byTestId('sv-quality').innerText()).includes('ganda_dengan_tetangga'), 'the double reporting is a data-quality flag');
    const steps = await page.locator('[data-testid="sv-step-diverifikasi"]').count();
    await page.locator('[data-testid="sv-step-diverifikasi"]').first().click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="sv-step-diverifikasi"]').length === n - 1, steps);
    await byTestId('sv-series').waitFor();
    await byTestId('sv-map').scrollIntoViewIfNeeded();
    await shot('surveillance');
    log(`planner: early warning: ${svCount}`);
    // An operator of Balai Agung Sekayu sees the register of its own posyandu only, and no map.
    await logout();
    await login('operator-sekayu', 'demo-operator-sekayu-2026', { base: DISPATCH_URL });
    await page.goto(`${DISPATCH_URL}/#/programmes`);
    await byTestId('programmes-skdn').locator('tbody tr').first().waitFor();
    const posyandu = await page.$$eval('[data-testid="programmes-skdn"] tbody tr td:first-child', (tds) =>
      tds.map((td) => td.textContent.trim()),
    );
    check(
      posyandu.length > 0 && posyandu.every((k) => k.startsWith('16.06.01.') || k.startsWith('?')),
      `the operator sees Sekayu's posyandu only (got ${posyandu.slice(0, 5).join(', ')})`,
    );
    check((await byTestId('programmes-map').count()) === 0, 'no village map for an operator');
    log(`operator: ${posyandu.length} register rows of its own posyandu`);
    // The operator sends its puskesmas' counts of last week (form W2); a count sent again replaces.
    await page.goto(`${DISPATCH_URL}/#/surveillance`);
    await byTestId('weekly-kasus-ISPA').waitFor();
    await byTestId('weekly-kasus-ISPA').fill('12');
    await byTestId('weekly-mati-ISPA').fill('0');
    await byTestId('weekly-send').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="weekly-kasus-ISPA"]')?.closest('tr')?.lastElementChild?.textContent?.includes('+07:00'),
    );
    check((await byTestId('weekly-kasus-ISPA').inputValue()) === '12', 'the weekly count is stored');
    await shot('surveillance-form');
    log('operator: weekly report sent');
  }

  check(consoleErrors.length === 0, `no console errors, got:\n  ${consoleErrors.join('\n  ')}`);
  log('E2E PASSED');
  await browser.close();
  clearTimeout(watchdog);
  process.exit(0);
} catch (e) {
  console.error(`E2E FAILED: ${e.message}`);
  if (consoleErrors.length) console.error(`console errors:\n  ${consoleErrors.join('\n  ')}`);
  console.error(`last API calls:\n  ${apiLog.join('\n  ')}`);
  if (SCREENSHOT_DIR) await page.screenshot({ path: join(SCREENSHOT_DIR, 'failure.png') }).catch(() => {});
  await browser.close().catch(() => {});
  clearTimeout(watchdog);
  process.exit(1);
}
