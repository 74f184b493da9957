import { createSseParser } from './sse';

/**
 * The public web-chat API of one brokerage (`/api/v1/webchat/{slug}`, adapters-chat
 * `WebChatResource`). No staff token: the visitor's session token travels in the
 * `X-Inmo-Chat-Session` header, never in a URL.
 */
export const SESSION_HEADER = 'X-Inmo-Chat-Session';
export const MAX_TEXT = 2000;

export interface ChatSession {
  sessionToken: string;
  agentName: string;
}

/** One message as the visitor sees it. */
export interface ChatMessage {
  id: string;
  from: 'visitor' | 'agent';
  text: string;
  at: string;
}

/** A failed call; `status` 0 when the network failed. `unavailable` when the broker has no web chat. */
export class WebChatError extends Error {
  readonly status: number;
  readonly code: string | undefined;

  constructor(status: number, code?: string) {
    super(`web chat call failed (${status}${code ? ` ${code}` : ''})`);
    this.status = status;
    this.code = code;
  }

  get unavailable(): boolean {
    return this.status === 404;
  }
}

export interface StreamHandlers {
  message: (message: ChatMessage) => void;
  typing: (active: boolean) => void;
}

const isMessage = (value: unknown): value is ChatMessage => {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return typeof m.id === 'string' && typeof m.text === 'string' && (m.from === 'visitor' || m.from === 'agent');
};

export class WebChatApi {
  private readonly root: string;

  constructor(
    base: string,
    slug: string,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {
    this.root = `${base.replace(/\/$/, '')}/api/v1/webchat/${encodeURIComponent(slug)}`;
  }

  async openSession(): Promise<ChatSession> {
    const body = await this.call('/sessions', { method: 'POST' });
    const s = body as Partial<ChatSession>;
    if (typeof s.sessionToken !== 'string') throw new WebChatError(500);
    return { sessionToken: s.sessionToken, agentName: typeof s.agentName === 'string' ? s.agentName : '' };
  }

  async send(token: string, text: string, clientMessageId: string): Promise<void> {
    await this.call('/messages', {
      method: 'POST',
      headers: { [SESSION_HEADER]: token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, clientMessageId }),
    });
  }

  async messages(token: string): Promise<ChatMessage[]> {
    const body = (await this.call('/messages', { headers: { [SESSION_HEADER]: token } })) as { items?: unknown };
    return Array.isArray(body.items) ? body.items.filter(isMessage) : [];
  }

  /**
   * Reads the live stream until the server ends it (after a few minutes) or `signal` aborts:
   * every message after `lastEventId` (all on a first connection), then each new one, and the
   * agent's "typing" on and off. Resolves when the stream ends; rejects on failure.
   */
  async stream(token: string, lastEventId: string | undefined, signal: AbortSignal, on: StreamHandlers): Promise<void> {
    const headers: Record<string, string> = { [SESSION_HEADER]: token, Accept: 'text/event-stream' };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    const response = await this.fetchImpl(`${this.root}/events`, { headers, signal, cache: 'no-store' });
    if (!response.ok || !response.body) throw await failure(response);
    const feed = createSseParser((event) => {
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      if (event.event === 'message' && isMessage(data)) on.message(data);
      else if (event.event === 'typing') on.typing((data as { active?: unknown }).active === true);
    });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      feed(decoder.decode(value, { stream: true }));
    }
  }

  private async call(path: string, init: RequestInit): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.root + path, { ...init, cache: 'no-store' });
    } catch {
      throw new WebChatError(0);
    }
    if (!response.ok) throw await failure(response);
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : {};
  }
}

async function failure(response: Response): Promise<WebChatError> {
  let code: string | undefined;
  try {
    const problem = (await response.json()) as { code?: unknown };
    if (typeof problem.code === 'string') code = problem.code;
  } catch {
    // not a problem document
  }
  return new WebChatError(response.status, code);
}
