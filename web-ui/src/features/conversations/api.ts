import { api } from '../../api/client';
import type { Lead, Page } from '../../api/types';

/** The chat channels a conversation can run on (`ChatProvider`). */
export const CHAT_PROVIDERS = ['whatsapp', 'telegram', 'webchat'] as const;
export type ChatProvider = (typeof CHAT_PROVIDERS)[number];

export const ESCALATIONS = ['human_requested', 'complaint', 'hostile'] as const;
export type Escalation = (typeof ESCALATIONS)[number];

export type SenderType = 'lead' | 'ai' | 'staff' | 'system';
export type DeliveryStatus = 'received' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

/** `LeadConversationResource.ConversationResponse`: who speaks for the brokerage on one channel. */
export interface Conversation {
  id: string;
  provider: ChatProvider;
  /** The AI may answer: nobody took it over and it is not escalated. */
  aiActive: boolean;
  takenOverBy?: string;
  takenOverAt?: string;
  escalation?: Escalation;
  escalatedAt?: string;
  /** When the lead last wrote (WhatsApp's 24-hour window counts from here). */
  lastInboundAt?: string;
}

/** `LeadConversationResource.MessageResponse`. */
export interface ChatMessage {
  id: string;
  provider: ChatProvider;
  direction: 'inbound' | 'outbound';
  senderType: SenderType;
  /** The staff member who wrote it. */
  sentBy?: string;
  text: string;
  deliveryStatus: DeliveryStatus;
  /** Why sending failed (the provider's words). */
  error?: string;
  createdAt: string;
}

/** `GET /api/v1/leads/{id}/conversation`: the lead's conversations and latest 50 messages. */
export interface LeadConversations {
  conversations: Conversation[];
  messages: ChatMessage[];
}

/** An approved WhatsApp template: name, language code and body parameters in order. */
export interface TemplateMessage {
  name: string;
  language: string;
  parameters: string[];
}

/** How many leads per channel the inbox reads. */
export const INBOX_PAGE = 50;

const leadPath = (leadId: string) => `/api/v1/leads/${encodeURIComponent(leadId)}`;

/** Leads that wrote on a chat channel, newest first (there is no conversation list endpoint). */
export const fetchChannelLeads = (channel: ChatProvider, signal?: AbortSignal) =>
  api.get<Page<Lead>>('/api/v1/leads', { query: { channel, sort: '-createdAt', limit: INBOX_PAGE }, signal });

export const fetchLead = (leadId: string) => api.get<Lead>(leadPath(leadId));

export const fetchConversations = (leadId: string) => api.get<LeadConversations>(`${leadPath(leadId)}/conversation`);

export const takeOverConversation = (leadId: string) => api.post<Conversation>(`${leadPath(leadId)}/conversation/takeover`);

export const releaseConversation = (leadId: string) => api.post<Conversation>(`${leadPath(leadId)}/conversation/release`);

export const sendReply = (leadId: string, text: string) => api.post<ChatMessage>(`${leadPath(leadId)}/conversation/messages`, { text });

export const sendTemplate = (leadId: string, template: TemplateMessage) =>
  api.post<ChatMessage>(`${leadPath(leadId)}/conversation/messages`, { template });
