import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../api/types';
import { userMessage } from '../../../api/client';
import { notify, StageBadge, StatusBadge } from '../../../components/ui';
import { useFormat } from '../../../i18n/format';
import { useAuthStore } from '../../../stores/auth';
import type { ActivityEntry, LeadPatch, StaffUser } from '../api';
import { fieldProblem } from '../errors';
import { isStageMove } from './timeline';
import { useLeadAssign } from './useLeadUpdate';

/** The score, what made it, the temperature and the financial qualification. */
export function ScoreCard({ lead }: { lead: Lead }) {
  const { t } = useTranslation('leads');
  const format = useFormat();
  const components = [...lead.scoreComponents].sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return (
    <section className="card lead-card" aria-labelledby="lead-score-title">
      <h2 id="lead-score-title" className="lead-card__title">
        {t('score.title')}
      </h2>
      <div className="lead-score">
        <p className="lead-score__value">
          {format.number(lead.score)} <span className="muted lead-score__of">{t('score.outOf')}</span>
        </p>
        <StatusBadge status={lead.status} />
      </div>
      <meter className="lead-score__meter" min={0} max={100} low={40} high={70} optimum={100} value={lead.score} aria-label={t('score.title')}>
        {lead.score}
      </meter>
      <dl className="lead-facts lead-facts--compact">
        <div className="lead-fact">
          <dt className="lead-fact__label">{t('score.qualification')}</dt>
          <dd className="lead-fact__value">
            {lead.qualification
              ? t(`score.qualifications.${lead.qualification}` as 'score.qualifications.QUALIFIED', { defaultValue: lead.qualification })
              : t('score.notQualifiedYet')}
          </dd>
        </div>
      </dl>
      <h3 className="lead-card__subtitle">{t('score.reasons')}</h3>
      {components.length === 0 ? (
        <p className="muted">{t('score.noReasons')}</p>
      ) : (
        <ul className="lead-reasons">
          {components.map((component) => (
            <li key={`${component.factor}-${component.reason}`} className="lead-reasons__item">
              <span className={component.points < 0 ? 'lead-reasons__points lead-reasons__points--negative' : 'lead-reasons__points'}>
                {t('score.points', { points: `${component.points > 0 ? '+' : ''}${format.number(component.points)}` })}
              </span>
              <span>{component.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The stage, since when, why it closed, and how it got there (from the activity log). */
export function StageCard({ lead, activity }: { lead: Lead; activity: ActivityEntry[] | undefined }) {
  const { t } = useTranslation(['leads', 'common']);
  const format = useFormat();
  const moves = (activity ?? []).filter(isStageMove);
  const closeReason = lead.closeReason
    ? t(`stage.closeReasons.${lead.closeReason}` as 'stage.closeReasons.sold', { defaultValue: lead.closeReason.replace(/_/g, ' ') })
    : undefined;
  return (
    <section className="card lead-card" aria-labelledby="lead-stage-title">
      <h2 id="lead-stage-title" className="lead-card__title">
        {t('stage.title')}
      </h2>
      <p className="lead-stage">
        <StageBadge stage={lead.stage} />
        {lead.stageEnteredAt && <span className="muted">{t('stage.since', { when: format.date(lead.stageEnteredAt) })}</span>}
      </p>
      {closeReason && (
        <p className="lead-card__note">
          {t('stage.closeReason', { reason: closeReason })}
          {lead.closeDetail && ` — ${lead.closeDetail}`}
        </p>
      )}
      <h3 className="lead-card__subtitle">{t('stage.history')}</h3>
      {activity === undefined ? null : moves.length === 0 ? (
        <p className="muted">{t('stage.noHistory')}</p>
      ) : (
        <ol className="lead-stage-history">
          {moves.map((move) => {
            const from = String(move.details.from ?? '');
            const to = String(move.details.to ?? '');
            const rule = typeof move.details.rule === 'string' ? move.details.rule : undefined;
            const reason = typeof move.details.reason === 'string' ? move.details.reason : undefined;
            return (
              <li key={move.id} className="lead-stage-history__item">
                <span className="lead-stage-history__move">
                  {t('stage.move', {
                    from: t(`common:stage.${from}` as 'common:stage.new', { defaultValue: from }),
                    to: t(`common:stage.${to}` as 'common:stage.new', { defaultValue: to }),
                  })}
                </span>
                <span className="muted lead-stage-history__why">
                  {[rule && t(`stage.rules.${rule}` as 'stage.rules.manual', { defaultValue: rule }), reason].filter(Boolean).join(': ')}
                </span>
                <time className="muted lead-stage-history__when" dateTime={move.createdAt}>
                  {format.dateTime(move.createdAt)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/**
 * Who works the lead. Managers reassign to any active admin or agent (or nobody); an agent may take
 * an unassigned lead or give their own back — the same rules the API applies.
 */
export function AssignmentCard({
  lead,
  manager,
  assignable,
  userName,
}: {
  lead: Lead;
  manager: boolean;
  assignable: readonly StaffUser[];
  userName: (id: string | undefined) => string;
}) {
  const { t } = useTranslation('leads');
  const id = useId();
  const me = useAuthStore((state) => state.user?.id);
  const assign = useLeadAssign(lead.id);
  const [target, setTarget] = useState('');

  const run = (assignee: string | null) =>
    assign.mutate(assignee, {
      onSuccess: (updated) => {
        setTarget('');
        notify(updated.assignedTo ? t('assignment.assigned', { name: userName(updated.assignedTo) }) : t('assignment.unassignedDone'));
      },
      onError: (error) => notify(userMessage(error), 'error'),
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target) run(target === 'nobody' ? null : target);
  };

  const busy = assign.isPending;
  return (
    <section className="card lead-card" aria-labelledby="lead-assignment-title">
      <h2 id="lead-assignment-title" className="lead-card__title">
        {t('assignment.title')}
      </h2>
      <p className="lead-assignee">
        <span className="muted">{t('assignment.current')}: </span>
        <strong>{userName(lead.assignedTo)}</strong>
      </p>
      {manager ? (
        <form className="lead-assign-form" onSubmit={submit}>
          <label htmlFor={id}>{t('assignment.reassign')}</label>
          <div className="lead-assign-form__row">
            <select id={id} className="select select--compact" value={target} onChange={(event) => setTarget(event.target.value)} disabled={busy}>
              <option value="">{t('assignment.choose')}</option>
              {assignable
                .filter((user) => user.id !== lead.assignedTo)
                .map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.name}
                  </option>
                ))}
              {lead.assignedTo && <option value="nobody">{t('assignment.nobody')}</option>}
            </select>
            <button type="submit" className="button button--compact" disabled={busy || !target} aria-busy={busy}>
              {t('assignment.reassign')}
            </button>
          </div>
        </form>
      ) : !lead.assignedTo ? (
        <button type="button" className="button button--compact" onClick={() => run(me ?? null)} disabled={busy || !me} aria-busy={busy}>
          {t('assignment.claim')}
        </button>
      ) : lead.assignedTo === me ? (
        <button type="button" className="button button--secondary button--compact" onClick={() => run(null)} disabled={busy} aria-busy={busy}>
          {t('assignment.giveBack')}
        </button>
      ) : null}
    </section>
  );
}

/**
 * The lead's notes: one free text the API keeps with the lead (`notes`, up to 10 000 characters),
 * edited as a whole.
 */
export function NotesCard({ lead, editable, save }: { lead: Lead; editable: boolean; save: (patch: LeadPatch) => Promise<unknown> }) {
  const { t } = useTranslation('leads');
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const trimmed = text.trim();
      await save({ notes: trimmed === '' ? null : trimmed });
      notify(t('notes.saved'));
      setEditing(false);
    } catch (cause) {
      setError(fieldProblem(cause).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card lead-card" aria-labelledby="lead-notes-title">
      <h2 id="lead-notes-title" className="lead-card__title">
        {t('notes.title')}
      </h2>
      {editing ? (
        <form className="lead-notes-form" onSubmit={(event) => void submit(event)}>
          <label htmlFor={id} className="visually-hidden">
            {t('notes.label')}
          </label>
          <textarea
            id={id}
            className="leads-textarea"
            rows={6}
            maxLength={10_000}
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error && (
            <span id={`${id}-error`} className="leads-field__error" role="alert">
              {error}
            </span>
          )}
          <div className="lead-fact__actions">
            <button type="submit" className="button button--compact" disabled={saving} aria-busy={saving}>
              {saving ? t('edit.saving') : t('notes.save')}
            </button>
            <button type="button" className="button button--secondary button--compact" onClick={() => setEditing(false)} disabled={saving}>
              {t('edit.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          {lead.notes ? <p className="lead-notes">{lead.notes}</p> : <p className="muted">{t('notes.empty')}</p>}
          {editable && (
            <button
              type="button"
              className="button button--secondary button--compact"
              onClick={() => {
                setText(lead.notes ?? '');
                setError(null);
                setEditing(true);
              }}
            >
              {lead.notes ? t('notes.edit') : t('notes.add')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
