import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useToasts } from '../../components/ui';
import { jsonResponse, problemResponse, routeFetch, type Call } from '../../test/http';
import { signInAs, testUsers } from '../../test/render';
import { sortedThreads, TYPING_TIMEOUT_MS, unreadCount, useInboxStore } from './inboxStore';
import { lastSeenKey } from './lastSeen';
import { chatLead, conversation, message, thread } from './testData';

const camila = chatLead('l-1', 'Camila Fuentes');
const diego = chatLead('l-2', 'Diego Araya', { optedOutAt: '2026-12-03T00:00:00Z' });

interface Server {
  channel?: (call: Call) => Response | undefined;
  conversations?: Record<string, () => Response>;
  other?: (call: Call) => Response | undefined;
}

function server({ channel, conversations = {}, other }: Server = {}) {
  return routeFetch((call) => {
    const custom = other?.(call);
    if (custom) return custom;
    if (call.url.startsWith('/api/v1/leads?channel=')) {
      return channel?.(call) ?? jsonResponse(200, { items: call.url.includes('whatsapp') ? [camila, diego] : [] });
    }
    const conversationOf = /^\/api\/v1\/leads\/([^/?]+)\/conversation$/.exec(call.url);
    if (conversationOf && call.method === 'GET') {
      const answer = conversations[conversationOf[1]!];
      return answer ? answer() : problemResponse(404, 'conversation.not_found', 'el lead no ha escrito por ningún canal de chat');
    }
    return problemResponse(404, 'not_found', 'No existe.');
  });
}

const store = () => useInboxStore.getState();
const camilaThread = () => store().threads['l-1']!;

