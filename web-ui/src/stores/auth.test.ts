import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch } from '../test/http';
import { AUTH_STORAGE_KEY, authHeader, selectIsAuthenticated, useAuthStore } from './auth';

const user = { id: 'u1', email: 'ana@corredora.cl', name: 'Ana', role: 'ADMIN' as const, brokerId: 'b1', brokerSlug: 'corredora' };
const session = { accessToken: 'access-1', refreshToken: 'refresh-1', user };

const stored = () => {
  const raw = sessionStorage.getItem(AUTH_STORAGE_KEY);
  return raw ? (JSON.parse(raw) as { state: Record<string, unknown> }).state : null;
};

describe('auth store', () => {
  beforeEach(() => useAuthStore.getState().signOut());
  afterEach(() => vi.unstubAllGlobals());

  it('starts signed out', () => {
    const state = useAuthStore.getState();
    expect(selectIsAuthenticated(state)).toBe(false);
    expect(state.user).toBeNull();
    expect(authHeader()).toEqual({});
  });

  it('keeps a session in memory and mirrors only tokens and user to sessionStorage', () => {
    useAuthStore.getState().setSession(session);

    expect(selectIsAuthenticated(useAuthStore.getState())).toBe(true);
    expect(authHeader()).toEqual({ Authorization: 'Bearer access-1' });
    expect(stored()).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-1', user });
  });

  it('signs out from memory and sessionStorage and revokes the session on the server', () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    useAuthStore.getState().setSession(session);
    useAuthStore.getState().signOut();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/logout');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ refreshToken: 'refresh-1' });

    expect(useAuthStore.getState().accessToken).toBeNull();
    expect(stored()).toEqual({ accessToken: null, refreshToken: null, user: null });
  });

  it('restores the session from sessionStorage', async () => {
    sessionStorage.setItem(
      AUTH_STORAGE_KEY,
      JSON.stringify({ state: { accessToken: 'a', refreshToken: 'r', user }, version: 0 }),
    );
    await useAuthStore.persist.rehydrate();

    expect(useAuthStore.getState().accessToken).toBe('a');
    expect(useAuthStore.getState().user?.email).toBe('ana@corredora.cl');
  });

  it('signs in by posting JSON credentials to /api/v1/auth/login', async () => {
    const fetch = mockFetch(jsonResponse(200, session));

    const ok = await useAuthStore.getState().signIn({ email: 'ana@corredora.cl', password: 'secreta123' });

    expect(ok).toBe(true);
    expect(fetch).toHaveBeenCalledOnce();
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/v1/auth/login');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(init?.body as string)).toEqual({ email: 'ana@corredora.cl', password: 'secreta123' });
    expect(useAuthStore.getState()).toMatchObject({ accessToken: 'access-1', status: 'idle', error: null });
    expect(stored()?.refreshToken).toBe('refresh-1');
  });

  it('shows the problem detail of a rejected sign-in', async () => {
    mockFetch(
      jsonResponse(
        401,
        { type: 'about:blank', title: 'No autorizado', status: 401, detail: 'Correo o contraseña inválidos', code: 'auth.bad_credentials' },
        'application/problem+json',
      ),
    );

    const ok = await useAuthStore.getState().signIn({ email: 'ana@corredora.cl', password: 'mala' });

    expect(ok).toBe(false);
    expect(useAuthStore.getState()).toMatchObject({ accessToken: null, status: 'idle', error: 'Correo o contraseña inválidos' });
    expect(stored()?.accessToken ?? null).toBeNull();
  });

  it('falls back to the problem title when there is no detail', async () => {
    mockFetch(jsonResponse(429, { title: 'Demasiadas solicitudes', status: 429 }, 'application/problem+json'));

    await useAuthStore.getState().signIn({ email: 'a@b.cl', password: 'x' });

    expect(useAuthStore.getState().error).toBe('Demasiadas solicitudes');
  });

  it('explains that sign-in is not available yet when the endpoint answers 404', async () => {
    mockFetch(jsonResponse(404, { title: 'Not Found', status: 404 }, 'application/problem+json'));

    await useAuthStore.getState().signIn({ email: 'a@b.cl', password: 'x' });

    expect(useAuthStore.getState().error).toBe('El inicio de sesión aún no está disponible en este servidor.');
  });

  it('reports a network failure in Spanish', async () => {
    mockFetch(new TypeError('Failed to fetch'));

    await useAuthStore.getState().signIn({ email: 'a@b.cl', password: 'x' });

    expect(useAuthStore.getState().error).toMatch(/No se pudo conectar con el servidor/);
  });
});
