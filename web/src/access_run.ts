// Background jobs (docs/http.md: `202 {"job"}`, then GET /jobs/{id}): a button that starts one and
// a progress bar fed by polling every 300 ms. Polling is timer-driven, so the page stays
// responsive. `accessRunControl` is "recompute access" (admin, planner) on the map page; the
// scenario page uses `jobControl` for comparisons and site selection.

import { get, post, type Job, type JobStarted } from './api';
import { t, type Key } from './i18n';
import { h, notify, showError } from './ui';

const kPollMs = 300;

export interface JobControlOptions<R> {
  /** Button text, and while the job runs. */
  label: Key;
  runningLabel: Key;
  /** Test ids: `${testid}` (button), `${testid}-progress`, `${testid}-message` unless given. */
  testid: string;
  progressTestid?: string;
  messageTestid?: string;
  /** Starts the job (POST ...); returns its id. Throwing shows the error and re-enables the button. */
  start: () => Promise<string>;
  onDone: (result: R, job: Job) => void;
  doneMessage: Key;
  failedMessage: Key;
  buttonClass?: string;
}

export interface JobControl {
  el: HTMLElement;
  button: HTMLButtonElement;
  stop: () => void;
  /** Clicks the button from code (same as the user clicking it). */
  run: () => Promise<void>;
}

/** What to tell the user about a failed job: its error's message (not the error object). */
export function jobFailure(job: Job): string {
  return job.error?.message ?? job.message;
}

export function jobControl<R = unknown>(opts: JobControlOptions<R>): JobControl {
  let timer: number | undefined;
  let stopped = false;
  const bar = h('progress', {
    max: 1,
    value: 0,
    'aria-label': t('progress'),
    'data-testid': opts.progressTestid ?? `${opts.testid}-progress`,
  });
  const message = h('span', { class: 'muted', 'aria-live': 'polite', 'data-testid': opts.messageTestid ?? `${opts.testid}-message` });
  const status = h('div', { class: 'progress-line', hidden: true }, bar, message);
  const button = h('button', { type: 'button', class: opts.buttonClass ?? 'button-secondary', 'data-testid': opts.testid }, t(opts.label));

  const stop = () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const finish = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    button.disabled = false;
    button.textContent = t(opts.label);
  };

  async function poll(id: string): Promise<void> {
    if (stopped) return;
    try {
      const job = await get<Job>(`jobs/${encodeURIComponent(id)}`);
      if (stopped) return;
      bar.value = Math.max(0, Math.min(1, job.fraction));
      message.textContent = `${Math.round(bar.value * 100)} %${job.message ? ` · ${job.message}` : ''}`;
      if (job.state === 'done') {
        finish();
        bar.value = 1;
        notify(t(opts.doneMessage), 'ok');
        opts.onDone(job.result as R, job);
      } else if (job.state === 'failed') {
        finish();
        notify(t(opts.failedMessage, { error: jobFailure(job) }), 'error');
      } else {
        timer = window.setTimeout(() => void poll(id), kPollMs);
      }
    } catch (e) {
      finish();
      showError(e);
    }
  }

  async function run(): Promise<void> {
    if (button.disabled) return;
    button.disabled = true;
    button.textContent = t(opts.runningLabel);
    status.hidden = false;
    bar.value = 0;
    message.textContent = '';
    try {
      const id = await opts.start();
      await poll(id);
    } catch (e) {
      finish();
      status.hidden = true;
      showError(e);
    }
  }
  button.addEventListener('click', () => void run());

  return { el: h('div', { class: 'access-run' }, button, status), button, stop, run };
}

export function accessRunControl(onDone: () => void): { el: HTMLElement; stop: () => void } {
  const c = jobControl({
    label: 'access_run',
    runningLabel: 'access_running',
    testid: 'access-run',
    progressTestid: 'access-progress',
    messageTestid: 'access-message',
    start: async () => (await post<JobStarted>('access/run', {})).job,
    onDone: () => onDone(),
    doneMessage: 'access_done',
    failedMessage: 'access_failed',
  });
  return { el: c.el, stop: c.stop };
}
