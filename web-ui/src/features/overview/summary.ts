import type { PipelineStage } from '../../api/types';
import type { PipelineMetrics } from './api';

export interface FunnelStep {
  stage: PipelineStage;
  /** Leads that got at least this far. */
  reached: number;
  /** Share of the previous step that got here (absent for the first step or when none reached it). */
  rate?: number;
  /** Leads in this stage right now. */
  current: number;
}

export interface OverviewSummary {
  newLeads: number;
  newThisWeek: number;
  medianFirstResponseSeconds?: number;
  /** Leads that got to "won" over all leads; absent when there are no leads. */
  conversion?: number;
  total: number;
  won: number;
  lost: number;
  funnel: FunnelStep[];
}

/** The overview's figures, derived from the pipeline metrics. */
export function summarize(metrics: PipelineMetrics): OverviewSummary {
  const current = new Map(metrics.stages.map((stage) => [stage.stage, stage.count]));
  const first = metrics.conversion[0];
  const last = metrics.conversion.at(-1);
  const funnel: FunnelStep[] = first
    ? [
        { stage: first.from, reached: first.reached, current: current.get(first.from) ?? 0 },
        ...metrics.conversion.map((step) => ({
          stage: step.to,
          reached: step.advanced,
          rate: step.rate ?? undefined,
          current: current.get(step.to) ?? 0,
        })),
      ]
    : [];
  const total = first?.reached ?? 0;
  const won = last?.advanced ?? 0;
  return {
    newLeads: metrics.weeklyIntake.reduce((sum, week) => sum + week.leads, 0),
    newThisWeek: metrics.weeklyIntake.at(-1)?.leads ?? 0,
    medianFirstResponseSeconds: metrics.medianFirstResponseSeconds ?? undefined,
    conversion: total > 0 ? won / total : undefined,
    total,
    won,
    lost: current.get('lost') ?? 0,
    funnel,
  };
}
