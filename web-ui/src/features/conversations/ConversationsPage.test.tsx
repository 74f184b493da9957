import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useToasts } from '../../components/ui';
import { publish } from '../../live/events';
import { jsonResponse, problemResponse, routeFetch, type Call } from '../../test/http';
import { renderPage, signInAs, testUsers } from '../../test/render';
import type { ChatMessage, LeadConversations } from './api';
import ConversationsPage from './ConversationsPage';
import { useInboxStore } from './inboxStore';
import { chatLead, conversation, message, thread } from './testData';

const camila = chatLead('l-1', 'Camila Fuentes');
const diego = chatLead('l-2', 'Diego Araya', { optedOutAt: '2026-12-03T00:00:00Z' });
const staff = { items: [{ id: 'u-agent', name: 'Tomás Rojas', email: 'tomas@andes.cl', role: 'AGENT', active: true }] };

function inbox(threads: Record<string, () => LeadConversations>, answer: (call: Call) => Response | undefined = () => undefined) {
  return routeFetch((call) => {
    const custom = answer(call);
    if (custom) return custom;
    if (call.url.startsWith('/api/v1/users')) return jsonResponse(200, staff);
    if (call.url.startsWith('/api/v1/leads?channel=whatsapp')) return jsonResponse(200, { items: [camila, diego] });
    if (call.url.startsWith('/api/v1/leads?channel=')) return jsonResponse(200, { items: [] });
    const conversationOf = /^\/api\/v1\/leads\/([^/?]+)\/conversation$/.exec(call.url);
    if (conversationOf && call.method === 'GET' && threads[conversationOf[1]!]) return jsonResponse(200, threads[conversationOf[1]!]!());
    return problemResponse(404, 'not_found', 'No existe.');
  });
}

const camilaMessages: ChatMessage[] = [
  message('m-1', '2026-12-04T10:00:00Z', { text: 'Hola, busco depto en Ñuñoa' }),
  message('m-2', '2026-12-04T10:00:05Z', { direction: 'outbound', senderType: 'ai', text: '¡Hola! ¿Cuál es tu presupuesto?', deliveryStatus: 'read' }),
  message('m-3', '2026-12-04T10:01:00Z', { text: 'Quiero hablar con una persona' }),
];

