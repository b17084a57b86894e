import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiUrl, changePassword, currentSession, errorBody, get, getVersioned, login, onUnauthenticated, post, put } from './api';
import { setLang } from './i18n';

function reply(status: number, body: unknown): Response {
  return new Response(body === undefined ? '' : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('apiUrl', () => {
  afterEach(() => setLang('id'));

  it('puts the path under /api/v1 and drops empty parameters', () => {
    expect(apiUrl('needs', { by: 'cadre', method: '', x: undefined, y: null })).toBe('/api/v1/needs?by=cadre');
    expect(apiUrl('/me')).toBe('/api/v1/me');
  });

  it('encodes values and keeps numbers', () => {
    expect(apiUrl('proposal', { budget: 2000000000, q: 'a b&c' })).toBe('/api/v1/proposal?budget=2000000000&q=a+b%26c');
  });

  it('asks for English when English is chosen', () => {
    setLang('en');
    expect(apiUrl('facilities', { format: 'xlsx' })).toBe('/api/v1/facilities?format=xlsx&lang=en');
  });
});

describe('errorBody', () => {
  it('reads the Error shape with its problems', () => {
    const problems = [{ row: 0, column: 5, field: 'tanggal_lahir', code: 'bad_date', message: 'bulan 13' }];
    expect(errorBody({ error: { code: 'invalid', message: 'ditolak', problems } })).toEqual({
      code: 'invalid',
      message: 'ditolak',
      problems,
    });
  });

  it('is null for what is not an Error (a proxy page, an old shape)', () => {
    expect(errorBody('<html>')).toBeNull();
    expect(errorBody(null)).toBeNull();
    expect(errorBody({ error: 'boom' })).toBeNull();
    expect(errorBody({ error: { code: 'x' } })).toBeNull();
  });
});

describe('requests', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('reads a version with a GET and sends it back as If-Match', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json', ETag: '"0123456789abcdef"' } }),
    );
    const read = await getVersioned<unknown[]>('facilities/P1/staff');
    expect(read).toEqual({ data: [], version: '"0123456789abcdef"' });
    fetchMock.mockResolvedValueOnce(reply(409, { error: { code: 'report_stale', message: 'sudah diubah' } }));
    await expect(put('facilities/P1/staff', [], read.version)).rejects.toMatchObject({ status: 409, code: 'report_stale' });
    const [, init] = fetchMock.mock.calls[1];
    expect((init?.headers as Record<string, string>)['If-Match']).toBe('"0123456789abcdef"');
  });

  it('sends the CSRF token of the login on POST, not on GET', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { csrf_token: 'tok', username: 'sari', role: 'planner', kode_faskes: '' }));
    await login('sari', 'rahasia123');
    expect(currentSession()?.csrf_token).toBe('tok');
    expect(JSON.parse(sessionStorage.getItem('jangkau.session') ?? '{}').username).toBe('sari');

    fetchMock.mockResolvedValueOnce(reply(202, { job: 'j1' }));
    expect(await post<{ job: string }>('access/run', {})).toEqual({ job: 'j1' });
    const [, postInit] = fetchMock.mock.calls[1];
    expect((postInit?.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok');
    expect(postInit?.body).toBe('{}');

    fetchMock.mockResolvedValueOnce(reply(200, []));
    await get('facilities');
    const [url, getInit] = fetchMock.mock.calls[2];
    expect(url).toBe('/api/v1/facilities');
    expect((getInit?.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
  });

  it('turns an error response into an ApiError with code, message and problems', async () => {
    const problems = [{ row: 2, column: 3, field: 'nik', code: 'bad_nik', message: 'NIK 16 digit' }];
    fetchMock.mockResolvedValueOnce(reply(422, { error: { code: 'invalid', message: 'data ditolak', problems } }));
    const e = await get('facilities/P1/staff').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 422, code: 'invalid', message: 'data ditolak', problems });
  });

  it('names the status when the body is not an Error', async () => {
    fetchMock.mockResolvedValueOnce(new Response('Bad Gateway', { status: 502, statusText: 'Bad Gateway' }));
    await expect(get('me')).rejects.toMatchObject({ status: 502, code: 'http_502', problems: [] });
  });

  it('forgets the session and calls the handler on 401', async () => {
    const handler = vi.fn();
    onUnauthenticated(handler);
    fetchMock.mockResolvedValueOnce(reply(401, { error: { code: 'unauthenticated', message: 'belum masuk' } }));
    await expect(get('me')).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledOnce();
    expect(currentSession()).toBeNull();
  });

  it('does not call the handler for a failed login', async () => {
    const handler = vi.fn();
    onUnauthenticated(handler);
    fetchMock.mockResolvedValueOnce(reply(401, { error: { code: 'login_failed', message: 'salah' } }));
    await expect(login('sari', 'salah')).rejects.toMatchObject({ code: 'login_failed' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('keeps the session when a password change is refused (401 other than unauthenticated)', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { csrf_token: 'tok', username: 'sari', role: 'planner', kode_faskes: '' }));
    await login('sari', 'rahasia123');
    const handler = vi.fn();
    onUnauthenticated(handler);
    fetchMock.mockResolvedValueOnce(reply(401, { error: { code: 'login_failed', message: 'kata sandi lama salah' } }));
    await expect(changePassword('salah', 'baru-sekali')).rejects.toMatchObject({ status: 401, code: 'login_failed' });
    const [url, init] = fetchMock.mock.calls[1];
    expect(url).toBe('/api/v1/password');
    expect(JSON.parse(String(init?.body))).toEqual({ lama: 'salah', baru: 'baru-sekali' });
    expect(handler).not.toHaveBeenCalled();
    expect(currentSession()?.username).toBe('sari');
  });

  it('reports a network failure as ApiError 0', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(get('me')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
