import { create } from 'zustand';
import { userMessage } from '../../api/client';
import { PIPELINE_STAGES, type Lead, type PipelineStage } from '../../api/types';
import { notify } from '../../components/ui';
import { i18n } from '../../i18n';
import { fetchBoard, fetchStageLeads, hasFilters, moveLeadStage, NO_FILTERS, type BoardFilters, type StageMoveRequest } from './api';

/** One column of the board as shown. */
export interface Column {
  stage: PipelineStage;
  /** All leads in the stage (the server's count); null when filtered, where only loaded leads are known. */
  count: number | null;
  items: Lead[];
  nextCursor?: string;
  loadingMore: boolean;
}

export type Columns = Record<PipelineStage, Column>;

export type MoveResult = { ok: true; lead: Lead } | { ok: false; error: unknown };

export interface BoardState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Why the last (re)load failed. */
  error: unknown;
  filters: BoardFilters;
  columns: Columns;
  /** Moves sent and not answered yet: lead id → target stage (kept across refetches). */
  pending: Partial<Record<string, PipelineStage>>;

  /** Loads the board with these filters (the current ones when absent), showing the loading state. */
  load: (filters?: BoardFilters) => Promise<void>;
  /** Reads the board again in the background (live updates), keeping what is shown meanwhile. */
  refresh: () => Promise<void>;
  /** The next page of one column. */
  loadMore: (stage: PipelineStage) => Promise<void>;
  /** Moves a lead at once on screen, then asks the server; puts it back with a notice when refused. */
  move: (leadId: string, request: StageMoveRequest) => Promise<MoveResult>;
  reset: () => void;
}

const emptyColumns = (): Columns =>
  Object.fromEntries(PIPELINE_STAGES.map((stage) => [stage, { stage, count: 0, items: [], loadingMore: false }])) as unknown as Columns;

const t = i18n.getFixedT(null, 'pipeline');

/** Where a lead is on the board. */
export function locate(columns: Columns, leadId: string): { stage: PipelineStage; index: number; lead: Lead } | undefined {
  for (const stage of PIPELINE_STAGES) {
    const index = columns[stage].items.findIndex((lead) => lead.id === leadId);
    if (index >= 0) return { stage, index, lead: columns[stage].items[index]! };
  }
  return undefined;
}

const adjust = (count: number | null, by: number) => (count === null ? null : Math.max(0, count + by));

/** The columns with `lead` taken out of its column and put into `to` at `index` (top by default). */
function relocate(columns: Columns, lead: Lead, to: PipelineStage, index = 0): Columns {
  const found = locate(columns, lead.id);
  const next = { ...columns };
  if (found) {
    const source = next[found.stage];
    next[found.stage] = { ...source, items: source.items.filter((item) => item.id !== lead.id), count: adjust(source.count, -1) };
  }
  const target = next[to];
  const items = [...target.items];
  items.splice(Math.min(index, items.length), 0, lead);
  next[to] = { ...target, items, count: found ? adjust(target.count, 1) : target.count };
  return next;
}

/** Replaces a lead where it is (after the server answered), moving it if its stage differs. */
function replace(columns: Columns, lead: Lead): Columns {
  const found = locate(columns, lead.id);
  if (!found) return columns;
  if (found.stage !== lead.stage) return relocate(columns, lead, lead.stage);
  const column = columns[found.stage];
  const items = [...column.items];
  items[found.index] = lead;
  return { ...columns, [found.stage]: { ...column, items } };
}

async function read(filters: BoardFilters): Promise<Columns> {
  const columns = emptyColumns();
  if (!hasFilters(filters)) {
    const board = await fetchBoard();
    for (const column of board.stages) {
      if (!(column.stage in columns)) continue; // a stage this dashboard does not know yet
      columns[column.stage] = { stage: column.stage, count: column.count, items: column.items, nextCursor: column.nextCursor, loadingMore: false };
    }
    return columns;
  }
  const pages = await Promise.all(PIPELINE_STAGES.map((stage) => fetchStageLeads(stage, filters)));
  PIPELINE_STAGES.forEach((stage, index) => {
    const page = pages[index]!;
    columns[stage] = { stage, count: null, items: page.items, nextCursor: page.nextCursor, loadingMore: false };
  });
  return columns;
}

