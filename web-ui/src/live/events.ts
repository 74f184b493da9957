import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { apiFetch, refreshAccessToken } from '../api/client';
import { ApiError } from '../api/problem';
import type { LeadStatus, PipelineStage } from '../api/types';

/**
 * The dashboard's live updates: `GET /api/v1/events`, a server-sent-events stream read with fetch
 * (EventSource cannot send the Authorization header) and parsed by eventsource-parser. Payloads
 * carry ids and states only (ADR 0017); pages subscribe by kind and read details through the API.
 *
 * The server ends the stream every 15 minutes (an access token's lifetime): we refresh the token and
 * reconnect at once. After a failure we reconnect with exponential backoff. After any reconnection
 * subscribers get a `resync`, since events may have been missed meanwhile.
 */

export const EVENTS_PATH = '/api/v1/events';

/** Values arrive as strings ("true", "42"), as the server's event map holds them. */
interface LeadScoped {
  leadId: string;
  /** The lead's assignee when it happened; absent when unassigned. */
  assignedTo?: string;
}

export interface LivePayloads {
  /** A lead was created or changed (score, status, stage, assignment, facts, deletion). */
  lead: LeadScoped & { reassigned?: string; status?: LeadStatus; score?: string; stage?: PipelineStage; deleted?: string };
  /** A chat message was stored (inbound, AI or staff reply). */
  message: LeadScoped & { message: string; provider?: string; direction?: string; senderType?: string; deliveryStatus?: string };
  /** An outbound message's delivery status changed. */
  message_status: LeadScoped & { message: string; provider?: string; direction?: string; senderType?: string; deliveryStatus?: string };
  /** A conversation started, was taken over or released, or escalated. */
  conversation: LeadScoped & { conversation: string; provider?: string; takenOverBy?: string; escalation?: string };
  /** The agent started (`active: "true"`) or stopped composing a reply. */
  typing: LeadScoped & { conversation: string; provider?: string; active: string };
  /** Events may have been missed: read the state again. */
  resync: Record<string, never>;
}

export type LiveKind = keyof LivePayloads;
export const LIVE_KINDS: readonly LiveKind[] = ['lead', 'message', 'message_status', 'conversation', 'typing', 'resync'];

/** One event: `{ kind: 'lead', data: { leadId, status… } }`, narrowed by `kind`. */
export type LiveEvent<K extends LiveKind = LiveKind> = { [P in K]: { kind: P; data: LivePayloads[P] } }[K];

type Listener = (event: LiveEvent) => void;

const listeners = new Map<LiveKind, Set<Listener>>();

const isLiveKind = (value: unknown): value is LiveKind => LIVE_KINDS.includes(value as LiveKind);

/** Calls `listener` for every event of `kind` until the returned function is called. */
export function subscribe<K extends LiveKind>(kind: K, listener: (event: LiveEvent<K>) => void): () => void {
  const set = listeners.get(kind) ?? new Set<Listener>();
  listeners.set(kind, set);
  const wrapped = listener as Listener;
  set.add(wrapped);
  return () => {
    set.delete(wrapped);
  };
}

/** Hands an event to its subscribers (the stream does; tests and optimistic updates may too). */
export function publish(event: LiveEvent): void {
  for (const listener of [...(listeners.get(event.kind) ?? [])]) {
    try {
      listener(event);
    } catch (error) {
      console.error('live event listener failed', error);
    }
  }
}

export type LiveStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'offline';

interface LiveState {
  status: LiveStatus;
}

/** The stream's state, for the header's indicator. */
export const useLiveStatus = create<LiveState>()(() => ({ status: 'idle' }));

const setStatus = (status: LiveStatus) => useLiveStatus.setState({ status });

/** Tunables (tests shorten them). */
export const liveTiming = {
  /** First retry delay; doubles per consecutive failure up to {@link maxDelayMs}. */
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  /** The server sends a heartbeat every 20 s: silence this long means a dead connection. */
  silenceMs: 45_000,
};

