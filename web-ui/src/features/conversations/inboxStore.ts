import { create } from 'zustand';
import { userMessage } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { Lead } from '../../api/types';
import { notify } from '../../components/ui';
import { i18n } from '../../i18n';
import type { LiveEvent } from '../../live/events';
import {
  CHAT_PROVIDERS,
  fetchChannelLeads,
  fetchConversations,
  fetchLead,
  releaseConversation,
  sendReply,
  sendTemplate,
  takeOverConversation,
  type ChatMessage,
  type Conversation,
  type DeliveryStatus,
  type Escalation,
  type TemplateMessage,
} from './api';
import { readLastSeen, writeLastSeen, type LastSeen } from './lastSeen';

/** One lead's conversation as the inbox shows it. */
export interface Thread {
  lead: Lead;
  conversations: Conversation[];
  /** Oldest first. */
  messages: ChatMessage[];
  status: 'loading' | 'ready' | 'error';
  error?: unknown;
  /** The AI is composing a reply. */
  typing: boolean;
}

export type ReplyOutcome = 'sent' | 'outside_window' | 'failed';

export interface InboxState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  /** Whose "last seen" times are kept. */
  userId: string | null;
  threads: Record<string, Thread>;
  /** Leads whose conversation could not be found (deleted, not visible, never wrote on a chat). */
  missing: Record<string, true>;
  lastSeen: LastSeen;

  /** Reads the leads with conversations and their threads. */
  load: (userId: string | null) => Promise<void>;
  /** Reads one lead's thread again (live updates, retry). */
  loadThread: (leadId: string) => Promise<void>;
  /** Everything in the lead's thread until now counts as read. */
  markSeen: (leadId: string) => void;
  /** Applies a live event (payloads carry ids and states only). */
  handle: (event: LiveEvent) => void;
  takeOver: (leadId: string) => Promise<boolean>;
  release: (leadId: string) => Promise<boolean>;
  reply: (leadId: string, text: string) => Promise<ReplyOutcome>;
  replyTemplate: (leadId: string, template: TemplateMessage) => Promise<ReplyOutcome>;
  reset: () => void;
}

const t = i18n.getFixedT(null, 'conversations');

/** How many threads are read at the same time. */
const CONCURRENCY = 4;
/** A typing indicator the stream never switched off goes away after this long. */
export const TYPING_TIMEOUT_MS = 30_000;

const byTime = (a: ChatMessage, b: ChatMessage) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

const lower = <T extends string>(value: string | undefined) => (value ? (value.toLowerCase() as T) : undefined);

/** The conversation the lead wrote on last: the one staff replies go to. */
export function currentConversation(thread: Pick<Thread, 'conversations'>): Conversation | undefined {
  return [...thread.conversations].sort((a, b) => (b.lastInboundAt ?? '').localeCompare(a.lastInboundAt ?? ''))[0];
}

export const lastMessage = (thread: Pick<Thread, 'messages'>): ChatMessage | undefined => thread.messages.at(-1);

/** Inbound messages newer than the user's last look (within the latest 50 the API returns). */
export function unreadCount(thread: Pick<Thread, 'messages'>, seenAt: string | undefined): number {
  return thread.messages.filter((message) => message.direction === 'inbound' && (!seenAt || message.createdAt > seenAt)).length;
}

/** When the thread last moved: its newest message, else the lead's last change. */
export const activityAt = (thread: Thread): string => lastMessage(thread)?.createdAt ?? thread.lead.lastContactedAt ?? thread.lead.updatedAt;

/** The inbox order: most recent activity first. */
export function sortedThreads(threads: Record<string, Thread>): Thread[] {
  return Object.values(threads)
    .filter((thread) => thread.status !== 'ready' || thread.conversations.length > 0)
    .sort((a, b) => activityAt(b).localeCompare(activityAt(a)));
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(size, queue.length) }, worker));
}

const withConversation = (conversations: Conversation[], changed: Conversation) => {
  const known = conversations.some((conversation) => conversation.id === changed.id);
  return known ? conversations.map((conversation) => (conversation.id === changed.id ? changed : conversation)) : [...conversations, changed];
};

/** Every load gets a number; answers to an older one are dropped. */
let generation = 0;
/** Thread reads in flight, and the threads that changed again meanwhile (read once more after). */
const reading = new Map<string, Promise<void>>();
const stale = new Map<string, 'read' | 'keep'>();
const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();

