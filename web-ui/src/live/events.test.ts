import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, routeFetch, type Call } from '../test/http';
import { signInAs, testUsers } from '../test/render';
import { useAuthStore } from '../stores/auth';
import { backoffDelay, startLiveEvents, stopLiveEvents, subscribe, useLiveStatus, type LiveEvent } from './events';

/** A server-sent-events response whose bytes the test pushes. */
function stream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    push: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
    fail: () => controller.error(new TypeError('network lost')),
  };
}

type Stream = ReturnType<typeof stream>;

/** Answers each `GET /api/v1/events` with the next of `answers`, refreshes with new tokens. */
function server(...answers: Array<Stream | Response | Error>) {
  let refreshes = 0;
  return routeFetch((call: Call) => {
    if (call.url.startsWith('/api/v1/auth/refresh')) {
      refreshes += 1;
      return jsonResponse(200, { accessToken: `access-${refreshes + 1}`, refreshToken: `refresh-${refreshes + 1}`, user: testUsers.admin });
    }
    const next = answers.shift();
    if (!next) return new Promise<Response>(() => undefined); // later connections hang
    if (next instanceof Error) throw next;
    return next instanceof Response ? next : next.response;
  });
}

const eventCalls = (calls: Call[]) => calls.filter((call) => call.url.startsWith('/api/v1/events'));
const status = () => useLiveStatus.getState().status;

describe('live events', () => {
  beforeEach(() => {
    signInAs(testUsers.admin);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    stopLiveEvents();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('parses the stream (events split across chunks, comments, unknown kinds) and hands events to subscribers by kind', async () => {
    const live = stream();
    const { calls } = server(live);
    const leads: LiveEvent<'lead'>[] = [];
    const messages: LiveEvent<'message'>[] = [];
    const offLead = subscribe('lead', (event) => leads.push(event));
    const offMessage = subscribe('message', (event) => messages.push(event));

    startLiveEvents();
    await vi.waitFor(() => expect(eventCalls(calls)).toHaveLength(1));
    expect(calls[0]!.headers.get('Authorization')).toBe('Bearer access-1');
    expect(calls[0]!.headers.get('Accept')).toBe('text/event-stream');
    expect(status()).toBe('connecting');

    live.push('event: ready\ndata: {}\n\n');
    await vi.waitFor(() => expect(status()).toBe('open'));
    live.push('event: lead\ndata: {"leadId":"l-1","status":"h');
    live.push('ot","score":"81","stage":"profiling"}\n\n: heartbeat\n\n');
    live.push('event: turn_due\ndata: {"leadId":"l-1"}\n\n');
    live.push('event: message\ndata: {"leadId":"l-2","message":"m-1","direction":"inbound"}\n\nevent: lead\ndata: not json\n\n');

    await vi.waitFor(() => expect(messages).toHaveLength(1));
    expect(leads).toEqual([{ kind: 'lead', data: { leadId: 'l-1', status: 'hot', score: '81', stage: 'profiling' } }]);
    expect(messages[0]!.data).toMatchObject({ leadId: 'l-2', message: 'm-1' });

    offLead();
    live.push('event: lead\ndata: {"leadId":"l-3"}\n\n');
    live.push('event: message\ndata: {"leadId":"l-3","message":"m-2"}\n\n');
    await vi.waitFor(() => expect(messages).toHaveLength(2));
    expect(leads).toHaveLength(1);
    offMessage();
  });

  it('reconnects with backoff after a failure and tells subscribers to resync', async () => {
    const first = stream();
    const second = stream();
    const { calls } = server(new TypeError('Failed to fetch'), first, second);
    const resyncs: LiveEvent[] = [];
    subscribe('resync', (event) => resyncs.push(event));

    startLiveEvents();
    await vi.waitFor(() => expect(status()).toBe('reconnecting'));
    expect(eventCalls(calls)).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(1_300); // first retry: 1 s ± 20 %
    await vi.waitFor(() => expect(eventCalls(calls)).toHaveLength(2));
    first.push('event: ready\ndata: {}\n\n');
    await vi.waitFor(() => expect(status()).toBe('open'));
    expect(resyncs).toHaveLength(0); // the first connection: nothing was missed

    first.fail();
    await vi.waitFor(() => expect(status()).toBe('reconnecting'));
    await vi.advanceTimersByTimeAsync(500);
    expect(eventCalls(calls)).toHaveLength(2); // still waiting
    await vi.advanceTimersByTimeAsync(800);
    await vi.waitFor(() => expect(eventCalls(calls)).toHaveLength(3));
    second.push('event: ready\ndata: {}\n\n');

    await vi.waitFor(() => expect(resyncs).toEqual([{ kind: 'resync', data: {} }]));
    expect(status()).toBe('open');
  });

  it('refreshes the token when the server ends the stream (every 15 min) and reconnects at once', async () => {
    const first = stream();
    const second = stream();
    const { calls } = server(first, second);

    startLiveEvents();
    await vi.waitFor(() => expect(eventCalls(calls)).toHaveLength(1));
    first.push('event: ready\ndata: {}\n\n');
    await vi.waitFor(() => expect(status()).toBe('open'));
    first.end();

    await vi.waitFor(() => expect(eventCalls(calls)).toHaveLength(2));
    expect(calls.map((call) => call.url)).toEqual(['/api/v1/events', '/api/v1/auth/refresh', '/api/v1/events']);
    expect(calls[2]!.headers.get('Authorization')).toBe('Bearer access-2');
    expect(useAuthStore.getState().refreshToken).toBe('refresh-2');
  });

  it('reconnects when the stream goes silent past the heartbeat', async () => {
    const first = stream();
    const { calls } = server(first, stream());

    startLiveEvents();
    await vi.waitFor(() => expect(eventCalls(calls)).toHaveLength(1));
    first.push('event: ready\ndata: {}\n\n');
    await vi.waitFor(() => expect(status()).toBe('open'));

    await vi.advanceTimersByTimeAsync(46_000);
    await vi.waitFor(() => expect(status()).toBe('reconnecting'));
    await vi.advanceTimersByTimeAsync(1_300);
    await vi.waitFor(() => expect(eventCalls(calls)).toHaveLength(2));
  });

  it('gives up when the server says this user cannot listen', async () => {
    const { calls } = server(problemResponse(404, 'broker.not_found', 'No existe la corredora.'));

    startLiveEvents();
    await vi.waitFor(() => expect(status()).toBe('offline'));
    await vi.advanceTimersByTimeAsync(60_000);

    expect(eventCalls(calls)).toHaveLength(1);
  });

  it('backs off exponentially up to 30 s', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7].map((failures) => backoffDelay(failures, middle))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
    expect(backoffDelay(1, () => 0)).toBe(800);
    expect(backoffDelay(1, () => 1)).toBe(1_200);
  });
});
