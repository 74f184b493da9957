import { Search, X } from 'lucide-react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, LEAD_STATUSES, PIPELINE_STAGES } from '../../api/types';
import type { StaffUser } from './api';
import { activeFilterCount, PERIODS, SORTS, type FiltersPatch, type LeadFilters } from './filters';

/** How long the search box waits after the last keystroke before it searches. */
export const SEARCH_DEBOUNCE_MS = 350;

interface Props {
  filters: LeadFilters;
  onChange: (patch: FiltersPatch) => void;
  onReset: () => void;
  /** Users a manager may filter by; empty for agents (who get "A mí" / "Sin asignar"). */
  users: readonly StaffUser[];
}

function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation('leads');
  const id = useId();
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastSent = useRef(value);

  // the address bar changed on its own (reset, back button): show its search
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const send = (next: string) => {
    clearTimeout(timer.current);
    const q = next.trim();
    lastSent.current = q;
    onSearch(q || undefined);
  };

  return (
    <div className="leads-filters__search">
      <label htmlFor={id} className="visually-hidden">
        {t('filters.search')}
      </label>
      <Search className="leads-filters__search-icon" aria-hidden="true" />
      <input
        id={id}
        type="search"
        className="leads-input"
        placeholder={t('filters.searchPlaceholder')}
        value={text}
        autoComplete="off"
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => send(next), SEARCH_DEBOUNCE_MS);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') send(text);
        }}
      />
    </div>
  );
}

function Select({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="leads-filters__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select select--compact" value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}

/** Search, filters and sort of the leads table; every change lands in the address bar. */
export function LeadFiltersBar({ filters, onChange, onReset, users }: Props) {
  const { t } = useTranslation(['leads', 'common']);
  const fromId = useId();
  const toId = useId();
  const scoreId = useId();
  const staleId = useId();
  const active = activeFilterCount(filters);
  const or = <T extends string>(value: string) => (value === '' ? undefined : (value as T));

  return (
    <section className="card leads-filters" aria-label={t('filters.label')}>
      <div className="leads-filters__row">
        <SearchBox value={filters.q ?? ''} onSearch={(q) => onChange({ q })} />
        <Select label={t('filters.sort')} value={filters.sort} onChange={(sort) => onChange({ sort: sort as LeadFilters['sort'] })}>
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`filters.sorts.${sort}`)}
            </option>
          ))}
        </Select>
      </div>
      <div className="leads-filters__row leads-filters__row--wrap">
        <Select label={t('filters.status')} value={filters.status ?? ''} onChange={(value) => onChange({ status: or(value) })}>
          <option value="">{t('filters.allFem')}</option>
          {LEAD_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`common:status.${status}`)}
            </option>
          ))}
        </Select>
        <Select label={t('filters.stage')} value={filters.stage ?? ''} onChange={(value) => onChange({ stage: or(value) })}>
          <option value="">{t('filters.allFem')}</option>
          {PIPELINE_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {t(`common:stage.${stage}`)}
            </option>
          ))}
        </Select>
        <Select label={t('filters.channel')} value={filters.channel ?? ''} onChange={(value) => onChange({ channel: or(value) })}>
          <option value="">{t('filters.all')}</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`common:channel.${channel}`)}
            </option>
          ))}
        </Select>
        <Select label={t('filters.assignee')} value={filters.assignedTo ?? ''} onChange={(value) => onChange({ assignedTo: or(value) })}>
          <option value="">{t('filters.all')}</option>
          <option value="me">{t('filters.me')}</option>
          <option value="none">{t('filters.none')}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
          {filters.assignedTo && !['me', 'none'].includes(filters.assignedTo) && !users.some((user) => user.id === filters.assignedTo) && (
            <option value={filters.assignedTo}>{t('table.someone')}</option>
          )}
        </Select>
        <Select label={t('filters.created')} value={filters.created ?? ''} onChange={(value) => onChange({ created: or(value) })}>
          <option value="">{t('filters.anyDate')}</option>
          {PERIODS.map((period) => (
            <option key={period} value={period}>
              {t(`filters.periods.${period}`)}
            </option>
          ))}
        </Select>
        {filters.created === 'custom' && (
          <>
            <div className="leads-filters__field">
              <label htmlFor={fromId}>{t('filters.from')}</label>
              <input
                id={fromId}
                type="date"
                className="leads-input leads-input--compact"
                value={filters.from ?? ''}
                max={filters.to}
                onChange={(event) => onChange({ from: event.target.value || undefined })}
              />
            </div>
            <div className="leads-filters__field">
              <label htmlFor={toId}>{t('filters.to')}</label>
              <input
                id={toId}
                type="date"
                className="leads-input leads-input--compact"
                value={filters.to ?? ''}
                min={filters.from}
                onChange={(event) => onChange({ to: event.target.value || undefined })}
              />
            </div>
          </>
        )}
        <div className="leads-filters__field leads-filters__field--narrow">
          <label htmlFor={scoreId}>{t('filters.minScore')}</label>
          <input
            id={scoreId}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={5}
            className="leads-input leads-input--compact"
            value={filters.minScore ?? ''}
            onChange={(event) => {
              const value = event.target.valueAsNumber;
              onChange({ minScore: Number.isInteger(value) && value >= 0 && value <= 100 ? value : undefined });
            }}
          />
        </div>
        <div className="leads-filters__check">
          <input id={staleId} type="checkbox" checked={filters.stale === true} onChange={(event) => onChange({ stale: event.target.checked || undefined })} />
          <label htmlFor={staleId}>{t('filters.stale')}</label>
        </div>
        {active > 0 && (
          <button type="button" className="button button--ghost leads-filters__clear" onClick={onReset}>
            <X className="button__icon" aria-hidden="true" />
            {t('filters.clear')}
            <span className="visually-hidden"> ({t('filters.active', { count: active })})</span>
          </button>
        )}
      </div>
    </section>
  );
}