describe('ConversationsPage', () => {
  beforeEach(() => {
    useInboxStore.getState().reset();
    useToasts.setState({ toasts: [] });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists conversations with channel, preview, unread count, escalation and opt-out', async () => {
    signInAs(testUsers.admin);
    inbox({
      'l-1': () => thread([conversation('c-1', { aiActive: false, escalation: 'human_requested', escalatedAt: '2026-12-04T10:01:01Z' })], camilaMessages),
      'l-2': () =>
        thread(
          [conversation('c-2', { provider: 'telegram', aiActive: false, takenOverBy: 'u-agent' })],
          [message('m-9', '2026-12-03T09:00:00Z', { provider: 'telegram', direction: 'outbound', senderType: 'staff', sentBy: 'u-agent', text: 'Te llamo mañana' })],
        ),
    });
    renderPage(<ConversationsPage />, '/conversations');

    const camilaRow = await screen.findByRole('link', { name: /Camila Fuentes/ });
    await waitFor(() => expect(camilaRow.textContent).toContain('Quiero hablar con una persona'));
    expect(within(camilaRow).getByText('WhatsApp')).toBeTruthy();
    expect(within(camilaRow).getByText('Escalada')).toBeTruthy();
    expect(within(camilaRow).getByText('2 mensajes sin leer')).toBeTruthy();
    expect(camilaRow.className).toContain('inbox-row--escalated');

    const diegoRow = screen.getByRole('link', { name: /Diego Araya/ });
    expect(within(diegoRow).getByText('Telegram')).toBeTruthy();
    expect(within(diegoRow).getByText('No contactar')).toBeTruthy();
    expect(await within(diegoRow).findByText('Atiende Tomás Rojas')).toBeTruthy();
    expect(diegoRow.textContent).toContain('Tomás Rojas: Te llamo mañana');
    expect(within(diegoRow).queryByText(/sin leer/)).toBeNull();

    // most recent first
    expect(screen.getAllByRole('link', { name: /Fuentes|Araya/ }).map((row) => row.getAttribute('data-lead-id'))).toEqual(['l-1', 'l-2']);
    expect(screen.getByText('Elige una conversación')).toBeTruthy();
  });

  it('takes over, replies (with a template once WhatsApp’s window closed) and releases', async () => {
    signInAs(testUsers.admin);
    let messages = [...camilaMessages];
    const { calls } = inbox(
      { 'l-1': () => thread([conversation('c-1', { aiActive: false, escalation: 'human_requested', escalatedAt: '2026-12-04T10:01:01Z' })], messages), 'l-2': () => thread([], []) },
      (call) => {
        if (call.method !== 'POST') return undefined;
        if (call.url === '/api/v1/leads/l-1/conversation/takeover') {
          return jsonResponse(200, conversation('c-1', { aiActive: false, takenOverBy: 'u-admin', takenOverAt: '2026-12-04T10:02:00Z' }));
        }
        if (call.url === '/api/v1/leads/l-1/conversation/release') return jsonResponse(200, conversation('c-1'));
        if (call.url === '/api/v1/leads/l-1/conversation/messages') {
          const body = call.body as { text?: string; template?: unknown };
          if (body.text) {
            return problemResponse(409, 'conversation.outside_window', 'pasaron más de 24 horas desde el último mensaje del lead: WhatsApp solo permite escribirle con una plantilla aprobada');
          }
          const sent = message('m-4', '2026-12-04T10:03:00Z', {
            direction: 'outbound',
            senderType: 'staff',
            sentBy: 'u-admin',
            text: 'Plantilla «retomar_contacto» (es): Camila',
            deliveryStatus: 'queued',
          });
          messages = [...messages, sent];
          return jsonResponse(200, sent);
        }
        return undefined;
      },
    );
    const { router } = renderPage(<ConversationsPage />, '/conversations');
    fireEvent.click(await screen.findByRole('link', { name: /Camila Fuentes/ }));
    expect(router.state.location.search).toBe('?lead=l-1');

    const log = await screen.findByRole('log', { name: 'Mensajes con Camila Fuentes' });
    const items = within(log).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.message__sender')!.textContent)).toEqual(['Camila Fuentes', 'IA', 'Camila Fuentes']);
    expect(items[1]!.textContent).toContain('Leído');
    expect(screen.getByText(/Conversación escalada \(pidió hablar con una persona\)/)).toBeTruthy();
    // opening the thread marks it read
    await waitFor(() => expect(within(screen.getByRole('link', { name: /Camila Fuentes/ })).queryByText(/sin leer/)).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Tomar conversación' }));
    const toasts = () => useToasts.getState().toasts.map((toast) => toast.message);
    await waitFor(() => expect(toasts()).toEqual(['Tomaste la conversación: la IA no responderá hasta que la devuelvas.']));
    expect(screen.getAllByText('Atiendes tú').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Tomar conversación' })).toBeNull();

    fireEvent.change(screen.getByLabelText('Tu respuesta'), { target: { value: 'Hola Camila, te escribe Valentina' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enviar' }));

    const template = await screen.findByRole('form', { name: 'Responder con una plantilla de WhatsApp' });
    expect(useToasts.getState().toasts).toEqual([expect.objectContaining({ kind: 'success' })]); // no error toast for the 409
    fireEvent.change(within(template).getByLabelText('Nombre de la plantilla'), { target: { value: 'retomar_contacto' } });
    fireEvent.change(within(template).getByLabelText('Parámetros'), { target: { value: 'Camila\n\n' } });
    fireEvent.click(within(template).getByRole('button', { name: 'Enviar plantilla' }));

    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(4));
    const sent = within(log).getAllByRole('listitem')[3]!;
    expect(sent.textContent).toContain('Tú');
    expect(sent.textContent).toContain('En cola');
    const posts = calls.filter((call) => call.url === '/api/v1/leads/l-1/conversation/messages');
    expect(posts.map((call) => call.body)).toEqual([
      { text: 'Hola Camila, te escribe Valentina' },
      { template: { name: 'retomar_contacto', language: 'es', parameters: ['Camila'] } },
    ]);
    expect(screen.getByLabelText('Tu respuesta')).toBeTruthy(); // back to text

    // live: the provider delivered it
    act(() => publish({ kind: 'message_status', data: { leadId: 'l-1', message: 'm-4', deliveryStatus: 'delivered' } }));
    expect(sent.textContent).toContain('Entregado');

    fireEvent.click(screen.getByRole('button', { name: 'Devolver a la IA' }));
    await waitFor(() => expect(toasts()).toContain('La IA vuelve a responder esta conversación.'));
    expect(screen.getAllByText('Responde la IA').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Tomar conversación' })).toBeTruthy();
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.url.split('/').at(-1))).toEqual(['takeover', 'messages', 'messages', 'release']);
  });

  it('shows live messages, takeovers by colleagues and typing as they happen', async () => {
    signInAs(testUsers.admin);
    let messages = camilaMessages.slice(0, 1);
    inbox({ 'l-1': () => thread([conversation('c-1')], messages), 'l-2': () => thread([conversation('c-2')], [message('m-8', '2026-12-02T10:00:00Z')]) });
    renderPage(<ConversationsPage />, '/conversations?lead=l-1');
    const log = await screen.findByRole('log', { name: 'Mensajes con Camila Fuentes' });

    act(() => publish({ kind: 'typing', data: { leadId: 'l-1', conversation: 'c-1', active: 'true' } }));
    expect(screen.getByText('La IA está escribiendo…')).toBeTruthy();

    messages = camilaMessages.slice(0, 2);
    act(() => {
      publish({ kind: 'typing', data: { leadId: 'l-1', conversation: 'c-1', active: 'false' } });
      publish({ kind: 'message', data: { leadId: 'l-1', message: 'm-2', direction: 'outbound', senderType: 'ai' } });
    });
    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(2));
    expect(screen.queryByText('La IA está escribiendo…')).toBeNull();

    act(() => publish({ kind: 'conversation', data: { leadId: 'l-1', conversation: 'c-1', takenOverBy: 'u-agent' } }));
    expect(await screen.findByText(/^Tomás Rojas atiende esta conversación/)).toBeTruthy();

    // a message in another thread raises its unread count
    const diegoRow = screen.getByRole('link', { name: /Diego Araya/ });
    expect(within(diegoRow).getByText('1 mensaje sin leer')).toBeTruthy();
  });

  it('shows the inbox’s empty and error states', async () => {
    signInAs(testUsers.agent);
    routeFetch((call) => (call.url.startsWith('/api/v1/leads?channel=') ? jsonResponse(200, { items: [] }) : problemResponse(404, 'not_found', 'x')));
    const first = renderPage(<ConversationsPage />, '/conversations');
    expect(await screen.findByText('Aún no hay conversaciones')).toBeTruthy();
    first.unmount();

    vi.unstubAllGlobals();
    let attempts = 0;
    routeFetch((call) => {
      if (!call.url.startsWith('/api/v1/leads?channel=')) return problemResponse(404, 'not_found', 'x');
      attempts += 1;
      return attempts <= 3 ? problemResponse(503, 'server.unavailable', 'detalle interno') : jsonResponse(200, { items: [] });
    });
    renderPage(<ConversationsPage />, '/conversations');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('El servidor tuvo un problema');
    fireEvent.click(within(alert).getByRole('button', { name: 'Reintentar' }));
    expect(await screen.findByText('Aún no hay conversaciones')).toBeTruthy();
  });

  it('lets a SUPERADMIN read but not answer', async () => {
    signInAs(testUsers.superadmin);
    inbox({ 'l-1': () => thread([conversation('c-1')], camilaMessages), 'l-2': () => thread([], []) });
    renderPage(<ConversationsPage />, '/conversations?lead=l-1');
    expect(await screen.findByRole('log')).toBeTruthy();
    expect(screen.getByText(/solo el equipo de la corredora responde/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tomar conversación' })).toBeNull();
    expect(screen.queryByLabelText('Tu respuesta')).toBeNull();
  });
});
