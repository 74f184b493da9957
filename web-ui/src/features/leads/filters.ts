import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Query } from '../../api/client';
import { CHANNELS, LEAD_STATUSES, PIPELINE_STAGES, type Channel, type LeadStatus, type PipelineStage } from '../../api/types';

/**
 * The leads table's filters, kept in the address bar (`/leads?status=hot&q=munoz`) so that a reload,
 * the back button or a shared link shows the same list. Unknown or malformed values are ignored.
 */

export const SORTS = ['-createdAt', 'createdAt', '-score', 'score'] as const;
export type LeadSort = (typeof SORTS)[number];
export const DEFAULT_SORT: LeadSort = '-createdAt';

/** Preset "created" periods; `custom` uses {@link LeadFilters.from} / {@link LeadFilters.to}. */
export const PERIODS = ['today', '7d', '30d', '90d', 'custom'] as const;
export type CreatedPeriod = (typeof PERIODS)[number];

/** `me` (the signed-in user), `none` (unassigned) or a user id. */
export type AssigneeFilter = 'me' | 'none' | (string & {});

export interface LeadFilters {
  q?: string;
  status?: LeadStatus;
  stage?: PipelineStage;
  channel?: Channel;
  assignedTo?: AssigneeFilter;
  stale?: boolean;
  minScore?: number;
  created?: CreatedPeriod;
  /** `YYYY-MM-DD`, with `created=custom`. */
  from?: string;
  to?: string;
  sort: LeadSort;
}

export const EMPTY_FILTERS: LeadFilters = { sort: DEFAULT_SORT };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[0-9a-zA-Z-]{1,64}$/;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** Reads the filters from the address bar's search params. */
export function parseFilters(params: URLSearchParams): LeadFilters {
  const filters: LeadFilters = { sort: oneOf(SORTS, params.get('sort')) ?? DEFAULT_SORT };
  const q = params.get('q')?.trim();
  if (q) filters.q = q.slice(0, 200);
  filters.status = oneOf(LEAD_STATUSES, params.get('status'));
  filters.stage = oneOf(PIPELINE_STAGES, params.get('stage'));
  filters.channel = oneOf(CHANNELS, params.get('channel'));
  const assignee = params.get('assignedTo');
  if (assignee && ID.test(assignee)) filters.assignedTo = assignee;
  if (params.get('stale') === 'true') filters.stale = true;
  const minScore = Number(params.get('minScore'));
  if (params.get('minScore') && Number.isInteger(minScore) && minScore >= 0 && minScore <= 100) filters.minScore = minScore;
  filters.created = oneOf(PERIODS, params.get('created'));
  if (filters.created === 'custom') {
    const from = params.get('from');
    const to = params.get('to');
    if (from && DATE.test(from)) filters.from = from;
    if (to && DATE.test(to)) filters.to = to;
    if (!filters.from && !filters.to) filters.created = undefined;
  }
  return stripUndefined(filters);
}

function stripUndefined(filters: LeadFilters): LeadFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as unknown as LeadFilters;
}

/** Writes the filters as search params, leaving defaults out (a clean `/leads` means "no filter"). */
export function filtersToParams(filters: LeadFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.assignedTo) params.set('assignedTo', filters.assignedTo);
  if (filters.stale) params.set('stale', 'true');
  if (filters.minScore !== undefined) params.set('minScore', String(filters.minScore));
  if (filters.created) {
    params.set('created', filters.created);
    if (filters.created === 'custom') {
      if (filters.from) params.set('from', filters.from);
      if (filters.to) params.set('to', filters.to);
    }
  }
  if (filters.sort !== DEFAULT_SORT) params.set('sort', filters.sort);
  return params;
}

const isoDate = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

const PERIOD_DAYS: Record<Exclude<CreatedPeriod, 'custom'>, number> = { today: 0, '7d': 6, '30d': 29, '90d': 89 };

/** The first day (local calendar) a preset period covers. */
export function periodStart(period: Exclude<CreatedPeriod, 'custom'>, now: Date): string {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - PERIOD_DAYS[period]);
  return isoDate(start);
}

/**
 * The `GET /api/v1/leads` query for the filters: `me` becomes the user's id, periods become
 * `createdFrom`/`createdTo` dates (the server reads a date as the whole UTC day).
 */
export function toApiQuery(filters: LeadFilters, context: { userId?: string; now?: Date } = {}): Query {
  const query: Query = {
    q: filters.q,
    status: filters.status,
    stage: filters.stage,
    channel: filters.channel,
    stale: filters.stale ? true : undefined,
    minScore: filters.minScore,
    sort: filters.sort,
  };
  if (filters.assignedTo === 'me') query.assignedTo = context.userId;
  else if (filters.assignedTo) query.assignedTo = filters.assignedTo;
  if (filters.created === 'custom') {
    query.createdFrom = filters.from;
    query.createdTo = filters.to;
  } else if (filters.created) {
    query.createdFrom = periodStart(filters.created, context.now ?? new Date());
  }
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== ''));
}

/** How many filters narrow the list (search and sort not counted). */
export function activeFilterCount(filters: LeadFilters): number {
  const keys: (keyof LeadFilters)[] = ['status', 'stage', 'channel', 'assignedTo', 'stale', 'minScore', 'created'];
  return keys.filter((key) => filters[key] !== undefined).length;
}

export type FiltersPatch = { [K in keyof LeadFilters]?: LeadFilters[K] | undefined };

/** Applies a change; `undefined` removes a filter. Leaving `custom` drops its dates. */
export function applyPatch(filters: LeadFilters, patch: FiltersPatch): LeadFilters {
  const next = { ...filters, ...patch, sort: patch.sort ?? filters.sort };
  if (next.created !== 'custom') {
    delete next.from;
    delete next.to;
  }
  return stripUndefined(next);
}

/**
 * The filters in the address bar and a way to change them; changes replace the history entry (no
 * back-button step per keystroke).
 */
export function useLeadFilters(): {
  filters: LeadFilters;
  update: (patch: FiltersPatch) => void;
  reset: () => void;
} {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // parsed once per distinct search string, so the object is stable between renders
  const filters = useMemo(() => parseFilters(new URLSearchParams(key)), [key]);
  const update = useCallback(
    (patch: FiltersPatch) =>
      setParams((current) => filtersToParams(applyPatch(parseFilters(current), patch)), { replace: true }),
    [setParams],
  );
  const reset = useCallback(
    () =>
      setParams((current) => {
        const sort = parseFilters(current).sort;
        return filtersToParams({ sort });
      }, { replace: true }),
    [setParams],
  );
  return { filters, update, reset };
}
