import type { Lead, PipelineStage } from '../../api/types';
import type { BoardResponse } from './api';

/** A lead as the API answers it, for tests. */
export function testLead(id: string, name: string, stage: PipelineStage, extra: Partial<Lead> = {}): Lead {
  return {
    id,
    name,
    status: stage === 'won' ? 'converted' : stage === 'lost' ? 'lost' : 'warm',
    score: 60,
    scoreComponents: [],
    stage,
    stageEnteredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    facts: { location: 'Ñuñoa', budget: { amount: 4500, currency: 'UF' } },
    sensitiveFactsHidden: false,
    tags: [],
    identities: [{ channel: 'whatsapp', value: '+56912345678' }],
    createdAt: '2026-11-20T12:00:00Z',
    updatedAt: '2026-11-20T12:00:00Z',
    ...extra,
  };
}

const STAGES: PipelineStage[] = ['new', 'profiling', 'financial_qualification', 'potential', 'scheduled', 'won', 'lost'];

/** `GET /api/v1/pipeline/board` with these leads (counts = leads given, unless overridden). */
export function testBoard(leads: Lead[], counts: Partial<Record<PipelineStage, number>> = {}): BoardResponse {
  return {
    stages: STAGES.map((stage) => {
      const items = leads.filter((lead) => lead.stage === stage);
      return { stage, label: stage, count: counts[stage] ?? items.length, items };
    }),
  };
}
