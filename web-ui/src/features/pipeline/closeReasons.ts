import type { PipelineStage } from '../../api/types';

/**
 * The close-reason codes the board offers (`closeReason` of `POST /api/v1/leads/{id}/stage`). The
 * API takes any lower_snake_case code; these are the ones the product and its automatic closing use
 * (`not_qualified`), and the server's own default for a won lead without a code is `won`.
 */
export const CLOSE_REASONS = {
  won: ['sold', 'other'],
  lost: ['bought_elsewhere', 'not_interested', 'not_qualified', 'unreachable', 'duplicate', 'other'],
} as const;

export type ClosedStage = keyof typeof CLOSE_REASONS;
export type CloseReasonCode = (typeof CLOSE_REASONS)[ClosedStage][number];

export const isClosed = (stage: PipelineStage): stage is ClosedStage => stage === 'won' || stage === 'lost';

/** "Other reason" needs words; the rest may go without a detail. */
export const needsDetail = (code: CloseReasonCode) => code === 'other';
