import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userMessage } from '../../api/client';
import { notify } from '../../components/ui';
import { useAuthStore } from '../../stores/auth';
import { assignLead, leadKeys, type StaffUser } from './api';
import { runAll, useLeadSelection } from './selection';

const NOBODY = '__nobody__';

/**
 * What to do with the picked rows. The API assigns one lead per call (`POST /leads/{id}/assign`),
 * so a bulk assignment is a few calls at a time; the toast says how many went through and why the
 * others did not. Managers pick anyone (or nobody); an agent may only take unassigned leads or give
 * their own back.
 */
export function BulkAssignBar({ manager, assignable }: { manager: boolean; assignable: readonly StaffUser[] }) {
  const { t } = useTranslation('leads');
  const id = useId();
  const me = useAuthStore((state) => state.user?.id);
  const ids = useLeadSelection((state) => state.ids);
  const clear = useLeadSelection((state) => state.clear);
  const queryClient = useQueryClient();
  const [target, setTarget] = useState('');

  const assign = useMutation({
    mutationFn: async (assignee: string | null) => {
      const chosen = [...ids];
      const results = await runAll(chosen, (leadId) => assignLead(leadId, assignee));
      return { total: chosen.length, failures: results.filter((result) => result.status === 'rejected') };
    },
    onSuccess: ({ total, failures }) => {
      const done = total - failures.length;
      if (done > 0) notify(t('bulk.done', { count: done }));
      const first = failures[0];
      if (first) {
        notify(t('bulk.failed', { failed: failures.length, total, reason: userMessage(first.reason) }), 'error');
      } else {
        clear();
        setTarget('');
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: leadKeys.all }),
  });

  if (ids.size === 0) return null;
  const busy = assign.isPending;

  return (
    <section className="leads-bulk" aria-label={t('bulk.label')}>
      <p className="leads-bulk__count" aria-live="polite">
        {t('bulk.selected', { count: ids.size })}
      </p>
      {manager ? (
        <form
          className="leads-bulk__form"
          onSubmit={(event) => {
            event.preventDefault();
            if (target) assign.mutate(target === NOBODY ? null : target);
          }}
        >
          <label htmlFor={id}>{t('bulk.assignTo')}</label>
          <select id={id} className="select select--compact" value={target} onChange={(event) => setTarget(event.target.value)} disabled={busy}>
            <option value="">{t('bulk.choose')}</option>
            {assignable.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
            <option value={NOBODY}>{t('bulk.unassign')}</option>
          </select>
          <button type="submit" className="button" disabled={busy || !target} aria-busy={busy}>
            {busy ? t('bulk.assigning') : t('bulk.assign')}
          </button>
        </form>
      ) : (
        <div className="leads-bulk__form">
          <button type="button" className="button" disabled={busy || !me} onClick={() => assign.mutate(me ?? null)} aria-busy={busy}>
            {busy ? t('bulk.assigning') : t('bulk.claim')}
          </button>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => assign.mutate(null)}>
            {t('bulk.giveBack')}
          </button>
        </div>
      )}
      <button type="button" className="button button--ghost" onClick={clear} disabled={busy}>
        {t('bulk.clear')}
      </button>
    </section>
  );
}
