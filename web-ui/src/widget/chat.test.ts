import { describe, expect, it, vi } from 'vitest';
import { WebChatApi } from './api';
import { ChatController } from './chat';
import { fakeWebChat } from './testing';

const TOKEN = 'a'.repeat(43);

function setup(server = fakeWebChat(), extra: Partial<ConstructorParameters<typeof ChatController>[0]> = {}) {
  const chat = new ChatController({
    api: new WebChatApi('https://inmo.example.cl', 'propiedades-andes', server.fetchImpl),
    slug: 'propiedades-andes',
    storage: localStorage,
    retryDelayMs: 5,
    ...extra,
  });
  return { chat, server };
}

const agent = (id: string, text: string) => ({ id, from: 'agent' as const, text, at: '2026-12-04T12:00:00Z' });
const visitor = (id: string, text: string) => ({ id, from: 'visitor' as const, text, at: '2026-12-04T12:00:00Z' });

describe('ChatController', () => {
  it('opens a session on first open, keeps it in localStorage and listens to the stream', async () => {
    const { chat, server } = setup(fakeWebChat({ agentName: 'Tomás' }));
    expect(chat.snapshot.agentName).toBe('Sofía');
    chat.open();
    expect(chat.snapshot.status).toBe('connecting');
    await vi.waitFor(() => expect(chat.snapshot.status).toBe('ready'));
    expect(chat.snapshot.agentName).toBe('Tomás');
    expect(server.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/v1/webchat/propiedades-andes/sessions',
      'GET /api/v1/webchat/propiedades-andes/messages',
      'GET /api/v1/webchat/propiedades-andes/events',
    ]);
    const saved = JSON.parse(localStorage.getItem('inmo-webchat:propiedades-andes') ?? '{}') as { token?: string };
    expect(saved.token).toHaveLength(43);
    expect(server.calls[2]!.headers.get('X-Inmo-Chat-Session')).toBe(saved.token);
    chat.dispose();
  });

  it('lets a returning visitor see the conversation again and resumes the stream after its last message', async () => {
    localStorage.setItem('inmo-webchat:propiedades-andes', JSON.stringify({ token: TOKEN, agentName: 'Sofía' }));
    const server = fakeWebChat();
    server.stored.push(visitor('m1', 'Hola'), agent('m2', '¡Hola! ¿Cómo te llamas?'));
    const { chat } = setup(server);
    chat.open();
    await vi.waitFor(() => expect(server.streams).toHaveLength(1));
    expect(server.calls.some((c) => c.path.endsWith('/sessions'))).toBe(false);
    expect(chat.snapshot.messages.map((m) => m.text)).toEqual(['Hola', '¡Hola! ¿Cómo te llamas?']);
    expect(server.calls.at(-1)!.headers.get('Last-Event-ID')).toBe('m2');
    chat.dispose();
  });

  it('shows a sent message at once, replaces it by the stored copy, and shows typing then the reply', async () => {
    const { chat, server } = setup();
    chat.open();
    await vi.waitFor(() => expect(server.streams).toHaveLength(1));
    await chat.send('  Busco depto en Ñuñoa  ');
    const posted = server.calls.find((c) => c.method === 'POST' && c.path.endsWith('/messages'))!;
    expect(posted.body).toMatchObject({ text: 'Busco depto en Ñuñoa' });
    expect((posted.body as { clientMessageId: string }).clientMessageId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(chat.snapshot.messages).toMatchObject([{ from: 'visitor', state: 'sent', text: 'Busco depto en Ñuñoa' }]);

    server.message(visitor('m1', 'Busco depto en Ñuñoa'));
    server.typing(true);
    await vi.waitFor(() => expect(chat.snapshot.typing).toBe(true));
    expect(chat.snapshot.messages).toMatchObject([{ id: 'm1', from: 'visitor' }]);
    server.message(agent('m2', '¿Me dices tu nombre?'));
    server.typing(false);
    await vi.waitFor(() => expect(chat.snapshot.typing).toBe(false));
    expect(chat.snapshot.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    chat.dispose();
  });

  it('refuses empty and too long messages without calling the server', async () => {
    const { chat, server } = setup();
    expect(await chat.send('   ')).toBe(false);
    expect(await chat.send('x'.repeat(2001))).toBe(false);
    expect(server.calls).toEqual([]);
  });

  it('marks a message that could not be sent as failed and resends it with the same client id', async () => {
    const { chat, server } = setup(fakeWebChat({ failSends: 1 }));
    chat.open();
    await vi.waitFor(() => expect(chat.snapshot.status).toBe('ready'));
    await chat.send('Hola');
    const failed = chat.snapshot.messages[0]!;
    expect(failed.state).toBe('failed');
    await chat.resend(failed.id);
    expect(chat.snapshot.messages[0]!.state).toBe('sent');
    const ids = server.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages')).map((c) => (c.body as { clientMessageId: string }).clientMessageId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    chat.dispose();
  });

  it('says the chat is unavailable when the brokerage has no web chat', async () => {
    const { chat } = setup(fakeWebChat({ unavailable: true }));
    chat.open();
    await vi.waitFor(() => expect(chat.snapshot.status).toBe('unavailable'));
    chat.dispose();
  });

  it('reconnects when the server ends the stream, from the last message it got', async () => {
    const { chat, server } = setup();
    chat.open();
    await vi.waitFor(() => expect(server.streams).toHaveLength(1));
    server.message(agent('m7', 'Hola'));
    await vi.waitFor(() => expect(chat.snapshot.messages).toHaveLength(1));
    server.end();
    await vi.waitFor(() => expect(server.streams).toHaveLength(2));
    expect(server.calls.at(-1)!.headers.get('Last-Event-ID')).toBe('m7');
    chat.dispose();
  });

  it('keeps listening a while after the visitor wrote and closed the panel, and lights "unread" on a reply', async () => {
    const { chat, server } = setup();
    chat.open();
    await vi.waitFor(() => expect(server.streams).toHaveLength(1));
    await chat.send('Hola');
    chat.close();
    server.message(agent('m2', '¡Hola!'));
    await vi.waitFor(() => expect(chat.snapshot.unread).toBe(true));
    chat.open();
    expect(chat.snapshot.unread).toBe(false);
    chat.dispose();
  });

  it('stops listening at once when closed without having written', async () => {
    const { chat, server } = setup();
    chat.open();
    await vi.waitFor(() => expect(server.streams).toHaveLength(1));
    expect(server.aborted.count).toBe(0);
    chat.close();
    expect(server.aborted.count).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(server.streams).toHaveLength(1);
    expect(server.calls.filter((c) => c.path.endsWith('/events'))).toHaveLength(1);
  });
});
