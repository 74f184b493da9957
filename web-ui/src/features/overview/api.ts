import { api } from '../../api/client';
import type { Lead, Page, PipelineStage } from '../../api/types';

/** `PipelineResource.StageMetricsResponse`. */
export interface StageMetrics {
  stage: PipelineStage;
  label: string;
  count: number;
  budgetUf: number;
  budgetClp: number;
  averageDaysInStage: number;
  stuck: number;
}

/** Of the leads that reached `from`, how many reached `to`; `rate` absent when none reached `from`. */
export interface Conversion {
  from: PipelineStage;
  to: PipelineStage;
  reached: number;
  advanced: number;
  rate?: number;
}

export interface WeekIntake {
  /** ISO date of the week's Monday, in the broker's time zone. */
  weekStart: string;
  leads: number;
}

/** `GET /api/v1/pipeline/metrics`; `medianFirstResponseSeconds` absent without conversations. */
export interface PipelineMetrics {
  stages: StageMetrics[];
  conversion: Conversion[];
  stuckAfterDays: number;
  weeklyIntake: WeekIntake[];
  medianFirstResponseSeconds?: number;
}

export const HOT_LEADS_LIMIT = 200;

export const fetchMetrics = (weeks: number, signal?: AbortSignal) =>
  api.get<PipelineMetrics>('/api/v1/pipeline/metrics', { query: { weeks }, signal });

/** Hot leads, highest score first (up to {@link HOT_LEADS_LIMIT}; `nextCursor` means there are more). */
export const fetchHotLeads = (signal?: AbortSignal) =>
  api.get<Page<Lead>>('/api/v1/leads', { query: { status: 'hot', sort: '-score', limit: HOT_LEADS_LIMIT }, signal });

export const overviewKeys = {
  all: ['overview'] as const,
  metrics: (brokerId: string | null, weeks: number) => ['overview', 'metrics', brokerId, weeks] as const,
  hot: (brokerId: string | null) => ['overview', 'hot', brokerId] as const,
};
