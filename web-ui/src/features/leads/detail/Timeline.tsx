import {
  ArrowRightLeft,
  Bot,
  CalendarClock,
  FilePen,
  Gauge,
  Hourglass,
  MessageSquare,
  Phone,
  StickyNote,
  UserRoundCheck,
  type LucideIcon,
} from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userMessage } from '../../../api/client';
import { EmptyState, ErrorState, Skeleton } from '../../../components/ui';
import { useFormat } from '../../../i18n/format';
import { useAuthStore } from '../../../stores/auth';
import { ACTIVITY_LIMIT, type ActivityEntry, type ChatMessage } from '../api';
import { describe, TIMELINE_FILTERS, type TimelineFilter } from './timeline';

const ICONS: Record<string, LucideIcon> = {
  message_received: MessageSquare,
  message_sent: Bot,
  stage_changed: ArrowRightLeft,
  lead_closed: ArrowRightLeft,
  lead_reopened: ArrowRightLeft,
  score_changed: Gauge,
  assigned: UserRoundCheck,
  note: StickyNote,
  call: Phone,
  appointment: CalendarClock,
  lead_stale: Hourglass,
};

interface Props {
  entries: ActivityEntry[] | undefined;
  error: unknown;
  loading: boolean;
  onRetry: () => void;
  messages: ChatMessage[];
  messagesFailed: boolean;
  userName: (id: string | undefined) => string;
  /** Adds a note; absent when the user may not write on this lead. */
  onAddNote?: (text: string) => Promise<unknown>;
}

const NOTE_MAX = 2000;

/** A short note on the timeline: who called, what was agreed. */
function NoteComposer({ onAdd }: { onAdd: (text: string) => Promise<unknown> }) {
  const { t } = useTranslation('leads');
  const id = useId();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    setSaving(true);
    setError(null);
    try {
      await onAdd(trimmed);
      setText('');
    } catch (cause) {
      setError(userMessage(cause));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="timeline-note" onSubmit={(event) => void submit(event)}>
      <label htmlFor={id}>{t('timeline.note.label')}</label>
      <textarea
        id={id}
        className="leads-textarea"
        rows={2}
        maxLength={NOTE_MAX}
        value={text}
        placeholder={t('timeline.note.placeholder')}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--secondary" disabled={saving || !text.trim()} aria-busy={saving}>
        {saving ? t('timeline.note.saving') : t('timeline.note.add')}
      </button>
    </form>
  );
}

/** Everything that happened to the lead, newest first, with message texts where we have them. */
export function Timeline({ entries, error, loading, onRetry, messages, messagesFailed, userName, onAddNote }: Props) {
  const { t } = useTranslation(['leads', 'common']);
  const format = useFormat();
  const filterId = useId();
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const me = useAuthStore((state) => state.user?.id);
  const byId = new Map(messages.map((message) => [message.id, message]));

  let body;
  if (loading) body = <Skeleton lines={6} />;
  else if (!entries) body = <ErrorState error={error} onRetry={onRetry} />;
  else {
    const items = entries.map((entry) => describe(entry, { t, userName, messages: byId, me })).filter((item) => filter === 'all' || item.category === filter);
    body =
      items.length === 0 ? (
        <EmptyState title={entries.length === 0 ? t('timeline.empty') : t('timeline.emptyFiltered')} />
      ) : (
        <>
          <ol className="timeline">
            {items.map((item) => {
              const Icon = ICONS[item.entry.type] ?? FilePen;
              const inbound = item.entry.type === 'message_received';
              return (
                <li key={item.entry.id} className={`timeline__item timeline__item--${item.category}`}>
                  <span className="timeline__icon" aria-hidden="true">
                    <Icon />
                  </span>
                  <div className="timeline__body">
                    <p className="timeline__title">{item.title}</p>
                    {item.message?.text && <blockquote className={inbound ? 'timeline__message timeline__message--in' : 'timeline__message'}>{item.message.text}</blockquote>}
                    {item.detail && <p className="timeline__detail muted">{item.detail}</p>}
                    <p className="timeline__meta muted">
                      <span>{item.actor}</span>
                      {' · '}
                      <time dateTime={item.entry.createdAt} title={format.dateTime(item.entry.createdAt)}>
                        {format.relative(item.entry.createdAt)}
                      </time>
                    </p>
                  </div>
                </li>
              );
            })}
          </ol>
          {entries.length >= ACTIVITY_LIMIT && <p className="muted timeline__limit">{t('timeline.limit', { count: ACTIVITY_LIMIT })}</p>}
        </>
      );
  }

  return (
    <section className="card lead-card lead-timeline" aria-labelledby="lead-timeline-title">
      <div className="lead-card__heading">
        <div>
          <h2 id="lead-timeline-title" className="lead-card__title">
            {t('timeline.title')}
          </h2>
          <p className="muted card__description">{t('timeline.description')}</p>
        </div>
        <div className="inline-field">
          <label htmlFor={filterId}>{t('timeline.filter')}</label>
          <select id={filterId} className="select select--compact" value={filter} onChange={(event) => setFilter(event.target.value as TimelineFilter)}>
            {TIMELINE_FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(`timeline.filters.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {onAddNote && <NoteComposer onAdd={onAddNote} />}
      {messagesFailed && <p className="muted">{t('timeline.conversationError')}</p>}
      {body}
    </section>
  );
}
