import { useDraggable } from '@dnd-kit/core';
import { GripVertical, Lock } from 'lucide-react';
import { forwardRef, type CSSProperties, type HTMLAttributes, type KeyboardEventHandler, type PointerEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Lead } from '../../api/types';
import { ChannelBadge, StatusBadge } from '../../components/ui';
import { useFormat } from '../../i18n/format';

const DAY_MS = 86_400_000;

/** Whole days since the lead entered its stage (0 today); undefined when the server did not say. */
export function daysInStage(lead: Lead, now: Date = new Date()): number | undefined {
  if (!lead.stageEnteredAt) return undefined;
  return Math.max(0, Math.floor((now.getTime() - new Date(lead.stageEnteredAt).getTime()) / DAY_MS));
}

export const leadName = (lead: Lead, unnamed: string) => lead.name || lead.phone || lead.email || unnamed;

interface CardBodyProps {
  lead: Lead;
  /** The assignee's name, "Tú", "Sin asignar"… */
  agent: string;
}

/** What a card shows: name, score, status, channel, budget, agent and days in stage. */
function CardBody({ lead, agent }: CardBodyProps) {
  const { t } = useTranslation('pipeline');
  const format = useFormat();
  const name = leadName(lead, t('card.unnamed'));
  const channel = lead.identities[0]?.channel;
  const days = daysInStage(lead);
  return (
    <>
      <div className="lead-card__top">
        <Link to={`/leads/${lead.id}`} className="lead-card__name" aria-label={t('card.open', { name })} draggable={false}>
          {name}
        </Link>
        <span className="score lead-card__score" title={t('card.score')}>
          <span className="visually-hidden">{t('card.score')} </span>
          {lead.score}
        </span>
      </div>
      <div className="lead-card__badges">
        <StatusBadge status={lead.status} />
        {channel && <ChannelBadge channel={channel} />}
      </div>
      <dl className="lead-card__facts">
        {lead.facts.budget && (
          <div>
            <dt className="visually-hidden">{t('card.budget')}</dt>
            <dd>{format.money(lead.facts.budget)}</dd>
          </div>
        )}
        <div>
          <dt className="visually-hidden">{t('card.agent')}</dt>
          <dd>{agent}</dd>
        </div>
        {days !== undefined && (
          <div>
            <dt className="visually-hidden">{t('card.timeInStage')}</dt>
            <dd>{t('card.daysInStage', { count: days })}</dd>
          </div>
        )}
      </dl>
    </>
  );
}

interface LeadCardProps {
  lead: Lead;
  agent: string;
  /** Closed leads an agent may not reopen: shown, not draggable. */
  locked: boolean;
}

/** A draggable lead: the whole card answers the pointer, its handle the keyboard. */
export function LeadCard({ lead, agent, locked }: LeadCardProps) {
  const { t } = useTranslation('pipeline');
  const name = leadName(lead, t('card.unnamed'));
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: lead.id,
    data: { lead, stage: lead.stage },
    disabled: locked,
  });
  // the pointer may grab the whole card; the keyboard only the handle (the card also holds a link)
  const onPointerDown = listeners?.onPointerDown as PointerEventHandler<HTMLElement> | undefined;
  const onKeyDown = listeners?.onKeyDown as KeyboardEventHandler<HTMLButtonElement> | undefined;
  return (
    <CardFrame ref={setNodeRef} dragging={isDragging} locked={locked} onPointerDown={onPointerDown} data-lead-id={lead.id}>
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="lead-card__handle icon-button"
        {...attributes}
        onKeyDown={onKeyDown}
        aria-label={locked ? t('card.dragLocked', { name }) : t('card.drag', { name })}
        aria-disabled={locked || undefined}
        title={locked ? t('board.closedLocked') : undefined}
      >
        {locked ? <Lock aria-hidden="true" /> : <GripVertical aria-hidden="true" />}
      </button>
      <div className="lead-card__body">
        <CardBody lead={lead} agent={agent} />
      </div>
    </CardFrame>
  );
}

interface CardFrameProps extends HTMLAttributes<HTMLElement> {
  dragging?: boolean;
  locked?: boolean;
  overlay?: boolean;
  style?: CSSProperties;
}

const CardFrame = forwardRef<HTMLElement, CardFrameProps>(function CardFrame({ dragging, locked, overlay, className, children, ...rest }, ref) {
  const classes = ['lead-card', dragging && 'lead-card--dragging', locked && 'lead-card--locked', overlay && 'lead-card--overlay', className]
    .filter(Boolean)
    .join(' ');
  return (
    <article ref={ref} className={classes} {...rest}>
      {children}
    </article>
  );
});

/** The card that follows the pointer (or the keyboard) while dragging. */
export function LeadCardOverlay({ lead, agent }: { lead: Lead; agent: string }) {
  return (
    <CardFrame overlay inert>
      <span className="lead-card__handle icon-button" aria-hidden="true">
        <GripVertical />
      </span>
      <div className="lead-card__body">
        <CardBody lead={lead} agent={agent} />
      </div>
    </CardFrame>
  );
}
