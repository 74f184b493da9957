import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, routeFetch, type Call } from '../../test/http';
import { renderPage, signInAs, testUsers } from '../../test/render';
import type { AppNotification } from './api';
import NotificationsPage from './NotificationsPage';
import { UnreadBadge } from './UnreadBadge';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function inbox(): AppNotification[] {
  return [
    { id: 'n-1', kind: 'lead_hot', leadId: 'l-1', title: 'Lead caliente: Camila Fuentes', body: 'Camila Fuentes llegó a 82 puntos.', createdAt: ago(5) },
    { id: 'n-2', kind: 'conversation_escalated', leadId: 'l-2', title: 'Conversación escalada: Benjamín Rojas', body: 'Benjamín Rojas pidió hablar con una persona.', createdAt: ago(60) },
    { id: 'n-3', kind: 'llm_budget_reached', title: 'Presupuesto de IA alcanzado', body: 'Responde el asistente sin conexión.', createdAt: ago(600), readAt: ago(500) },
    { id: 'n-4', kind: 'leads_stale', title: '3 leads sin movimiento', body: 'Hace 14 días que nadie los trabaja.', createdAt: ago(2000), readAt: ago(1900) },
  ];
}

/** An inbox server: GET lists (unread filter), POST marks read. */
function server(items = inbox()) {
  const unread = () => items.filter((n) => !n.readAt).length;
  return routeFetch((call: Call) => {
    const url = new URL(call.url, 'http://localhost');
    if (url.pathname === '/api/v1/notifications' && call.method === 'GET') {
      const onlyUnread = url.searchParams.get('unread') === 'true';
      const list = items.filter((n) => !onlyUnread || !n.readAt);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      return jsonResponse(200, { items: list.slice(0, limit), unreadCount: unread() });
    }
    const one = /^\/api\/v1\/notifications\/([^/]+)\/read$/.exec(url.pathname);
    if (one && call.method === 'POST') {
      const item = items.find((n) => n.id === one[1]);
      if (!item) return problemResponse(404, 'notification.not_found', 'La notificación no existe.');
      item.readAt = new Date().toISOString();
      return jsonResponse(200, item);
    }
    if (url.pathname === '/api/v1/notifications/read-all' && call.method === 'POST') {
      const marked = unread();
      for (const n of items) n.readAt ??= new Date().toISOString();
      return jsonResponse(200, { marked });
    }
    return problemResponse(404, 'not_found', 'No existe.');
  });
}

const posts = (calls: Call[]) => calls.filter((call) => call.method === 'POST').map((call) => call.url);

describe('NotificationsPage', () => {
  beforeEach(() => signInAs(testUsers.admin));
  afterEach(() => vi.unstubAllGlobals());

  it('lists notifications with their kind in words, unread ones marked, links to the lead', async () => {
    const { calls } = server();
    renderPage(<NotificationsPage />, '/notifications');

    expect(await screen.findByText('Tienes 2 notificaciones sin leer.')).toBeTruthy();
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(4);
    expect(within(items[0]!).getByText('Lead caliente')).toBeTruthy();
    expect(within(items[0]!).getByText('No leída')).toBeTruthy();
    expect(within(items[1]!).getByText('Conversación escalada')).toBeTruthy();
    expect(within(items[2]!).getByText('Presupuesto de IA alcanzado', { selector: '.notification__kind' })).toBeTruthy();
    expect(within(items[2]!).queryByText('No leída')).toBeNull();
    expect(within(items[3]!).getByText('Leads sin movimiento')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Lead caliente: Camila Fuentes' }).getAttribute('href')).toBe('/leads/l-1');
    expect(screen.getByRole('link', { name: 'Presupuesto de IA alcanzado' }).getAttribute('href')).toBe('/settings/ai');
    expect(calls[0]!.url).toBe('/api/v1/notifications?limit=20');
    expect(calls[0]!.url).not.toContain('brokerId');
  });

  it('marks one read', async () => {
    const { calls } = server();
    renderPage(<NotificationsPage />, '/notifications');
    await screen.findByText('Tienes 2 notificaciones sin leer.');

    fireEvent.click(screen.getByRole('button', { name: 'Marcar como leída: Lead caliente: Camila Fuentes' }));

    expect(await screen.findByText('Tienes 1 notificación sin leer.')).toBeTruthy();
    expect(posts(calls)).toEqual(['/api/v1/notifications/n-1/read']);
    expect(screen.queryByRole('button', { name: 'Marcar como leída: Lead caliente: Camila Fuentes' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Marcar como leída: Conversación escalada: Benjamín Rojas' })).toBeTruthy();
  });

  it('filters unread ones and marks them all read', async () => {
    const { calls } = server();
    const { router } = renderPage(<NotificationsPage />, '/notifications');
    await screen.findByText('Tienes 2 notificaciones sin leer.');

    fireEvent.click(screen.getByRole('button', { name: 'No leídas' }));
    await vi.waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    expect(router.state.location.search).toBe('?filter=unread');
    expect(calls.some((call) => call.url === '/api/v1/notifications?unread=true&limit=20')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Marcar todas como leídas' }));

    expect(await screen.findByText('Estás al día: no hay notificaciones sin leer.')).toBeTruthy();
    expect(posts(calls)).toEqual(['/api/v1/notifications/read-all']);
    expect(screen.getByRole('button', { name: 'Marcar todas como leídas' }).hasAttribute('disabled')).toBe(true);
  });

  it('says so when the inbox is empty, and shows errors in words', async () => {
    server([]);
    renderPage(<NotificationsPage />, '/notifications');
    expect(await screen.findByText('Aún no tienes notificaciones.')).toBeTruthy();
    vi.unstubAllGlobals();

    routeFetch(() => problemResponse(503, 'server.unavailable', 'detalle interno'));
    renderPage(<NotificationsPage />, '/notifications?filter=unread');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('El servidor tuvo un problema');
    expect(alert.textContent).not.toContain('detalle interno');
  });
});

describe('UnreadBadge', () => {
  beforeEach(() => signInAs(testUsers.agent));
  afterEach(() => vi.unstubAllGlobals());

  it('shows the unread count and links to the inbox', async () => {
    const { calls } = server();
    renderPage(<UnreadBadge />);

    const link = await screen.findByRole('link', { name: 'Notificaciones: 2 sin leer' });
    expect(link.getAttribute('href')).toBe('/notifications');
    expect(link.textContent).toBe('2');
    expect(calls[0]!.url).toBe('/api/v1/notifications?unread=true&limit=1');
  });
});
