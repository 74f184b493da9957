import type { Lead } from '../../api/types';
import type { ChatMessage, Conversation, LeadConversations } from './api';

export function chatLead(id: string, name: string, extra: Partial<Lead> = {}): Lead {
  return {
    id,
    name,
    status: 'warm',
    score: 55,
    scoreComponents: [],
    stage: 'profiling',
    facts: {},
    sensitiveFactsHidden: false,
    tags: [],
    identities: [],
    createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z',
    ...extra,
  };
}

export function conversation(id: string, extra: Partial<Conversation> = {}): Conversation {
  return { id, provider: 'whatsapp', aiActive: true, lastInboundAt: '2026-12-04T10:05:00Z', ...extra };
}

export function message(id: string, createdAt: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  return { id, provider: 'whatsapp', direction: 'inbound', senderType: 'lead', text: `Mensaje ${id}`, deliveryStatus: 'received', createdAt, ...extra };
}

export const thread = (conversations: Conversation[], messages: ChatMessage[]): LeadConversations => ({ conversations, messages });
