import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PIPELINE_STAGES, type Lead, type PipelineStage, type Role } from '../../api/types';
import { Spinner } from '../../components/ui';
import { useFormat } from '../../i18n/format';
import type { Column, Columns } from './boardStore';
import { columnCoordinates } from './keyboard';
import { LeadCard, LeadCardOverlay, leadName } from './LeadCard';
import { planMove } from './plan';

const isStage = (id: UniqueIdentifier | undefined): id is PipelineStage => PIPELINE_STAGES.includes(id as PipelineStage);

const leadOf = (data: { current?: Record<string, unknown> } | undefined): Lead | undefined => data?.current?.lead as Lead | undefined;

/** The pointer decides where it is; the keyboard (no pointer) goes by the card's overlap. */
const collision: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length > 0 ? within : rectIntersection(args);
};

interface PipelineBoardProps {
  columns: Columns;
  role: Role | undefined;
  agentLabel: (lead: Lead) => string;
  onDrop: (lead: Lead, to: PipelineStage) => void;
  onLoadMore: (stage: PipelineStage) => void;
}

/** The board: one droppable column per stage, draggable cards, with pointer and keyboard. */
export function PipelineBoard({ columns, role, agentLabel, onDrop, onLoadMore }: PipelineBoardProps) {
  const { t } = useTranslation(['pipeline', 'common']);
  const [active, setActive] = useState<Lead | null>(null);
  /** The column last announced: the start already says where the lead is, so its own column is not repeated. */
  const lastOver = useRef<UniqueIdentifier | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }),
  );

  const stageName = (stage: UniqueIdentifier | undefined) => (isStage(stage) ? t(`common:stage.${stage}`) : '');
  const nameOf = (lead: Lead | undefined) => (lead ? leadName(lead, t('card.unnamed')) : t('card.unnamed'));

  const announcements: Announcements = {
    onDragStart: ({ active: dragged }) => {
      const lead = leadOf(dragged.data);
      lastOver.current = lead?.stage ?? null;
      return t('dnd.start', { name: nameOf(lead), stage: stageName(lead?.stage) });
    },
    onDragOver: ({ active: dragged, over }) => {
      if ((over?.id ?? null) === lastOver.current) return undefined;
      lastOver.current = over?.id ?? null;
      const name = nameOf(leadOf(dragged.data));
      return over ? t('dnd.over', { name, stage: stageName(over.id) }) : t('dnd.overNone', { name });
    },
    onDragEnd: ({ active: dragged, over }) => {
      const lead = leadOf(dragged.data);
      const name = nameOf(lead);
      if (!lead) return undefined;
      if (!over || !isStage(over.id)) return t('dnd.endNone', { name, stage: stageName(lead.stage) });
      const values = { name, stage: stageName(lead.stage), from: stageName(lead.stage), to: stageName(over.id) };
      switch (planMove(lead, over.id, role)) {
        case 'none':
          return t('dnd.endSame', values);
        case 'move':
          return t('dnd.endMove', values);
        case 'close':
          return t('dnd.endClose', values);
        case 'reopen':
          return t('dnd.endReopen', values);
        case 'reopenDenied':
          return t('board.closedLocked');
        case 'closedToClosed':
          return t('board.closedToClosed');
      }
    },
    onDragCancel: ({ active: dragged }) => {
      const lead = leadOf(dragged.data);
      return t('dnd.cancel', { name: nameOf(lead), stage: stageName(lead?.stage) });
    },
  };

  const handleStart = (event: DragStartEvent) => setActive(leadOf(event.active.data) ?? null);
  const handleEnd = (event: DragEndEvent) => {
    setActive(null);
    const lead = leadOf(event.active.data);
    const to = event.over?.id;
    if (lead && isStage(to) && to !== lead.stage) onDrop(lead, to);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
      onDragStart={handleStart}
      onDragEnd={handleEnd}
      onDragCancel={() => setActive(null)}
    >
      <div className="board" role="region" aria-label={t('board.label')} tabIndex={-1}>
        {PIPELINE_STAGES.map((stage) => (
          <BoardColumn
            key={stage}
            column={columns[stage]}
            role={role}
            agentLabel={agentLabel}
            dragging={active}
            onLoadMore={() => onLoadMore(stage)}
          />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>{active ? <LeadCardOverlay lead={active} agent={agentLabel(active)} /> : null}</DragOverlay>
    </DndContext>
  );
}

interface BoardColumnProps {
  column: Column;
  role: Role | undefined;
  agentLabel: (lead: Lead) => string;
  dragging: Lead | null;
  onLoadMore: () => void;
}

function BoardColumn({ column, role, agentLabel, dragging, onLoadMore }: BoardColumnProps) {
  const { t } = useTranslation(['pipeline', 'common']);
  const format = useFormat();
  const { setNodeRef, isOver } = useDroppable({ id: column.stage, data: { stage: column.stage } });
  const headingId = `board-column-${column.stage}`;
  const plan = dragging ? planMove(dragging, column.stage, role) : 'none';
  const accepts = plan === 'move' || plan === 'close' || plan === 'reopen';
  const count =
    column.count !== null
      ? t('board.count', { count: column.count, formatted: format.number(column.count) })
      : t('board.countLoaded', { count: column.items.length, formatted: format.number(column.items.length) }) +
        (column.nextCursor ? ` ${t('board.more')}` : '');
  const classes = [
    'board-column',
    `board-column--${column.stage}`,
    isOver && accepts && 'board-column--over',
    dragging && !accepts && plan !== 'none' && 'board-column--refuses',
  ]
    .filter(Boolean)
    .join(' ');
  const locked = (lead: Lead) => (lead.stage === 'won' || lead.stage === 'lost') && planMove(lead, 'new', role) === 'reopenDenied';

  return (
    <section ref={setNodeRef} className={classes} aria-labelledby={headingId} data-stage={column.stage}>
      <header className="board-column__header">
        <h2 id={headingId} className="board-column__title">
          {t(`common:stage.${column.stage}`)}
        </h2>
        <span className="board-column__count muted">{count}</span>
      </header>
      {column.items.length === 0 ? (
        <p className="board-column__empty muted">{dragging && accepts ? t('board.dropHere') : t('board.emptyColumn')}</p>
      ) : (
        <ul className="board-column__list">
          {column.items.map((lead) => (
            <li key={lead.id}>
              <LeadCard lead={lead} agent={agentLabel(lead)} locked={locked(lead)} />
            </li>
          ))}
        </ul>
      )}
      {column.nextCursor && (
        <div className="board-column__more">
          {column.loadingMore ? (
            <Spinner compact label={t('board.loadingMore')} />
          ) : (
            <button type="button" className="button button--ghost" onClick={onLoadMore}>
              {t('board.loadMore')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
