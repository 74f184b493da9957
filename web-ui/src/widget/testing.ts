import type { ChatMessage } from './api';

/**
 * A fake web-chat server for the widget's tests: answers the calls of `WebChatApi` like
 * `WebChatResource` does, with a live stream the test pushes events into.
 */
export function fakeWebChat(options: { agentName?: string; unavailable?: boolean; failSends?: number } = {}) {
  const enc = new TextEncoder();
  const calls: { method: string; path: string; headers: Headers; body: unknown }[] = [];
  const stored: ChatMessage[] = [];
  const streams: ReadableStreamDefaultController<Uint8Array>[] = [];
  let failSends = options.failSends ?? 0;
  let sessions = 0;
  const aborted = { count: 0 };

  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    calls.push({ method, path: url.pathname, headers, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
    if (options.unavailable) return json(404, { code: 'chat.channel_not_found', detail: 'no hay' });
    const path = url.pathname.replace(/^\/api\/v1\/webchat\/[^/]+/, '');
    if (path === '/sessions' && method === 'POST') {
      sessions += 1;
      return json(201, { sessionToken: `${'t'.repeat(42)}${sessions}`, agentName: options.agentName ?? 'Sofía' });
    }
    if (path === '/messages' && method === 'POST') {
      if (failSends > 0) {
        failSends -= 1;
        throw new TypeError('Failed to fetch');
      }
      return json(202, { id: 'x', duplicate: false });
    }
    if (path === '/messages') return json(200, { items: stored });
    if (path === '/events') {
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => {
          streams.push(controller);
          init?.signal?.addEventListener('abort', () => {
            aborted.count += 1;
            try {
              controller.error(new DOMException('aborted', 'AbortError'));
            } catch {
              // already closed
            }
          });
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    }
    return json(404, {});
  };

  const push = (text: string) => {
    const controller = streams.at(-1);
    if (!controller) throw new Error('no stream open');
    controller.enqueue(enc.encode(text));
  };

  return {
    fetchImpl,
    calls,
    stored,
    streams,
    /** How many streams the client aborted. */
    aborted,
    /** Sends a stored message through the open stream. */
    message: (m: ChatMessage) => push(`event: message\nid: ${m.id}\ndata: ${JSON.stringify(m)}\n\n`),
    typing: (active: boolean) => push(`event: typing\ndata: {"active":${active}}\n\n`),
    /** The server ends the stream (as it does every five minutes). */
    end: () => streams.at(-1)?.close(),
  };
}
