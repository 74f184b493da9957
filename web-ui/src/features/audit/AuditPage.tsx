import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ScrollText } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, ErrorState, PageHeader, Skeleton, Spinner } from '../../components/ui';
import { useFormat, type Formatters } from '../../i18n/format';
import { useActiveBrokerId } from '../../stores/broker';
import { auditApi, auditKeys, type AuditEntry, type AuditFilters } from './api';
import { fieldChanges, type FieldChange, type Json } from './changes';
import './audit.css';

/** Actions with their own words (the rest read as "area.verb" turned into words). */
export const KNOWN_ACTIONS = [
  'broker_config.update',
  'broker.update',
  'user.create',
  'user.update',
  'user.deactivate',
  'user.activate',
  'lead.create',
  'lead.update',
  'lead.assign',
  'lead.stage',
  'lead.delete',
  'lead.import',
  'lead.export',
  'auth.login_failed',
  'auth.register',
] as const;

const MAX_SHOWN = 6;


function useLabels() {
  const { t, i18n } = useTranslation('audit');
  const field = (path: string): string => {
    const key = `fields.${path}`;
    if (i18n.exists(key, { ns: 'audit' })) return t(key as 'fields.name');
    const [head, ...rest] = path.split('.');
    if (rest.length && head && i18n.exists(`fields.${head}`, { ns: 'audit' })) {
      const tail = rest.join('.');
      const tailLabel = i18n.exists(`fields.${tail}`, { ns: 'audit' }) ? t(`fields.${tail}` as 'fields.name').toLowerCase() : tail.replace(/_/g, ' ');
      return `${t(`fields.${head}` as 'fields.name')} · ${tailLabel}`;
    }
    return path.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[._]/g, ' ').toLowerCase();
  };
  const action = (entry: AuditEntry): string => {
    if (entry.action === 'broker_config.update') {
      const kind = entry.resourceType.replace(/^broker_/, '').replace(/_config$/, '');
      return i18n.exists(`configs.${kind}`, { ns: 'audit' }) ? t('actions.configUpdate', { config: t(`configs.${kind}` as 'configs.lead') }) : t('actions.broker_config.update');
    }
    const key = `actions.${entry.action}`;
    return i18n.exists(key, { ns: 'audit' }) ? t(key as 'actions.user.create') : entry.action.replace(/[._]/g, ' ');
  };
  return { t, field, action };
}

function formatValue(value: Json | undefined, format: Formatters, t: (key: 'values.yes' | 'values.no' | 'values.empty') => string): string {
  if (value === undefined || value === null || value === '') return t('values.empty');
  if (typeof value === 'boolean') return value ? t('values.yes') : t('values.no');
  if (typeof value === 'number') return format.number(value);
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return format.dateTime(value);
    return value;
  }
  if (Array.isArray(value)) return value.length === 0 ? t('values.empty') : value.map((item) => formatValue(item, format, t)).join(', ');
  return Object.entries(value)
    .map(([key, item]) => `${key}: ${formatValue(item, format, t)}`)
    .join(', ');
}

/** Values with words of their own: roles, stages, temperatures, channels. */
const ENUM_FIELDS: Record<string, 'roles' | 'stage' | 'status' | 'channel'> = {
  role: 'roles',
  stage: 'stage',
  status: 'status',
  enabledProviders: 'channel',
  defaultProvider: 'channel',
};

