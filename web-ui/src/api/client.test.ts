import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n';
import { useAuthStore } from '../stores/auth';
import { useBrokerScope } from '../stores/broker';
import { jsonResponse, problemResponse, routeFetch } from '../test/http';
import { signInAs, testUsers } from '../test/render';
import { api, apiFetch, buildUrl } from './client';
import { ApiError } from './problem';

const newSession = (n: number) => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  tokenType: 'Bearer',
  expiresIn: 900,
  user: testUsers.admin,
});

/** Resolves when `predicate` holds (polling the microtask queue). */
const until = (predicate: () => boolean) => vi.waitFor(() => expect(predicate()).toBe(true));

describe('API client', () => {
  beforeEach(() => signInAs(testUsers.admin));
  afterEach(() => {
    vi.unstubAllGlobals();
    useBrokerScope.getState().select(null);
  });

  it('sends the bearer token and reads JSON', async () => {
    const { calls } = routeFetch(() => jsonResponse(200, { items: [], nextCursor: null }));

    const page = await api.get<{ items: unknown[] }>('/api/v1/leads', { query: { status: 'hot', q: '', limit: 5 } });

    expect(page.items).toEqual([]);
    expect(calls[0]!.url).toBe('/api/v1/leads?status=hot&limit=5');
    expect(calls[0]!.headers.get('Authorization')).toBe('Bearer access-1');
    expect(calls[0]!.headers.get('Accept')).toContain('application/problem+json');
  });

  it('names the picked brokerage for a SUPERADMIN, never for staff', () => {
    useBrokerScope.getState().select('b-9');
    expect(buildUrl('/api/v1/leads', { limit: 1 })).toBe('/api/v1/leads?limit=1');

    signInAs(testUsers.superadmin);
    expect(buildUrl('/api/v1/leads', { limit: 1 })).toBe('/api/v1/leads?limit=1&brokerId=b-9');
    expect(buildUrl('/api/v1/admin/brokers', {}, false)).toBe('/api/v1/admin/brokers');
  });

  it('turns a problem+json answer into an ApiError with its code, words and field errors', async () => {
    routeFetch(() =>
      jsonResponse(
        400,
        {
          type: 'https://inmo.dev/problems/lead/phone_invalid',
          title: 'Datos no válidos',
          status: 400,
          detail: 'El teléfono no es un número chileno válido.',
          code: 'lead.phone_invalid',
          requestId: 'req-1',
          errors: [{ field: 'phone', message: 'no es válido' }, { bogus: true }],
        },
        'application/problem+json',
      ),
    );

    const error = await api.post('/api/v1/leads', { phone: '123' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('lead.phone_invalid');
    expect(apiError.message).toBe('El teléfono no es un número chileno válido.');
    expect(apiError.fieldErrors).toEqual([{ field: 'phone', message: 'no es válido' }]);
    expect(apiError.problem?.requestId).toBe('req-1');
  });

  it('words errors by status when there is no problem body, and in English when English is chosen', async () => {
    routeFetch(() => new Response('<html>oops</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    await expect(api.get('/api/v1/leads')).rejects.toThrow('El servidor tuvo un problema. Inténtalo de nuevo en unos minutos.');

    await i18n.changeLanguage('en');
    routeFetch(() => problemResponse(404, 'lead.not_found', 'No existe el lead.'));
    await expect(api.get('/api/v1/leads/x')).rejects.toThrow('We could not find what you are looking for. It may no longer exist.');
  });

  it('reports an unreachable server as status 0 with a sentence, not a TypeError', async () => {
    routeFetch(() => {
      throw new TypeError('Failed to fetch');
    });

    const error = (await api.get('/api/v1/leads').catch((caught: unknown) => caught)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/No se pudo conectar con el servidor/);
  });

  it('refreshes once for concurrent 401s, then retries each call with the new token', async () => {
    let releaseRefresh: () => void = () => undefined;
    const refreshGate = new Promise<void>((resolve) => {
      releaseRefresh = resolve;
    });
    const { calls } = routeFetch(async (call) => {
      if (call.url === '/api/v1/auth/refresh') {
        await refreshGate;
        return jsonResponse(200, newSession(2));
      }
      if (call.headers.get('Authorization') === 'Bearer access-1') {
        return problemResponse(401, 'auth.invalid_token', 'El token expiró.');
      }
      return jsonResponse(200, { path: call.url });
    });

    const results = Promise.all([api.get('/api/v1/leads'), api.get('/api/v1/pipeline/board'), api.get('/api/v1/notifications')]);
    await until(() => calls.filter((call) => call.url === '/api/v1/auth/refresh').length === 1 && calls.length === 4);
    releaseRefresh();

    expect(await results).toEqual([{ path: '/api/v1/leads' }, { path: '/api/v1/pipeline/board' }, { path: '/api/v1/notifications' }]);
    const refreshes = calls.filter((call) => call.url === '/api/v1/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]!.body).toEqual({ refreshToken: 'refresh-1' });
    const retries = calls.filter((call) => call.headers.get('Authorization') === 'Bearer access-2');
    expect(retries.map((call) => call.url).sort()).toEqual(['/api/v1/leads', '/api/v1/notifications', '/api/v1/pipeline/board']);
    expect(useAuthStore.getState()).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' });
  });

  it('does not refresh again when another call already did', async () => {
    const { calls } = routeFetch((call) => {
      if (call.url === '/api/v1/auth/refresh') return jsonResponse(200, newSession(3));
      if (call.headers.get('Authorization') === 'Bearer access-1') {
        // meanwhile another call refreshed the session
        useAuthStore.getState().setSession({ accessToken: 'access-2', refreshToken: 'refresh-2', user: testUsers.admin });
        return problemResponse(401, 'auth.invalid_token', 'El token expiró.');
      }
      return jsonResponse(200, {});
    });

    await api.get('/api/v1/leads');

    expect(calls.map((call) => call.url)).toEqual(['/api/v1/leads', '/api/v1/leads']);
    expect(calls[1]!.headers.get('Authorization')).toBe('Bearer access-2');
  });

  it('signs out with a Spanish notice when the refresh token is refused', async () => {
    const { calls } = routeFetch((call) =>
      call.url === '/api/v1/auth/refresh'
        ? problemResponse(401, 'auth.invalid_refresh_token', 'La sesión ya no es válida.')
        : problemResponse(401, 'auth.invalid_token', 'El token expiró.'),
    );

    const [first, second] = await Promise.allSettled([api.get('/api/v1/leads'), api.get('/api/v1/pipeline/metrics')]);

    expect(first.status).toBe('rejected');
    expect(second.status).toBe('rejected');
    expect((first as PromiseRejectedResult).reason).toMatchObject({ status: 401, message: 'Tu sesión expiró. Vuelve a iniciar sesión.' });
    expect(calls.filter((call) => call.url === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(calls.some((call) => call.url === '/api/v1/auth/logout')).toBe(false);
    expect(useAuthStore.getState()).toMatchObject({
      accessToken: null,
      refreshToken: null,
      user: null,
      notice: 'Tu sesión expiró. Vuelve a iniciar sesión.',
    });
  });

  it('keeps the session when the refresh fails for lack of network', async () => {
    routeFetch((call) => {
      if (call.url === '/api/v1/auth/refresh') throw new TypeError('Failed to fetch');
      return problemResponse(401, 'auth.invalid_token', 'El token expiró.');
    });

    await expect(apiFetch('/api/v1/leads')).rejects.toMatchObject({ status: 0 });

    expect(useAuthStore.getState().refreshToken).toBe('refresh-1');
    expect(useAuthStore.getState().notice).toBeNull();
  });

  it('does not try to refresh when nobody is signed in', async () => {
    useAuthStore.getState().expire('x');
    const { calls } = routeFetch(() => problemResponse(401, 'auth.missing_token', 'Falta el token.'));

    await expect(api.get('/api/v1/leads')).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(1);
  });

  it('signs out on request through the logout endpoint', () => {
    const { calls } = routeFetch(() => new Response(null, { status: 204 }));

    useAuthStore.getState().signOut();

    expect(calls).toEqual([expect.objectContaining({ method: 'POST', url: '/api/v1/auth/logout', body: { refreshToken: 'refresh-1' } })]);
    expect(useAuthStore.getState().accessToken).toBeNull();
  });
});