/** Each (re)load gets a number; an answer to an older one is dropped. */
let generation = 0;

export const useBoardStore = create<BoardState>()((set, get) => {
  /** Fresh columns with the moves still in flight applied on top, so a refetch does not undo them. */
  const withPending = (columns: Columns): Columns => {
    let next = columns;
    for (const [leadId, stage] of Object.entries(get().pending)) {
      const found = stage ? locate(next, leadId) : undefined;
      if (found && stage && found.stage !== stage) next = relocate(next, { ...found.lead, stage }, stage);
    }
    return next;
  };

  const fetchInto = async (filters: BoardFilters, background: boolean) => {
    const mine = ++generation;
    if (!background) set({ status: 'loading', error: null, filters });
    try {
      const columns = await read(filters);
      if (mine !== generation) return;
      set({ status: 'ready', error: null, columns: withPending(columns) });
    } catch (error) {
      if (mine !== generation) return;
      // a failed background refresh keeps the board as it was
      if (!background || get().status !== 'ready') set({ status: 'error', error });
    }
  };

  return {
    status: 'idle',
    error: null,
    filters: NO_FILTERS,
    columns: emptyColumns(),
    pending: {},

    load: (filters) => fetchInto(filters ?? get().filters, false),

    refresh: () => fetchInto(get().filters, true),

    loadMore: async (stage) => {
      const column = get().columns[stage];
      if (!column.nextCursor || column.loadingMore) return;
      const mine = generation;
      const setColumn = (change: Partial<Column>) =>
        set((state) => ({ columns: { ...state.columns, [stage]: { ...state.columns[stage], ...change } } }));
      setColumn({ loadingMore: true });
      try {
        const page = await fetchStageLeads(stage, get().filters, column.nextCursor);
        if (mine !== generation) return;
        const known = new Set(get().columns[stage].items.map((lead) => lead.id));
        setColumn({
          items: [...get().columns[stage].items, ...page.items.filter((lead) => !known.has(lead.id))],
          nextCursor: page.nextCursor,
          loadingMore: false,
        });
      } catch (error) {
        setColumn({ loadingMore: false });
        notify(t('board.loadMoreFailed', { reason: userMessage(error) }), 'error');
      }
    },

    move: async (leadId, request) => {
      const found = locate(get().columns, leadId);
      if (!found) return { ok: false, error: new Error('lead not on the board') };
      const { stage: from, index, lead } = found;
      if (from === request.stage) return { ok: true, lead };

      const moved: Lead = { ...lead, stage: request.stage, stageEnteredAt: new Date().toISOString() };
      set((state) => ({ columns: relocate(state.columns, moved, request.stage), pending: { ...state.pending, [leadId]: request.stage } }));
      const settle = () =>
        set((state) => {
          const pending = { ...state.pending };
          delete pending[leadId];
          return { pending };
        });

      try {
        const saved = await moveLeadStage(leadId, request);
        settle();
        set((state) => ({ columns: replace(state.columns, saved) }));
        return { ok: true, lead: saved };
      } catch (error) {
        settle();
        // back where it was (relative to the board now shown, which a refetch may have changed)
        set((state) => ({ columns: relocate(state.columns, lead, from, index) }));
        notify(t('board.moveFailed', { name: lead.name ?? t('card.unnamed'), reason: userMessage(error) }), 'error');
        return { ok: false, error };
      }
    },

    reset: () => {
      generation += 1;
      set({ status: 'idle', error: null, filters: NO_FILTERS, columns: emptyColumns(), pending: {} });
    },
  };
});
