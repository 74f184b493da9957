import { MAX_TEXT, WebChatApi, WebChatError, type ChatMessage } from './api';

/**
 * The widget's state and behaviour, without any DOM: the visitor's session (kept in localStorage
 * per brokerage, so a returning visitor sees the conversation again), the messages, the agent's
 * "typing", sending with retries, and the live stream with reconnection.
 *
 * The stream is read while the panel is open, and for a while after the visitor's last message
 * when it is closed (the reply then lights the button's unread dot); not forever on every page
 * view, since each open stream costs the server a poll every half second.
 */

export type Status = 'idle' | 'connecting' | 'ready' | 'unavailable' | 'error';

export interface ShownMessage {
  /** Server id, or `local-…` while a visitor's message is on its way. */
  id: string;
  from: 'visitor' | 'agent';
  text: string;
  at: string;
  state: 'sent' | 'sending' | 'failed';
  clientMessageId?: string;
}

export interface ChatState {
  status: Status;
  agentName: string;
  messages: ShownMessage[];
  typing: boolean;
  open: boolean;
  unread: boolean;
}

interface StoredSession {
  token: string;
  agentName: string;
}

export interface ChatOptions {
  api: WebChatApi;
  slug: string;
  storage?: Storage | null;
  /** How long after the visitor's last message a closed panel keeps listening. */
  listenAfterSendMs?: number;
  now?: () => number;
  /** Waits between reconnections: `retryDelayMs * 2^n`, at most 30 s. */
  retryDelayMs?: number;
}

export const DEFAULT_AGENT = 'Sofía';

