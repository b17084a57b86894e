// "Recompute access" (admin, planner): POST /access/run, then poll GET /jobs/{id} every 300 ms
// with a progress bar. Polling is timer-driven, so the page stays responsive; `onDone` refreshes it.

import { get, post, type Job } from './api';
import { t } from './i18n';
import { h, notify, showError } from './ui';

const kPollMs = 300;

export function accessRunControl(onDone: () => void): { el: HTMLElement; stop: () => void } {
  let timer: number | undefined;
  const bar = h('progress', { max: 1, value: 0, 'aria-label': t('progress'), 'data-testid': 'access-progress' });
  const message = h('span', { class: 'muted', 'aria-live': 'polite', 'data-testid': 'access-message' });
  const status = h('div', { class: 'progress-line', hidden: true }, bar, message);
  const button = h('button', { type: 'button', class: 'button-secondary', 'data-testid': 'access-run' }, t('access_run'));

  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const finish = () => {
    stop();
    button.disabled = false;
    button.textContent = t('access_run');
  };

  async function poll(id: string | number): Promise<void> {
    try {
      const job = await get<Job>(`jobs/${encodeURIComponent(String(id))}`);
      const fraction = typeof job.fraction === 'number' ? job.fraction : job.of ? (job.step ?? 0) / job.of : 0;
      bar.value = Math.max(0, Math.min(1, fraction));
      message.textContent = `${Math.round(bar.value * 100)} %${job.message ? ` · ${job.message}` : ''}`;
      if (job.state === 'done') {
        finish();
        bar.value = 1;
        notify(t('access_done'), 'ok');
        onDone();
      } else if (job.state === 'failed') {
        finish();
        notify(t('access_failed', { error: job.error ?? job.message ?? '' }), 'error');
      } else {
        timer = window.setTimeout(() => void poll(id), kPollMs);
      }
    } catch (e) {
      finish();
      showError(e);
    }
  }

  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = t('access_running');
    status.hidden = false;
    bar.value = 0;
    message.textContent = '';
    try {
      const res = await post<{ job: string | number }>('access/run', {});
      await poll(res.job);
    } catch (e) {
      finish();
      status.hidden = true;
      showError(e);
    }
  });

  return { el: h('div', { class: 'access-run' }, button, status), stop };
}
