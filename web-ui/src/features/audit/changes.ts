/**
 * Turns an audit entry's before/after summaries into readable field changes: nested objects are
 * walked (`fieldWeights.budget`), unchanged fields left out, lists compared as a whole.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface FieldChange {
  /** Dotted path of the field: `agentName`, `fieldWeights.budget`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: Json;
  after?: Json;
}

const isObject = (value: unknown): value is Record<string, Json> => value !== null && typeof value === 'object' && !Array.isArray(value);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function walk(before: Json | undefined, after: Json | undefined, path: string, out: FieldChange[]) {
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      walk(before[key], after[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  if (isObject(after) && before === undefined) {
    for (const key of Object.keys(after)) walk(undefined, after[key], path ? `${path}.${key}` : key, out);
    return;
  }
  if (isObject(before) && after === undefined) {
    for (const key of Object.keys(before)) walk(before[key], undefined, path ? `${path}.${key}` : key, out);
    return;
  }
  if (same(before, after)) return;
  const absent = (value: Json | undefined) => value === undefined || value === null;
  if (absent(before) && absent(after)) return;
  if (absent(before)) out.push({ path, kind: 'added', after });
  else if (absent(after)) out.push({ path, kind: 'removed', before });
  else out.push({ path, kind: 'changed', before, after });
}

/** The fields that differ between `before` and `after` (either may be absent: a creation, a deletion). */
export function fieldChanges(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before as Json | undefined, after as Json | undefined, '', out);
  return out;
}