export function newClientMessageId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `w-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export class ChatController {
  private state: ChatState;
  private readonly listeners = new Set<(state: ChatState) => void>();
  private readonly api: WebChatApi;
  private readonly storage: Storage | null;
  private readonly key: string;
  private readonly listenAfterSendMs: number;
  private readonly now: () => number;
  private readonly retryDelayMs: number;
  private session: StoredSession | null;
  private streamAbort: AbortController | null = null;
  private lastEventId: string | undefined;
  private lastSendAt = 0;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  private opening: Promise<StoredSession | null> | null = null;

  constructor(options: ChatOptions) {
    this.api = options.api;
    this.storage = options.storage === undefined ? safeLocalStorage() : options.storage;
    this.key = `inmo-webchat:${options.slug}`;
    this.listenAfterSendMs = options.listenAfterSendMs ?? 120_000;
    this.now = options.now ?? Date.now;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.session = this.readSession();
    this.state = {
      status: 'idle',
      agentName: this.session?.agentName || DEFAULT_AGENT,
      messages: [],
      typing: false,
      open: false,
      unread: false,
    };
  }

  get snapshot(): ChatState {
    return this.state;
  }

  subscribe(listener: (state: ChatState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens the panel: creates the session if needed and starts listening. */
  open(): void {
    if (this.state.open) return;
    clearTimeout(this.stopTimer);
    this.set({ open: true, unread: false });
    void this.connect();
  }

  close(): void {
    if (!this.state.open) return;
    this.set({ open: false });
    const left = this.lastSendAt + this.listenAfterSendMs - this.now();
    if (left <= 0) this.stopListening();
    else this.stopTimer = setTimeout(() => this.state.open || this.stopListening(), left);
  }

  /** Tries to connect again after an error. */
  retry(): void {
    void this.connect();
  }

  /** Sends a visitor's message; false when it was refused before sending (empty or too long). */
  async send(raw: string): Promise<boolean> {
    const text = raw.trim();
    if (!text || text.length > MAX_TEXT) return false;
    const message: ShownMessage = {
      id: `local-${newClientMessageId()}`,
      from: 'visitor',
      text,
      at: new Date(this.now()).toISOString(),
      state: 'sending',
      clientMessageId: newClientMessageId(),
    };
    this.set({ messages: [...this.state.messages, message] });
    await this.deliver(message);
    return true;
  }

  /** Sends a failed message again, with the same client id so that the server stores it once. */
  async resend(id: string): Promise<void> {
    const message = this.state.messages.find((m) => m.id === id && m.state === 'failed');
    if (!message) return;
    this.update(id, { state: 'sending' });
    await this.deliver({ ...message, state: 'sending' });
  }

  /** Stops everything (the widget was removed from the page). */
  dispose(): void {
    clearTimeout(this.stopTimer);
    this.stopListening();
    this.listeners.clear();
  }

  private async deliver(message: ShownMessage): Promise<void> {
    try {
      const session = await this.ensureSession();
      if (!session) throw new WebChatError(0);
      this.lastSendAt = this.now();
      await this.api.send(session.token, message.text, message.clientMessageId ?? newClientMessageId());
      // the stored copy arrives through the stream; until then it shows as sent
      if (this.state.messages.some((m) => m.id === message.id)) this.update(message.id, { state: 'sent' });
      this.listen(session);
    } catch (error) {
      this.update(message.id, { state: 'failed' });
      if (error instanceof WebChatError && error.status === 401) this.forgetSession();
    }
  }

  private async connect(): Promise<void> {
    if (this.state.status === 'ready' && this.streamAbort) return;
    if (this.state.status !== 'ready') this.set({ status: 'connecting' });
    try {
      const session = await this.ensureSession();
      if (!session) return;
      if (!this.lastEventId) {
        const stored = await this.api.messages(session.token);
        this.merge(stored);
      }
      this.set({ status: 'ready' });
      this.listen(session);
    } catch (error) {
      if (error instanceof WebChatError && error.status === 401) this.forgetSession();
      this.set({ status: error instanceof WebChatError && error.unavailable ? 'unavailable' : 'error' });
    }
  }

  private ensureSession(): Promise<StoredSession | null> {
    if (this.session) return Promise.resolve(this.session);
    this.opening ??= this.api
      .openSession()
      .then((opened) => {
        const session = { token: opened.sessionToken, agentName: opened.agentName || DEFAULT_AGENT };
        this.session = session;
        this.writeSession(session);
        this.set({ agentName: session.agentName });
        return session;
      })
      .finally(() => {
        this.opening = null;
      });
    return this.opening;
  }

  private listen(session: StoredSession, attempt = 0): void {
    if (this.streamAbort) return;
    const abort = new AbortController();
    this.streamAbort = abort;
    const startedAt = this.now();
    this.api
      .stream(session.token, this.lastEventId, abort.signal, {
        message: (m) => this.merge([m]),
        typing: (active) => this.set({ typing: active }),
      })
      .then(
        () => 0,
        (error: unknown) => {
          if (error instanceof WebChatError && error.status === 401) {
            this.forgetSession();
            return -1;
          }
          return attempt + 1;
        },
      )
      .then((next) => {
        if (this.streamAbort !== abort || abort.signal.aborted) return;
        this.streamAbort = null;
        if (this.state.typing) this.set({ typing: false });
        const wanted = this.state.open || this.now() - this.lastSendAt < this.listenAfterSendMs;
        if (next < 0 || !wanted || !this.session) return;
        // a stream that lived a while ended normally: reconnect at once; a failing one backs off
        const failing = next > 0 || this.now() - startedAt < 1000;
        const delay = failing ? Math.min(30_000, this.retryDelayMs * 2 ** Math.min(next, 5)) : 0;
        setTimeout(() => {
          if (this.session && !this.streamAbort) this.listen(this.session, failing ? Math.max(next, 1) : 0);
        }, delay);
      });
  }

  private stopListening(): void {
    this.streamAbort?.abort();
    this.streamAbort = null;
    if (this.state.typing) this.set({ typing: false });
  }

  /** Adds server messages, replacing the visitor's own pending copies of them. */
  private merge(incoming: ChatMessage[]): void {
    let messages = this.state.messages;
    let gotAgent = false;
    for (const m of incoming) {
      this.lastEventId = m.id;
      if (messages.some((x) => x.id === m.id)) continue;
      if (m.from === 'visitor') {
        const pending = messages.findIndex((x) => x.id.startsWith('local-') && x.state !== 'failed' && x.text === m.text);
        if (pending >= 0) messages = messages.filter((_, i) => i !== pending);
      } else {
        gotAgent = true;
      }
      const at = messages.findIndex((x) => x.id.startsWith('local-'));
      const shown: ShownMessage = { ...m, state: 'sent' };
      // stored messages come before the ones still on their way
      messages = at < 0 ? [...messages, shown] : [...messages.slice(0, at), shown, ...messages.slice(at)];
    }
    if (messages === this.state.messages) return;
    this.set({ messages, unread: this.state.unread || (gotAgent && !this.state.open) });
  }

  private update(id: string, patch: Partial<ShownMessage>): void {
    this.set({ messages: this.state.messages.map((m) => (m.id === id ? { ...m, ...patch } : m)) });
  }

  private set(patch: Partial<ChatState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  private readSession(): StoredSession | null {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return null;
      const parsed = JSON.parse(raw) as Partial<StoredSession>;
      return typeof parsed.token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(parsed.token)
        ? { token: parsed.token, agentName: typeof parsed.agentName === 'string' ? parsed.agentName : '' }
        : null;
    } catch {
      return null;
    }
  }

  private writeSession(session: StoredSession): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(session));
    } catch {
      // private mode or full storage: the session lasts as long as the page
    }
  }

  private forgetSession(): void {
    this.session = null;
    this.lastEventId = undefined;
    this.stopListening();
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // nothing stored
    }
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
