import { i18n } from '../i18n';
import { isRole, type Role } from './types';
import { ApiError, problemText, readProblem } from './problem';

export const LOGIN_PATH = '/api/v1/auth/login';
export const REFRESH_PATH = '/api/v1/auth/refresh';
export const LOGOUT_PATH = '/api/v1/auth/logout';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Absent for a SUPERADMIN, who belongs to no brokerage. */
  brokerId?: string;
  brokerSlug?: string;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: AuthUser | null;
}

export interface Credentials {
  email: string;
  password: string;
}

const t = i18n.getFixedT(null, 'auth');

/** The sentence shown for a failed sign-in answer. */
export function loginErrorMessage(status: number, ownWords: string | undefined): string {
  // A 404/405 means the route itself is missing (an older server), whatever its body says.
  if (status === 404 || status === 405) return t('errors.unavailable');
  if (ownWords && i18n.language === 'es') return ownWords; // the server words its problems in Spanish
  if (status === 400 || status === 422) return t('errors.invalid');
  if (status === 401) return t('errors.credentials');
  if (status === 403) return t('errors.forbidden');
  if (status === 429) return t('errors.tooMany');
  if (status >= 500) return t('errors.server');
  return t('errors.status', { status });
}

function readUser(value: unknown): AuthUser | null {
  if (value === null || typeof value !== 'object') return null;
  const user = value as Record<string, unknown>;
  if (typeof user.id !== 'string' || !isRole(user.role)) return null;
  const text = (key: string) => (typeof user[key] === 'string' ? (user[key] as string) : undefined);
  return {
    id: user.id,
    email: text('email') ?? '',
    name: text('name') ?? '',
    role: user.role,
    brokerId: text('brokerId'),
    brokerSlug: text('brokerSlug'),
  };
}

/** Reads a `SessionResponse` body; null when it is not one. */
export async function readSession(response: Response): Promise<Session | null> {
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!body || typeof body.accessToken !== 'string' || typeof body.refreshToken !== 'string') return null;
  return { accessToken: body.accessToken, refreshToken: body.refreshToken, user: readUser(body.user) };
}

const networkError = () => new ApiError(i18n.t('errors.network'), 0);

const isAbort = (cause: unknown) => cause instanceof DOMException && cause.name === 'AbortError';

/** POSTs the credentials as JSON; resolves to the new session or rejects with an {@link ApiError}. */
export async function login(credentials: Credentials, signal?: AbortSignal): Promise<Session> {
  let response: Response;
  try {
    response = await fetch(LOGIN_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
      body: JSON.stringify(credentials),
      signal,
    });
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw networkError();
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    throw new ApiError(loginErrorMessage(response.status, problemText(problem)), response.status, problem);
  }
  const session = await readSession(response);
  if (!session) throw new ApiError(t('errors.unexpected'), response.status);
  return session;
}

/**
 * Trades the refresh token for a new pair (the old refresh token stops working). Rejects with an
 * {@link ApiError}: status 0 when the server could not be reached.
 */
export async function refresh(refreshToken: string): Promise<Session> {
  let response: Response;
  try {
    response = await fetch(REFRESH_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
      body: JSON.stringify({ refreshToken }),
    });
  } catch {
    throw networkError();
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    throw new ApiError(i18n.t('errors.sessionExpired'), response.status, problem);
  }
  const session = await readSession(response);
  if (!session) throw new ApiError(i18n.t('errors.unexpected'), response.status);
  return session;
}

/**
 * Tells the server to revoke the refresh token's session. Best effort: signing out locally must
 * never wait for, or fail because of, the network.
 */
export function logout(refreshToken: string): void {
  void fetch(LOGOUT_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/problem+json' },
    body: JSON.stringify({ refreshToken }),
    keepalive: true,
  }).catch(() => undefined);
}
