import { describe, expect, it } from 'vitest';
import type { Job } from './api';
import { jobFailure } from './access_run';

const job = (extra: Partial<Job>): Job => ({
  id: 'j1',
  kind: 'compare',
  state: 'failed',
  step: 1,
  of: 4,
  message: 'model / model',
  fraction: 0.25,
  ...extra,
});

describe('jobFailure', () => {
  it("shows the error's message, not the object", () => {
    const text = jobFailure(job({ error: { code: 'database', message: 'basis data terkunci' } }));
    expect(text).toBe('basis data terkunci');
    expect(text).not.toContain('[object Object]');
  });

  it('falls back to the progress message without an error', () => {
    expect(jobFailure(job({}))).toBe('model / model');
  });
});
