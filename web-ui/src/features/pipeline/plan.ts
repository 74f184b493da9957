import type { Lead, PipelineStage, Role } from '../../api/types';
import { isClosed } from './closeReasons';

/**
 * What dropping `lead` on `to` means: nothing, a plain move, closing (asks for a reason), reopening
 * (admins only, asks for confirmation), or a refused move.
 */
export type MovePlan = 'none' | 'move' | 'close' | 'reopen' | 'reopenDenied' | 'closedToClosed';

/** Whether a role may reopen won or lost leads (the server's `PipelineMoves.mayReopen`). */
export const mayReopen = (role: Role | undefined) => role === 'ADMIN' || role === 'SUPERADMIN';

export function planMove(lead: Pick<Lead, 'stage'>, to: PipelineStage, role: Role | undefined): MovePlan {
  const from = lead.stage;
  if (from === to) return 'none';
  if (isClosed(from)) {
    if (isClosed(to)) return 'closedToClosed';
    return mayReopen(role) ? 'reopen' : 'reopenDenied';
  }
  return isClosed(to) ? 'close' : 'move';
}
