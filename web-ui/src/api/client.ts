import { refresh } from './auth';
import { ApiError, problemText, readProblem, type Problem } from './problem';
import { i18n } from '../i18n';
import { useAuthStore } from '../stores/auth';
import { brokerQueryId } from '../stores/broker';

/**
 * The one way pages talk to the Inmo API: adds the bearer token, turns problem+json answers into
 * {@link ApiError}s with a sentence fit for the user, and on a 401 refreshes the access token once
 * (one refresh shared by every call that needs it) and retries. When the refresh token is refused,
 * the session is forgotten and the login page says why.
 */

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | readonly QueryValue[]>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Query parameters; null/undefined/'' are left out, arrays repeat the parameter. */
  query?: Query;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (CSV import…), with {@link contentType}. */
  body?: BodyInit;
  contentType?: string;
  /** Accept header; JSON and problem+json by default. */
  accept?: string;
  signal?: AbortSignal;
  /**
   * Adds `?brokerId=` (the brokerage a SUPERADMIN picked) unless false; the API needs it on a
   * SUPERADMIN's broker-data calls and ignores it elsewhere. Staff calls never carry it.
   */
  brokerScoped?: boolean;
}

const JSON_ACCEPT = 'application/json, application/problem+json';

const t = i18n.getFixedT(null, 'common');

/** The sentence for a failed answer: the server's own (Spanish) words in Spanish, else by status. */
export function errorMessage(status: number, problem: Problem | undefined): string {
  const own = problemText(problem);
  if (own && i18n.language === 'es' && status < 500) return own;
  if (status === 0) return t('errors.network');
  if (status === 400 || status === 422) return t('errors.badRequest');
  if (status === 401) return t('errors.unauthorized');
  if (status === 403) return t('errors.forbidden');
  if (status === 404) return t('errors.notFound');
  if (status === 409 || status === 412) return t('errors.conflict');
  if (status === 429) return t('errors.tooMany');
  if (status >= 500) return t('errors.server');
  return t('errors.status', { status });
}

/** Reads a failed response into an {@link ApiError}. */
export async function toApiError(response: Response): Promise<ApiError> {
  const problem = await readProblem(response);
  return new ApiError(errorMessage(response.status, problem), response.status, problem);
}

/** `path?query`, with `brokerId` added for a SUPERADMIN's broker-scoped calls. */
export function buildUrl(path: string, query: Query = {}, brokerScoped = true): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values as QueryValue[]) {
      if (item === null || item === undefined || item === '') continue;
      params.append(key, String(item));
    }
  }
  const brokerId = brokerScoped ? brokerQueryId() : undefined;
  if (brokerId && !params.has('brokerId')) params.set('brokerId', brokerId);
  const search = params.toString();
  return search ? `${path}${path.includes('?') ? '&' : '?'}${search}` : path;
}

let refreshing: Promise<string> | null = null;

/**
 * A fresh access token. Concurrent callers share one `POST /api/v1/auth/refresh` (the refresh token
 * rotates: a second call with the same token would be refused). When the server refuses the refresh
 * token, the session ends with the "session expired" notice; a network failure keeps the session.
 */
export function refreshAccessToken(): Promise<string> {
  refreshing ??= (async () => {
    const refreshToken = useAuthStore.getState().refreshToken;
    if (!refreshToken) throw expireSession();
    try {
      const session = await refresh(refreshToken);
      useAuthStore.getState().setSession(session);
      return session.accessToken;
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) {
        throw expireSession(error.problem);
      }
      throw error;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function expireSession(problem?: Problem): ApiError {
  const message = t('errors.sessionExpired');
  useAuthStore.getState().expire(message);
  return new ApiError(message, 401, problem);
}

const isAbort = (cause: unknown) => cause instanceof DOMException && cause.name === 'AbortError';

async function send(url: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? JSON_ACCEPT };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.contentType) {
    headers['Content-Type'] = options.contentType;
  }
  try {
    return await fetch(url, { method: options.method ?? 'GET', headers, body, signal: options.signal });
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw new ApiError(t('errors.network'), 0);
  }
}

/**
 * Calls the API as the signed-in user and resolves to the (ok) Response; rejects with an
 * {@link ApiError} otherwise. Use it for non-JSON answers (CSV, event streams); {@link apiRequest}
 * for JSON.
 */
export async function apiFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  const url = buildUrl(path, options.query, options.brokerScoped ?? true);
  const sentWith = useAuthStore.getState().accessToken;
  let response = await send(url, options, sentWith);

  if (response.status === 401 && sentWith) {
    // Another call may have refreshed meanwhile: then its token is already the fresh one.
    const current = useAuthStore.getState().accessToken;
    const fresh = current && current !== sentWith ? current : await refreshAccessToken();
    response = await send(url, options, fresh);
    if (response.status === 401) {
      const error = await toApiError(response);
      throw expireSession(error.problem);
    }
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** Calls the API and reads its JSON answer (undefined for 204 No Content). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiFetch(path, options);
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(t('errors.unexpected'), response.status);
  }
}

type BodyOptions = Omit<RequestOptions, 'method' | 'json'>;

/** Shorthands: `api.get<Lead>('/api/v1/leads/1')`, `api.post('/api/v1/leads', { name })`. */
export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method'>) => apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, json?: unknown, options?: BodyOptions) => apiRequest<T>(path, { ...options, method: 'POST', json }),
  put: <T>(path: string, json?: unknown, options?: BodyOptions) => apiRequest<T>(path, { ...options, method: 'PUT', json }),
  patch: <T>(path: string, json?: unknown, options?: BodyOptions) => apiRequest<T>(path, { ...options, method: 'PATCH', json }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method'>) => apiRequest<T>(path, { ...options, method: 'DELETE' }),
};

/** A caught error as a sentence fit for the user (never a stack trace). */
export function userMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return t('errors.unexpected');
}
