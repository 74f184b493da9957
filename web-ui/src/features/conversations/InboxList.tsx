import { Ban, Bot, MessagesSquare, TriangleAlert, UserRound } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChannelBadge, EmptyState, Spinner } from '../../components/ui';
import { useFormat } from '../../i18n/format';
import { CHAT_PROVIDERS, type ChatProvider } from './api';
import { activityAt, currentConversation, lastMessage, unreadCount, type Thread } from './inboxStore';
import { leadLabel, usePeople } from './labels';
import type { LastSeen } from './lastSeen';

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

interface InboxListProps {
  threads: Thread[];
  lastSeen: LastSeen;
  selected: string | null;
}

/** The inbox: one row per lead, most recent first, with what needs attention on it. */
export function InboxList({ threads, lastSeen, selected }: InboxListProps) {
  const { t } = useTranslation('conversations');
  const id = useId();
  const [channel, setChannel] = useState<ChatProvider | ''>('');
  const [query, setQuery] = useState('');

  const shown = useMemo(() => {
    const words = fold(query.trim());
    return threads.filter((thread) => {
      if (channel && !thread.conversations.some((conversation) => conversation.provider === channel)) return false;
      if (!words) return true;
      const { name = '', phone = '', email = '' } = thread.lead;
      return fold(`${name} ${phone} ${email}`).includes(words);
    });
  }, [threads, channel, query]);

  return (
    <section className="inbox" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('list.label')}
      </h2>
      <div className="inbox__filters" role="search" aria-label={t('list.filters')}>
        <div className="field">
          <label htmlFor={`${id}-channel`}>{t('list.channel')}</label>
          <select id={`${id}-channel`} className="select select--compact" value={channel} onChange={(event) => setChannel(event.target.value as ChatProvider | '')}>
            <option value="">{t('list.allChannels')}</option>
            {CHAT_PROVIDERS.map((provider) => (
              <option key={provider} value={provider}>
                {t(`channel.${provider}`, { ns: 'common' })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('list.search')}</label>
          <input id={`${id}-q`} type="search" value={query} placeholder={t('list.searchPlaceholder')} onChange={(event) => setQuery(event.target.value)} />
        </div>
      </div>
      {shown.length === 0 ? (
        <EmptyState
          icon={MessagesSquare}
          title={threads.length === 0 ? t('list.emptyTitle') : t('list.emptyFilteredTitle')}
        >
          {threads.length === 0 ? t('list.emptyText') : t('list.emptyFilteredText')}
        </EmptyState>
      ) : (
        <ul className="inbox__list">
          {shown.map((thread) => (
            <InboxRow key={thread.lead.id} thread={thread} seenAt={lastSeen[thread.lead.id]} selected={thread.lead.id === selected} />
          ))}
        </ul>
      )}
    </section>
  );
}

function InboxRow({ thread, seenAt, selected }: { thread: Thread; seenAt: string | undefined; selected: boolean }) {
  const { t } = useTranslation('conversations');
  const format = useFormat();
  const people = usePeople();
  const conversation = currentConversation(thread);
  const last = lastMessage(thread);
  const unread = selected ? 0 : unreadCount(thread, seenAt);
  const holder = people.holder(conversation);
  const escalated = Boolean(conversation?.escalation);
  const name = leadLabel(thread.lead, t('list.unnamed'));
  const prefix = last ? people.previewPrefix(last) : '';
  const classes = ['inbox-row', selected && 'inbox-row--selected', escalated && 'inbox-row--escalated', unread > 0 && 'inbox-row--unread']
    .filter(Boolean)
    .join(' ');
  const HolderIcon = holder.kind === 'ai' ? Bot : holder.kind === 'human' ? UserRound : TriangleAlert;

  return (
    <li>
      <Link to={{ search: `?lead=${encodeURIComponent(thread.lead.id)}` }} className={classes} aria-current={selected ? 'true' : undefined} data-lead-id={thread.lead.id}>
        <span className="inbox-row__top">
          <span className="inbox-row__name">{name}</span>
          <time className="inbox-row__time muted" dateTime={activityAt(thread)}>
            {format.relative(activityAt(thread))}
          </time>
        </span>
        <span className="inbox-row__preview muted">
          {thread.status === 'loading' && !last ? (
            <Spinner compact label={t('list.loadingThread')} />
          ) : thread.status === 'error' ? (
            t('list.threadError')
          ) : last ? (
            <>
              {prefix && <span className="inbox-row__prefix">{prefix}: </span>}
              {last.text}
            </>
          ) : (
            t('list.noMessages')
          )}
        </span>
        <span className="inbox-row__badges">
          {conversation && <ChannelBadge channel={conversation.provider} />}
          <span className={`state-badge state-badge--${holder.kind}`}>
            <HolderIcon aria-hidden="true" className="badge__icon" />
            {holder.text}
          </span>
          {thread.lead.optedOutAt && (
            <span className="state-badge state-badge--opted-out">
              <Ban aria-hidden="true" className="badge__icon" />
              {t('state.optedOut')}
            </span>
          )}
          {unread > 0 && (
            <span className="unread-count" title={t('list.unread', { count: unread })}>
              <span aria-hidden="true">{unread >= 50 ? '50+' : unread}</span>
              <span className="visually-hidden">{t('list.unread', { count: unread })}</span>
            </span>
          )}
        </span>
      </Link>
    </li>
  );
}
