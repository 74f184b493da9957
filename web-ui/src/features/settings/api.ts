import { api } from '../../api/client';
import type { LeadFacts, LeadStatus, PipelineStage, Role, ScoreComponent } from '../../api/types';
import { useAuthStore } from '../../stores/auth';

/**
 * The settings pages' API: the brokerage and its configs (`BrokerResource`, `BrokerViews`), the
 * rescoring run, the score preview, users and AI usage. JSON leaves out null fields.
 */

/** `/api/v1/broker` for staff (their own); `/api/v1/brokers/{id}` for a SUPERADMIN (the one picked). */
export function brokerBase(brokerId: string | null): string {
  const role = useAuthStore.getState().user?.role;
  return role === 'SUPERADMIN' && brokerId ? `/api/v1/brokers/${encodeURIComponent(brokerId)}` : '/api/v1/broker';
}

const brokerCall = { brokerScoped: false } as const;

// ---- brokerage ----

export interface HoursRange {
  start: string;
  end: string;
}

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `BrokerResponse`. */
export interface BrokerProfile {
  id: string;
  slug: string;
  name: string;
  phone?: string;
  email?: string;
  timezone: string;
  businessHours: Partial<Record<Weekday, HoursRange[]>>;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** PATCH body: absent fields stay; null phone/email clear. */
export interface BrokerChanges {
  name?: string;
  phone?: string | null;
  email?: string | null;
  timezone?: string;
  businessHours?: Partial<Record<Weekday, HoursRange[]>>;
}

// ---- prompt ----

/** `PromptConfigResponse`. */
export interface PromptConfig {
  agentName: string;
  identityPrompt?: string;
  businessContext?: string;
  agentRules?: string;
  language: string;
  enableAppointmentBooking: boolean;
  updatedAt?: string;
}

export type PromptConfigRequest = Omit<PromptConfig, 'updatedAt'>;

// ---- lead / scoring ----

export const LEAD_FIELDS = [
  'name',
  'phone',
  'email',
  'location',
  'operation',
  'property_type',
  'bedrooms',
  'bathrooms',
  'parking',
  'budget',
  'monthly_income',
  'dicom_status',
  'debt_amount',
  'timeline',
  'interest_level',
  'financing',
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

/** `LeadConfigResponse`. */
export interface LeadConfig {
  fieldWeights: Partial<Record<LeadField, number>>;
  coldMaxScore: number;
  warmMaxScore: number;
  hotMinScore: number;
  fieldPriority: LeadField[];
  requiredProfileFields: LeadField[][];
  qualifiedIncome: number;
  potentialIncome: number;
  acceptableDebt: number;
  autoCloseNotQualified: boolean;
  hotAlertScore?: number;
  agentsSeeUnassigned: boolean;
  staleAfterDays: number;
  updatedAt?: string;
}

/** PUT body (also the `settings` of a score preview); `hotMinScore` follows `warmMaxScore`. */
export type LeadConfigRequest = Omit<LeadConfig, 'updatedAt' | 'hotMinScore' | 'hotAlertScore'> & { hotAlertScore: number | null };

export const toLeadConfigRequest = (config: LeadConfig): LeadConfigRequest => ({
  fieldWeights: config.fieldWeights,
  coldMaxScore: config.coldMaxScore,
  warmMaxScore: config.warmMaxScore,
  fieldPriority: config.fieldPriority,
  requiredProfileFields: config.requiredProfileFields,
  qualifiedIncome: config.qualifiedIncome,
  potentialIncome: config.potentialIncome,
  acceptableDebt: config.acceptableDebt,
  autoCloseNotQualified: config.autoCloseNotQualified,
  hotAlertScore: config.hotAlertScore ?? null,
  agentsSeeUnassigned: config.agentsSeeUnassigned,
  staleAfterDays: config.staleAfterDays,
});

/** The sample lead of a score preview. */
export interface SampleLead {
  name?: string;
  phone?: string;
  email?: string;
  facts: LeadFacts;
}

/** `ScorePreviewResponse`. */
export interface ScorePreview {
  score: number;
  scoreComponents: ScoreComponent[];
  status: LeadStatus;
  qualification?: string;
  stage: PipelineStage;
}

/** `RescoringResponse`: the latest background rescoring. */
export interface RescoringRun {
  id: string;
  status: 'pending' | 'running' | 'done' | 'superseded' | 'failed';
  total?: number;
  processed: number;
  changed: number;
  percent?: number;
  requestedAt: string;
  startedAt?: string;
  finishedAt?: string;
}

// ---- chat ----

/** `POST …/config/chat/test`: the provider's answer to the stored credentials (ok=false says why). */
export interface ChatTestResult {
  provider: string;
  ok: boolean;
  checkedAt: string;
  details?: Record<string, unknown>;
  problem?: { code: string; message: string };
}

export const CHAT_PROVIDERS = ['webchat', 'telegram', 'whatsapp'] as const;
export type ChatProvider = (typeof CHAT_PROVIDERS)[number];

export interface TelegramCredentials {
  botToken?: string;
  webhookSecret?: string;
}

export interface WhatsappCredentials {
  phoneNumberId?: string;
  accessToken?: string;
  appSecret?: string;
  verifyToken?: string;
}

/** `ChatConfigResponse`: secrets arrive masked (`••••1234`). */
export interface ChatConfig {
  enabledProviders: ChatProvider[];
  defaultProvider: ChatProvider;
  telegram: TelegramCredentials;
  whatsapp: WhatsappCredentials;
  burstWindowSeconds: number;
  takeoverIdleMinutes: number;
  updatedAt?: string;
}

/** PUT body: a credential sent back masked keeps its value, null or "" clears it. */
export interface ChatConfigRequest {
  enabledProviders: ChatProvider[];
  defaultProvider: ChatProvider;
  telegram: Record<keyof TelegramCredentials, string | null>;
  whatsapp: Record<keyof WhatsappCredentials, string | null>;
  burstWindowSeconds: number;
  takeoverIdleMinutes: number;
}

// ---- voice ----

export const VOICE_PROVIDERS = ['vapi', 'bland'] as const;

/** `VoiceConfigResponse`. */
export interface VoiceConfig {
  provider?: string;
  providerCredentials: Record<string, string>;
  phoneNumberId?: string;
  assistantIdDefault?: string;
  callingHoursStart: string;
  callingHoursEnd: string;
  maxConcurrentCalls: number;
  configured: boolean;
  updatedAt?: string;
}

export interface VoiceConfigRequest {
  provider: string | null;
  providerCredentials: Record<string, string | null>;
  phoneNumberId: string | null;
  assistantIdDefault: string | null;
  callingHoursStart: string;
  callingHoursEnd: string;
  maxConcurrentCalls: number;
}

// ---- LLM ----

export const LLM_PROVIDERS = ['openai', 'openai_compatible', 'anthropic', 'gemini', 'ollama'] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

/** `LlmConfigResponse`: `provider` absent = the server's chain; keys masked. */
export interface LlmConfig {
  provider?: 'offline' | LlmProvider;
  model?: string;
  baseUrl?: string;
  fallbacks: string[];
  apiKeys: Partial<Record<LlmProvider, string>>;
  monthlyBudgetUsd?: number;
  agent: 'server' | 'broker' | 'offline';
  updatedAt?: string;
}

export interface LlmConfigRequest {
  provider: 'offline' | LlmProvider | null;
  model: string | null;
  baseUrl: string | null;
  fallbacks: string[];
  apiKeys: Partial<Record<LlmProvider, string | null>>;
  monthlyBudgetUsd: number | null;
}

export interface UsageDay {
  day: string;
  calls: number;
  failed: number;
  tokensIn: number;
  tokensOut: number;
  costUsd?: number;
}

export interface ModelUsage {
  provider: string;
  model: string;
  calls: number;
  failed: number;
  tokensIn: number;
  tokensOut: number;
  costUsd?: number;
}

export interface Budget {
  monthlyBudgetUsd?: number;
  month: string;
  spentUsd: number;
  reached: boolean;
  reachedAt?: string;
}

/** `GET /api/v1/llm/usage`; `costUsd` absent when a model has no price. */
export interface LlmUsage {
  from: string;
  to: string;
  days: UsageDay[];
  models: ModelUsage[];
  calls: number;
  failed: number;
  tokensIn: number;
  tokensOut: number;
  costUsd?: number;
  qualifiedLeads: number;
  costPerQualifiedLeadUsd?: number;
  budget: Budget;
}

export interface BrokerCost {
  brokerId: string;
  name: string;
  slug: string;
  calls: number;
  failed: number;
  tokensIn: number;
  tokensOut: number;
  costUsd?: number;
}

/** `GET /api/v1/llm/usage/brokers` (SUPERADMIN). */
export interface PlatformUsage {
  from: string;
  to: string;
  brokers: BrokerCost[];
  calls: number;
  failed: number;
  tokensIn: number;
  tokensOut: number;
  costUsd?: number;
}

// ---- users ----

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Exclude<Role, 'SUPERADMIN'>;
  active: boolean;
  brokerId?: string;
  lastLoginAt?: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewStaffUser {
  name: string;
  email: string;
  role: StaffUser['role'];
  password: string;
}

export type StaffUserChanges = Partial<Pick<StaffUser, 'name' | 'email' | 'role' | 'active'>> & { password?: string };

// ---- calls ----

export const settingsApi = {
  broker: (brokerId: string | null, signal?: AbortSignal) => api.get<BrokerProfile>(brokerBase(brokerId), { ...brokerCall, signal }),
  updateBroker: (brokerId: string | null, changes: BrokerChanges) => api.patch<BrokerProfile>(brokerBase(brokerId), changes, brokerCall),

  prompt: (brokerId: string | null, signal?: AbortSignal) =>
    api.get<PromptConfig>(`${brokerBase(brokerId)}/config/prompt`, { ...brokerCall, signal }),
  savePrompt: (brokerId: string | null, body: PromptConfigRequest) =>
    api.put<PromptConfig>(`${brokerBase(brokerId)}/config/prompt`, body, brokerCall),

  lead: (brokerId: string | null, signal?: AbortSignal) => api.get<LeadConfig>(`${brokerBase(brokerId)}/config/lead`, { ...brokerCall, signal }),
  saveLead: (brokerId: string | null, body: LeadConfigRequest) =>
    api.put<LeadConfig>(`${brokerBase(brokerId)}/config/lead`, body, brokerCall),
  scorePreview: (lead: SampleLead, settings: LeadConfigRequest, signal?: AbortSignal) =>
    api.post<ScorePreview>('/api/v1/leads/score-preview', { lead, settings }, { signal }),
  rescoring: (signal?: AbortSignal) => api.get<RescoringRun>('/api/v1/broker/rescoring', { signal }),

  chat: (brokerId: string | null, signal?: AbortSignal) => api.get<ChatConfig>(`${brokerBase(brokerId)}/config/chat`, { ...brokerCall, signal }),
  saveChat: (brokerId: string | null, body: ChatConfigRequest) =>
    api.put<ChatConfig>(`${brokerBase(brokerId)}/config/chat`, body, brokerCall),

  testChat: (brokerId: string | null, provider: 'telegram' | 'whatsapp') =>
    api.post<ChatTestResult>(`${brokerBase(brokerId)}/config/chat/test`, { provider }, brokerCall),

  voice: (brokerId: string | null, signal?: AbortSignal) =>
    api.get<VoiceConfig>(`${brokerBase(brokerId)}/config/voice`, { ...brokerCall, signal }),
  saveVoice: (brokerId: string | null, body: VoiceConfigRequest) =>
    api.put<VoiceConfig>(`${brokerBase(brokerId)}/config/voice`, body, brokerCall),

  llm: (brokerId: string | null, signal?: AbortSignal) => api.get<LlmConfig>(`${brokerBase(brokerId)}/config/llm`, { ...brokerCall, signal }),
  saveLlm: (brokerId: string | null, body: LlmConfigRequest) =>
    api.put<LlmConfig>(`${brokerBase(brokerId)}/config/llm`, body, brokerCall),
  usage: (period: { from?: string; to?: string }, signal?: AbortSignal) =>
    api.get<LlmUsage>('/api/v1/llm/usage', { query: period, signal }),
  platformUsage: (period: { from?: string; to?: string }, signal?: AbortSignal) =>
    api.get<PlatformUsage>('/api/v1/llm/usage/brokers', { query: period, brokerScoped: false, signal }),

  users: (signal?: AbortSignal) => api.get<{ items: StaffUser[] }>('/api/v1/users', { signal }),
  createUser: (user: NewStaffUser) => api.post<StaffUser>('/api/v1/users', user),
  updateUser: (id: string, changes: StaffUserChanges) =>
    api.patch<StaffUser>(`/api/v1/users/${encodeURIComponent(id)}`, changes, { brokerScoped: false }),
};

export const settingsKeys = {
  all: ['settings'] as const,
  broker: (brokerId: string | null) => ['settings', brokerId, 'broker'] as const,
  prompt: (brokerId: string | null) => ['settings', brokerId, 'prompt'] as const,
  lead: (brokerId: string | null) => ['settings', brokerId, 'lead'] as const,
  rescoring: (brokerId: string | null) => ['settings', brokerId, 'rescoring'] as const,
  chat: (brokerId: string | null) => ['settings', brokerId, 'chat'] as const,
  voice: (brokerId: string | null) => ['settings', brokerId, 'voice'] as const,
  llm: (brokerId: string | null) => ['settings', brokerId, 'llm'] as const,
  usage: (brokerId: string | null, from?: string, to?: string) => ['settings', brokerId, 'usage', from, to] as const,
  platformUsage: (from?: string, to?: string) => ['settings', 'platform-usage', from, to] as const,
  users: (brokerId: string | null) => ['settings', brokerId, 'users'] as const,
};

/** What a masked secret from the API starts with (`••••1234`); sent back as is, it keeps the stored value. */
export const SECRET_MASK = '••••';
export const isMasked = (value: string | undefined | null): boolean => !!value && value.startsWith(SECRET_MASK);