/** The delay before retry number `failures` (1, 2…): exponential with ±20 % jitter. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const base = Math.min(liveTiming.maxDelayMs, liveTiming.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + random() * 0.4));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

function parseData(message: EventSourceMessage): Record<string, unknown> | null {
  try {
    const data: unknown = JSON.parse(message.data || '{}');
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Reads one opened stream until it ends; resolves to whether the server said `ready`. Rejects when
 * the connection breaks or stays silent past {@link liveTiming.silenceMs}.
 */
async function consume(response: Response, signal: AbortSignal, onReady: () => void): Promise<boolean> {
  const reader = response.body?.getReader();
  if (!reader) return false;
  const decoder = new TextDecoder();
  let ready = false;
  const parser = createParser({
    onEvent: (message) => {
      if (message.event === 'ready') {
        ready = true;
        onReady();
        return;
      }
      if (!isLiveKind(message.event)) return; // unknown kinds are for newer dashboards
      const data = parseData(message);
      if (data) publish({ kind: message.event, data } as LiveEvent);
    },
  });

  let silent: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const stop = () => void reader.cancel().catch(() => undefined);
  const watch = () => {
    clearTimeout(silent);
    silent = setTimeout(() => {
      timedOut = true;
      stop();
    }, liveTiming.silenceMs);
  };
  signal.addEventListener('abort', stop);
  watch();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      watch();
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } finally {
    clearTimeout(silent);
    signal.removeEventListener('abort', stop);
  }
  if (timedOut) throw new Error('live events: the stream went silent');
  return ready;
}

async function run(signal: AbortSignal): Promise<void> {
  let failures = 0;
  let connectedBefore = false;
  while (!signal.aborted) {
    setStatus(connectedBefore || failures > 0 ? 'reconnecting' : 'connecting');
    try {
      const response = await apiFetch(EVENTS_PATH, { accept: 'text/event-stream', signal });
      const wasReady = await consume(response, signal, () => {
        failures = 0;
        setStatus('open');
        if (connectedBefore) publish({ kind: 'resync', data: {} });
        connectedBefore = true;
      });
      if (signal.aborted) break;
      if (wasReady) {
        // The server's regular end (every 15 min): a fresh token, then straight back.
        await refreshAccessToken();
        continue;
      }
    } catch (error) {
      if (signal.aborted) break;
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) {
        // 401: the session is over (the client signed out); 400/403/404: this user cannot listen.
        setStatus('offline');
        return;
      }
    }
    failures += 1;
    setStatus('reconnecting');
    await sleep(backoffDelay(failures), signal);
  }
}

let running: AbortController | null = null;

/** Opens the stream (no-op when it is open). The signed-in layout starts it. */
export function startLiveEvents(): void {
  if (running) return;
  const controller = new AbortController();
  running = controller;
  void run(controller.signal).finally(() => {
    if (running === controller) running = null;
  });
}

/** Closes the stream (sign-out, brokerage switch). */
export function stopLiveEvents(): void {
  running?.abort();
  running = null;
  setStatus('idle');
}

/**
 * Subscribes a component to one or more kinds for its lifetime; the handler may change between
 * renders without resubscribing.
 *
 * ```tsx
 * useLiveEvent(['lead', 'resync'], (event) => { if (event.kind === 'lead') … });
 * ```
 */
export function useLiveEvent<K extends LiveKind>(kinds: K | readonly K[], handler: (event: LiveEvent<K>) => void): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  const key = (Array.isArray(kinds) ? kinds : [kinds]).join(',');
  useEffect(() => {
    const offs = (key.split(',') as K[]).map((kind) => subscribe(kind, (event) => ref.current(event)));
    return () => offs.forEach((off) => off());
  }, [key]);
}

/**
 * Calls `callback` once after a burst of events of the given kinds has settled (`waitMs` without a
 * new one): e.g. refetch a page's data when leads change, without refetching per event.
 */
export function useDebouncedLiveEvent<K extends LiveKind>(
  kinds: K | readonly K[],
  callback: () => void,
  waitMs = 1_000,
): void {
  const ref = useRef(callback);
  useEffect(() => {
    ref.current = callback;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveEvent(kinds, () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => ref.current(), waitMs);
  });
}
