import { ApiError, NETWORK_ERROR, problemText, readProblem } from './problem';

export const LOGIN_PATH = '/api/v1/auth/login';
export const LOGOUT_PATH = '/api/v1/auth/logout';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: string;
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

export const LOGIN_UNAVAILABLE = 'El inicio de sesión aún no está disponible en este servidor.';

/** The Spanish sentence shown for a failed sign-in answer. */
export function loginErrorMessage(status: number, ownWords: string | undefined): string {
  // A 404/405 means the route itself is missing (an older server), whatever its body says.
  if (status === 404 || status === 405) return LOGIN_UNAVAILABLE;
  if (ownWords) return ownWords;
  if (status === 400 || status === 422) return 'Revisa el correo y la contraseña ingresados.';
  if (status === 401) return 'Correo o contraseña incorrectos.';
  if (status === 403) return 'Tu cuenta no tiene acceso. Contacta a un administrador.';
  if (status === 429) return 'Demasiados intentos. Espera un momento y vuelve a intentarlo.';
  if (status >= 500) return 'El servidor no pudo procesar el inicio de sesión. Inténtalo de nuevo en unos minutos.';
  return `No se pudo iniciar sesión (código ${status}).`;
}

/** POSTs the credentials as JSON; resolves to the new session or rejects with an {@link ApiError}. */
export async function login(credentials: Credentials, signal?: AbortSignal): Promise<Session> {
  let response: Response;
  try {
    response = await fetch(LOGIN_PATH, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, application/problem+json',
      },
      body: JSON.stringify(credentials),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(NETWORK_ERROR, 0);
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    throw new ApiError(loginErrorMessage(response.status, problemText(problem)), response.status, problem);
  }

  const body = (await response.json().catch(() => null)) as Partial<Session> | null;
  if (!body || typeof body.accessToken !== 'string' || typeof body.refreshToken !== 'string') {
    throw new ApiError('El servidor respondió de forma inesperada. Inténtalo de nuevo.', response.status);
  }
  return { accessToken: body.accessToken, refreshToken: body.refreshToken, user: body.user ?? null };
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