export const useInboxStore = create<InboxState>()((set, get) => {
  const patch = (leadId: string, change: (thread: Thread) => Partial<Thread>) =>
    set((state) => {
      const thread = state.threads[leadId];
      return thread ? { threads: { ...state.threads, [leadId]: { ...thread, ...change(thread) } } } : {};
    });

  /** Reads a lead's conversation, and the lead itself unless `lead` is given. */
  const fetchThread = async (leadId: string, lead: Lead | undefined) => {
    const mine = generation;
    try {
      const [found, conversations] = await Promise.all([lead ? Promise.resolve(lead) : fetchLead(leadId), fetchConversations(leadId)]);
      if (mine !== generation) return;
      const messages = [...conversations.messages].sort(byTime);
      set((state) => {
        const before = state.threads[leadId];
        const thread: Thread = { lead: found, conversations: conversations.conversations, messages, status: 'ready', typing: before?.typing ?? false };
        return { threads: { ...state.threads, [leadId]: thread } };
      });
    } catch (error) {
      if (mine !== generation) return;
      if (error instanceof ApiError && error.status === 404) {
        // deleted, no longer visible to this user, or never wrote on a chat channel
        set((state) => {
          const threads = { ...state.threads };
          delete threads[leadId];
          return { threads, missing: { ...state.missing, [leadId]: true } };
        });
        return;
      }
      patch(leadId, () => ({ status: 'error', error }));
    }
  };

  /**
   * Reads a thread, once at a time per lead; a change during a read means one more read after it.
   * `lead`: the lead as just listed, or `'read'` to read it again (it changed); by default the one
   * already known is kept (a new message does not change the lead's card).
   */
  const refreshThread = (leadId: string, lead: Lead | 'read' | 'keep' = 'keep'): Promise<void> => {
    const running = reading.get(leadId);
    if (running) {
      stale.set(leadId, stale.get(leadId) === 'read' || lead === 'read' ? 'read' : 'keep');
      return running;
    }
    const known = lead === 'keep' ? get().threads[leadId]?.lead : undefined;
    const run = fetchThread(leadId, typeof lead === 'object' ? lead : known).finally(() => {
      reading.delete(leadId);
      const again = stale.get(leadId);
      stale.delete(leadId);
      if (again) void refreshThread(leadId, again);
    });
    reading.set(leadId, run);
    return run;
  };

  const setTyping = (leadId: string, typing: boolean) => {
    clearTimeout(typingTimers.get(leadId));
    typingTimers.delete(leadId);
    if (typing) typingTimers.set(leadId, setTimeout(() => setTyping(leadId, false), TYPING_TIMEOUT_MS));
    patch(leadId, () => ({ typing }));
  };

  const send = async (leadId: string, request: () => Promise<ChatMessage>): Promise<ReplyOutcome> => {
    try {
      const message = await request();
      const me = get().userId ?? undefined;
      patch(leadId, (thread) => {
        const current = currentConversation(thread);
        return {
          messages: thread.messages.some((known) => known.id === message.id) ? thread.messages : [...thread.messages, message].sort(byTime),
          // replying takes the conversation over (the server did the same)
          conversations: current
            ? withConversation(thread.conversations, { ...current, aiActive: false, takenOverBy: me, escalation: undefined, escalatedAt: undefined })
            : thread.conversations,
        };
      });
      get().markSeen(leadId);
      return 'sent';
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conversation.outside_window') return 'outside_window';
      notify(t('thread.sendFailed', { reason: userMessage(error) }), 'error');
      return 'failed';
    }
  };

  const changeHolder = async (leadId: string, request: () => Promise<Conversation>, failure: 'takeOverFailed' | 'releaseFailed') => {
    try {
      const conversation = await request();
      patch(leadId, (thread) => ({ conversations: withConversation(thread.conversations, conversation) }));
      return true;
    } catch (error) {
      notify(t(`thread.${failure}`, { reason: userMessage(error) }), 'error');
      return false;
    }
  };

  return {
    status: 'idle',
    error: null,
    userId: null,
    threads: {},
    missing: {},
    lastSeen: {},

    load: async (userId) => {
      const mine = ++generation;
      set({ status: 'loading', error: null, userId, missing: {}, lastSeen: readLastSeen(userId) });
      try {
        const pages = await Promise.all(CHAT_PROVIDERS.map((channel) => fetchChannelLeads(channel)));
        if (mine !== generation) return;
        const leads = new Map<string, Lead>();
        for (const page of pages) for (const lead of page.items) leads.set(lead.id, lead);
        const previous = get().threads;
        const threads: Record<string, Thread> = {};
        for (const lead of leads.values()) {
          const known = previous[lead.id];
          threads[lead.id] = known ? { ...known, lead } : { lead, conversations: [], messages: [], status: 'loading', typing: false };
        }
        set({ status: 'ready', threads });
        await inBatches([...leads.values()], CONCURRENCY, (lead) => refreshThread(lead.id, lead));
      } catch (error) {
        if (mine !== generation) return;
        set({ status: 'error', error });
      }
    },

    loadThread: (leadId) => {
      patch(leadId, () => ({ status: 'loading', error: undefined }));
      return refreshThread(leadId);
    },

    markSeen: (leadId) => {
      const thread = get().threads[leadId];
      const newest = thread ? lastMessage(thread)?.createdAt : undefined;
      if (!newest || (get().lastSeen[leadId] ?? '') >= newest) return;
      const lastSeen = { ...get().lastSeen, [leadId]: newest };
      set({ lastSeen });
      writeLastSeen(get().userId, lastSeen);
    },

    handle: (event) => {
      if (get().status === 'idle') return;
      if (event.kind === 'resync') {
        void get().load(get().userId);
        return;
      }
      const { leadId } = event.data;
      const thread = get().threads[leadId];
      switch (event.kind) {
        case 'message':
          // a new lead writing, or a new message in a known thread: read it
          if (thread || get().status === 'ready') void refreshThread(leadId);
          return;
        case 'message_status': {
          const status = lower<DeliveryStatus>(event.data.deliveryStatus);
          const known = thread?.messages.some((message) => message.id === event.data.message);
          if (thread && known && status) {
            patch(leadId, (current) => ({
              messages: current.messages.map((message) => (message.id === event.data.message ? { ...message, deliveryStatus: status } : message)),
            }));
          } else if (thread) {
            void refreshThread(leadId);
          }
          return;
        }
        case 'conversation': {
          const conversation = thread?.conversations.find((known) => known.id === event.data.conversation);
          if (!thread || !conversation) {
            void refreshThread(leadId);
            return;
          }
          const takenOverBy = event.data.takenOverBy || undefined;
          const escalation = lower<Escalation>(event.data.escalation);
          const changed: Conversation = {
            ...conversation,
            takenOverBy,
            takenOverAt: takenOverBy ? (takenOverBy === conversation.takenOverBy ? conversation.takenOverAt : new Date().toISOString()) : undefined,
            escalation,
            escalatedAt: escalation ? (conversation.escalatedAt ?? new Date().toISOString()) : undefined,
            aiActive: !takenOverBy && !escalation,
          };
          patch(leadId, (current) => ({ conversations: withConversation(current.conversations, changed) }));
          return;
        }
        case 'typing':
          if (thread) setTyping(leadId, event.data.active === 'true');
          return;
        case 'lead':
          if (!thread) return;
          if (event.data.deleted === 'true') {
            set((state) => {
              const threads = { ...state.threads };
              delete threads[leadId];
              return { threads };
            });
            return;
          }
          // name, opt-out, assignment… (a chat turn sends several: reads coalesce)
          void refreshThread(leadId, 'read');
          return;
      }
    },

    takeOver: (leadId) => changeHolder(leadId, () => takeOverConversation(leadId), 'takeOverFailed'),
    release: (leadId) => changeHolder(leadId, () => releaseConversation(leadId), 'releaseFailed'),
    reply: (leadId, text) => send(leadId, () => sendReply(leadId, text)),
    replyTemplate: (leadId, template) => send(leadId, () => sendTemplate(leadId, template)),

    reset: () => {
      generation += 1;
      reading.clear();
      stale.clear();
      for (const timer of typingTimers.values()) clearTimeout(timer);
      typingTimers.clear();
      set({ status: 'idle', error: null, userId: null, threads: {}, missing: {}, lastSeen: {} });
    },
  };
});