describe('inbox store', () => {
  beforeEach(() => {
    signInAs(testUsers.admin);
    store().reset();
    useToasts.setState({ toasts: [] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('reads the leads of every chat channel and their threads, most recent activity first', async () => {
    const { calls } = server({
      conversations: {
        'l-1': () => jsonResponse(200, thread([conversation('c-1')], [message('m-2', '2026-12-04T10:05:00Z'), message('m-1', '2026-12-04T10:00:00Z')])),
        'l-2': () => jsonResponse(200, thread([conversation('c-2', { provider: 'telegram' })], [message('m-3', '2026-12-04T11:00:00Z', { provider: 'telegram' })])),
      },
    });
    await store().load('u-admin');

    expect(calls.filter((call) => call.url.startsWith('/api/v1/leads?')).map((call) => call.url)).toEqual([
      '/api/v1/leads?channel=whatsapp&sort=-createdAt&limit=50',
      '/api/v1/leads?channel=telegram&sort=-createdAt&limit=50',
      '/api/v1/leads?channel=webchat&sort=-createdAt&limit=50',
    ]);
    expect(camilaThread().messages.map((item) => item.id)).toEqual(['m-1', 'm-2']); // oldest first
    expect(sortedThreads(store().threads).map((item) => item.lead.id)).toEqual(['l-2', 'l-1']);
  });

  it('counts unread inbound messages from a per-user last-seen kept in localStorage', async () => {
    localStorage.setItem(lastSeenKey('u-admin'), JSON.stringify({ 'l-1': '2026-12-04T10:00:00Z' }));
    server({
      conversations: {
        'l-1': () =>
          jsonResponse(
            200,
            thread(
              [conversation('c-1')],
              [
                message('m-1', '2026-12-04T10:00:00Z'),
                message('m-2', '2026-12-04T10:01:00Z', { direction: 'outbound', senderType: 'ai', deliveryStatus: 'sent' }),
                message('m-3', '2026-12-04T10:02:00Z'),
                message('m-4', '2026-12-04T10:03:00Z'),
              ],
            ),
          ),
      },
    });
    await store().load('u-admin');
    expect(unreadCount(camilaThread(), store().lastSeen['l-1'])).toBe(2);

    store().markSeen('l-1');
    expect(unreadCount(camilaThread(), store().lastSeen['l-1'])).toBe(0);
    expect(JSON.parse(localStorage.getItem(lastSeenKey('u-admin'))!)).toEqual({ 'l-1': '2026-12-04T10:03:00Z' });
    expect(localStorage.getItem(lastSeenKey('u-agent'))).toBeNull(); // per user
  });

  it('reads a thread again on a live message, and adds a lead that writes for the first time', async () => {
    let messages = [message('m-1', '2026-12-04T10:00:00Z')];
    const rocio = chatLead('l-9', 'Rocío Tapia');
    const { calls } = server({
      conversations: {
        'l-1': () => jsonResponse(200, thread([conversation('c-1')], messages)),
        'l-9': () => jsonResponse(200, thread([conversation('c-9', { provider: 'webchat' })], [message('m-9', '2026-12-04T12:00:00Z', { provider: 'webchat' })])),
      },
      other: (call) => (call.url === '/api/v1/leads/l-9' ? jsonResponse(200, rocio) : undefined),
    });
    await store().load('u-admin');

    messages = [...messages, message('m-2', '2026-12-04T10:10:00Z')];
    store().handle({ kind: 'message', data: { leadId: 'l-1', message: 'm-2', direction: 'inbound', senderType: 'lead' } });
    await vi.waitFor(() => expect(camilaThread().messages.map((item) => item.id)).toEqual(['m-1', 'm-2']));

    store().handle({ kind: 'message', data: { leadId: 'l-9', message: 'm-9' } });
    await vi.waitFor(() => expect(store().threads['l-9']?.status).toBe('ready'));
    expect(store().threads['l-9']!.lead.name).toBe('Rocío Tapia');
    expect(sortedThreads(store().threads)[0]!.lead.id).toBe('l-9');
    expect(calls.filter((call) => call.url === '/api/v1/leads/l-1/conversation')).toHaveLength(2);
  });

  it('coalesces a burst of events for one lead into at most one more read', async () => {
    let reads = 0;
    server({
      conversations: {
        'l-1': () => {
          reads += 1;
          return jsonResponse(200, thread([conversation('c-1')], []));
        },
      },
      // a lead event: the lead is read again too (opt-out, name…)
      other: (call) => (call.url === '/api/v1/leads/l-1' ? jsonResponse(200, { ...camila, optedOutAt: '2026-12-04T12:00:00Z' }) : undefined),
    });
    await store().load('u-admin');
    expect(reads).toBe(1);
    for (let index = 0; index < 5; index += 1) store().handle({ kind: 'lead', data: { leadId: 'l-1', score: String(50 + index) } });
    await vi.waitFor(() => expect(reads).toBe(3));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).toBe(3); // one read at once, plus one for the changes that came meanwhile
    expect(camilaThread().lead.optedOutAt).toBe('2026-12-04T12:00:00Z');
  });

  it('applies delivery status, takeover, release, escalation and typing without reading again', async () => {
    let reads = 0;
    server({
      conversations: {
        'l-1': () => {
          reads += 1;
          return jsonResponse(
            200,
            thread([conversation('c-1')], [message('m-1', '2026-12-04T10:00:00Z', { direction: 'outbound', senderType: 'ai', deliveryStatus: 'sent' })]),
          );
        },
      },
    });
    await store().load('u-admin');

    store().handle({ kind: 'message_status', data: { leadId: 'l-1', message: 'm-1', deliveryStatus: 'DELIVERED' } });
    expect(camilaThread().messages[0]!.deliveryStatus).toBe('delivered');

    store().handle({ kind: 'conversation', data: { leadId: 'l-1', conversation: 'c-1', escalation: 'human_requested' } });
    expect(camilaThread().conversations[0]).toMatchObject({ aiActive: false, escalation: 'human_requested' });

    store().handle({ kind: 'conversation', data: { leadId: 'l-1', conversation: 'c-1', takenOverBy: 'u-agent' } });
    expect(camilaThread().conversations[0]).toMatchObject({ aiActive: false, takenOverBy: 'u-agent', escalation: undefined });

    store().handle({ kind: 'conversation', data: { leadId: 'l-1', conversation: 'c-1' } });
    expect(camilaThread().conversations[0]).toMatchObject({ aiActive: true, takenOverBy: undefined });

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    store().handle({ kind: 'typing', data: { leadId: 'l-1', conversation: 'c-1', active: 'true' } });
    expect(camilaThread().typing).toBe(true);
    store().handle({ kind: 'typing', data: { leadId: 'l-1', conversation: 'c-1', active: 'false' } });
    expect(camilaThread().typing).toBe(false);
    store().handle({ kind: 'typing', data: { leadId: 'l-1', conversation: 'c-1', active: 'true' } });
    vi.advanceTimersByTime(TYPING_TIMEOUT_MS);
    expect(camilaThread().typing).toBe(false); // a lost "stopped" event does not leave it on

    expect(reads).toBe(1);
  });

  it('drops a deleted lead and reloads everything after a resync', async () => {
    const { calls } = server({ conversations: { 'l-1': () => jsonResponse(200, thread([conversation('c-1')], [])) } });
    await store().load('u-admin');
    store().handle({ kind: 'lead', data: { leadId: 'l-1', deleted: 'true' } });
    expect(store().threads['l-1']).toBeUndefined();

    store().handle({ kind: 'resync', data: {} });
    await vi.waitFor(() => expect(calls.filter((call) => call.url.startsWith('/api/v1/leads?channel=whatsapp'))).toHaveLength(2));
    await vi.waitFor(() => expect(store().threads['l-1']?.status).toBe('ready'));
  });

  it('leaves leads without a conversation out of the list', async () => {
    server({ conversations: { 'l-1': () => jsonResponse(200, thread([conversation('c-1')], [])) } });
    await store().load('u-admin');
    expect(sortedThreads(store().threads).map((item) => item.lead.id)).toEqual(['l-1']);
    expect(store().missing).toEqual({ 'l-2': true });
  });

  it('shows the failed read of the inbox', async () => {
    server({ channel: () => problemResponse(503, 'server.unavailable', 'x') });
    await store().load('u-admin');
    expect(store().status).toBe('error');
  });
});
