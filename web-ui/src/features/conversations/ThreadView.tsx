import { Ban, Bot, ExternalLink, TriangleAlert, UserRound } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChannelBadge, ErrorState, notify, Skeleton } from '../../components/ui';
import { useFormat } from '../../i18n/format';
import type { ChatMessage } from './api';
import { Composer } from './Composer';
import { currentConversation, useInboxStore, type Thread } from './inboxStore';
import { leadLabel, usePeople } from './labels';

const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

function MessageItem({ message, thread }: { message: ChatMessage; thread: Thread }) {
  const { t } = useTranslation('conversations');
  const format = useFormat();
  const people = usePeople();
  const at = new Date(message.createdAt);
  const time = sameDay(at, new Date())
    ? format.date(at, { hour: '2-digit', minute: '2-digit' })
    : format.date(at, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const outbound = message.direction === 'outbound';
  const status =
    message.deliveryStatus === 'failed' && message.error
      ? t('delivery.failedBecause', { error: message.error })
      : t(`delivery.${message.deliveryStatus}`, { defaultValue: message.deliveryStatus });
  return (
    <li className={`message message--${message.senderType} ${outbound ? 'message--out' : 'message--in'}`}>
      <div className="message__bubble">
        <p className="message__sender">{people.sender(message, thread.lead)}</p>
        <p className="message__text">{message.text}</p>
        <p className="message__meta">
          <time dateTime={message.createdAt}>{time}</time>
          {outbound && <span className={`message__status message__status--${message.deliveryStatus}`}> · {status}</span>}
        </p>
      </div>
    </li>
  );
}

interface ThreadViewProps {
  leadId: string;
  thread: Thread | undefined;
}

/** One lead's conversation: messages, who answers, take over / reply / release. */
export function ThreadView({ leadId, thread }: ThreadViewProps) {
  const { t } = useTranslation(['conversations', 'common']);
  const format = useFormat();
  const people = usePeople();
  const { takeOver, release, reply, replyTemplate, loadThread } = useInboxStore();
  const [busy, setBusy] = useState(false);
  const log = useRef<HTMLOListElement>(null);
  const newest = thread?.messages.at(-1)?.id;

  // keep the newest message in view
  useEffect(() => {
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [newest, leadId]);

  if (!thread || (thread.status === 'loading' && thread.messages.length === 0)) {
    return (
      <section className="thread card">
        <Skeleton lines={6} />
      </section>
    );
  }
  if (thread.status === 'error') {
    return (
      <section className="thread card">
        <ErrorState error={thread.error} onRetry={() => void loadThread(leadId)} />
      </section>
    );
  }

  const name = leadLabel(thread.lead, t('list.unnamed'));
  const conversation = currentConversation(thread);
  const holder = people.holder(conversation);
  const staff = people.me?.role === 'ADMIN' || people.me?.role === 'AGENT';
  const mine = conversation?.takenOverBy !== undefined && conversation.takenOverBy === people.me?.id;
  const held = Boolean(conversation?.takenOverBy || conversation?.escalation);
  const optedOut = Boolean(thread.lead.optedOutAt);
  const HolderIcon = holder.kind === 'ai' ? Bot : holder.kind === 'human' ? UserRound : TriangleAlert;

  const act = async (action: 'takeOver' | 'release') => {
    setBusy(true);
    const ok = action === 'takeOver' ? await takeOver(leadId) : await release(leadId);
    setBusy(false);
    if (ok) notify(action === 'takeOver' ? t('thread.tookOver') : t('thread.released'), action === 'takeOver' ? 'success' : 'info');
  };

  return (
    <section className="thread card" aria-labelledby="thread-title">
      <header className="thread__header">
        <div className="thread__who">
          <h2 id="thread-title" className="thread__title">
            {name}
          </h2>
          <div className="thread__badges">
            {conversation && <ChannelBadge channel={conversation.provider} />}
            <span className={`state-badge state-badge--${holder.kind}`}>
              <HolderIcon aria-hidden="true" className="badge__icon" />
              {holder.text}
            </span>
            {optedOut && (
              <span className="state-badge state-badge--opted-out">
                <Ban aria-hidden="true" className="badge__icon" />
                {t('state.optedOut')}
              </span>
            )}
            <Link to={`/leads/${thread.lead.id}`} className="thread__lead-link">
              <ExternalLink aria-hidden="true" className="badge__icon" />
              {t('thread.openLead')}
            </Link>
          </div>
        </div>
        {staff && conversation && (
          <div className="thread__actions">
            {!mine && (
              <button type="button" className="button" onClick={() => void act('takeOver')} disabled={busy}>
                {t('thread.takeOver')}
              </button>
            )}
            {held && (
              <button type="button" className="button button--secondary" onClick={() => void act('release')} disabled={busy}>
                {t('thread.release')}
              </button>
            )}
          </div>
        )}
      </header>

      {conversation?.escalation && (
        <p className="thread__banner thread__banner--escalated" role="status">
          <TriangleAlert aria-hidden="true" className="notice__icon" />
          {t('thread.escalatedBanner', {
            reason: t(`escalation.${conversation.escalation}`, { defaultValue: conversation.escalation }),
            when: conversation.escalatedAt ? format.relative(conversation.escalatedAt) : '',
          })}
        </p>
      )}
      {conversation?.takenOverBy && !mine && (
        <p className="thread__banner">
          {t('thread.takenBanner', {
            name: people.holderName(conversation),
            when: conversation.takenOverAt ? format.relative(conversation.takenOverAt) : '',
          })}
        </p>
      )}
      {optedOut && (
        <p className="thread__banner thread__banner--opted-out">
          <Ban aria-hidden="true" className="notice__icon" />
          {t('thread.optedOutBanner')}
        </p>
      )}

      {thread.messages.length === 0 ? (
        <p className="thread__empty muted">{t('thread.noMessages')}</p>
      ) : (
        <ol ref={log} className="thread__messages" role="log" aria-live="polite" aria-label={t('thread.messagesLabel', { name })} tabIndex={0}>
          {thread.messages.map((message) => (
            <MessageItem key={message.id} message={message} thread={thread} />
          ))}
        </ol>
      )}
      <p className="thread__typing muted" aria-live="polite">
        {thread.typing ? t('thread.typing') : ''}
      </p>
      {thread.messages.length >= 50 && <p className="thread__note muted">{t('thread.latestOnly')}</p>}

      {staff ? (
        conversation && (
          <Composer
            leadId={leadId}
            disabled={optedOut}
            onReply={(text) => reply(leadId, text)}
            onTemplate={(template) => replyTemplate(leadId, template)}
          />
        )
      ) : (
        <p className="thread__note muted">{t('thread.readOnly')}</p>
      )}
    </section>
  );
}
