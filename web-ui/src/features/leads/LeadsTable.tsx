import { ArrowDown, ArrowUp, ArrowUpDown, Ban, Hourglass } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Lead } from '../../api/types';
import { ChannelBadge, StageBadge, StatusBadge } from '../../components/ui';
import { useFormat } from '../../i18n/format';
import type { LeadSort } from './filters';
import { useLeadSelection } from './selection';

interface Props {
  leads: readonly Lead[];
  sort: LeadSort;
  onSort: (sort: LeadSort) => void;
  /** Checkboxes and the bulk bar. */
  selectable: boolean;
  assigneeName: (id: string | undefined) => string;
}

/** A lead's name for lists: its name, else its phone or e-mail, else "Lead sin nombre". */
export function leadLabel(lead: Pick<Lead, 'name' | 'phone' | 'email'>, unnamed: string): string {
  return lead.name || lead.phone || lead.email || unnamed;
}

function SortHeader({ column, label, sort, onSort }: { column: 'score' | 'createdAt'; label: string; sort: LeadSort; onSort: (sort: LeadSort) => void }) {
  const { t } = useTranslation('leads');
  const current = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
  const Icon = current === 'ascending' ? ArrowUp : current === 'descending' ? ArrowDown : ArrowUpDown;
  // first click sorts the "interesting" way (highest score, newest), the next one reverses
  const next: LeadSort = current === 'descending' ? column : `-${column}`;
  return (
    <th scope="col" aria-sort={current}>
      <button type="button" className="leads-table__sort" onClick={() => onSort(next)} title={t('table.sortBy', { column: label })}>
        {label}
        <Icon className="leads-table__sort-icon" aria-hidden="true" />
      </button>
    </th>
  );
}

function SelectAll({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation('leads');
  const selected = useLeadSelection((state) => state.ids);
  const toggleAll = useLeadSelection((state) => state.toggleAll);
  const box = useRef<HTMLInputElement>(null);
  const count = ids.filter((id) => selected.has(id)).length;
  const all = ids.length > 0 && count === ids.length;
  useEffect(() => {
    if (box.current) box.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return <input ref={box} type="checkbox" checked={all} onChange={() => toggleAll(ids)} aria-label={t('table.selectAll')} />;
}

function RowCheckbox({ id, label }: { id: string; label: string }) {
  const { t } = useTranslation('leads');
  const checked = useLeadSelection((state) => state.ids.has(id));
  const toggle = useLeadSelection((state) => state.toggle);
  return <input type="checkbox" checked={checked} onChange={() => toggle(id)} aria-label={t('table.selectRow', { name: label })} />;
}

/** The leads as a table: each name a link to the lead's page; score and date columns sort. */
export function LeadsTable({ leads, sort, onSort, selectable, assigneeName }: Props) {
  const { t } = useTranslation(['leads', 'common']);
  const format = useFormat();
  const ids = leads.map((lead) => lead.id);

  return (
    // focusable, so keyboard users can scroll it sideways on a narrow screen
    <div className="leads-table__scroll" role="region" aria-label={t('table.caption')} tabIndex={0}>
      <table className="leads-table">
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr>
            {selectable && (
              <th scope="col" className="leads-table__check">
                <SelectAll ids={ids} />
              </th>
            )}
            <th scope="col">{t('table.lead')}</th>
            <th scope="col">{t('table.status')}</th>
            <SortHeader column="score" label={t('table.score')} sort={sort} onSort={onSort} />
            <th scope="col">{t('table.stage')}</th>
            <th scope="col">{t('table.searching')}</th>
            <th scope="col">{t('table.assignee')}</th>
            <SortHeader column="createdAt" label={t('table.created')} sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => {
            const label = leadLabel(lead, t('table.unnamed'));
            const channel = lead.identities[0]?.channel;
            const contact = lead.name ? lead.phone || lead.email : undefined;
            return (
              <tr key={lead.id}>
                {selectable && (
                  <td className="leads-table__check">
                    <RowCheckbox id={lead.id} label={label} />
                  </td>
                )}
                <th scope="row" className="leads-table__name">
                  <Link to={`/leads/${lead.id}`}>{label}</Link>
                  {contact && <span className="leads-table__contact muted">{contact}</span>}
                  {(channel || lead.staleSince || lead.optedOutAt) && (
                    <span className="leads-table__flags">
                      {channel && <ChannelBadge channel={channel} />}
                      {lead.staleSince && (
                        <span className="leads-flag leads-flag--stale">
                          <Hourglass aria-hidden="true" />
                          {t('table.stale')}
                        </span>
                      )}
                      {lead.optedOutAt && (
                        <span className="leads-flag leads-flag--optout">
                          <Ban aria-hidden="true" />
                          {t('table.optedOut')}
                        </span>
                      )}
                    </span>
                  )}
                </th>
                <td>
                  <StatusBadge status={lead.status} />
                </td>
                <td className="leads-table__score">{format.number(lead.score)}</td>
                <td>
                  <StageBadge stage={lead.stage} />
                </td>
                <td className="leads-table__searching">
                  {lead.facts.location || lead.facts.budget ? (
                    <>
                      {lead.facts.location && <span>{lead.facts.location}</span>}
                      {lead.facts.budget && <span className="leads-table__money">{format.money(lead.facts.budget)}</span>}
                    </>
                  ) : (
                    t('common:format.empty')
                  )}
                </td>
                <td>{assigneeName(lead.assignedTo)}</td>
                <td>
                  <time dateTime={lead.createdAt} title={format.dateTime(lead.createdAt)}>
                    {format.date(lead.createdAt)}
                  </time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
