// @vitest-environment node
// The response checker against the real docs/openapi.yaml, with hand-written records.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDir, createChecker, loadSpec } from './check-responses.mjs';

const spec = loadSpec(fileURLToPath(new URL('../../docs/openapi.yaml', import.meta.url)));
const { check } = createChecker(spec);
const kJson = 'application/json; charset=utf-8';
const job = {
  id: 'a1b2',
  kind: 'compare',
  state: 'failed',
  step: 2,
  of: 4,
  message: 'model',
  fraction: 0.5,
  error: { code: 'database', message: 'terkunci' },
};

describe('check-responses', () => {
  it('accepts a response of the declared shape', () => {
    expect(check({ method: 'GET', path: '/api/v1/jobs/a1b2', status: 200, content_type: kJson, body: job })).toEqual([]);
  });

  it('names the instance path of a body that drifted (a job error as text)', () => {
    const errors = check({
      method: 'GET',
      path: '/api/v1/jobs/a1b2',
      status: 200,
      content_type: kJson,
      body: { ...job, error: 'terkunci' },
    });
    expect(errors).toEqual(['must be object (/error)']);
  });

  it('refuses a property the spec does not have and a missing one', () => {
    const errors = check({
      method: 'GET',
      path: '/api/v1/me',
      status: 200,
      content_type: kJson,
      body: { username: 'sari', role: 'planner', extra: 1 },
    });
    expect(errors).toContain("must NOT have additional properties 'extra' (/)");
    expect(errors).toContain("must have required property 'kode_faskes' (/)");
  });

  it('checks the table cells: booleans are fine, objects are not', () => {
    const row = { kode_faskes: 'P1', rawat_inap: true, menit: null, penduduk: 1200 };
    expect(check({ method: 'GET', path: '/api/v1/facilities?lang=en', status: 200, content_type: kJson, body: [row] })).toEqual([]);
    expect(check({ method: 'GET', path: '/api/v1/facilities', status: 200, content_type: kJson, body: [{ x: {} }] })).not.toEqual([]);
  });

  it('requires a declared status and content type', () => {
    expect(check({ method: 'GET', path: '/api/v1/me', status: 418, content_type: kJson, body: {} })[0]).toMatch(/^status 418 not declared/);
    expect(check({ method: 'GET', path: '/api/v1/me', status: 200, content_type: 'text/html', body: null })[0]).toMatch(
      /content type 'text\/html' not declared/,
    );
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect(check({ method: 'GET', path: '/api/v1/facilities/P1/staff?format=xlsx', status: 200, content_type: xlsx, body: null })).toEqual(
      [],
    );
    expect(check({ method: 'GET', path: '/api/v1/templates/staff.xlsx', status: 200, content_type: xlsx, body: null })).toEqual([]);
  });

  it('checks an error of an unknown path or method against Error, and ignores non-API paths', () => {
    const notFound = { error: { code: 'not_found', message: '/api/v1/nope tidak ditemukan' } };
    expect(check({ method: 'GET', path: '/api/v1/nope', status: 404, content_type: kJson, body: notFound })).toEqual([]);
    expect(check({ method: 'PATCH', path: '/api/v1/me', status: 405, content_type: kJson, body: { error: 'x' } })).toEqual([
      'must be object (/error)',
    ]);
    expect(check({ method: 'GET', path: '/api/v1/nope', status: 200, content_type: kJson, body: {} })).toEqual(['path not in the spec']);
    expect(check({ method: 'GET', path: '/peta', status: 200, content_type: 'text/html', body: null })).toBeNull();
  });

  it('counts the records of a directory of .jsonl files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jangkau-responses-'));
    const lines = [
      { method: 'GET', path: '/api/v1/jobs/a1b2', status: 200, content_type: kJson, body: job },
      { method: 'POST', path: '/api/v1/access/run', status: 202, content_type: kJson, body: { job: 7 } },
      { method: 'GET', path: '/index.html', status: 200, content_type: 'text/html', body: null },
    ];
    writeFileSync(join(dir, 'a.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    writeFileSync(join(dir, 'ignored.txt'), 'not jsonl');
    try {
      expect(checkDir(spec, dir)).toEqual({ passed: 1, failed: 1, failures: ['POST /api/v1/access/run 202: must be string (/job)'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
