import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stopLiveEvents } from '../live/events';
import { useBrokerScope } from '../stores/broker';
import { jsonResponse, problemResponse, routeFetch, type Call } from '../test/http';
import { renderRoutes, signInAs, testUsers } from '../test/render';

const broker = (id: string, name: string, active = true) => ({ id, slug: id, name, timezone: 'America/Santiago', active });

/** A server for the shell: own brokerage, brokerage list, and a live stream that stays quiet. */
function shellServer(extra: (call: Call) => Response | undefined = () => undefined) {
  return routeFetch((call) => {
    const answer = extra(call);
    if (answer) return answer;
    if (call.url.startsWith('/api/v1/events')) return new Promise<Response>(() => undefined);
    if (call.url === '/api/v1/broker') return jsonResponse(200, broker('b-1', 'Propiedades Andes'));
    if (call.url.startsWith('/api/v1/admin/brokers')) {
      return jsonResponse(200, { items: [broker('b-1', 'Propiedades Andes'), broker('b-2', 'Casas del Sur', false)], total: 2, offset: 0, limit: 200 });
    }
    return problemResponse(404, 'not_found', 'No existe.');
  });
}

const navLabels = (name = 'Navegación principal') =>
  within(screen.getByRole('navigation', { name }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('routing and role-aware navigation', () => {
  afterEach(() => {
    stopLiveEvents();
    vi.unstubAllGlobals();
    useBrokerScope.getState().select(null);
  });

  it('sends a signed-out visitor to the login page', async () => {
    shellServer();
    const { router } = renderRoutes('/leads/123');

    expect(await screen.findByRole('heading', { name: 'Iniciar sesión' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.state).toEqual({ from: '/leads/123' });
  });

  it('shows an ADMIN every section, with the brokerage name and the user', async () => {
    signInAs(testUsers.admin);
    shellServer();
    renderRoutes('/pipeline');

    expect(await screen.findByRole('heading', { name: 'Pipeline' })).toBeTruthy();
    expect(navLabels()).toEqual(['Resumen', 'Leads', 'Pipeline', 'Conversaciones', 'Notificaciones', 'Configuración', 'Auditoría']);
    expect(screen.getByRole('link', { name: 'Pipeline' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByText(/^Arrastra un lead a otra etapa/)).toBeTruthy(); // the page inside the shell
    expect(await screen.findByText('Propiedades Andes')).toBeTruthy();
    expect(screen.getByText('Valentina Soto')).toBeTruthy();
    expect(screen.getByText('Administrador')).toBeTruthy();
  });

  it('hides audit from an AGENT, shows them settings they may read, and refuses the rest by address', async () => {
    signInAs(testUsers.agent);
    shellServer();
    const { router } = renderRoutes('/settings/channels');

    expect(await screen.findByRole('heading', { name: 'Sin acceso' })).toBeTruthy();
    expect(navLabels()).toEqual(['Resumen', 'Leads', 'Pipeline', 'Conversaciones', 'Notificaciones', 'Configuración']);

    await router.navigate('/audit');
    expect(await screen.findByRole('heading', { name: 'Sin acceso' })).toBeTruthy();
  });

  it('renders nested routes: lead details and settings sub-pages', async () => {
    signInAs(testUsers.admin);
    shellServer();
    const { router } = renderRoutes('/leads/0190-abc');
    expect(await screen.findByRole('heading', { name: 'Ficha del lead' })).toBeTruthy();

    await router.navigate('/settings/channels');
    expect(await screen.findByRole('heading', { name: 'Configuración' })).toBeTruthy();
  });

  it('asks a SUPERADMIN to pick a brokerage before broker data, and not for their own notifications', async () => {
    signInAs(testUsers.superadmin);
    const { calls } = shellServer();
    const { router } = renderRoutes('/leads');

    expect(await screen.findByRole('heading', { name: 'Elige una corredora' })).toBeTruthy();
    expect(navLabels()).toContain('Auditoría');
    const pickers = await screen.findAllByLabelText('Corredora');
    expect(within(pickers[0]!).getByRole('option', { name: 'Casas del Sur (desactivada)' })).toBeTruthy();
    expect(calls.some((call) => call.url.startsWith('/api/v1/events'))).toBe(false); // no brokerage yet: no stream

    fireEvent.change(pickers[0]!, { target: { value: 'b-1' } });

    expect(await screen.findByRole('heading', { name: 'Leads' })).toBeTruthy();
    expect(useBrokerScope.getState().selectedBrokerId).toBe('b-1');
    await vi.waitFor(() => expect(calls.some((call) => call.url === '/api/v1/events?brokerId=b-1')).toBe(true));

    await router.navigate('/notifications');
    expect(await screen.findByRole('heading', { name: 'Notificaciones' })).toBeTruthy();
  });

  it('answers an unknown address with a not-found page inside the shell', async () => {
    signInAs(testUsers.admin);
    shellServer();
    renderRoutes('/no-such-page');

    expect(await screen.findByRole('heading', { name: 'Página no encontrada' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Navegación principal' })).toBeTruthy();
  });

  it('switches the interface to English and remembers it', async () => {
    signInAs(testUsers.admin);
    shellServer();
    renderRoutes('/pipeline');
    await screen.findByRole('heading', { name: 'Pipeline' });

    fireEvent.change(screen.getByLabelText('Idioma'), { target: { value: 'en' } });

    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
    expect(navLabels('Main navigation')).toContain('Settings');
    expect(screen.getByText(/^Drag a lead to another stage/)).toBeTruthy();
    expect(localStorage.getItem('inmo.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('signs out from the header: back to the login page', async () => {
    signInAs(testUsers.admin);
    const { calls } = shellServer((call) => (call.url === '/api/v1/auth/logout' ? new Response(null, { status: 204 }) : undefined));
    const { router } = renderRoutes('/pipeline');
    await screen.findByRole('heading', { name: 'Pipeline' });

    fireEvent.click(screen.getByRole('button', { name: 'Cerrar sesión' }));

    expect(await screen.findByRole('heading', { name: 'Iniciar sesión' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(calls.some((call) => call.url === '/api/v1/auth/logout')).toBe(true);
  });
});
