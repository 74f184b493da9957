import { api, apiFetch, type Query } from '../../api/client';
import type { Lead, LeadFacts, Money, Page, Role } from '../../api/types';

/**
 * The leads feature's calls (`LeadsResource`, `LeadConversationResource`, `UsersResource`) and the
 * shapes they answer. JSON leaves null fields out, hence the optional properties.
 */

export const LEADS_PATH = '/api/v1/leads';
export const PAGE_SIZE = 50;
/** The activity endpoint's maximum (`ManageLeadsUseCase.MAX_PAGE_SIZE`); it has no cursor. */
export const ACTIVITY_LIMIT = 200;

/** `LeadsResource.ActivityResponse`: one entry of the lead's timeline. */
export interface ActivityEntry {
  id: string;
  /** `ActivityType` in lower snake case: `stage_changed`, `score_changed`, `message_received`… */
  type: string;
  /** `system`, `user`, `ai` or `lead`. */
  actorType: string;
  actorUserId?: string;
  /** The author's name when staff of the brokerage wrote it. */
  actorName?: string;
  details: Record<string, unknown>;
  createdAt: string;
}

/** `LeadTransferUseCase.LineResult`: `created`, `merged` or `error` (then `errors` say why). */
export interface ImportLine {
  line: number;
  result: 'created' | 'merged' | 'error';
  leadId?: string;
  errors: string[];
}

export interface ImportReport {
  created: number;
  merged: number;
  failed: number;
  lines: ImportLine[];
}

/** `UsersResource.UserResponse` (only what the leads pages use). */
export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

/** `LeadConversationResource.ConversationResponse`. */
export interface Conversation {
  id: string;
  provider: string;
  aiActive: boolean;
  takenOverBy?: string;
  escalation?: string;
  lastInboundAt?: string;
}

/** `LeadConversationResource.MessageResponse`. */
export interface ChatMessage {
  id: string;
  provider: string;
  direction: 'inbound' | 'outbound' | string;
  senderType: string;
  sentBy?: string;
  text?: string;
  deliveryStatus?: string;
  createdAt: string;
}

export interface LeadConversations {
  conversations: Conversation[];
  messages: ChatMessage[];
}

/** The body of `POST /api/v1/leads` (fields the create dialog offers). */
export interface NewLead {
  name?: string;
  phone?: string;
  email?: string;
  facts?: { location?: string; budget?: Money };
  assignedTo?: string;
}

/** A merge patch of a lead: `null` clears a field or a fact. */
export interface LeadPatch {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  notes?: string | null;
  facts?: { [K in keyof LeadFacts]?: LeadFacts[K] | null };
}

export const fetchLeads = (query: Query, cursor: string | undefined, signal?: AbortSignal) =>
  api.get<Page<Lead>>(LEADS_PATH, { query: { ...query, cursor, limit: PAGE_SIZE }, signal });

export const fetchLead = (id: string, signal?: AbortSignal) =>
  api.get<Lead>(`${LEADS_PATH}/${encodeURIComponent(id)}`, { signal });

export const fetchActivity = (id: string, signal?: AbortSignal) =>
  api
    .get<{ items: ActivityEntry[] }>(`${LEADS_PATH}/${encodeURIComponent(id)}/activity`, { query: { limit: ACTIVITY_LIMIT }, signal })
    .then((answer) => answer.items);

/** Adds a note to the lead's timeline (1..2000 characters). */
export const addNote = (id: string, text: string) =>
  api.post<ActivityEntry>(`${LEADS_PATH}/${encodeURIComponent(id)}/notes`, { text });

export const fetchConversation = (id: string, signal?: AbortSignal) =>
  api.get<LeadConversations>(`${LEADS_PATH}/${encodeURIComponent(id)}/conversation`, { signal });

/** The brokerage's staff (ADMIN and SUPERADMIN only: an AGENT gets 403). */
export const fetchUsers = (signal?: AbortSignal) =>
  api.get<{ items: StaffUser[] }>('/api/v1/users', { signal }).then((answer) => answer.items);

export const createLead = (lead: NewLead) => api.post<Lead>(LEADS_PATH, lead);

export const updateLead = (id: string, patch: LeadPatch) =>
  api.patch<Lead>(`${LEADS_PATH}/${encodeURIComponent(id)}`, patch);

/** Assigns the lead to a user, or unassigns it with `null`. */
export const assignLead = (id: string, assignedTo: string | null) =>
  api.post<Lead>(`${LEADS_PATH}/${encodeURIComponent(id)}/assign`, { assignedTo });

export const importLeads = (file: Blob) =>
  apiFetch(`${LEADS_PATH}/import`, { method: 'POST', body: file, contentType: 'text/csv' }).then(
    (response) => response.json() as Promise<ImportReport>,
  );

/** The file name the server proposes (`Content-Disposition`), else `leads-<today>.csv`. */
export function exportFileName(disposition: string | null, today = new Date()): string {
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  if (match?.[1]) return decodeURIComponent(match[1]);
  return `leads-${today.toISOString().slice(0, 10)}.csv`;
}

/**
 * Downloads the CSV export with the bearer token (a plain link could not send it): fetch, Blob,
 * then a temporary object URL clicked as a download.
 */
/** Downloads the leads the table shows (same filters and sort) as CSV; returns the file name. */
export async function downloadExport(query: Query = {}): Promise<string> {
  const response = await apiFetch(`${LEADS_PATH}/export`, { accept: 'text/csv', query });
  const blob = await response.blob();
  const name = exportFileName(response.headers.get('Content-Disposition'));
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
  return name;
}

export const leadKeys = {
  all: ['leads'] as const,
  lists: (brokerId: string | null) => ['leads', 'list', brokerId] as const,
  list: (brokerId: string | null, query: Query) => ['leads', 'list', brokerId, query] as const,
  lead: (brokerId: string | null, id: string) => ['leads', 'lead', brokerId, id] as const,
  activity: (brokerId: string | null, id: string) => ['leads', 'activity', brokerId, id] as const,
  conversation: (brokerId: string | null, id: string) => ['leads', 'conversation', brokerId, id] as const,
  users: (brokerId: string | null) => ['leads', 'users', brokerId] as const,
};
