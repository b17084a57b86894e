// The one client of the JSON API under /api/v1 (docs/http.md).
// The session is an HttpOnly cookie; the CSRF token returned by login is kept in sessionStorage
// and sent as X-CSRF-Token on every POST/PUT/DELETE. Errors come back as `ApiError`; a 401 on
// anything but login calls the handler set with `onUnauthenticated` (the app goes to the login page).

import { lang, t } from './i18n';

export const kApiBase = '/api/v1';

export type Role = 'admin' | 'planner' | 'operator' | 'viewer';
export interface Session {
  username: string;
  role: Role;
  kode_faskes: string;
  csrf_token: string;
}

export interface Problem {
  row: number;
  field: string;
  code?: string;
  message: string;
}

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

interface RequestOptions {
  query?: Query;
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': lang() };
  let body: BodyInit | undefined = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['Content-Type'] = 'application/json';
  } else if (opts.contentType) {
    headers['Content-Type'] = opts.contentType;
  }
  if (method !== 'GET' && session) headers['X-CSRF-Token'] = session.csrf_token;

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
    const err = (data as { error?: { code?: string; message?: string }; problems?: Problem[] } | null) ?? {};
    const e = new ApiError(
      res.status,
      err.error?.code ?? `http_${res.status}`,
      err.error?.message ?? `${res.status} ${res.statusText}`,
      Array.isArray(err.problems) ? err.problems : [],
    );
    if (res.status === 401 && path !== 'login') {
      setSession(null);
      unauthenticatedHandler();
    }
    throw e;
  }
  return data as T;
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query });
export const post = <T>(path: string, json?: unknown, query?: Query) => request<T>('POST', path, { json: json ?? {}, query });
export const put = <T>(path: string, json: unknown) => request<T>('PUT', path, { json });
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

/** Checks the stored session against the server; null when there is none. */
export async function restoreSession(): Promise<Session | null> {
  if (!session) return null;
  try {
    const me = await get<Omit<Session, 'csrf_token'>>('me');
    setSession({ ...session, ...me });
    return session;
  } catch {
    setSession(null);
    return null;
  }
}

/** Uploads a file's raw bytes (the Excel template, CSV, ODS) for import. */
export function upload(kode: string, kind: string, file: File): Promise<unknown> {
  return request('POST', `facilities/${encodeURIComponent(kode)}/upload`, {
    query: { kind, name: file.name },
    body: file,
    contentType: 'application/octet-stream',
  });
}

// Resource shapes (docs/http.md).
export interface Cadre {
  kode: string;
  nama: string;
  nama_en?: string;
  rumpun?: string;
  agregat?: string;
}
export type SubmissionStatus = 'draft' | 'submitted' | 'verified' | 'returned';
export interface SubmissionRow {
  kode_faskes: string;
  nama_faskes: string;
  status: SubmissionStatus;
  komentar: string | null;
  diubah_pada: string | null;
  diubah_oleh: string | null;
}
export interface Submissions {
  period: { id: number; nama: string; mulai: string; selesai: string } | null;
  rows: SubmissionRow[];
}
export interface Job {
  id: string | number;
  kind: string;
  state: 'running' | 'done' | 'failed';
  step?: number;
  of?: number;
  message?: string;
  fraction?: number;
  error?: string;
  /** What a finished job produced (compare, sites); absent while running. */
  result?: unknown;
}
