/** Shapes shared by several API resources (see adapters-rest, LeadJson and PipelineResource). */

export const ROLES = ['SUPERADMIN', 'ADMIN', 'AGENT'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

export const LEAD_STATUSES = ['hot', 'warm', 'cold', 'converted', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const PIPELINE_STAGES = [
  'new',
  'profiling',
  'financial_qualification',
  'potential',
  'scheduled',
  'won',
  'lost',
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const CHANNELS = ['telegram', 'whatsapp', 'webchat', 'phone', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Money {
  amount: number;
  currency: 'CLP' | 'UF';
}

/** Facts as the API shows them; sensitive ones are absent when the caller may not see them. */
export interface LeadFacts {
  location?: string;
  operation?: string;
  propertyType?: string;
  bedrooms?: number;
  bathrooms?: number;
  parking?: number;
  budget?: Money;
  monthlyIncome?: Money;
  dicomStatus?: string;
  debtAmount?: Money;
  timeline?: string;
  interestLevel?: number;
  financing?: string;
}

export interface ScoreComponent {
  factor: string;
  points: number;
  reason: string;
}

export interface ChannelIdentity {
  channel: Channel;
  value: string;
}

/** `LeadResponse`: null fields are left out by the server. */
export interface Lead {
  id: string;
  name?: string;
  phone?: string;
  email?: string;
  status: LeadStatus;
  score: number;
  scoreComponents: ScoreComponent[];
  qualification?: string;
  stage: PipelineStage;
  stageEnteredAt?: string;
  assignedTo?: string;
  facts: LeadFacts;
  sensitiveFactsHidden: boolean;
  tags: string[];
  notes?: string;
  identities: ChannelIdentity[];
  closeReason?: string;
  closeDetail?: string;
  closedAt?: string;
  closedFromStage?: PipelineStage;
  optedOutAt?: string;
  lastContactedAt?: string;
  nextActionAt?: string;
  staleSince?: string;
  createdAt: string;
  updatedAt: string;
}

/** A cursor-paginated list (`nextCursor` absent on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
