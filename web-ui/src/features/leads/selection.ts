import { create } from 'zustand';

/**
 * The rows picked in the leads table for a bulk action. Lives outside the table so the bulk bar and
 * the rows share it; the page clears it when the filters change (hidden rows must not stay picked).
 */
interface SelectionState {
  ids: ReadonlySet<string>;
  toggle: (id: string) => void;
  /** Selects all of `ids` when any of them is unselected; otherwise unselects them all. */
  toggleAll: (ids: readonly string[]) => void;
  /** Keeps only the ids still present (e.g. after a refetch). */
  retain: (ids: readonly string[]) => void;
  clear: () => void;
}

export const useLeadSelection = create<SelectionState>()((set) => ({
  ids: new Set<string>(),
  toggle: (id) =>
    set((state) => {
      const ids = new Set(state.ids);
      if (ids.has(id)) ids.delete(id);
      else ids.add(id);
      return { ids };
    }),
  toggleAll: (all) =>
    set((state) => {
      const ids = new Set(state.ids);
      const everySelected = all.length > 0 && all.every((id) => ids.has(id));
      for (const id of all) {
        if (everySelected) ids.delete(id);
        else ids.add(id);
      }
      return { ids };
    }),
  retain: (present) =>
    set((state) => {
      const keep = new Set(present);
      const ids = new Set([...state.ids].filter((id) => keep.has(id)));
      return ids.size === state.ids.size ? state : { ids };
    }),
  clear: () => set((state) => (state.ids.size === 0 ? state : { ids: new Set<string>() })),
}));

/** Runs `task` for every item with at most `concurrency` at once; settles every one. */
export async function runAll<T, R>(
  items: readonly T[],
  task: (item: T) => Promise<R>,
  concurrency = 4,
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array<PromiseSettledResult<R>>(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await task(items[index]!) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
