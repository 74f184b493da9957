import type { TFunction } from 'i18next';
import { LEAD_STATUSES, PIPELINE_STAGES, type LeadStatus, type PipelineStage } from '../../../api/types';
import type { ActivityEntry, ChatMessage } from '../api';

/** How the timeline groups entries for its "Mostrar" filter. */
export const TIMELINE_FILTERS = ['all', 'messages', 'pipeline', 'changes'] as const;
export type TimelineFilter = (typeof TIMELINE_FILTERS)[number];
export type TimelineCategory = Exclude<TimelineFilter, 'all'>;

const CATEGORY: Record<string, TimelineCategory> = {
  message_received: 'messages',
  message_sent: 'messages',
  takeover: 'messages',
  release: 'messages',
  escalation: 'messages',
  opt_out: 'messages',
  call: 'messages',
  stage_changed: 'pipeline',
  lead_closed: 'pipeline',
  lead_reopened: 'pipeline',
  score_changed: 'pipeline',
  lead_stale: 'pipeline',
  appointment: 'pipeline',
};

export const categoryOf = (entry: ActivityEntry): TimelineCategory => CATEGORY[entry.type] ?? 'changes';

export const STAGE_MOVES = ['stage_changed', 'lead_closed', 'lead_reopened'] as const;

export const isStageMove = (entry: ActivityEntry) => (STAGE_MOVES as readonly string[]).includes(entry.type);

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const isStage = (value: unknown): value is PipelineStage => PIPELINE_STAGES.includes(value as PipelineStage);
const isStatus = (value: unknown): value is LeadStatus => LEAD_STATUSES.includes(value as LeadStatus);

export interface TimelineItem {
  entry: ActivityEntry;
  category: TimelineCategory;
  title: string;
  /** A second line: the reason, the source, what changed. */
  detail?: string;
  /** The message's text, for message entries whose message is among the loaded ones. */
  message?: ChatMessage;
  /** Who did it: "Sistema", "Asistente IA", "El lead", a user's name. */
  actor: string;
}

interface Context {
  t: TFunction<['leads', 'common']>;
  /** A user's display name ("Tú", their name, "Otro usuario"). */
  userName: (id: string | undefined) => string;
  messages: ReadonlyMap<string, ChatMessage>;
  /** The signed-in user's id ("Te lo asignaron" rather than "Asignado a Tú"). */
  me?: string;
}

const stageName = (t: Context['t'], value: unknown) => (isStage(value) ? t(`common:stage.${value}`) : String(value ?? '?'));

/** Field names as the timeline says them ("nombre, teléfono"; facts by their labels). */
function fieldList(t: Context['t'], value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value
    .map((field) => {
      const key = String(field);
      if (['name', 'phone', 'email', 'tags', 'notes'].includes(key)) return t(`timeline.fields.${key}` as 'timeline.fields.name');
      return t(`facts.${key}` as 'facts.location', { defaultValue: key }).toLowerCase();
    })
    .join(', ');
}

/** One activity entry in words. */
export function describe(entry: ActivityEntry, { t, userName, messages, me }: Context): TimelineItem {
  const d = entry.details;
  const actor =
    entry.actorType === 'user'
      ? entry.actorName
        ? entry.actorName
        : entry.actorUserId
        ? userName(entry.actorUserId)
        : t('timeline.actors.user')
      : t(`timeline.actors.${entry.actorType}` as 'timeline.actors.system', { defaultValue: t('timeline.actors.system') });
  const item: TimelineItem = { entry, category: categoryOf(entry), title: '', actor };
  const type = entry.type;

  switch (type) {
    case 'message_received':
    case 'message_sent': {
      item.title = type === 'message_sent' && entry.actorType === 'ai' ? t('timeline.types.message_sent_ai') : t(`timeline.types.${type}`);
      const id = text(d.messageId);
      if (id) item.message = messages.get(id);
      const provider = text(d.provider);
      if (provider) item.detail = t(`timeline.sources.${provider}` as 'timeline.sources.api', { defaultValue: provider });
      if (d.failed) item.detail = [item.detail, t('timeline.deliveryFailed')].filter(Boolean).join(' · ');
      break;
    }
    case 'stage_changed':
    case 'lead_closed':
    case 'lead_reopened':
      item.title = t(`timeline.types.${type}`, { from: stageName(t, d.from), to: stageName(t, d.to) });
      item.detail = [text(d.rule) && t(`stage.rules.${String(d.rule)}` as 'stage.rules.manual', { defaultValue: String(d.rule) }), text(d.reason)]
        .filter(Boolean)
        .join(': ');
      break;
    case 'score_changed': {
      item.title = t('timeline.types.score_changed', { from: String(d.from ?? '?'), to: String(d.to ?? '?') });
      if (isStatus(d.statusFrom) && isStatus(d.statusTo) && d.statusFrom !== d.statusTo) {
        item.detail = t('timeline.types.score_status', { from: t(`common:status.${d.statusFrom}`), to: t(`common:status.${d.statusTo}`) });
      }
      break;
    }
    case 'facts_updated':
    case 'lead_updated': {
      const fields = fieldList(t, d.fields);
      item.title = fields ? t(`timeline.types.${type}`, { fields }) : t('timeline.types.lead_completed');
      const source = text(d.source);
      if (source) item.detail = t(`timeline.sources.${source}` as 'timeline.sources.api', { line: d.line, defaultValue: source });
      break;
    }
    case 'assigned':
      item.title = !d.to
        ? t('timeline.types.unassigned')
        : d.to === me
          ? t('timeline.types.assignedYou')
          : t('timeline.types.assigned', { to: userName(text(d.to)) });
      break;
    case 'lead_created': {
      item.title = t('timeline.types.lead_created');
      const source = text(d.source);
      if (source) item.detail = t(`timeline.sources.${source}` as 'timeline.sources.api', { line: d.line, defaultValue: source });
      break;
    }
    case 'escalation': {
      item.title = t('timeline.types.escalation');
      const reason = text(d.reason);
      if (reason) item.detail = t(`timeline.escalations.${reason}` as 'timeline.escalations.complaint', { defaultValue: reason });
      break;
    }
    case 'lead_stale':
      item.title = t('timeline.types.lead_stale');
      if (typeof d.staleAfterDays === 'number') item.detail = t('timeline.staleDays', { days: d.staleAfterDays });
      break;
    case 'note':
      item.title = t('timeline.types.note');
      item.detail = text(d.text) ?? text(d.note);
      break;
    case 'call':
    case 'appointment':
    case 'campaign_step':
    case 'takeover':
    case 'release':
    case 'opt_out':
    case 'lead_deleted':
      item.title = t(`timeline.types.${type}`);
      break;
    default:
      item.title = t('timeline.types.other');
  }
  if (item.detail === '') delete item.detail;
  return item;
}
