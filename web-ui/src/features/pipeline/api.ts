import { api } from '../../api/client';
import type { Lead, Page, PipelineStage } from '../../api/types';

/** `PipelineResource.ColumnResponse`: a stage, its lead count and its newest leads. */
export interface BoardColumnResponse {
  stage: PipelineStage;
  label: string;
  count: number;
  items: Lead[];
  /** Continue with `GET /api/v1/leads?stage=&sort=-createdAt&cursor=`; absent on the last page. */
  nextCursor?: string;
}

export interface BoardResponse {
  stages: BoardColumnResponse[];
}

/** How many leads a column shows at first and per "Ver más". */
export const PAGE_SIZE = 30;

/** Filters of the board. `assignedTo`: a user id, `none` for unassigned leads, empty for everyone. */
export interface BoardFilters {
  assignedTo: string;
  q: string;
}

export const NO_FILTERS: BoardFilters = { assignedTo: '', q: '' };

export const hasFilters = (filters: BoardFilters) => filters.assignedTo !== '' || filters.q.trim() !== '';

/** `GET /api/v1/pipeline/board`: every stage with its count and newest leads (no filters). */
export const fetchBoard = (signal?: AbortSignal) =>
  api.get<BoardResponse>('/api/v1/pipeline/board', { query: { limit: PAGE_SIZE }, signal });

/** One stage's leads, newest first, filtered; the board's own cursor continues here too. */
export const fetchStageLeads = (stage: PipelineStage, filters: BoardFilters, cursor?: string, signal?: AbortSignal) =>
  api.get<Page<Lead>>('/api/v1/leads', {
    query: {
      stage,
      assignedTo: filters.assignedTo,
      q: filters.q.trim(),
      sort: '-createdAt',
      limit: PAGE_SIZE,
      cursor,
    },
    signal,
  });

/** `POST /api/v1/leads/{id}/stage`: every manual move needs a reason; closing takes a reason code. */
export interface StageMoveRequest {
  stage: PipelineStage;
  reason: string;
  closeReason?: string;
}

export const moveLeadStage = (leadId: string, move: StageMoveRequest) =>
  api.post<Lead>(`/api/v1/leads/${encodeURIComponent(leadId)}/stage`, move);