function ChangeLine({ change }: { change: FieldChange }) {
  const { t, field } = useLabels();
  const { t: common, i18n } = useTranslation('common');
  const format = useFormat();
  const group = ENUM_FIELDS[change.path];
  const word = (v: Json | undefined): Json | undefined => {
    if (!group) return v;
    if (typeof v === 'string') return i18n.exists(`${group}.${v}`, { ns: 'common' }) ? common(`${group}.${v}` as 'roles.ADMIN') : v;
    if (Array.isArray(v)) return v.map((item) => word(item) ?? null);
    return v;
  };
  const value = (v: Json | undefined) => formatValue(word(v), format, t);
  return (
    <li className="audit-change">
      <span className="audit-change__field">{field(change.path)}:</span>{' '}
      {change.kind === 'changed' ? (
        <>
          <del className="audit-change__before">{value(change.before)}</del>
          <span aria-hidden="true"> → </span>
          <span className="visually-hidden"> {t('changes.to')} </span>
          <ins className="audit-change__after">{value(change.after)}</ins>
        </>
      ) : change.kind === 'added' ? (
        <ins className="audit-change__after">{value(change.after)}</ins>
      ) : (
        <>
          <del className="audit-change__before">{value(change.before)}</del> <span className="muted">{t('changes.removed')}</span>
        </>
      )}
    </li>
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useLabels();
  const [all, setAll] = useState(false);
  const changes = fieldChanges(entry.before, entry.after);
  if (changes.length === 0) return <span className="muted">{t('changes.none')}</span>;
  const shown = all ? changes : changes.slice(0, MAX_SHOWN);
  return (
    <>
      <ul className="audit-changes">
        {shown.map((change) => (
          <ChangeLine key={change.path} change={change} />
        ))}
      </ul>
      {changes.length > MAX_SHOWN && (
        <button type="button" className="audit-more" onClick={() => setAll((open) => !open)} aria-expanded={all}>
          {all ? t('changes.fewer') : t('changes.more', { count: changes.length - MAX_SHOWN })}
        </button>
      )}
    </>
  );
}

function Filters({ filters, users, onChange }: { filters: AuditFilters; users: { id: string; name: string }[]; onChange: (filters: AuditFilters) => void }) {
  const { t, action } = useLabels();
  const id = useId();
  const set = (key: keyof AuditFilters, value: string) => onChange({ ...filters, [key]: value || undefined });
  return (
    <form className="audit-filters" role="search" aria-label={t('filters.label')} onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-action`}>{t('filters.action')}</label>
        <select id={`${id}-action`} className="select" value={filters.action ?? ''} onChange={(event) => set('action', event.target.value)}>
          <option value="">{t('filters.anyAction')}</option>
          {KNOWN_ACTIONS.map((known) => (
            <option key={known} value={known}>
              {action({ action: known, resourceType: '', id: '', at: '' })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-user`}>{t('filters.user')}</label>
        <select id={`${id}-user`} className="select" value={filters.userId ?? ''} onChange={(event) => set('userId', event.target.value)}>
          <option value="">{t('filters.anyUser')}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('filters.from')}</label>
        <input id={`${id}-from`} type="date" value={filters.from ?? ''} max={filters.to} onChange={(event) => set('from', event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('filters.to')}</label>
        <input id={`${id}-to`} type="date" value={filters.to ?? ''} min={filters.from} onChange={(event) => set('to', event.target.value)} />
      </div>
      {(filters.action || filters.userId || filters.from || filters.to) && (
        <button type="button" className="button button--ghost audit-filters__clear" onClick={() => onChange({})}>
          {t('filters.clear')}
        </button>
      )}
    </form>
  );
}

function AuditRow({ entry, who }: { entry: AuditEntry; who: string }) {
  const { t, action } = useLabels();
  const format = useFormat();
  return (
    <tr>
      <td className="audit-when">
        <time dateTime={entry.at} title={format.dateTime(entry.at)}>
          {format.dateTime(entry.at)}
        </time>
      </td>
      <td>{who}</td>
      <th scope="row" className="audit-what">
        {action(entry)}
        {entry.resourceId && entry.resourceType === 'lead' && (
          <>
            {' '}
            <Link to={`/leads/${encodeURIComponent(entry.resourceId)}`} className="audit-link">
              {t('openLead')}
            </Link>
          </>
        )}
        {(entry.ip || entry.requestId) && (
          <span className="muted audit-origin">
            {entry.ip ? t('origin.ip', { ip: entry.ip }) : ''}
            {entry.ip && entry.requestId ? ' · ' : ''}
            {entry.requestId ? t('origin.request', { id: entry.requestId.slice(0, 8) }) : ''}
          </span>
        )}
      </th>
      <td>
        <Changes entry={entry} />
      </td>
    </tr>
  );
}

/** `/audit` (ADMIN, SUPERADMIN): who changed what and when, as readable field changes. */
export default function AuditPage() {
  const { t } = useLabels();
  const brokerId = useActiveBrokerId();
  const [filters, setFilters] = useState<AuditFilters>({});
  const users = useQuery({ queryKey: auditKeys.users(brokerId), queryFn: ({ signal }) => auditApi.users(signal), staleTime: 5 * 60_000 });
  const log = useInfiniteQuery({
    queryKey: auditKeys.list(brokerId, filters),
    queryFn: ({ pageParam, signal }) => auditApi.list(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
    retry: 1,
  });
  const names = new Map((users.data?.items ?? []).map((user) => [user.id, user.name]));
  const who = (entry: AuditEntry) => entry.userName ?? (entry.userId ? (names.get(entry.userId) ?? t('who.platform')) : t('who.system'));
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <section className="card" aria-label={t('title')}>
        <Filters filters={filters} users={users.data?.items ?? []} onChange={setFilters} />
        {log.isPending ? (
          <Skeleton lines={8} label={t('loading')} />
        ) : log.isError && entries.length === 0 ? (
          <ErrorState error={log.error} onRetry={() => void log.refetch()} retrying={log.isFetching} />
        ) : entries.length === 0 ? (
          <EmptyState icon={ScrollText} title={filters.action || filters.userId || filters.from || filters.to ? t('emptyFiltered') : t('empty')} />
        ) : (
          <>
            <div className="audit-scroll">
              <table className="audit-table">
                <caption className="visually-hidden">{t('title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('columns.when')}</th>
                    <th scope="col">{t('columns.who')}</th>
                    <th scope="col">{t('columns.what')}</th>
                    <th scope="col">{t('columns.changes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <AuditRow key={entry.id} entry={entry} who={who(entry)} />
                  ))}
                </tbody>
              </table>
            </div>
            {log.hasNextPage && (
              <div className="audit-more-page">
                <button type="button" className="button button--secondary" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
                  {log.isFetchingNextPage ? <Spinner compact /> : null}
                  {t('more')}
                </button>
              </div>
            )}
          </>
        )}
      </section>
    </>
  );
}
