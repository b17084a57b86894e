// The one client of the JSON API under /api/v1 (docs/http.md).
// The session is an HttpOnly cookie; the CSRF token returned by login is kept in sessionStorage
// and sent as X-CSRF-Token on every POST/PUT/DELETE. Errors come back as `ApiError`; a 401 on
// anything but login calls the handler set with `onUnauthenticated` (the app goes to the login page).
// Response shapes are the ones of docs/openapi.yaml, generated into api-schema.d.ts at build time
// (`npm run gen:api`): a drift between the spec and this front end is a type error.

import type { components } from './api-schema';
import { lang, t } from './i18n';

export const kApiBase = '/api/v1';

/** The schemas of docs/openapi.yaml, e.g. `Schema<'Job'>`. */
export type Schemas = components['schemas'];
export type Schema<K extends keyof Schemas> = Schemas[K];

export type Role = Schema<'Role'>;
export type Session = Schema<'Session'>;
export type Problem = Schema<'Problem'>;
export type ApiErrorBody = Schema<'Error'>;
export type Cadre = Schema<'Cadre'>;
export type SubmissionStatus = Schema<'SubmissionStatus'>;
export type SubmissionRow = Schema<'SubmissionRow'>;
export type Submissions = Schema<'Submissions'>;
export type Job = Schema<'Job'>;
export type JobStarted = Schema<'JobStarted'>;
/** A row of a table response: cells are string, number, boolean or null. */
export type TableRow = Schema<'TableRow'>;

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public problems: Problem[] = [],
  ) {
    super(message);
  }
}

export type Row = Record<string, unknown>;
export type Query = Record<string, string | number | undefined | null>;

const kSessionKey = 'jangkau.session';
let session: Session | null = JSON.parse(sessionStorage.getItem(kSessionKey) ?? 'null');
let unauthenticatedHandler: () => void = () => {};

export function currentSession(): Session | null {
  return session;
}

function setSession(s: Session | null): void {
  session = s;
  if (s) sessionStorage.setItem(kSessionKey, JSON.stringify(s));
  else sessionStorage.removeItem(kSessionKey);
}

export function onUnauthenticated(handler: () => void): void {
  unauthenticatedHandler = handler;
}

/** `/api/v1/<path>?<query>` with `lang=en` added when English is chosen. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  if (lang() === 'en') params.set('lang', 'en');
  const qs = params.toString();
  return `${kApiBase}/${path.replace(/^\//, '')}${qs ? `?${qs}` : ''}`;
}

/** The `error` of an error response, or null when the body is not of the `Error` shape (a proxy's page). */
export function errorBody(data: unknown): ApiErrorBody['error'] | null {
  if (typeof data !== 'object' || data === null || !('error' in data)) return null;
  const e = (data as ApiErrorBody).error;
  if (typeof e !== 'object' || e === null || typeof e.code !== 'string' || typeof e.message !== 'string') return null;
  return { ...e, problems: Array.isArray(e.problems) ? e.problems : undefined };
}

interface RequestOptions {
  query?: Query;
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
  /** The version (ETag) the change is based on: a report changed since is refused with 409. */
  ifMatch?: string;
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  return (await exchange(method, path, opts)).data as T;
}

async function exchange(method: string, path: string, opts: RequestOptions): Promise<{ data: unknown; etag: string }> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': lang() };
  let body: BodyInit | undefined = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['Content-Type'] = 'application/json';
  } else if (opts.contentType) {
    headers['Content-Type'] = opts.contentType;
  }
  if (method !== 'GET' && session) headers['X-CSRF-Token'] = session.csrf_token;
  if (opts.ifMatch) headers['If-Match'] = opts.ifMatch;

  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'network', t('network_error', { detail: (e as Error).message }));
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const err = errorBody(data);
    const e = new ApiError(
      res.status,
      err?.code ?? `http_${res.status}`,
      err?.message ?? `${res.status} ${res.statusText}`,
      err?.problems ?? [],
    );
    // The session is gone (401 `unauthenticated`), not a refused password (login, POST /password).
    if (res.status === 401 && path !== 'login' && (err === null || err.code === 'unauthenticated')) {
      setSession(null);
      unauthenticatedHandler();
    }
    throw e;
  }
  return { data, etag: res.headers.get('ETag') ?? '' };
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
/** A GET with the version (ETag) of what it read, for a later `put` or `upload` based on it. */
export async function getVersioned<T>(path: string): Promise<{ data: T; version: string }> {
  const r = await exchange('GET', path, {});
  return { data: r.data as T, version: r.etag };
}
/** A POST based on a version read earlier (If-Match), answering with the new version (ETag). */
export async function postVersioned<T>(path: string, json: unknown, ifMatch?: string): Promise<{ data: T; version: string }> {
  const r = await exchange('POST', path, { json, ifMatch });
  return { data: r.data as T, version: r.etag };
}
export const post = <T>(path: string, json?: unknown, query?: Query) => request<T>('POST', path, { json: json ?? {}, query });
export const put = <T>(path: string, json: unknown, ifMatch?: string) => request<T>('PUT', path, { json, ifMatch });
export const del = <T>(path: string) => request<T>('DELETE', path);

export async function login(username: string, password: string): Promise<Session> {
  const s = await request<Session>('POST', 'login', { json: { username, password } });
  setSession(s);
  return s;
}

export async function logout(): Promise<void> {
  try {
    await request('POST', 'logout', { json: {} });
  } finally {
    setSession(null);
  }
}

/** Changes one's own password (the server ends one's other sessions); ApiError 401 when `lama` is wrong. */
export async function changePassword(lama: string, baru: string): Promise<void> {
  await request<Schema<'Ok'>>('POST', 'password', { json: { lama, baru } satisfies Schema<'PasswordChange'> });
}

/** Checks the stored session against the server; null when there is none. */
export async function restoreSession(): Promise<Session | null> {
  if (!session) return null;
  try {
    const me = await get<Schema<'Me'>>('me');
    setSession({ ...session, ...me });
    return session;
  } catch {
    setSession(null);
    return null;
  }
}

/** Uploads a file's raw bytes (the Excel template, CSV, ODS) for import. */
export function upload(kode: string, kind: string, file: File, ifMatch?: string): Promise<Schema<'ImportResult'>> {
  return request('POST', `facilities/${encodeURIComponent(kode)}/upload`, {
    query: { kind, name: file.name },
    body: file,
    contentType: 'application/octet-stream',
    ifMatch,
  });
}
